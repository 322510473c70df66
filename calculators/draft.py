"""An amendment file from a decision as the office issued it.

The clerk pastes (or saves) the decision's text; this module reads the standard
formulae of a Chinese amending decision and writes the amendment file the build
reads (source/amendments/<in-force date>-<slug>.toml):

    将“财务管理制度”第2条修改为：“……”                      replace the whole clause
    将“宣传奖励制度”第2条中的“A”修改为“B”，“C”修改为“D”      replace words in it
    删去“文明办公制度”第6条                                  repeal
    在“财务管理制度”第10条后增加一条，作为第11条：“……”       insert
    条文顺序作相应调整                                        renumber
    本决定自2027年4月1日起施行                                in force
    the document number (永编办发〔2027〕3号), the title (关于……的决定), the adoption date

A set of rules may be named “财务管理制度”, 《财务管理制度》, 第十二章 or 十二、财务管理制度;
numbers as 第2条, 第二条, sub-items as 第④项. Numbers are read as they stood the day
before the decision takes effect (the decision amends the text then in force).

Every sentence is accounted for: read, taken as the decision's own framing (a
preamble, a signature), or listed as unread, never dropped. The result is checked
with the same code the build uses (_amendments, _history, _data), here and in the
page (the drafting page runs this module in Pyodide).

    python -m calculators.draft decision.txt [--write source/amendments] [--json]

exits 0 with the file's name, or 2 listing what it could not read or what is wrong.
"""
from __future__ import annotations

import argparse
import difflib
import json
import re
import sys
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

from . import _amendments, _clausetext, _data, _history

QUOTE_OPEN, QUOTE_CLOSE = "“「『", "”」』"
ENUM = re.compile(r"^\s*(?:[（(][一二三四五六七八九十\d]+[)）]|[一二三四五六七八九十]+、|\d+[.．、])\s*")
CN_NUM = r"[零一二两三四五六七八九十百\d]+"
CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"
DATE = re.compile(r"(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日")
CHANGE_WORDS = re.compile(r"修改|改为|删去|删除|废止|增加|增写|增设|调整|替换|第\s*" + CN_NUM + r"\s*条")

# Messages (zh, en) of this module: what it says about a sentence.
SAID = {
    "read_title": ("标题", "title"),
    "read_number": ("文号", "document number"),
    "read_adopted": ("通过日期", "date adopted"),
    "read_in_force": ("施行日期", "date in force"),
    "read_renumber": ("条文顺序相应调整", "clauses renumbered"),
    "frame": ("决定的说明文字，不涉及条文", "the decision's own framing; no clause"),
    "no_chapter": ("找不到“{name}”这项制度。请核对制度名称（可写作“财务管理制度”或“第十二章”）。",
                   "no set of rules named '{name}'"),
    "no_clause": ("“{rules}”没有第{number}条（按{day}施行的条文序号）。请核对条号。",
                  "'{rules}' has no clause {number} (numbered as on {day})"),
    "no_words": ("{citation}中找不到“{words}”，无法修改。请核对要修改的文字是否与条文一字不差（包括标点）。",
                 "{citation} does not contain '{words}'"),
    "many_words": ("{citation}中“{words}”出现了{count}次，不知道改哪一处。请在决定中多引几个字，使它只出现一次。",
                   "'{words}' occurs {count} times in {citation}"),
    "twice": ("{citation}在本决定中改了两次。请把对同一条的修改写在一句里。",
              "{citation} is changed twice in this decision"),
    "no_in_force": ("没有读到施行日期。决定中应有一句“本决定自2027年4月1日起施行”。",
                    "no date in force: the decision should say 本决定自…起施行"),
    "no_title": ("没有读到标题（“关于……的决定”）。", "no title (关于……的决定)"),
    "nothing": ("没有读到任何修改条文的句子。", "no sentence changes a clause"),
}


@dataclass
class Sentence:
    text: str
    status: str = "unread"        # read | frame | unread | problem
    what: str = ""                # what was read from it, in Chinese
    problem_zh: str = ""
    problem_en: str = ""


