#!/usr/bin/env python3
"""gen_corpus.py: a deterministic generator of news-like JSON Lines for the relx benchmark.

    python3 bench/gen_corpus.py --mb 200 --seed 20240515 --out bench/data/corpus-200mb.jsonl

Each line is {"id": "doc-00000001", "text": "..."}: a business-news article of
300-3000 characters. About 80% of the articles are Chinese (half Traditional,
half Simplified, chosen per article), the rest English. Chinese articles use
Latin personal names and English company names now and then, as Chinese news
does. Most sentences are filler (results, shares, products, plants, deals);
about 7% state a role change (resigns, succeeds, is appointed, joins, is
fired, is promoted, returns), in the shapes relx's rules look for and in some
they do not. Every word pool and template below was written for this
benchmark; the company names are invented.

The output depends only on --seed and --mb (same Python 3 version family:
random.Random's algorithms are stable across 3.x). Articles are written one at
a time, so memory stays flat whatever the size.
"""
import argparse
import json
import random
import sys

# --------------------------------------------------------------------------- pools

# Chinese surnames, Traditional (converted per article when Simplified).
SURNAMES = list(
    "王李張劉陳楊黃趙吳周徐孫馬朱胡郭何高林羅鄭梁謝宋唐許韓馮鄧曹彭曾蕭田董袁潘蔡蔣余杜葉程"
    "魏蘇呂丁任沈姚盧姜崔鍾譚陸汪范金石廖賈夏韋方白鄒孟熊秦邱江尹薛段雷侯龍史陶黎賀顧毛郝龔"
    "邵萬錢嚴武戴莫孔向湯"
) + ["歐陽", "司馬", "上官", "諸葛"]

GIVEN = list(
    "建明志強美華偉文家豪雅婷宏國俊傑嘉怡欣子軒宇浩然佳琪思穎曉東海平立新德勇軍麗敏靜秀英芳"
    "玲慧鵬飛輝濤斌磊超鑫婉如倩蓉晨陽凱銘承恩柏翰冠廷育誠信安仁義瑋琳哲維筠萱澤睿博昊霖"
)

LATIN_FIRST = [
    "Anna", "Daniel", "Laura", "Michael", "Sarah", "David", "Emma", "James", "Olivia", "Peter",
    "Nina", "Omar", "Lucas", "Hannah", "Victor", "Grace", "Ethan", "Chloe", "Marcus", "Irene",
    "Felix", "Clara", "Tobias", "Rachel", "Samuel", "Vera", "Adrian", "Julia", "Kevin", "Mila",
    "Henrik", "Sofia", "Rafael", "Ingrid", "Jonas", "Leila", "Bruno", "Astrid", "Dmitri", "Yara",
]
LATIN_LAST = [
    "Berg", "Hall", "Marsh", "Okafor", "Patel", "Lindqvist", "Moreau", "Tanaka", "Novak",
    "Ferreira", "Costa", "Reed", "Park", "Quinn", "Weber", "Holm", "Alvarez", "Fischer",
    "Brennan", "Sato", "Kowalski", "Haddad", "Duval", "Nakamura", "Ortiz", "Lund", "Carter",
    "Young", "Ross", "Wong", "Mbeki", "Varga", "Eriksen", "Castell", "Whitlow", "Arendt",
]

# Invented company-name stems and endings.
ORG_STEMS_ZH = [
    "宏遠", "華晟", "博達", "凱旋", "鼎新", "恆通", "瑞泰", "星辰", "遠見", "嘉陽", "聯捷",
    "新銳", "天瑞", "金鼎", "永昌", "泰和", "晶創", "銳思", "雲途", "綠源", "海川", "光澤",
    "明泰", "北辰", "藍海", "啟明", "盛世", "興業", "東昇", "群峰", "翔宇", "御風", "瀚宇",
    "碩豐", "昱成", "立德", "晨曦", "萬嘉", "佳鴻", "澄心", "峰華", "信遠", "恆毅", "聚鑫",
]
ORG_SUFFIX_ZH = [
    "公司", "集團", "科技", "銀行", "控股", "電子", "半導體", "證券", "生技", "能源", "實業",
    "股份有限公司", "科技公司", "有限公司", "投資", "電訊", "汽車", "醫療", "物流",
]
ORG_STEMS_EN = [
    "Northgate", "Bluepeak", "Silverline", "Orrin", "Kestrel", "Halvard", "Tamsin", "Meridale",
    "Corvel", "Brightwater", "Quillon", "Ashbury", "Varden", "Lumora", "Stratwell", "Fenmore",
    "Oakridge", "Cobalt Reach", "Tessaline", "Harborview", "Pinecrest", "Aldmoor",
]
ORG_SUFFIX_EN = [
    "Corp.", "Inc.", "Group", "Holdings", "Technologies", "Bank", "Capital", "Labs", "Systems",
    "Energy", "Motors", "Networks",
]

