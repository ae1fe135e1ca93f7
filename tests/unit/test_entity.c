/* test_entity.c: unit tests of the recogniser (entity.c, resolve.c, trie.c).
 *
 * Runs with the repository root as working directory: the word lists are read
 * from rules/lexicon/ *.txt through rx_lexicon_parse, as the engine does. Each
 * case is a sentence and what must (or must not) be found in it, e.g.
 *     "董事長張忠謀表示"  ->  ROLE 董事長, PERSON 張忠謀
 * Prints one line per failure and finally "N passed, M failed"; exits non-zero
 * when anything failed.
 */
#define _POSIX_C_SOURCE 200809L
#include <dirent.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "trie.h"

static int passed, failed;
static rx_ner *ner;

static void check(bool ok, const char *what, const char *text)
{
    if (ok) {
        passed++;
    } else {
        failed++;
        printf("FAIL: %s\n      in: %s\n", what, text);
    }
}

static char *read_file(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    rx_buf b = {0};
    char tmp[8192];
    size_t k;
    while ((k = fread(tmp, 1, sizeof tmp, f)) > 0)
        rx_buf_add(&b, tmp, k);
    fclose(f);
    *len = b.len;
    return b.s ? b.s : rx_strdup("");
}

static int load(rx_lexicons *lx)
{
    DIR *dp = opendir("rules/lexicon");
    if (!dp)
        return -1;
    rx_diag d = {stderr, false, 0, 0};
    struct dirent *de;
    int errors = 0;
    while ((de = readdir(dp))) {
        size_t l = strlen(de->d_name);
        if (l < 5 || strcmp(de->d_name + l - 4, ".txt"))
            continue;
        char path[512], name[256];
        snprintf(path, sizeof path, "rules/lexicon/%s", de->d_name);
        snprintf(name, sizeof name, "%.*s", (int)(l - 4), de->d_name);
        size_t len;
        char *data = read_file(path, &len);
        if (!data)
            continue;
        errors += rx_lexicon_parse(lx, name, path, data, len, &d);
        free(data);
    }
    closedir(dp);
    return errors ? -1 : 0;
}

static bool run(const char *text, rx_doc *doc)
{
    memset(doc, 0, sizeof *doc);
    const char *ec, *em;
    if (rx_decode(text, strlen(text), NULL, &doc->text, &ec, &em) < 0 || rx_text_normalize(&doc->text) < 0 ||
        rx_split_sentences(doc->text.norm, doc->text.n, 2000, &doc->sent, &doc->nsent) < 0)
        return false;
    return rx_recognize(ner, doc) == 0;
}

/* the mention whose original text is s (and type, 0 = any); -1 when none */
static int find(const rx_doc *doc, const char *s, int type)
{
    size_t len = strlen(s);
    for (size_t i = 0; i < doc->nm; i++) {
        if (type && doc->m[i].type != type)
            continue;
        rx_buf b = {0};
        for (size_t q = doc->m[i].start; q < doc->m[i].end; q++)
            rx_buf_addcp(&b, doc->text.cp[q]);
        bool eq = b.s && b.len == len && !memcmp(b.s, s, len);
        rx_buf_free(&b);
        if (eq)
            return (int)i;
    }
    return -1;
}

static void expect(const char *text, const char *s, int type)
{
    rx_doc doc;
    bool ok = run(text, &doc);
    char what[256];
    snprintf(what, sizeof what, "expected %s mention '%s'",
             type == RX_M_PERSON ? "person" : type == RX_M_ORG ? "org" : "role", s);
    check(ok && find(&doc, s, type) >= 0, what, text);
    rx_doc_free(&doc);
}

static void reject(const char *text, const char *s)
{
    rx_doc doc;
    bool ok = run(text, &doc);
    char what[256];
    snprintf(what, sizeof what, "'%s' must not be a mention", s);
    check(ok && find(&doc, s, 0) < 0, what, text);
    rx_doc_free(&doc);
}

static void not_a(const char *text, const char *s, int type)
{
    rx_doc doc;
    bool ok = run(text, &doc);
    char what[256];
    snprintf(what, sizeof what, "'%s' must not be a %s mention", s, type == RX_M_PERSON ? "person" : "other");
    check(ok && find(&doc, s, type) < 0, what, text);
    rx_doc_free(&doc);
}