@dataclass
class Draft:
    sentences: list[Sentence] = field(default_factory=list)
    title_zh: str | None = None
    number: str | None = None
    adopted: date | None = None
    in_force: date | None = None
    issued: date | None = None
    renumber: bool | list = False
    changes: list[dict] = field(default_factory=list)   # clause, action, zh, after, sentence
    problems: list[tuple[str, str]] = field(default_factory=list)


# ---------------------------------------------------------------- the text, sentence by sentence
def sentences(text: str) -> list[str]:
    """The decision cut at 。；; and line ends outside quotation marks (a quoted new
    clause keeps its own 。, and its own “” nested inside)."""
    out, current, depth = [], [], 0
    for ch in text.replace("\r\n", "\n").replace("\ufeff", ""):
        if ch in QUOTE_OPEN:
            depth += 1
        elif ch in QUOTE_CLOSE:
            depth = max(0, depth - 1)
        if depth == 0 and ch in "。；;\n":
            if ch != "\n":
                current.append(ch)
            piece = "".join(current).strip()
            if piece:
                out.append(piece)
            current = []
            continue
        current.append(ch)
    piece = "".join(current).strip()
    if piece:
        out.append(piece)
    return out


def skeleton(text: str) -> tuple[str, list[str]]:
    """The sentence with each outermost quotation replaced by ⟦n⟧, and the quotations."""
    out, quotes, depth, buf = [], [], 0, []
    for ch in text:
        if ch in QUOTE_OPEN:
            if depth == 0:
                buf = []
            else:
                buf.append(ch)
            depth += 1
            continue
        if ch in QUOTE_CLOSE and depth:
            depth -= 1
            if depth == 0:
                out.append(f"⟦{len(quotes)}⟧")
                quotes.append("".join(buf))
            else:
                buf.append(ch)
            continue
        (buf if depth else out).append(ch)
    if depth:                       # an unclosed quotation: keep it as it stands
        out.append("“" + "".join(buf))
    return "".join(out), quotes


def cn_int(text: str) -> int | None:
    try:
        from ._slots import cn_int as parse
        return parse(text.strip())
    except (ValueError, KeyError):
        return None


# ---------------------------------------------------------------- naming a clause
def chapters() -> dict[int, str]:
    """Chapter number -> its name without the number (财务管理制度)."""
    out = {}
    for row in _clausetext.original():
        out.setdefault(row.chapter, re.sub(r"^[一二三四五六七八九十]+、\s*", "", row.chapter_title_zh))
    return out


# The set of rules: “财务管理制度”, 《财务管理制度》, 第十二章, 第十二项制度, 十二、财务管理制度
RULES_REF = (r"(?:《永定区编办管理制度》\s*(?:中的|的)?\s*)?"
             r"(?:⟦(?P<q>\d+)⟧|《(?P<b>[^》]+)》|第(?P<ch>" + CN_NUM + r")(?:章|项制度|部分)"
             r"|(?P<plain>[\u4e00-\u9fff]{2,12}制度))")
CLAUSE_REF = RULES_REF + r"\s*(?:的)?\s*第(?P<n>" + CN_NUM + r")条(?:\s*第(?P<sub>" + CN_NUM + \
    r"|[" + CIRCLED + r"]|[（(]" + CN_NUM + r"[)）])项)?"


def _chapter_of(m, quotes) -> tuple[int | None, str]:
    names = chapters()
    if m.group("ch"):
        n = cn_int(m.group("ch"))
        return (n if n in names else None), m.group("ch")
    name = quotes[int(m.group("q"))] if m.group("q") else (m.group("b") or m.group("plain"))
    name = re.sub(r"^[一二三四五六七八九十]+、\s*", "", (name or "").strip())
    for n, title in names.items():
        if title == name:
            return n, name
    return None, name


def _sub_value(text: str | None) -> int | None:
    if not text:
        return None
    if text[0] in CIRCLED:
        return CIRCLED.index(text[0]) + 1
    return cn_int(text.strip("（()）"))


# ---------------------------------------------------------------- reading
class _Problem(Exception):
    def __init__(self, key, **facts):
        zh, en = SAID[key]
        self.zh, self.en = zh.format(**facts), en.format(**facts)


def _date(m) -> date | None:
    try:
        return date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:
        return None