ROLES_ZH = [
    "董事長", "執行長", "首席執行官", "首席財務官", "財務長", "總經理", "副總經理", "營運長",
    "技術長", "首席技術官", "總裁", "副總裁", "獨立董事", "非執行董事", "研發總監", "行銷總監",
    "首席科學家", "財務總監", "副董事長", "執行董事", "CEO", "CFO", "COO", "CTO",
]
ROLES_EN = [
    "chief executive", "chief executive officer", "chief financial officer", "chairman",
    "president", "chief operating officer", "chief technology officer", "head of research",
    "general counsel", "vice president", "managing director", "CEO", "CFO", "COO",
]

PRODUCTS_ZH = [
    "電動車", "伺服器", "記憶體晶片", "智慧手錶", "雲端服務", "電池模組", "網通設備", "面板",
    "車用晶片", "AI加速卡", "儲能系統", "醫療器材", "5G基地台", "光學鏡頭", "行動支付平台",
]
PRODUCTS_EN = [
    "electric vans", "data-centre servers", "memory chips", "smart watches", "cloud storage",
    "battery packs", "network switches", "display panels", "payment terminals", "AI accelerators",
]
SECTORS_ZH = ["半導體", "金融", "生技", "綠能", "電動車", "消費電子", "航運", "零售", "電信", "營建"]
CITIES_ZH = ["台北", "新竹", "台中", "高雄", "上海", "深圳", "北京", "杭州", "香港", "新加坡", "東京", "首爾"]
CITIES_EN = ["Singapore", "Frankfurt", "Toronto", "Austin", "Seoul", "Dublin", "Sydney", "Osaka"]
MONTHS_EN = ["January", "February", "March", "April", "May", "June", "July", "August",
             "September", "October", "November", "December"]
DAYS_EN = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]

# --------------------------------------------------------------------------- templates
# Slots: {P} {P2} person, {O} {O2} organisation, {R} {R2} role, {D} date, {N} amount,
# {S} small number, {PCT} percent, {Q} quarter, {Y} year, {PROD} product, {SEC} sector,
# {CITY} city. Chinese templates are Traditional; Simplified articles are converted.

FILLER_ZH = [
    "{O}今日公布第{Q}季財報,營收達{N}億元,年增{PCT}%。",
    "{O}股價今日收在{S}元,漲幅{PCT}%,成交量明顯放大。",
    "市場分析師指出,{O}在{SEC}領域的布局已逐步發酵。",
    "{R}{P}表示,公司今年將持續擴大在{CITY}的投資。",
    "{O}宣布推出新一代{PROD},預計{D}上市。",
    "據了解,{O}去年在{CITY}設立研發中心,員工人數已超過{N}人。",
    "{O}與{O2}簽署合作備忘錄,雙方將共同開發{PROD}。",
    "法人預估,{SEC}產業下半年需求可望回溫,相關供應鏈將同步受惠。",
    "{D},{O}召開股東會,通過每股配發{S}元現金股利。",
    "該公司表示,目前訂單能見度已達明年第{Q}季。",
    "{P}在記者會上指出,供應鏈吃緊的情況正在改善。",
    "投資人關注{O}能否將毛利率維持在{PCT}%以上。",
    "{CITY}證券交易所數據顯示,{SEC}類股本週累計上漲{PCT}%。",
    "{O}董事會於{D}通過資本支出預算{N}億元,主要用於擴充產能。",
    "受匯率波動影響,{O}第{Q}季獲利較市場預期減少{PCT}%。",
    "業界人士認為,{PROD}市場的價格競爭將更加激烈。",
    "{O}旗下的{PROD}業務約占總營收{PCT}%,是成長最快的部門。",
    "{P}透露,公司正評估在{CITY}興建新廠的可行性。",
    "根據{O}發布的公告,本次現金增資所得將用於償還銀行借款。",
    "{O}今年以來已累計買回{N}萬股庫藏股。",
    "外資本週賣超{O}約{N}張,股價一度跌破季線。",
    "{O}指出,{PROD}出貨量在{D}創下單月新高。",
    "多家券商上調{O}的目標價,理由是{PROD}需求優於預期。",
    "{O}預計明年資本支出將維持在{N}億元左右。",
    "{R}{P}說,客戶庫存調整已近尾聲,第{Q}季營運可望逐季成長。",
    "{O}與{CITY}市政府合作,在當地建置{PROD}示範場域。",
    "這項投資案預計可創造{N}個就業機會。",
    "{O}強調,公司財務結構穩健,負債比率約為{PCT}%。",
    "研調機構預估,全球{PROD}市場規模明年將成長{PCT}%。",
    "{O}昨日舉行法說會,說明{SEC}業務的最新進展。",
    "由於原物料價格上漲,{O}決定自{D}起調漲產品售價。",
    "{O}的{PROD}已通過主要客戶認證,預計{D}開始量產。",
    "分析師認為,{O}與{O2}的競爭將從價格延伸到技術。",
    "公司發言人{P}表示,相關傳聞純屬市場臆測。",
    "{O}今年前{Q}季累計營收{N}億元,較去年同期成長{PCT}%。",
    "{O}宣布以{N}億元收購{O2}旗下的{PROD}事業部。",
]

