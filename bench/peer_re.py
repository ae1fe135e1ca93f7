#!/usr/bin/env python3
"""peer_re.py: the benchmark's Python `re` peer, doing work comparable to relx.

    python3 bench/peer_re.py < corpus.jsonl > out.jsonl

Reads JSON Lines ({"id", "text"}), writes one JSON line per document with the
people, organisations and role-change matches it found. Per document:

1. fold a copy of the text to Simplified for the characters the rules use
   (one str.translate, as relx folds its matching copy) and split it into
   sentences;
2. find names in each sentence: Latin capitalised names (two or three words)
   and Chinese surname + 1-2 given characters (given characters may not be
   function words), organisations (a run of Han characters before a company
   ending, or capitalised words before Corp./Inc./Group...);
3. prefilter: one alternation of all rule trigger words per sentence; a rule
   runs only on sentences holding one of its triggers (relx does the same);
4. run 24 rule regexes shaped like the rule pack's (name + bounded gap +
   trigger verb (+ role / organisation / second name)), 14 Chinese, 10 English.

It is meant to be a fair peer: compiled regexes, no per-character Python
loops, a trigger prefilter. It does not resolve overlaps, dates or modality.
"""
import json
import re
import sys

# Traditional -> Simplified for the characters of the words below (rule words,
# titles, company endings, surnames). Generated once with opencc s2t/t2s for
# exactly these characters, written out so that the peer needs nothing installed.
_FOLD = dict(zip(
    "並個們僱內別創劉務吳呂嚴團執夥孫學實將對導張後從復換擔於時晉會東楊業歐歸沒湯為營爲獨獲當療發監盧稱範給經總罷羅職臺與萬葉"
    "蔣蕭蘇號術訊許該說説請諸謝證譚讓負財責賀資賈趙車轉辦辭這運選還鄒鄧鄭醫銀銷錢鍋鍾長開陳陸陽離電韋韓頂顧餘馬馮體黃龍龔",
    "并个们雇内别创刘务吴吕严团执伙孙学实将对导张后从复换担于时晋会东杨业欧归没汤为营为独获当疗发监卢称范给经总罢罗职台与万叶"
    "蒋萧苏号术讯许该说说请诸谢证谭让负财责贺资贾赵车转办辞这运选还邹邓郑医银销钱锅钟长开陈陆阳离电韦韩顶顾余马冯体黄龙龚",
))
assert len(_FOLD) == 118

SURNAMES = ("王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾萧田董袁潘蔡蒋余杜叶程"
            "魏苏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦方白邹孟熊秦邱江尹薛段雷侯龙史陶黎贺顾毛郝龚"
            "邵万钱严武戴莫孔向汤")
DOUBLE_SURNAMES = ("欧阳", "司马", "上官", "诸葛", "东方", "慕容")
NOT_GIVEN = "的了是在和与及等也都就而但被把将对从向这那个们不没有我你他她它年月日号说表示称为于到让给跟同或还才再更最很该其各每此某之以已并又会要能可上下中后前内外时"

HAN = "\u4e00-\u9fff"
ZH_NAME = r"(?:%s|[%s])(?:(?![%s])[%s]){1,2}" % ("|".join(DOUBLE_SURNAMES), SURNAMES, NOT_GIVEN, HAN)
EN_NAME = r"(?<![A-Za-z])[A-Z][a-z]+(?: [A-Z][a-z]+){1,2}(?![A-Za-z])"
NAME = r"(?:%s|%s)" % (EN_NAME, ZH_NAME)

ZH_ORG_END = ("股份有限公司|有限公司|公司|集团|控股|科技|银行|电子|半导体|证券|生技|能源|实业|投资|电讯"
              "|汽车|医疗|物流|大学|研究院")
EN_ORG_END = r"(?:Corp\.|Inc\.|Group|Holdings|Technologies|Bank|Capital|Labs|Systems|Energy|Motors|Networks|University)"
ORG = r"(?:[%s]{2,6}?(?:%s)|(?:[A-Z][a-z]+ ){1,3}%s)" % (HAN, ZH_ORG_END, EN_ORG_END)

ROLES_ZH = ("首席执行官|首席执行长|执行长|行政总裁|首席营运官|营运长|首席运营官|首席财务官|财务长|首席技术官"
            "|技术长|首席科学家|董事长|董事局主席|董事会主席|副董事长|总经理|副总经理|总裁|副总裁|总监|研发总监"
            "|行销总监|财务总监|独立董事|非执行董事|执行董事|董事|创始人|创办人|主席|经理|主管|负责人|合伙人")