def read(text: str, history=None, today: date | None = None) -> Draft:
    """Read a decision. `history`: the clause model of the amendments already
    recorded (default: those of the folder in use)."""
    d = Draft()
    h = history or _data.history()
    items = [Sentence(s) for s in sentences(text)]
    d.sentences = items
    # First the facts that say when: the numbers are read as on the day before.
    for s in items:
        _read_frame(s, d)
    day = (d.in_force - timedelta(days=1)) if d.in_force else (today or date.today())
    for s in items:
        if s.status != "unread":
            continue
        try:
            _read_change(s, d, h, day)
        except _Problem as p:
            s.status, s.problem_zh, s.problem_en = "problem", p.zh, p.en
    for s in items:                 # what is left: framing, or unread
        if s.status == "unread" and not CHANGE_WORDS.search(s.text):
            s.status, s.what = "frame", SAID["frame"][0]
    if not d.in_force:
        d.problems.append(SAID["no_in_force"])
    if not d.title_zh:
        d.problems.append(SAID["no_title"])
    if not d.changes:
        d.problems.append(SAID["nothing"])
    if d.adopted is None and d.issued is not None and d.issued <= (d.in_force or d.issued):
        d.adopted = d.issued
    _renumber_for_inserts(d, h)
    return d


def _renumber_for_inserts(d: Draft, h) -> None:
    """An insert 作为第M条 where its new id would print another number: the decision's
    own numbers say the chapter is renumbered, even if it does not say so in words."""
    for c in d.changes:
        if c["action"] != "insert" or not c.get("as"):
            continue
        m = _clausetext.ID.match(c["clause"])
        chapter, own = int(m["chapter"]), int(m["sub"] or m["item"])
        if c["as"] != own and d.renumber is not True and chapter not in (d.renumber or []):
            d.renumber = sorted(set((d.renumber or []) + [chapter]))


def _read_frame(s: Sentence, d: Draft) -> None:
    t = ENUM.sub("", s.text).strip().rstrip("。；;")
    number = re.search(r"[\u4e00-\u9fff]{1,8}〔\d{4}〕\d+号", t)
    title = re.search(r"(关于[^，。；]*?的决定)", t)
    if re.fullmatch(r"[\u4e00-\u9fff（）()]{0,20}?(关于[^，。；]*?的决定)", t) and not d.title_zh:
        d.title_zh = title.group(1)
        s.status, s.what = "read", f"{SAID['read_title'][0]}：{d.title_zh}"
        return
    if number and len(t) <= len(number.group(0)) + 4:
        d.number = number.group(0)
        s.status, s.what = "read", f"{SAID['read_number'][0]}：{d.number}"
        return
    m = re.search(r"本决定自\s*" + DATE.pattern + r"\s*起施行", t)
    if m:
        d.in_force = _date(m)
        s.status, s.what = "read", f"{SAID['read_in_force'][0]}：{d.in_force.isoformat()}"
        return
    m = DATE.search(t)
    if m and "通过" in t and not CHANGE_WORDS.search(t):
        d.adopted = _date(m)
        s.status, s.what = "read", f"{SAID['read_adopted'][0]}：{d.adopted.isoformat()}"
        return
    if m and re.fullmatch(r"[（(]?\s*" + DATE.pattern + r"\s*[)）]?", t):
        d.issued = _date(m)
        s.status, s.what = "frame", f"落款日期：{d.issued.isoformat()}"
        return
    if re.search(r"决定对.{0,30}?(?:作|做)(?:如下|以下)修改|根据本决定作相应(?:的)?修改", t) and \
            not re.search(r"条文顺序", t):
        s.status, s.what = "frame", "决定的开头或结尾说明"
        return
    if re.search(r"条文顺序(?:作|做)?相应(?:调整|的调整)", t):
        scope = [n for n, name in chapters().items() if f"《{name}》" in t or f"“{name}”" in t]
        if scope and d.renumber is not True:
            d.renumber = sorted(set((d.renumber or []) + scope))
        elif not scope:
            d.renumber = True
        s.status, s.what = "read", SAID["read_renumber"][0]
        # A closing sentence may also say 重新公布: nothing else to read in it.
        return