ROLE_ZH = [
    "{O}{D}宣布,{R}{P}因個人原因辭職,即日起生效。",
    "{P}於{D}宣布辭去{O}{R}一職。",
    "{R}{P}將於年底退休,董事會已著手物色接班人。",
    "{P}將接替{P2}擔任{O}的{R}。",
    "{O}董事會任命{P}為{R},{D}起生效。",
    "{P}獲委任為{O}{R},任期三年。",
    "{P}於{Y}年加入{O},擔任{R}。",
    "{R}{P}{D}遭{O}解僱,原因尚未公布。",
    "{P}已從{R2}升任{R}。",
    "{R2}{P2}退休後,由副總經理{P}接任。",
    "{P}決定離開{O},轉投{O2}。",
    "遭撤職的{R}{P}上月復職。",
    "{P}將出任{O}的{R}。",
    "{P}被提升為{O}{R},負責{SEC}業務。",
    "董事會迫使{R}{P}辭職。",
    "{O}解僱了多名主管,其中包括{P}。",
    "{P}重返{O},再度擔任{R}。",
    "消息人士稱,{P}可能在{D}離開{O}。",
    "{P}否認將辭去{R}職務的傳聞。",
    "{R}{P}{D}請辭,職務暫由{P2}代理。",
    "{O}宣布{P}自{D}起卸任{R}。",
    "{P2}離職後,他的職位將由{P}接手。",
    "{P}已跳槽到{O2},出任{R}。",
]

FILLER_EN = [
    "{O} reported quarterly revenue of ${N} million, up {PCT}% from a year earlier.",
    "Shares of {O} rose {PCT}% in early trading on {D}.",
    "Analysts said demand for {PROD} remained strong in {CITY}.",
    "{O} said it would open a new engineering office in {CITY} next year.",
    "The company expects margins to improve in the second half of the year.",
    "{O} {R} {P} said the company was on track to meet its full-year targets.",
    "{O} and {O2} agreed to jointly develop {PROD} for the European market.",
    "The board approved a share buyback of up to ${N} million.",
    "{P} told investors on {D} that supply constraints were easing.",
    "Trading volume was {PCT}% above the 30-day average.",
    "{O} raised its annual forecast, citing orders for {PROD}.",
    "The deal, valued at ${N} million, is expected to close in the {Q} quarter.",
    "Rating agencies kept {O} at investment grade with a stable outlook.",
    "{O} plans to cut costs by {PCT}% over the next two years.",
    "Competition in {PROD} has pushed prices down for three straight quarters.",
    "A spokesperson for {O} declined to comment on the report.",
    "{O} shipped {N} thousand units of {PROD} in the quarter.",
    "Investors will watch whether {O} can keep gross margin above {PCT}%.",
    "{P}, who covers the sector for a regional broker, expects a slow recovery.",
    "{O} said on {D} that it would build a new plant outside {CITY}.",
]

ROLE_EN = [
    "{P} resigned as {R} of {O} on {D}.",
    "{O} named {P} as its new {R}.",
    "{P} will step down at the end of the year, the company said.",
    "{P} was named {R} of {O} on {D}.",
    "{P} joined {O} in {Y} after working at {O2}.",
    "{P} will succeed {P2} as {R}.",
    "{P} was fired by {O} on {D}.",
    "{P} was promoted to {R} in {Y}.",
    "{P} returned to {O} as {R}.",
    "{P2} will be succeeded by {P}, the company's {R}.",
    "{O} has appointed {P} as its {R}.",
    "{P} left {O} last month to start a venture fund.",
    "The board picked {P}, who replaces {P2}.",
    "{P} and {P2} resigned from the board last week.",
    "People familiar with the matter said {P} could be ousted.",
]