static void same(const char *text, const char *a, const char *b)
{
    rx_doc doc;
    bool ok = run(text, &doc);
    int x = find(&doc, a, 0), y = find(&doc, b, 0);
    char what[256];
    snprintf(what, sizeof what, "'%s' and '%s' must be one entity", a, b);
    check(ok && x >= 0 && y >= 0 && doc.m[x].entity >= 0 && doc.m[x].entity == doc.m[y].entity, what, text);
    rx_doc_free(&doc);
}

static void former(const char *text, const char *role)
{
    rx_doc doc;
    bool ok = run(text, &doc);
    int x = find(&doc, role, RX_M_ROLE);
    char what[256];
    snprintf(what, sizeof what, "role '%s' must be marked former", role);
    check(ok && x >= 0 && (doc.m[x].flags & RX_MF_FORMER), what, text);
    rx_doc_free(&doc);
}

/* sorted, non-overlapping, entity fields consistent, names point at mentions */
static void invariants(const char *text)
{
    rx_doc doc;
    bool ok = run(text, &doc);
    for (size_t i = 0; ok && i < doc.nm; i++) {
        if (i && doc.m[i].start < doc.m[i - 1].end)
            ok = false;
        if (doc.m[i].type == RX_M_ROLE ? doc.m[i].entity != -1
                                        : (doc.m[i].entity < 0 || (size_t)doc.m[i].entity >= doc.ne))
            ok = false;
    }
    for (size_t k = 0; ok && k < doc.ne; k++)
        if (doc.e[k].name_mention >= doc.nm || doc.m[doc.e[k].name_mention].entity != (int)k)
            ok = false;
    check(ok, "mentions sorted, non-overlapping, entities consistent", text);
    rx_doc_free(&doc);
}

static void test_trie(void)
{
    rx_trie *t = rx_trie_new(true);
    uint32_t a[] = {0x9A6C, 0x65AF, 0x514B}, b[] = {0x9A6C, 0x4E91}, c[] = {'C', 'E', 'O'};
    int32_t v[RX_TRIE_NVAL] = {7, -1};
    rx_trie_add(t, a, 3, 1, v);
    rx_trie_add(t, b, 2, 2, NULL);
    rx_trie_add(t, c, 3, 4, NULL);
    uint32_t s[] = {0x9A6C, 0x65AF, 0x514B, 0x8868};
    int32_t node;
    check(rx_trie_longest(t, s, 4, 1, &node) == 3 && rx_trie_value(t, node, 0) == 7, "trie longest match", "马斯克表");
    check(rx_trie_longest(t, s, 4, 2, NULL) == 0, "trie respects bits", "马斯克表");
    uint32_t lc[] = {'c', 'e', 'o'};
    check(rx_trie_longest(t, lc, 3, 4, NULL) == 3, "trie folds ASCII case", "ceo");
    /* the direct root table gives the same answers, and adding drops it */
    check(rx_trie_freeze(t) == 0, "trie freeze", "");
    check(rx_trie_longest(t, s, 4, 1, NULL) == 3 && rx_trie_longest(t, lc, 3, 4, NULL) == 3,
          "frozen trie longest match", "马斯克表");
    rx_trie_match mt[4];
    check(rx_trie_prefixes(t, s, 4, mt, 4) == 1 && mt[0].len == 3 && mt[0].mask == 1, "trie prefixes", "马斯克表");
    int32_t fnode;
    check(rx_trie_longest(t, s, 4, 1, &fnode) == 3 && rx_trie_value(t, fnode, 0) == 7 && rx_trie_mask(t, fnode) == 1,
          "frozen trie keeps values and masks", "马斯克表");
    rx_trie_view view;
    int32_t vn = -1;
    if (rx_trie_get_view(t, &view)) {
        vn = rx_trie_view_first(&view, s[0]);
        for (int k = 1; k < 3 && vn >= 0; k++)
            vn = rx_trie_view_step(&view, vn, rx_trie_view_fold(&view, s[k]));
    }
    check(vn == fnode && view.nodes[vn].val[0] == 7 && rx_trie_view_step(&view, vn, s[3]) < 0, "trie view walks as rx_trie_step",
          "马斯克表");
    uint32_t d[] = {0x9A6C};
    rx_trie_add(t, d, 1, 8, NULL);
    check(rx_trie_prefixes(t, s, 4, mt, 4) == 2 && mt[0].len == 1 && mt[0].mask == 8 && mt[1].len == 3,
          "trie prefixes after an add", "马斯克表");
    rx_trie_free(t);

    /* a node with many children (a table larger than the filter has bits)
     * and a first character outside the BMP (the root's own table) */
    t = rx_trie_new(false);
    uint32_t key[2] = {0x4E2D, 0};
    for (uint32_t k = 0; k < 100; k++) {
        key[1] = 0x4E00 + 7 * k;
        int32_t val[RX_TRIE_NVAL] = {(int32_t)k, -1};
        rx_trie_add(t, key, 2, 1, val);
    }
    uint32_t far[] = {0x20000, 0x4E00};
    rx_trie_add(t, far, 2, 2, NULL);
    check(rx_trie_freeze(t) == 0, "trie freeze, wide node", "");
    bool all = true;
    for (uint32_t k = 0; k < 700 && all; k++) {
        key[1] = 0x4E00 + k;
        int32_t kn;
        size_t l = rx_trie_longest(t, key, 2, 1, &kn);
        all = k % 7 ? l == 0 : l == 2 && rx_trie_value(t, kn, 0) == (int32_t)(k / 7);
    }
    check(all, "frozen trie finds each of 100 children and nothing else", "中 + 100");
    check(rx_trie_longest(t, far, 2, 2, NULL) == 2, "frozen trie steps outside the BMP", "U+20000 一");
    rx_trie_free(t);
}