def _clause(h, chapter: int, n: int, sub: int | None, day: date, rules: str) -> str:
    cid = h.clause_by_number(chapter, n, day, sub)
    if cid is None:
        number = f"{n}" + (f"条第{CIRCLED[sub - 1]}项" if sub else "")
        raise _Problem("no_clause", rules=rules, number=number, day=day.isoformat())
    return cid


def _citation(h, cid: str, day: date) -> str:
    row = h.row(cid)
    name = chapters()[row.chapter]
    v = h.version_on(cid, day) or h.versions[cid][0]
    if row.sub:
        parent = h.version_on(row.parent, day) or h.versions[row.parent][0]
        return f"“{name}”第{_history.number_value(parent.number)}条第{v.number}项"
    return f"“{name}”第{_history.number_value(v.number)}条"


def _add(d: Draft, s: Sentence, h, day, change: dict) -> None:
    if any(c["clause"] == change["clause"] for c in d.changes):
        raise _Problem("twice", citation=_citation(h, change["clause"], day))
    change["sentence"] = s.text
    d.changes.append(change)


def _read_change(s: Sentence, d: Draft, h, day: date) -> None:
    t, quotes = skeleton(ENUM.sub("", s.text).strip().rstrip("。；;"))
    t = re.sub(r"\s+", "", t)
    ref = re.compile(CLAUSE_REF)

    def locate(m):
        chapter, name = _chapter_of(m, quotes)
        if chapter is None:
            raise _Problem("no_chapter", name=name)
        n = cn_int(m.group("n"))
        return _clause(h, chapter, n, _sub_value(m.group("sub")), day, name), chapter

    # 将…第N条中的“A”修改为“B”，“C”修改为“D”
    m = re.fullmatch(r"将" + CLAUSE_REF + r"中的(?P<pairs>.+)", t)
    if m and re.search(r"(?:修改|改)为", m.group("pairs")):
        cid, _ = locate(m)
        pairs = re.findall(r"⟦(\d+)⟧(?:修改为|改为)⟦(\d+)⟧", m.group("pairs"))
        rest = re.sub(r"(?:[，、,;；和及]|以及)?⟦\d+⟧(?:修改为|改为)⟦\d+⟧", "", m.group("pairs"))
        if pairs and not rest:
            v = h.version_on(cid, day)
            text = v.zh
            for a, b in pairs:
                old, new = quotes[int(a)], quotes[int(b)]
                count = _occurrences(text, old)
                if count == 0:
                    raise _Problem("no_words", citation=_citation(h, cid, day), words=old)
                if count > 1:
                    raise _Problem("many_words", citation=_citation(h, cid, day), words=old, count=count)
                text = _replace_once(text, old, house_style(new))
            _add(d, s, h, day, {"clause": cid, "action": "replace", "zh": text})
            s.status, s.what = "read", f"修改{_citation(h, cid, day)}中的{len(pairs)}处文字"
            return
    # 将…第N条修改为：“……”
    m = re.fullmatch(r"将" + CLAUSE_REF + r"(?:修改|改)为[:：]?⟦(?P<new>\d+)⟧", t)
    if m:
        cid, _ = locate(m)
        _add(d, s, h, day, {"clause": cid, "action": "replace",
                            "zh": house_style(quotes[int(m.group("new"))].strip())})
        s.status, s.what = "read", f"修改{_citation(h, cid, day)}"
        return
    # 删去…第N条 / 废止…第N条 / 将…第N条删去
    m = (re.fullmatch(r"(?:删去|删除|废止)" + CLAUSE_REF, t)
         or re.fullmatch(r"将" + CLAUSE_REF + r"(?:删去|删除|废止)", t))
    if m:
        cid, _ = locate(m)
        _add(d, s, h, day, {"clause": cid, "action": "repeal"})
        s.status, s.what = "read", f"删去{_citation(h, cid, day)}"
        return
    # 在…第N条后增加一条，作为第M条：“……”
    m = re.fullmatch(r"在" + CLAUSE_REF + r"(?:之)?后(?:增加|增写|增设)一(?P<unit>条|项)[，,]?"
                     r"(?:作为第(?P<as>" + CN_NUM + r"|[" + CIRCLED + r"])(?:条|项))?[:：，,]?⟦(?P<new>\d+)⟧", t)
    if m:
        after, chapter = locate(m)
        row = h.row(after)
        new_id = _new_id(h, chapter, row if m.group("unit") == "项" else None, d)
        as_number = _sub_value(m.group("as")) if m.group("as") else None
        _add(d, s, h, day, {"clause": new_id, "action": "insert", "after": _last_of(h, after, d),
                            "zh": house_style(quotes[int(m.group("new"))].strip()), "as": as_number})
        s.status, s.what = "read", f"在{_citation(h, after, day)}后新增一{m.group('unit')}（编号{new_id}）"
        return