ROLES_EN = ("chief executive officer|chief executive|chief operating officer|chief financial officer"
            "|chief technology officer|chief scientist|vice president|president|chairman|chairwoman"
            "|managing director|general counsel|head of research|director|CEO|CFO|COO|CTO|CIO")
ROLE = r"(?:%s|(?i:%s))" % (ROLES_ZH, ROLES_EN)

# (id, type, regex, trigger words). In the regex, {N} is a name, {O} an organisation,
# {R} a role and {V} the alternation of the trigger words; groups p / p2 / org / role
# are the arguments.
RULES = [
    ("zh.departure.resign", "departure", r"(?P<p>{N}).{{0,30}}?{V}",
     "辞职 离职 请辞 辞任 卸任 退休 离任 去职"),
    ("zh.departure.resign-post", "departure", r"(?P<p>{N}).{{0,30}}?{V}(?P<org>{O})?的?.{{0,12}}?(?P<role>{R})",
     "辞去 卸任 卸下 请辞 辞任 不再担任"),
    ("zh.departure.leave-org", "departure", r"(?P<p>{N}).{{0,20}}?{V}了?(?P<org>{O})",
     "离开 告别 退出 出走"),
    ("zh.dismissal.passive", "dismissal", r"(?P<p>{N}).{{0,15}}?(?:被|遭|遭到).{{0,8}}?{V}",
     "解雇 开除 革职 撤职 罢免 免职 撤换 辞退 停职"),
    ("zh.dismissal.forced", "dismissal", r"{V}.{{0,20}}?(?P<p>{N})(?:辞职|下台|离职|卸任|请辞)",
     "迫使 逼迫 逼使"),
    ("zh.dismissal.active", "dismissal", r"{V}了?.{{0,20}}?(?:包括|包含).{{0,12}}?(?P<p>{N})",
     "解雇 开除 撤换 辞退"),
    ("zh.appointment.named-as", "appointment", r"(?P<p>{N}).{{0,25}}?{V}(?P<org>{O})?的?.{{0,8}}?(?P<role>{R})",
     "获委任为 获委任 获任命为 被任命为 获选为 当选为 当选 获聘为 出任 担任 接掌 就任"),
    ("zh.appointment.org-appoints", "appointment",
     r"(?P<org>{O}).{{0,15}}?{V}(?P<p>{N})(?:为|担任|出任)?.{{0,8}}?(?P<role>{R})",
     "任命 委任 聘任 聘请 提名"),
    ("zh.succession.replace", "succession", r"(?P<p>{N}).{{0,12}}?{V}(?P<p2>{N})",
     "接替 接任 取代 顶替 接棒"),
    ("zh.succession.after-leaving", "succession",
     r"(?P<p2>{N}).{{0,15}}?(?:辞职|离职|退休|卸任|请辞|下台)(?:后|之后)?,?.{{0,10}}?由.{{0,10}}?(?P<p>{N}){V}",
     "接任 接替 接掌 接手 出任"),
    ("zh.join.join", "join", r"(?P<p>{N}).{{0,25}}?{V}了?(?P<org>{O})",
     "加入 加盟 入职 投奔 转投 跳槽到 跳槽至 跳槽"),
    ("zh.promotion.promoted", "promotion", r"(?P<p>{N}).{{0,20}}?{V}(?:为|到|至)?.{{0,10}}?(?P<role>{R})",
     "晋升 升任 升为 擢升 被提升 获提升 被提拔 获提拔 升职"),
    ("zh.reinstatement.return", "reinstatement", r"(?P<p>{N}).{{0,20}}?{V}了?(?P<org>{O})",
     "回到 重返 回归 重回 返回 重新加入 再度加入"),
    ("zh.reinstatement.restored", "reinstatement", r"(?P<p>{N}).{{0,15}}?{V}",
     "复职 官复原职 重掌 回任 重新担任 再度出任 再度担任 回锅"),
    ("en.departure.step-down", "departure",
     r"(?P<p>{N}).{{0,40}}?\b{V}\b(?: (?:as|from) (?:the )?(?P<role>{R}))?",
     "resign resigns resigned resigning step_down steps_down stepped_down stepping_down "
     "retire retires retired retiring"),
    ("en.departure.leave", "departure", r"(?P<p>{N}).{{0,30}}?\b{V} (?:the )?(?P<org>{O})",
     "left leaves leaving quit quits departed exited"),
    ("en.appointment.named", "appointment",
     r"(?P<p>{N}).{{0,30}}?\b{V} (?:as )?(?:the )?(?:new |next |interim |acting )?.{{0,20}}?(?P<role>{R})",
     "named appointed elected tapped chosen selected"),
    ("en.appointment.org-names", "appointment",
     r"(?P<org>{O}).{{0,25}}?\b{V} (?P<p>{N}),? (?:as )?(?:its |the )?(?:new |next |interim )?.{{0,12}}?(?P<role>{R})",
     "named appointed elected hired tapped"),
    ("en.dismissal.passive", "dismissal", r"(?P<p>{N}).{{0,30}}?\b{V}\b",
     "fired ousted removed dismissed sacked terminated let_go forced_out"),
    ("en.join.joins", "join", r"(?P<p>{N}).{{0,30}}?\b{V} (?:the )?(?P<org>{O})",
     "joined joins will_join has_joined moved_to was_hired_by defected_to"),
    ("en.promotion.promoted", "promotion", r"(?P<p>{N}).{{0,30}}?\b{V} (?:to )?(?:the )?.{{0,10}}?(?P<role>{R})",
     "promoted elevated"),
    ("en.succession.succeeds", "succession", r"(?P<p>{N}).{{0,30}}?\b{V} (?P<p2>{N})",
     "succeeds succeeded will_succeed replaces replaced will_replace takes_over_from took_over_from"),
    ("en.succession.succeeded-by", "succession", r"(?P<p2>{N}).{{0,40}}?\b{V} by .{{0,20}}?(?P<p>{N})",
     "succeeded replaced"),
    ("en.reinstatement.returns", "reinstatement", r"(?P<p>{N}).{{0,30}}?\b{V} (?:the )?(?P<org>{O})",
     "returned_to returns_to rejoined rejoins came_back_to"),
]