int main(void)
{
    rx_lexicons lx = {0};
    if (load(&lx) < 0) {
        fprintf(stderr, "test_entity: cannot load rules/lexicon (run from the repository root)\n");
        return 2;
    }
    rx_diag d = {stderr, false, 0, 0};
    ner = rx_ner_new(&lx, &d);
    rx_lexicons_free(&lx);
    if (!ner)
        return 2;

    test_trie();

    /* names glued to titles, Traditional and Simplified */
    expect("董事長張忠謀表示，公司營運穩健。", "張忠謀", RX_M_PERSON);
    expect("董事長張忠謀表示，公司營運穩健。", "董事長", RX_M_ROLE);
    expect("张忠谋董事长昨日出席股东会。", "张忠谋", RX_M_PERSON);
    expect("公司總經理 王小明說，明年會擴產。", "王小明", RX_M_PERSON);
    expect("由歐陽明接任首席執行官。", "歐陽明", RX_M_PERSON);
    expect("由歐陽明接任首席執行官。", "首席執行官", RX_M_ROLE);
    expect("王明表示同意。", "王明", RX_M_PERSON);
    former("前首席執行官李華今天離職。", "前首席執行官");
    expect("副總裁陳小紅宣布辭職。", "副總裁", RX_M_ROLE);
    reject("副總裁陳小紅宣布辭職。", "陳小紅宣");
    /* guards against common words */
    reject("他說高興的事情很多。", "高興");
    reject("黃金價格上漲，方面也有影響。", "黃金");
    reject("全部員工都同意這個方法。", "全部員");
    /* transliterated names */
    expect("澳大利亞人穆斯卡特表示將留隊。", "穆斯卡特", RX_M_PERSON);
    expect("馬斯克在推特上發文。", "馬斯克", RX_M_PERSON);
    /* Latin names */
    expect("OpenAI co-founder Ivana Novak said she is leaving.", "Ivana Novak", RX_M_PERSON);
    expect("名單包括 Liam O'Brien 和 Jan Kowalski。", "Liam O'Brien", RX_M_PERSON);
    expect("Captain Jean-Luc Picard spoke.", "Jean-Luc Picard", RX_M_PERSON);
    expect("The striker Robin van Persie scored.", "Robin van Persie", RX_M_PERSON);
    expect("Mr. Smith declined to comment.", "Smith", RX_M_PERSON);
    reject("In March, OpenAI released GPT-4o.", "In March");
    reject("In March, OpenAI released GPT-4o.", "GPT-4o");
    expect("Apple CEO Tim Cook said so.", "Tim Cook", RX_M_PERSON);
    expect("Apple CEO Tim Cook said so.", "Apple", RX_M_ORG);
    expect("Apple CEO Tim Cook said so.", "CEO", RX_M_ROLE);
    /* organisations */
    expect("他加入了中鐵高新工業股份有限公司。", "中鐵高新工業股份有限公司", RX_M_ORG);
    expect("台積電(2330)今天公布財報。", "台積電", RX_M_ORG);
    expect("天喔國際(1219)宣布行政總裁辭職。", "天喔國際", RX_M_ORG);
    expect("他曾任職於微軟亞洲研究院。", "微軟亞洲研究院", RX_M_ORG);
    expect("She joined the University of Oregon in 2015.", "University of Oregon", RX_M_ORG);
    expect("Shares of Acme Holdings fell.", "Acme Holdings", RX_M_ORG);
    expect("谷歌宣布新計劃。", "谷歌", RX_M_ORG);
    reject("這是一家子公司。", "一家子公司");
    /* aliases and coreference */
    same("Jakub Pachocki 將接替。Pachocki 表示很榮幸。", "Jakub Pachocki", "Pachocki");
    same("Ilka Novak 宣布離職。Ilka Novka 沒有回應。", "Ilka Novak", "Ilka Novka");
    /* a Latin name in brackets after the Chinese one */
    same("星河科技董事長馬可·羅西(Marco Rossi)表示滿意。", "馬可·羅西", "Marco Rossi");
    same("研究院院長王志明博士(Jimmy Wang)今天宣布退休。", "王志明", "Jimmy Wang");
    same("戴維斯(Anne Davis)說明。戴維斯已經離職。", "Anne Davis", "戴維斯");
    same("Microsoft 宣布消息，他決定離開 Mircosoft。", "Microsoft", "Mircosoft");
    same("Elon Musk 發文。馬斯克表示不滿。", "Elon Musk", "馬斯克");
    same("台積電董事長劉德音表示，德音會繼續努力。", "劉德音", "德音");
    same("董事長張忠謀出席。張董事長表示滿意。", "張忠謀", "張董事長");
    same("李書行宣布辭職。他表示感謝大家。", "李書行", "他");
    same("Steve Jobs resigned. He was replaced by Tim Cook.", "Steve Jobs", "He");
    same("OpenAI 發布新模型。該公司表示很滿意。", "OpenAI", "該公司");
    reject("其他人都走了。", "他");
    reject("他們都走了。", "他");
    /* lists */
    expect("教務長郭鴻基、副教務長張耀文和康仕仲都已卸任。", "郭鴻基", RX_M_PERSON);
    expect("教務長郭鴻基、副教務長張耀文和康仕仲都已卸任。", "張耀文", RX_M_PERSON);
    /* given-name statistics: a surname and two characters common in given
     * names, after a hard boundary, need no cue */
    expect("可以直接到分行申请，李晨洋申请时存入港币。", "李晨洋", RX_M_PERSON);
    reject("韩国将举行选举。", "韩国");
    /* a cue before the next name ends the previous one */
    expect("早报记者朱楠实习生王昭", "朱楠", RX_M_PERSON);
    /* bare transliterated names between hard boundaries; places are not names */
    expect("连保加利亚的贝尔巴托夫都说，这是机会。", "贝尔巴托夫", RX_M_PERSON);
    reject("他们去了威尼斯和汉诺威。", "威尼斯");
    expect("演员安吉丽娜·茱莉在片中出演。", "安吉丽娜·茱莉", RX_M_PERSON);
    /* transliterated names in running text: a character found almost only in
     * transliterations, a name-like ending; places, teams and "X之Y" are not */
    expect("比赛中而柯尔维特往往能撕开防线。", "柯尔维特", RX_M_PERSON);
    expect("如卡斯洛夫1970年的作品就很受欢迎。", "卡斯洛夫", RX_M_PERSON);
    reject("球队来到了普罗塔斯城参加比赛。", "普罗塔斯");
    reject("这就是所谓的德莱斯之窗理论。", "德莱斯");
    expect("自从柯尔维特之后，球队再无好前锋。", "柯尔维特", RX_M_PERSON);
    reject("他们参观了盖蒂博物馆的展览。", "盖蒂博");
    reject("银行宣布林琪涛自下周起卸任。", "布林琪");
    /* a listed person before a full organisation suffix names it; a listed
     * place before a title is not a person; a name stops before a verb */
    expect("比爾·蓋茨基金會宣布捐款。", "比爾·蓋茨基金會", RX_M_ORG);
    reject("巴西總統訪問北京。", "巴西");
    expect("总经理李明出席会议。", "李明", RX_M_PERSON);
    reject("总经理李明出席会议。", "李明出");
    /* a place as a given name only before a speech cue; a verb between a
     * place and an organisation's suffix is not part of the name */
    expect("陈宜兰表示，公司营运稳健。", "陈宜兰", RX_M_PERSON);
    reject("他们谈武汉的发展。", "谈武汉");
    reject("公司在台北設立研發中心。", "台北設立研發中心");
    /* a listed non-name starting a name after a title (部長王國強); a
     * listed body with 長 is its head's title (經濟部長) */
    expect("部長王國強表示，政策不變。", "王國強", RX_M_PERSON);
    reject("這個王國強大無比。", "王國強");
    expect("經濟部長許雅雯請辭。", "經濟部長", RX_M_ROLE);
    expect("經濟部今天表示，電價不漲。", "經濟部", RX_M_ORG);
    /* an upper-case legal form ends an organisation's name; 目前 is no
     * former-prefix; a given name stops before 代行 */
    expect("Veltrix AG said profits rose.", "Veltrix AG", RX_M_ORG);
    expect("目前總經理職務由董事長王明代行。", "總經理", RX_M_ROLE);
    expect("目前總經理職務由董事長王明代行。", "王明", RX_M_PERSON);
    /* the head of a 的-phrase before an adverb */
    expect("在城东经营小书店的潘凝已经收藏了两百本旧书。", "潘凝", RX_M_PERSON);
    reject("公司的高层已经决定。", "高层");
    /* a unit right after its parent organisation is one organisation */
    expect("昨日中国银行北京分行宣布降息。", "中国银行北京分行", RX_M_ORG);
    reject("曼联客场防平局。", "曼联客场防平局");
    /* one Latin word after a noun for a person (not an acronym or a supplier's product) */
    expect("这位职业选手Kovar连续拿下三局。", "Kovar", RX_M_PERSON);
    reject("国际供应商Zentek的产品涨价。", "Zentek");
    reject("网站管理员CMS出现故障。", "CMS");
    /* function words that also name people, only after a title or cue */
    expect("开发区管委会主任罗为民", "罗为民", RX_M_PERSON);
    expect("研究所副研究员汤中立对记者表示，市场平稳。", "汤中立", RX_M_PERSON);
    expect("公司董事长齐同表示满意。", "齐同", RX_M_PERSON);
    reject("董事长王和李四出席会议。", "王和李");
    reject("董事会任命邵浩为总裁，即日生效。", "邵浩为");
    expect("董事会任命邵浩为总裁，即日生效。", "邵浩", RX_M_PERSON);
    reject("董事会任命邵承为 CEO，即日生效。", "邵承为");
    reject("作者许森以《山间小路》获奖。", "许森以");
    reject("他和同事以为事情结束了。", "和同事");
    /* listed name plus a suffix is the same organisation */
    same("申花足球队宣布消息。申花表示感谢。", "申花足球队", "申花");
    expect("曼联客场击败切尔西。", "切尔西", RX_M_ORG);
    reject("他确定离队了，团队很遗憾。", "确定离队");
    /* English: capitalised runs that are not people */
    reject("He fought in World War II.", "World War");
    reject("The Soviet Union collapsed.", "Soviet Union");
    reject("He moved to New York City in 1990.", "York City");
    reject("She was born in San Antonio.", "San Antonio");
    reject("It won the Special Recognition award.", "Special Recognition");
    /* English: people with unknown first names, initials, regnal numbers */
    expect("Pope Benedict XVI visited Brazil.", "Benedict XVI", RX_M_PERSON);
    expect("The book by Robert P. Lockwood was published.", "Robert P. Lockwood", RX_M_PERSON);
    expect("Khaleda Zia said the vote was unfair.", "Khaleda Zia", RX_M_PERSON);
    expect("Art Levinson will become chairman.", "Art Levinson", RX_M_PERSON);

    /* Latin names: accented capitals, initials, suffixes, regnal numbers, nicknames */
    expect("The report was written by Étienne Marchand in 1990.", "Étienne Marchand", RX_M_PERSON);
    expect("The film was directed by K. Ramaswamy in 1951.", "K. Ramaswamy", RX_M_PERSON);
    expect("The score was written by M. K. Desai last year.", "M. K. Desai", RX_M_PERSON);
    expect("The deal was funded by Thomas J. R. Whitfield in 1990.", "Thomas J. R. Whitfield", RX_M_PERSON);
    expect("The unit was led by Henry T. Barlow Jr. in 1943.", "Henry T. Barlow Jr.", RX_M_PERSON);
    expect("The land was ruled by Ludwig II Wittel at the time.", "Ludwig II Wittel", RX_M_PERSON);
    expect("The band included Tom \"Buzz\" Harlan on vocals.", "Tom \"Buzz\" Harlan", RX_M_PERSON);
    /* honorifics, ranks and occupations before a name are not part of it */
    expect("Drummer Pete Larkin joined the band.", "Pete Larkin", RX_M_PERSON);
    reject("Drummer Pete Larkin joined the band.", "Drummer Pete Larkin");
    expect("Lieutenant General Walter Brenning led the corps.", "Walter Brenning", RX_M_PERSON);
    expect("He met Ohio Governor Mark Ellison in 1963.", "Mark Ellison", RX_M_PERSON);
    /* a known first name as a modifier after "the" */
    expect("It was the Kevin Dorsey collaboration that sold best.", "Kevin Dorsey", RX_M_PERSON);
    /* not people: adverbs, places, works, foreign articles, headline verbs */
    reject("Similarly Torvald was a king of the north.", "Similarly Torvald");
    reject("He moved to West Virginia in 1990.", "West Virginia");
    expect("She played for the Portland Tigers in 2010.", "Portland Tigers", RX_M_ORG);
    reject("It is based on the novel Silver Meadows by Hartley.", "Silver Meadows");
    reject("It was praised in Milton's Burning Garden long ago.", "Burning Garden");
    reject("The film Paper Lanterns (1931) failed at the box office.", "Paper Lanterns");
    reject("She wrote Le Jardin Perdu in 1873.", "Le Jardin Perdu");
    expect("He joined the New England Patriots in 1990.", "New England Patriots", RX_M_ORG);
    reject("He wrote for the New Hampshire Courier-Post for years.", "Hampshire Courier-Post");
    reject("He served as Minister of Rural Transport until 2017.", "Rural Transport");
    expect("Maria Lopez Resigns as CEO of Acme", "Maria Lopez", RX_M_PERSON);
    /* "My" is no honorific; a changed first letter makes another word */
    reject("They called it Lost in My Garden at first.", "Garden");
    reject("Anna Berg spoke first. Ferg was not there.", "Ferg");
    reject("Hutch Fielding produced it. It charted on the Dutch chart.", "Dutch");
    /* English organisations */
    expect("He worked at the Institute for Applied Optics for years.", "Institute for Applied Optics", RX_M_ORG);
    expect("He joined the Office of Planning and Research in 2001.", "Office of Planning and Research", RX_M_ORG);
    expect("He led UK Railways Group from 2005.", "UK Railways Group", RX_M_ORG);
    expect("He studied at the University of Tartu.", "University of Tartu", RX_M_ORG);
    expect("He worked for Harlow Associates in 2010.", "Harlow Associates", RX_M_ORG);
    /* a place before an organisation is part of its name */
    expect("据印度外交部一位官员说，会谈顺利。", "印度外交部", RX_M_ORG);
    expect("北京市消防局昨天通报了火情。", "北京市消防局", RX_M_ORG);
    expect("美国国务院上周发表声明。", "美国国务院", RX_M_ORG);
    /* sports fixtures: both sides of "vs" are teams */
    expect("今晚焦点：莫林斯克vs布达尔斯，主队占优。", "布达尔斯", RX_M_ORG);
    expect("今晚焦点：莫林斯克vs布达尔斯，主队占优。", "莫林斯克", RX_M_ORG);
    reject("今晚焦点：莫林斯克vs布达尔斯，主队占优。", "莫林斯克vs");
    /* bylines: names written back to back after 记者 */
    expect("（记者邓晓岚钱思远）市场持续升温。", "邓晓岚", RX_M_PERSON);
    expect("（记者邓晓岚钱思远）市场持续升温。", "钱思远", RX_M_PERSON);
    expect("本报讯（记者韦丹宋立新）昨日起新规实施。", "宋立新", RX_M_PERSON);
    /* a name right after an organisation suffix, before a cue */
    expect("县质监局蒋振华表示，标准已经公布。", "蒋振华", RX_M_PERSON);
    /* a name dot needs no right boundary */
    expect("这部片让卡洛斯·维加入围了影帝。", "卡洛斯·维加", RX_M_PERSON);
    /* listed places are not names */
    reject("江西将举行运动会。", "江西");
    /* the name scorer: given-name characters and context without a cue */
    expect("会后，贺文涛对大家说明了情况。", "贺文涛", RX_M_PERSON);
    expect("在工厂上班的蔡明辉则更加担心。", "蔡明辉", RX_M_PERSON);
    expect("这次展览的策展人沈丽萍来自杭州。", "沈丽萍", RX_M_PERSON);
    expect("罗晓东：我们还会继续投入。", "罗晓东", RX_M_PERSON);
    expect("研究员许志强指出，数据还不完整。", "许志强", RX_M_PERSON);
    expect("张志刚诉称，他没有收到通知。", "张志刚", RX_M_PERSON);
    reject("张志刚诉称，他没有收到通知。", "张志刚诉");
    /* ... a one-character given name only with more context, or repeated */
    same("，潘俊就离开了。朋友们都在找潘俊，", "潘俊", "潘俊");
    /* ... and the words it must not cut: across the left edge, a word as
     * given name, a numeral before a unit, a doubled character */
    reject("有关部门正在调查此事。", "关部门");
    reject("他们经常出现在这个地方。", "常出现");
    reject("第三方支付的规模越来越大。", "方支付");
    reject("他花了3000万美金买下这栋楼。", "万美金");
    reject("这座桥有500米长。", "米长");
    reject("谢谢大家的支持。", "谢谢");
    reject("他们谈武汉的发展规划。", "谈武汉");
    reject("那时的气氛让王兰渐渐懂得了艺术。", "王兰渐");
    expect("那时的气氛让王兰渐渐懂得了艺术。", "王兰", RX_M_PERSON);
    /* a byline: the scorer does not swallow the next surname */
    reject("（记者钱丽萍周海）昨日新规实施。", "钱丽萍周");
    /* a place inside a name is fine after a title */
    expect("常委李长春视察了工厂。", "李长春", RX_M_PERSON);
    /* a function-word given character between a clause start and a speech
     * cue (向 and 中 are soft) */
    expect("尽管如此，刘中山表示，审批仍在进行。", "刘中山", RX_M_PERSON);
    expect("主持人张向东：欢迎大家。", "张向东", RX_M_PERSON);
    reject("李明向记者介绍了情况。", "李明向");
    expect("王大同將接替許亮華擔任總經理。", "王大同", RX_M_PERSON);
    /* after 任命, 為 is the cue's even where a listed 華為 would take it */
    expect("任命张建华为工业和信息化部副部长。", "张建华", RX_M_PERSON);
    expect("华为今日发布新机。", "华为", RX_M_ORG);
    /* a whole common word is a name only with a title or cue before it */
    reject("他为从事倒卖车票的黄牛介绍客户。", "黄牛");
    reject("市文联党组书记出席了会议。", "党组");
    expect("本报记者高明报道，房贷新政已实施。", "高明", RX_M_PERSON);
    reject("在晋察冀军区司令部，司令员向你交待任务。", "冀军区");
    reject("根据车况30-50元/天。", "车况");
    reject("簡介:感謝大家的關注\n", "簡介");
    reject("黨委決定開除黨籍。", "黨籍");
    expect("旁邊那位是思源經紀策劃總監杜碩先生。", "杜碩", RX_M_PERSON);
    reject("徐雷因個人原因辭職。", "徐雷因");
    expect("立康生技今日宣布，執行長王明辭職。", "立康生技", RX_M_ORG);
    expect("前宏達科技副總經理王明加入立康生技。", "宏達科技", RX_M_ORG);
    reject("行政院今天宣布內閣局部改組。", "內閣局");
    /* a listed name inside a longer transliteration, a run after a place */
    reject("游戏叫做《普里皮亚季的召唤》。", "里皮");
    reject("项目虽处于昆明东、南市区的腹地。", "昆明东");
    reject("统计学专家谈武汉经适房事件。", "谈武汉");
    /* streets, villages, and a surname before the title it belongs to */
    reject("限行区域为人民路、东华路、滨江路围合区域。", "东华路");
    reject("他住在李家沟，离董家河不远。", "董家河");
    reject("也祝黄教授在北京生活愉快。", "祝黄");
    /* a transliterated run before a building or place word, or after an amount */
    reject("球迷回到厄普顿公园球场观战。", "厄普顿");
    reject("嘉宾为格拉斯美术馆揭牌。", "格拉斯");
    reject("他花了4631万美金买下这幅画。", "万美金");
    expect("影片中艾美达·斯丹顿的表演令人难忘。", "艾美达·斯丹顿", RX_M_PERSON);
    /* one string, one kind: a team named in "A vs B" stays an organisation */
    not_a("霍芬海vs比勒菲：霍芬海打弱旅很有心得。", "霍芬海", RX_M_PERSON);
    /* a Chinese legal form: the company with and without it is one entity */
    same("青禾电子股份有限公司今日公告。青禾电子表示，将尽快物色人选。", "青禾电子股份有限公司", "青禾电子");
    reject("公司高階主管異動頻繁，高階人士透露。", "高階");
    /* a short form defined in brackets joins the organisation */
    same("新鴻基地產發展有限公司（新地）主席表示，新地業績理想。", "新鴻基地產發展有限公司", "新地");
    same("星河科技股份有限公司（下稱「星河」）今日公告。星河表示，董事長辭職。", "星河科技股份有限公司", "星河");
    same("Northwind Retail Group (NRG) said its CEO resigned. NRG shares fell.", "Northwind Retail Group", "NRG");
    reject("星河科技（深圳）有限公司今日公告。", "深圳");
    /* an organisation's short form: first word, or the name without its ending */
    same("Halvorsen Dynamics Inc. said its CEO would step down. Shares of Halvorsen rose.", "Halvorsen Dynamics Inc.", "Halvorsen");
    same("星河科技宣布，董事長王明辭職。星河表示，將物色人選。", "星河科技", "星河");
    reject("General Motors said it would hire. General counsel Ann Lee left.", "General");
    /* two particles inside a Latin name */
    expect("The board named former Google executive Ana de la Cruz as a director.", "Ana de la Cruz", RX_M_PERSON);
    expect("Rafael van der Vaart said he would leave.", "Rafael van der Vaart", RX_M_PERSON);
    /* invariants on mixed text */
    invariants("6 月 3 日，Acme 聯合創辦人 Anna Berg 在網上發文表示，決定離開 Acmr。她說：謝謝。");
    invariants("董事長張忠謀表示，台積電(2330)將由魏哲家接任。他說，張董事長很放心。");
    invariants("Brooklyn Nets interim head coach Kevin Ollie said Ollie would stay.");
    invariants("");

    rx_ner_free(ner);
    printf("%d passed, %d failed\n", passed, failed);
    return failed ? 1 : 0;
}