# The handbook's text, as the office published it, uses half-width , ; : between
# Chinese words; a decision typed on a Chinese keyboard has ，；：. New words take
# the handbook's style, so a clause does not mix the two (the guide says the same).
_HOUSE = str.maketrans({"，": ",", "；": ";", "：": ":"})


def house_style(text: str) -> str:
    return text.translate(_HOUSE)


def _occurrences(text: str, words: str) -> int:
    return len(_words_pattern(words).findall(text))


def _words_pattern(words: str) -> re.Pattern:
    from ._slots import _literal
    return re.compile(_literal(words))


def _replace_once(text: str, old: str, new: str) -> str:
    return _words_pattern(old).sub(lambda _: new, text, count=1)


def _new_id(h, chapter: int, parent, d: Draft) -> str:
    """The next id no clause of the chapter (nor an earlier insert of this decision) has."""
    taken = set(h.versions) | {c["clause"] for c in d.changes}
    if parent is not None:
        base = parent.parent or parent.id
        n = 1
        while f"{base}-{n}" in taken:
            n += 1
        return f"{base}-{n}"
    n = 1
    while f"c{chapter}-{n}" in taken:
        n += 1
    return f"c{chapter}-{n}"


def _last_of(h, after: str, d: Draft) -> str:
    """A second insert after the same clause goes after the first (the build keeps
    inserts after one clause in their order)."""
    return after


# ---------------------------------------------------------------- the file
def _toml_text(value: str) -> str:
    return json.dumps(value, ensure_ascii=False)


def slug(d: Draft) -> str:
    m = re.search(r"〔(\d{4})〕(\d+)号", d.number or "")
    return f"decision-{m.group(1)}-{m.group(2)}" if m else "decision"


def file_name(d: Draft) -> str:
    return f"{d.in_force.isoformat() if d.in_force else 'YYYY-MM-DD'}-{slug(d)}.toml"


def toml(d: Draft) -> str:
    """The amendment file, with each change under the sentence it came from."""
    lines = ["# 由修改决定原文生成（起草页或 make draft）；各段上方的注释是决定中的原句。",
             f"title_zh = {_toml_text(d.title_zh or '')}"]
    if d.number:
        lines.append(f"number = {_toml_text(d.number)}")
    if d.adopted:
        lines.append(f"adopted = {d.adopted.isoformat()}")
    lines.append(f"in_force = {d.in_force.isoformat() if d.in_force else ''}")
    if d.renumber is True:
        lines.append("renumber = true")
    elif d.renumber:
        lines.append(f"renumber = [{', '.join(str(n) for n in d.renumber)}]")
    for c in d.changes:
        lines += ["", f"# {c['sentence']}", "[[changes]]", f"clause = {_toml_text(c['clause'])}",
                  f"action = {_toml_text(c['action'])}"]
        if c["action"] == "insert":
            lines.append(f"after = {_toml_text(c['after'])}")
        if c.get("zh"):
            lines.append(f"zh = {_toml_text(c['zh'])}")
    return "\n".join(lines) + "\n"


# ---------------------------------------------------------------- checking, as the build does
def redline(old: str | None, new: str | None) -> list[list[str]]:
    """[["=", "…"], ["-", "800"], ["+", "1000"], …]: Chinese by character, a number whole."""
    split = lambda s: re.findall(r"\d+(?:\.\d+)?%?|[A-Za-z]+|\s+|.", s or "", re.S)  # noqa: E731
    a, b = split(old), split(new)
    out = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if op == "equal":
            out.append(["=", "".join(a[i1:i2])])
            continue
        if op in ("delete", "replace"):
            out.append(["-", "".join(a[i1:i2])])
        if op in ("insert", "replace"):
            out.append(["+", "".join(b[j1:j2])])
    return out