HEAD_ZH = ["【{CITY}訊】", "({CITY}{D}電)", "本報訊 ", ""]
HEAD_EN = ["{CITY} -- ", "{CITY}, {D} -- ", ""]

# Traditional -> Simplified, character for character, for the characters used above.
# (Written out so that the generator needs nothing installed; characters missing
# here stay as they are, as in real Simplified text that keeps a rare form.)
_T2S = dict(zip(
    "來個偉傑備傳債僱價億償優儲凱創劉動務匯吳呂員啟單嚴國團執報場孫學實將導屬師庫廠張強後從復恆憶應戶擔據擴數於昇暫曉會東楊業"
    "構標機歐決況減測湯溫漲澤濤為營爭爾獨獲現瑋產當療發監盧碩稱穎穩競範簽約純組結統經綠維網緊線總續羅義聞聯聲職與興舉華萬葉蔣"
    "蕭藍蘇術見規訂計訊記設許評該認誠說調請諸謝證譚豐負財貨責買費賀資賈賣購趙車軍軒較輝轉辭這週進運過達遠還鄒鄧鄭醫銀銘銳銷錄"
    "錢錶鍾鏈鏡長門開關陳陸陽雙離雲電靜韋韓響項預領頭類顧顯風飛馬馮體鴻鵬麗黃龍龔",
    "来个伟杰备传债雇价亿偿优储凯创刘动务汇吴吕员启单严国团执报场孙学实将导属师库厂张强后从复恒忆应户担据扩数于升暂晓会东杨业"
    "构标机欧决况减测汤温涨泽涛为营争尔独获现玮产当疗发监卢硕称颖稳竞范签约纯组结统经绿维网紧线总续罗义闻联声职与兴举华万叶蒋"
    "萧蓝苏术见规订计讯记设许评该认诚说调请诸谢证谭丰负财货责买费贺资贾卖购赵车军轩较辉转辞这周进运过达远还邹邓郑医银铭锐销录"
    "钱表钟链镜长门开关陈陆阳双离云电静韦韩响项预领头类顾显风飞马冯体鸿鹏丽黄龙龚",
))
assert len(set(_T2S)) == 218


# --------------------------------------------------------------------------- generator

def compile_templates(templates):
    """Split each template once into (literal, slot) pairs, so filling is a join."""
    out = []
    for t in templates:
        parts = []
        i = 0
        while i < len(t):
            j = t.find("{", i)
            if j < 0:
                parts.append((t[i:], None))
                break
            k = t.index("}", j)
            parts.append((t[i:j], t[j + 1:k]))
            i = k + 1
        out.append(parts)
    return out