def compile_rules():
    out = []
    all_words = set()
    for rid, rtype, src, words in RULES:
        words = [w.replace("_", " ") for w in words.split()]
        verbs = "(?:%s)" % "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
        all_words.update(words)
        rx = re.compile(src.format(N=NAME, O=ORG, R=ROLE, V=verbs))
        out.append((rid, rtype, rx, frozenset(words)))
    trig = re.compile("|".join(re.escape(w) for w in sorted(all_words, key=len, reverse=True)))
    return out, trig


SENT_SPLIT = re.compile(r"(?<=[。!?;!?\n])|(?<=[.!?])\s+(?=[A-Z\"“])")
PERSON_RE = re.compile(NAME)
ORG_RE = re.compile(ORG)


def process(doc, rules, trig, fold):
    text = doc.get("text", "")
    folded = text.translate(fold)
    people, orgs, rels = {}, {}, []
    base = 0
    for sent in SENT_SPLIT.split(folded):
        if not sent.strip():
            base += len(sent)
            continue
        for m in PERSON_RE.finditer(sent):
            people.setdefault(text[base + m.start():base + m.end()], []).append(base + m.start())
        for m in ORG_RE.finditer(sent):
            orgs.setdefault(text[base + m.start():base + m.end()], []).append(base + m.start())
        present = set(trig.findall(sent))
        if present:
            for rid, rtype, rx, words in rules:
                if words.isdisjoint(present):
                    continue
                for m in rx.finditer(sent):
                    rel = {"type": rtype, "rule": rid,
                           "span": [base + m.start(), base + m.end()]}
                    for g in ("p", "p2", "org", "role"):
                        if m.group(g) if g in rx.groupindex else None:
                            s, e = m.span(g)
                            rel[{"p": "person", "p2": "predecessor"}.get(g, g)] = text[base + s:base + e]
                    rels.append(rel)
        base += len(sent)
    return {"doc": doc.get("id"),
            "entities": [{"type": "person", "name": k, "mentions": v} for k, v in people.items()]
            + [{"type": "org", "name": k, "mentions": v} for k, v in orgs.items()],
            "relations": rels}


def main():
    rules, trig = compile_rules()
    fold = str.maketrans(_FOLD)
    out = sys.stdout
    for line in sys.stdin:
        if not line.strip():
            continue
        try:
            doc = json.loads(line)
        except ValueError as e:
            out.write(json.dumps({"error": str(e)}) + "\n")
            continue
        out.write(json.dumps(process(doc, rules, trig, fold), ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