def _values(rules: dict) -> dict:
    return {(path, name): (table["clause"], value)
            for path, table in _data.bound_tables(rules)
            for name, value in table.items()
            if name not in ("clause", "text", "words", "reading", "outlets", "aliases", "persons",
                            "holidays", "report_to", "every", "repealed")}


def check(d: Draft, existing=None) -> dict:
    """The draft read back as the build reads it: the amendment, the clauses' new
    texts (with the number each prints), the calculators' values that follow, and
    any error or warning, Chinese first."""
    existing = tuple(_amendments.amendments() if existing is None else existing)
    name = file_name(d)
    source = toml(d)
    out = {"file_name": name, "toml": source, "errors": [], "warnings": [], "clauses": [],
           "values": [], "renumbered": []}
    try:
        amendment = _amendments.parse_text(name, source)
        rows = list(_clausetext.original())
        every = tuple(sorted(existing + (amendment,), key=lambda a: (a.in_force, a.file)))
        h = _history.build(rows, every)
        notices = _data.check(h) + _data.unread_amounts(h)
    except _amendments.AmendmentError as exc:
        out["errors"].append({"zh": exc.zh, "en": exc.en, "field": exc.field, "line": exc.line})
        return out
    out["warnings"] = [{"zh": n.zh, "en": n.en} for n in notices]
    before_day = amendment.in_force - timedelta(days=1)
    for c in amendment.changes:
        old = h.version_on(c.clause, before_day)
        new = h.version_on(c.clause, amendment.in_force)
        cite = _citation(h, c.clause, amendment.in_force if c.action == "insert" else before_day)
        if c.action == "replace" and new is not None and old is not None and new.number != old.number:
            cite += f"（施行后为第{_history.number_value(new.number)}条）" if not h.row(c.clause).sub \
                else f"（施行后为第{new.number}项）"
        out["clauses"].append({
            "clause": c.clause, "action": c.action,
            "citation": cite,
            "before": old.zh if old else None, "after": new.zh if new else None,
            "redline": redline(old.zh if old else "", new.zh if new else ""),
            "sentence": next((x["sentence"] for x in d.changes if x["clause"] == c.clause), "")})
    for cid, versions in h.versions.items():
        for v in versions:
            if v.amendment is amendment and v.former and v.number and v.former != v.number:
                out["renumbered"].append({"clause": cid, "from": v.former, "to": v.number,
                                          "rules": chapters()[h.row(cid).chapter],
                                          "from_n": _history.number_value(v.former),
                                          "to_n": _history.number_value(v.number)})
    before = _values(_data.resolve_on(h, before_day)[0])
    after = _values(_data.resolve_on(h, amendment.in_force)[0])
    for key in after:
        if before.get(key) != after[key]:
            path, slot = key
            out["values"].append({"calculator": _data.calculator_title(path), "clause": after[key][0],
                                  "name": slot, "before": before.get(key, (None, None))[1],
                                  "after": after[key][1], "from": amendment.in_force.isoformat()})
    return out


def draft(text: str, existing=None, history=None) -> dict:
    """Everything the drafting page shows, as data."""
    if existing is not None and history is None:
        history = _history.build(list(_clausetext.original()), tuple(existing))
    d = read(text, history)
    result = {
        "sentences": [{"text": s.text, "status": s.status, "what": s.what,
                       "problem_zh": s.problem_zh, "problem_en": s.problem_en} for s in d.sentences],
        "unread": [s.text for s in d.sentences if s.status == "unread"],
        "problems": [{"zh": s.problem_zh, "en": s.problem_en, "sentence": s.text}
                     for s in d.sentences if s.status == "problem"]
                    + [{"zh": zh, "en": en, "sentence": ""} for zh, en in d.problems],
        "title_zh": d.title_zh, "number": d.number,
        "adopted": d.adopted.isoformat() if d.adopted else None,
        "in_force": d.in_force.isoformat() if d.in_force else None,
        "renumber": d.renumber,
    }
    if d.in_force and d.title_zh and d.changes:
        result |= check(d, existing)
        # An error about one change is marked on the sentence it came from.
        for error in result["errors"]:
            m = re.match(r"changes\[(\d+)\]", error.get("field") or "")
            if not m or int(m.group(1)) > len(d.changes):
                continue
            sentence = d.changes[int(m.group(1)) - 1]["sentence"]
            for s in result["sentences"]:
                if s["text"] == sentence:
                    s.update(status="problem", problem_zh=error["zh"], problem_en=error["en"])
    else:
        result |= {"file_name": file_name(d), "toml": toml(d), "errors": [], "warnings": [],
                   "clauses": [], "values": [], "renumbered": []}
    result["ok"] = not (result["unread"] or result["problems"] or result["errors"])
    return result