class Article:
    """One article's cast (a few people and organisations that recur) and fillers."""

    def __init__(self, rng, english):
        self.rng = rng
        self.english = english
        n_people = rng.randint(3, 6)
        n_orgs = rng.randint(2, 4)
        latin_share = 1.0 if english else 0.25
        self.people = [self.latin_name() if rng.random() < latin_share else self.zh_name()
                       for _ in range(n_people)]
        en_org_share = 1.0 if english else 0.2
        self.orgs = [self.en_org() if rng.random() < en_org_share else self.zh_org()
                     for _ in range(n_orgs)]

    def zh_name(self):
        r = self.rng
        g = r.choice(GIVEN)
        if r.random() < 0.75:
            g += r.choice(GIVEN)
        return r.choice(SURNAMES) + g

    def latin_name(self):
        r = self.rng
        return r.choice(LATIN_FIRST) + " " + r.choice(LATIN_LAST)

    def zh_org(self):
        r = self.rng
        return r.choice(ORG_STEMS_ZH) + r.choice(ORG_SUFFIX_ZH)

    def en_org(self):
        r = self.rng
        return r.choice(ORG_STEMS_EN) + " " + r.choice(ORG_SUFFIX_EN)

    def date(self):
        r = self.rng
        if self.english:
            k = r.random()
            if k < 0.4:
                return "%s %d" % (r.choice(MONTHS_EN), r.randint(1, 28))
            if k < 0.7:
                return r.choice(DAYS_EN)
            return "%s %d, %d" % (r.choice(MONTHS_EN), r.randint(1, 28), r.randint(2019, 2025))
        k = r.random()
        if k < 0.45:
            return "%d年%d月%d日" % (r.randint(2018, 2025), r.randint(1, 12), r.randint(1, 28))
        if k < 0.65:
            return "今年%d月" % r.randint(1, 12)
        if k < 0.85:
            return "%d月%d日" % (r.randint(1, 12), r.randint(1, 28))
        return r.choice(["上月", "昨日", "本週", "去年底", "上週五"])

    def pick(self, name, memo):
        """A value for slot name; {P}/{P2}, {O}/{O2}, {R}/{R2} differ within a sentence."""
        r = self.rng
        if name in memo:
            return memo[name]
        if name in ("P", "P2", "O", "O2", "R", "R2"):
            base = name[0]
            pool = {"P": self.people, "O": self.orgs,
                    "R": ROLES_EN if self.english else ROLES_ZH}[base]
            a, b = r.sample(pool, 2)
            memo[base], memo[base + "2"] = a, b
            return memo[name]
        if name == "D":
            return self.date()
        if name == "N":
            return str(r.randint(12, 9800))
        if name == "S":
            return "%d.%d" % (r.randint(1, 60), r.randint(0, 9))
        if name == "PCT":
            return "%d.%d" % (r.randint(1, 45), r.randint(0, 9))
        if name == "Q":
            return r.choice(("first", "second", "third", "fourth") if self.english else "一二三四")
        if name == "Y":
            return str(r.randint(2008, 2024))
        if name == "PROD":
            return r.choice(PRODUCTS_EN if self.english else PRODUCTS_ZH)
        if name == "SEC":
            return r.choice(SECTORS_ZH)
        if name == "CITY":
            return r.choice(CITIES_EN if self.english else CITIES_ZH)
        raise KeyError(name)

    def fill(self, parts):
        out = []
        memo = {}
        for lit, name in parts:
            if lit:
                if out and out[-1][-1:].isascii() and out[-1][-1:].isalnum() and lit[0].isascii() \
                        and lit[0].isalnum():
                    out.append(" ")
                out.append(lit)
            if name is not None:
                v = self.pick(name, memo)
                prev = out[-1][-1:] if out else ""
                if not self.english and v[:1].isascii() and v[:1].isalpha() and prev \
                        and not prev.isspace():
                    # a Latin name or title inside Chinese: a space before it when it
                    # follows a Latin word, and now and then anyway, as the press does
                    if (prev.isascii() and prev.isalnum()) or \
                            ("\u4e00" <= prev <= "\u9fff" and self.rng.random() < 0.3):
                        out.append(" ")
                out.append(v)
        return "".join(out)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--seed", type=int, default=20240515)
    ap.add_argument("--mb", type=float, default=200.0, help="size in MB (10^6 bytes), default 200")
    ap.add_argument("--out", default="-", help="output file, '-' for stdout (default)")
    ap.add_argument("--role-share", type=float, default=0.07,
                    help="share of sentences that state a role change (default 0.07)")
    args = ap.parse_args()

    rng = random.Random(args.seed)
    filler_zh, role_zh = compile_templates(FILLER_ZH), compile_templates(ROLE_ZH)
    filler_en, role_en = compile_templates(FILLER_EN), compile_templates(ROLE_EN)
    head_zh, head_en = compile_templates(HEAD_ZH), compile_templates(HEAD_EN)
    t2s = str.maketrans(_T2S)
    target = int(args.mb * 1_000_000)

    out = sys.stdout if args.out == "-" else open(args.out, "w", encoding="utf-8", newline="\n")
    written = 0
    n = 0
    try:
        while written < target:
            n += 1
            english = rng.random() < 0.2
            art = Article(rng, english)
            if english:
                filler, role, head, sep, para = filler_en, role_en, head_en, " ", "\n\n"
            else:
                filler, role, head, sep, para = filler_zh, role_zh, head_zh, "", "\n"
            length = int(300 * (10 ** rng.random()))  # 300..3000 characters, log-uniform
            pieces = [art.fill(rng.choice(head))]
            size = len(pieces[0])
            in_para = 0
            para_len = rng.randint(2, 5)
            while size < length:
                parts = rng.choice(role) if rng.random() < args.role_share else rng.choice(filler)
                s = art.fill(parts)
                if in_para == para_len:
                    pieces.append(para)
                    in_para = 0
                    para_len = rng.randint(2, 5)
                elif in_para:
                    pieces.append(sep)
                pieces.append(s)
                in_para += 1
                size += len(s) + 1
            text = "".join(pieces)
            if not english and rng.random() < 0.5:
                text = text.translate(t2s)
            line = json.dumps({"id": "doc-%08d" % n, "text": text}, ensure_ascii=False) + "\n"
            out.write(line)
            written += len(line.encode("utf-8"))
    finally:
        if out is not sys.stdout:
            out.close()
    print("gen_corpus: %d documents, %d bytes, seed %d" % (n, written, args.seed), file=sys.stderr)


if __name__ == "__main__":
    main()
