"""Every clause's versions, from the text as issued and the amendments: the model
the site build and the calculators share (stdlib only: it runs in Pyodide too,
where the drafting page checks a decision with it).

`build(original, amendments)` gives a `History`: each clause's versions in date
order, each checked (an unknown clause, an insert whose id is taken, a text whose
number is not the one it will print...: an AmendmentError naming file and field).

Printed numbers. A clause id never changes (c11-7 stays c11-7), but the number a
clause prints may: an amendment that says 条文顺序作相应调整 (`renumber`) numbers
the clauses of the chapters it names (or of every chapter it changes) afresh from
its in-force date, in page order, leaving out the repealed ones. Each clause whose
number moves gets a version of its own (action "renumber"), so its history shows
the move, and every version's text begins with the number it prints.

handbook/versions.py builds the pages from this model; calculators/_data.py
reads the figures out of the text in force (calculators/_slots.py).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from datetime import date

from ._amendments import Amendment, AmendmentError
from ._clausetext import ID as CLAUSE_ID

ORIGINAL = "original"          # the path segment of the original text's pages
CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"
CN_DIGITS = "零一二三四五六七八九"
# A printed number at the start of a clause's text, in either language.
ZH_NUMBER = re.compile(r"^(\d+\.|第[一二三四五六七八九十]+条|[一二三四五六七八九十]+、|[①-⑳])")
EN_NUMBER = re.compile(r"^(\d+\.|Article \d+|\(\d+\))\s*")
# What a clerk may type in front of the words instead: a number in another style.
ANY_NUMBER = re.compile(r"^\s*(?:第?[0-9一二三四五六七八九十]+[条.、．]|[①-⑳]|[（(][0-9]+[)）])\s*")


@dataclass(frozen=True)
class Version:
    clause: str
    in_force: date | None      # None: the original text
    until: date | None         # the day the next version takes over (None: open)
    zh: str | None             # None: repealed
    en: str | None             # None: repealed, or translation pending
    amendment: Amendment | None
    action: str | None         # None (original) | replace | insert | repeal | renumber
    number: str = ""           # the printed number (zh), e.g. "6." or "第六条"
    former: str | None = None  # a renumbered clause: the number it printed before

    @property
    def key(self) -> str:
        """The path segment of the point-in-time pages that show this version."""
        return self.in_force.isoformat() if self.in_force else ORIGINAL

    @property
    def repealed(self) -> bool:
        return self.zh is None

    @property
    def translation_pending(self) -> bool:
        return self.zh is not None and self.en is None


@dataclass
class History:
    original: list                     # the clause table as issued (rows)
    amendments: tuple[Amendment, ...]
    versions: dict[str, list[Version]]  # clause id -> versions in date order
    order: list[str]                   # every clause id, base and inserted, in page order
    inserted: dict[str, object]        # inserted id -> a row like the original's
    notices: list = field(default_factory=list)   # what the build reports without failing

    @property
    def dates(self) -> list[date]:
        return sorted({a.in_force for a in self.amendments})

    def version_on(self, cid: str, day: date | None) -> Version | None:
        """The version in force on `day` (None: not yet inserted). day None: as issued."""
        found = None
        for v in self.versions[cid]:
            if v.in_force is None or (day is not None and v.in_force <= day):
                found = v
        return found

    def status(self, cid: str, day: date) -> str:
        v = self.version_on(cid, day)
        if v is None:
            return "not_yet_in_force"
        return "repealed" if v.repealed else "in_force"

    def coming(self, cid: str, day: date) -> list[Version]:
        """Versions of this clause that take effect after `day`."""
        return [v for v in self.versions[cid] if v.in_force and v.in_force > day]

    def number_on(self, cid: str, day: date | None) -> str:
        """The number the clause prints on `day` (a repealed clause: its last one)."""
        v = self.version_on(cid, day) or self.versions[cid][0]
        return v.number

    def clause_by_number(self, chapter: int, number: int, day: date | None,
                         sub: int | None = None) -> str | None:
        """The clause that prints 第`number`条 (and sub-item `sub`) of a chapter on `day`,
        in force then: how a citation written on that day is read."""
        for cid in self.order:
            row = self.row(cid)
            if row.chapter != chapter:
                continue
            v = self.version_on(cid, day)
            if v is None or v.repealed:
                continue
            if bool(row.sub) != bool(sub):
                continue
            if sub:
                parent = self.version_on(row.parent, day)
                if parent is None or number_value(parent.number) != number:
                    continue
                if number_value(v.number) == sub:
                    return cid
            elif number_value(v.number) == number:
                return cid
        return None

    def pending_translations(self) -> list[tuple[Amendment, str]]:
        return [(v.amendment, v.clause) for vs in self.versions.values() for v in vs
                if v.translation_pending and v.action != "renumber"]

    def row(self, cid: str):
        return self._rows_by_id[cid]

    def __post_init__(self):
        self._rows_by_id = {r.id: r for r in self.original} | dict(self.inserted)


# ---------------------------------------------------------------- printed numbers
def cn_number(n: int) -> str:
    """1..99 in Chinese numerals, as the text prints them: 五, 十, 十一, 二十一."""
    tens, ones = divmod(n, 10)
    if tens == 0:
        return CN_DIGITS[ones]
    return (CN_DIGITS[tens] if tens > 1 else "") + "十" + (CN_DIGITS[ones] if ones else "")


def cn_value(text: str) -> int | None:
    """十一 -> 11, 二十 -> 20, 三 -> 3 (up to 99); None if not a numeral."""
    if not text or any(ch not in CN_DIGITS + "十两" for ch in text):
        return None
    text = text.replace("两", "二")
    if "十" in text:
        tens, _, ones = text.partition("十")
        value = (CN_DIGITS.index(tens) if tens else 1) * 10 + (CN_DIGITS.index(ones) if ones else 0)
        return value
    return CN_DIGITS.index(text) if len(text) == 1 else None


def number_value(number: str) -> int | None:
    """The integer of a printed number: "6." -> 6, "第六条" -> 6, "六、" -> 6, "⑥" -> 6."""
    if not number:
        return None
    if number[0] in CIRCLED:
        return CIRCLED.index(number[0]) + 1
    m = re.match(r"^(\d+)\.$", number)
    if m:
        return int(m.group(1))
    m = re.match(r"^第(.+)条$", number) or re.match(r"^(.+)、$", number)
    return cn_value(m.group(1)) if m else None


def number_style(number: str) -> str:
    if number.startswith("第"):
        return "article"
    if number.endswith("、"):
        return "cn"
    if number and number[0] in CIRCLED:
        return "circled"
    return "arabic"


def printed_numbers(style: str, item: int, sub: int | None) -> tuple[str, str]:
    """The (zh, en) number a clause prints at position `item` (sub-item `sub`),
    in its chapter's style."""
    if sub:
        return CIRCLED[sub - 1], f"({sub})"
    if style == "article":
        return f"第{cn_number(item)}条", f"Article {item}"
    if style == "cn":
        return f"{cn_number(item)}、", f"{item}."
    return f"{item}.", f"{item}."