def draft_json(text: str) -> str:
    """draft(), as JSON (the page's worker)."""
    return json.dumps(draft(str(text)), ensure_ascii=False)


# ---------------------------------------------------------------- command line
def _report(result: dict) -> str:
    lines = []
    for s in result["sentences"]:
        mark = {"read": "✓", "frame": "·", "unread": "？", "problem": "✗"}[s["status"]]
        note = s["what"] or s["problem_zh"] or ("未能读懂这一句" if s["status"] == "unread" else "")
        lines.append(f"{mark} {s['text']}" + (f"\n    → {note}" if note else ""))
    for p in result["problems"]:
        if not p["sentence"]:
            lines.append(f"✗ {p['zh']}")
    for e in result["errors"]:
        lines.append(f"✗ 检查未通过：{e['zh']}")
    for w in result["warnings"]:
        lines.append(f"! 请注意：{w['zh']}")
    for c in result["clauses"]:
        red = "".join(t if op == "=" else (f"[-{t}-]" if op == "-" else f"[+{t}+]") for op, t in c["redline"])
        lines.append(f"  {c['citation']}（{c['clause']}）：{red}")
    for r in result["renumbered"]:
        lines.append(f"  {r['clause']}：序号{r['from']} → {r['to']}")
    for v in result["values"]:
        lines.append(f"  计算器“{v['calculator']}”（{v['clause']}）：{v['before']} → {v['after']}，{v['from']}起")
    return "\n".join(lines)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(prog="python -m calculators.draft",
                                 description="修改决定原文 → 修改决定文件 (a decision's text -> its amendment file)")
    ap.add_argument("decision", help="决定原文的文本文件（UTF-8）")
    ap.add_argument("--write", metavar="FOLDER", help="写入这个文件夹（如 source/amendments）")
    ap.add_argument("--json", action="store_true", help="输出 JSON")
    args = ap.parse_args(argv)
    path = Path(args.decision) if args.decision else None
    if not args.decision or not path.is_file():
        print(f"找不到决定原文文件“{args.decision}”。用法：make draft DECISION=决定.txt "
              f"(no such file: {args.decision!r})", file=sys.stderr)
        return 2
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        try:
            text = raw.decode("gb18030")       # Notepad's "ANSI" on a Chinese Windows
        except UnicodeDecodeError:
            print("决定原文既不是UTF-8也不是GBK编码，请另存为UTF-8。 (not UTF-8 text)", file=sys.stderr)
            return 2
    try:
        result = draft(text)
    except _amendments.AmendmentError as exc:   # the amendments already recorded are malformed
        print(exc.for_clerk(), file=sys.stderr)
        return 2
    if args.json:
        print(json.dumps(result, ensure_ascii=False, indent=1))
    else:
        print(_report(result))
    if not result["ok"]:
        print("\n未生成文件：请按上面标 ？ 和 ✗ 的地方修改决定原文（或交技术人员处理）后再运行。"
              "\n(No file written: see the sentences marked ？ and ✗.)", file=sys.stderr)
        return 2
    if args.write:
        folder = Path(args.write)
        folder.mkdir(parents=True, exist_ok=True)
        target = folder / result["file_name"]
        if target.exists() and target.read_text(encoding="utf-8") != result["toml"]:
            print(f"{target} 已经存在，内容不同，没有覆盖。请先核对或删去旧文件。 (exists; not overwritten)",
                  file=sys.stderr)
            return 2
        target.write_text(result["toml"], encoding="utf-8")
        print(f"\n已生成：{target}\n(written: {target})")
    else:
        print("\n" + result["toml"])
    return 0


if __name__ == "__main__":
    sys.exit(main())