def en_number(text: str | None) -> str:
    m = EN_NUMBER.match(text or "")
    return m.group(1) if m else ""


def body(text: str, lang: str = "zh") -> str:
    """A clause's words without its printed number."""
    pattern = ZH_NUMBER if lang == "zh" else EN_NUMBER
    return pattern.sub("", text, count=1) if text else text


def with_number(text: str | None, number: str, lang: str = "zh") -> str | None:
    """The words with `number` printed in front (zh "6.及时…", en "6. Documents…")."""
    if text is None:
        return None
    words = body(text, lang)
    if lang == "en":
        return f"{number} {words.lstrip()}" if number else words
    return number + words


def chapter_style(original: list, chapter: int) -> str:
    """The number style of a chapter's clauses (not its sub-items)."""
    sibling = next((r for r in original if r.chapter == chapter and not r.sub), None)
    return number_style(sibling.number) if sibling else "arabic"


# ---------------------------------------------------------------- building the history
def _given_number(text: str, lang: str) -> tuple[str, int] | None:
    """(the number a clerk typed in front of the words, where the words begin)."""
    m = (ZH_NUMBER if lang == "zh" else EN_NUMBER).match(text)
    if m:
        return m.group(1), m.end()
    m = ANY_NUMBER.match(text) if lang == "zh" else None
    return (m.group(0).strip(), m.end()) if m else None


def _value_of(number: str) -> int | None:
    """6 for "6.", "6、", "第6条", "第六条", "⑥", "(6)", "Article 6"."""
    value = number_value(number)
    if value is not None:
        return value
    digits = re.search(r"\d+", number)
    if digits:
        return int(digits.group(0))
    m = re.search(r"[一二三四五六七八九十]+", number)
    return cn_value(m.group(0)) if m else None


def _fit_number(a: Amendment, i: int, lang: str, text: str | None, allowed: list[str]) -> str | None:
    """The text with the number it prints. A text typed without a number gets it; a
    text with another number is refused, naming the number it must have."""
    if text is None:
        return None
    given = _given_number(text, lang)
    number = allowed[0]
    if given is None:
        return with_number(text, number, lang)
    typed, end = given
    if typed in allowed or (_value_of(typed) is not None
                            and _value_of(typed) in {_value_of(n) for n in allowed}
                            and (lang == "zh" or typed[:1] == number[:1])):
        words = text[end:].lstrip() if lang == "en" else text[end:]
        return (f"{number} {words}" if lang == "en" else number + words)
    raise AmendmentError(a.file, f"changes[{i + 1}].{lang}", "number",
                         a.line_of(f"changes[{i + 1}].{lang}"), number=number, given=typed,
                         start=text[:12])


def _renumbered_chapters(a: Amendment, rows: dict) -> set[int]:
    if a.renumber is True:
        return {rows[c.clause].chapter if c.clause in rows else _chapter_of_id(c.clause)
                for c in a.changes}
    return set(a.renumber or ())


def _chapter_of_id(cid: str) -> int:
    m = CLAUSE_ID.match(cid)
    return int(m["chapter"]) if m else -1


def _new_numbers(chapters: set[int], order: list[str], rows: dict, alive, style_of) -> dict:
    """clause id -> (zh number, en number) in a fresh numbering of `chapters`: page
    order, the clauses `alive` only; sub-items counted within their clause."""
    out: dict[str, tuple[str, str]] = {}
    count: dict = {}
    for cid in order:
        row = rows[cid]
        if row.chapter not in chapters or not alive(cid):
            continue
        if row.sub:
            parent = row.parent
            if parent not in out:
                continue
            count[parent] = count.get(parent, 0) + 1
            out[cid] = printed_numbers("circled", 0, count[parent])
        else:
            count[row.chapter] = count.get(row.chapter, 0) + 1
            out[cid] = printed_numbers(style_of(row.chapter), count[row.chapter], None)
    return out


def build(original: list, amendments: tuple[Amendment, ...]) -> History:
    """Every clause's versions. `original`: rows with id, chapter, item, sub, number,
    zh, en (handbook.clauses.Clause or _clausetext.Row)."""
    versions: dict[str, list[Version]] = {
        r.id: [Version(r.id, None, None, r.zh, r.en or None, None, None, r.number)] for r in original}
    order = [r.id for r in original]
    inserted: dict[str, object] = {}
    placed_after: dict[str, str] = {}
    rows = {r.id: r for r in original}

    def style_of(chapter: int) -> str:
        return chapter_style(original, chapter)

    def apply(a: Amendment) -> None:
        renumber = _renumbered_chapters(a, rows)
        # First place every change (inserts into the order), then number, then check texts.
        plan: list[tuple[int, object, object]] = []   # (index, change, row)
        for i, ch in enumerate(a.changes):
            where = f"changes[{i + 1}]"
            if ch.action == "insert":
                m = CLAUSE_ID.match(ch.clause)
                if not m:
                    raise AmendmentError(a.file, f"{where}.clause", "insert_id", clause=ch.clause)
                if ch.clause in rows:
                    raise AmendmentError(a.file, f"{where}.clause", "insert_taken", clause=ch.clause)
                after = rows.get(ch.after)
                if after is None:
                    raise AmendmentError(a.file, f"{where}.after", "unknown_clause", clause=ch.after)
                chapter, item = int(m["chapter"]), int(m["item"])
                sub = int(m["sub"]) if m["sub"] else None
                if chapter != after.chapter:
                    raise AmendmentError(a.file, f"{where}.after", "insert_chapter",
                                         after=ch.after, after_chapter=after.chapter,
                                         clause=ch.clause, chapter=chapter)
                if sub and f"c{chapter}-{item}" not in rows:
                    raise AmendmentError(a.file, f"{where}.clause", "insert_parent",
                                         parent=f"c{chapter}-{item}")
                zh_no, _ = printed_numbers("circled" if sub else style_of(chapter), item, sub)
                row = replace(after, id=ch.clause, item=item, sub=sub, number=zh_no,
                              zh=ch.zh, en=ch.en or "")
                if hasattr(row, "notes_zh"):
                    row = replace(row, notes_zh=[], notes_en=[])
                rows[ch.clause] = inserted[ch.clause] = row
                # After `after`, its sub-items (unless this is one) and earlier
                # inserts after the same clause, which keep their amendment order.
                pos = order.index(ch.after) + 1
                while pos < len(order) and ((not sub and rows[order[pos]].parent == ch.after)
                                            or placed_after.get(order[pos]) == ch.after):
                    pos += 1
                order.insert(pos, ch.clause)
                placed_after[ch.clause] = ch.after
                versions[ch.clause] = []
                plan.append((i, ch, row))
                continue
            row = rows.get(ch.clause)
            if row is None:
                raise AmendmentError(a.file, f"{where}.clause", "unknown_clause", clause=ch.clause)
            last = versions[ch.clause][-1]
            if last.repealed:
                raise AmendmentError(a.file, f"{where}.clause", "already_repealed",
                                     clause=ch.clause, date=last.in_force.isoformat())
            if last.in_force == a.in_force:
                raise AmendmentError(a.file, f"{where}.clause", "same_day",
                                     clause=ch.clause, other=last.amendment.file)
            plan.append((i, ch, row))

        changed = {ch.clause: ch for _, ch, _ in plan}

        def alive(cid: str) -> bool:
            ch = changed.get(cid)
            if ch is not None:
                return ch.action != "repeal"
            vs = versions[cid]
            return bool(vs) and not vs[-1].repealed

        fresh = _new_numbers(renumber, order, rows, alive, style_of) if renumber else {}

        for i, ch, row in plan:
            last = versions[ch.clause][-1] if versions[ch.clause] else None
            if ch.action == "insert":
                zh_no, en_no = fresh.get(ch.clause) or printed_numbers(
                    "circled" if row.sub else style_of(row.chapter), row.item, row.sub)
                allowed_zh, allowed_en = [zh_no], [en_no]
            else:
                current_zh = last.number
                current_en = en_number(last.en) or en_number(versions[ch.clause][0].en) or \
                    printed_numbers(number_style(current_zh), number_value(current_zh) or row.item,
                                    row.sub)[1]
                zh_no, en_no = fresh.get(ch.clause, (current_zh, current_en))
                # Under a renumbering the clerk may type the old number or the new one.
                allowed_zh = [zh_no] + ([current_zh] if current_zh != zh_no else [])
                allowed_en = [en_no] + ([current_en] if current_en != en_no else [])
            zh = _fit_number(a, i, "zh", ch.zh, allowed_zh)
            en = _fit_number(a, i, "en", ch.en, allowed_en)
            if last is not None:
                versions[ch.clause][-1] = replace(last, until=a.in_force)
            if ch.action == "repeal":
                zh = en = None
                # Repealed under a renumbering, it prints no number any more.
                zh_no, former = ("", last.number) if row.chapter in renumber else (last.number, None)
            else:
                former = last.number if last is not None and last.number != zh_no else None
            versions[ch.clause].append(Version(ch.clause, a.in_force, None, zh, en, a, ch.action,
                                               zh_no, former))
        # Clauses this decision does not change but renumbers: a version of their own.
        for cid, (zh_no, en_no) in fresh.items():
            if cid in changed:
                continue
            last = versions[cid][-1]
            if last.number == zh_no:
                continue
            versions[cid][-1] = replace(last, until=a.in_force)
            versions[cid].append(Version(
                cid, a.in_force, None, with_number(last.zh, zh_no), with_number(last.en, en_no, "en"),
                a, "renumber", zh_no, last.number))
    for a in amendments:
        try:
            apply(a)
        except AmendmentError as exc:
            raise exc.at(a.line_of(exc.field)) from None
    return History(original=list(original), amendments=tuple(amendments), versions=versions,
                   order=order, inserted=inserted)


def text_on(h: History, cid: str, day: date | None) -> str | None:
    """The Chinese text of a clause in force on `day` (None: repealed or not yet in force)."""
    v = h.version_on(cid, day)
    return v.zh if v else None
