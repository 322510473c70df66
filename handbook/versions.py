"""The handbook in time: every clause's versions, from the original text and the
amendments (source/amendments/*.toml, read by calculators/_amendments.py).

The original text is the chapter pages' Markdown (docs/<lang>/chNN.md, read by
handbook/clauses.py). An amendment replaces, inserts or repeals clauses from its
in-force date. From the two this module gives:

- `history()`: every clause's versions, checked (an unknown clause, an insert
  whose id is taken, a text that does not begin with its printed number, a
  calculator value whose quoted words its clause no longer holds: each an
  AmendmentError naming the file and the field);
- `table(day)`: the clause table as of a date (the edition date by default),
  which the whole build uses: pages, search, citations, clauses.json, documents;
- `chapter_markdown(lang, chapter, day)`: a chapter page's Markdown with the text
  in force on that day, each changed clause marked, for the current pages, the
  point-in-time pages (/v/<date>/chNN/) and the printable edition.

The original has no date (the source does not state one): it is called 原始文本
/ "original text", and its point-in-time pages live under /v/original/.
"""
from __future__ import annotations

import difflib
import html
import os
import re
from dataclasses import dataclass, field, replace
from datetime import date

from . import calculator_forms
from . import clauses as extractor
from . import edition
from .citations import cite_en, cite_zh

from calculators import _amendments, _data  # the one reader of amendment files; dated rules
from calculators._amendments import Amendment, AmendmentError  # noqa: F401


ORIGINAL = "original"          # the path segment of the original text's pages
CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"
CN_DIGITS = "零一二三四五六七八九"


# ---------------------------------------------------------------- wording
LABELS = {
    "zh": {
        "original": "原始文本",
        "repealed_text": "〔本条已废止〕",
        "amended": "本条根据{amendment}修改，自{date}起施行。",
        "inserted": "本条根据{amendment}新增，自{date}起施行。",
        "repealed": "本条根据{amendment}，自{date}起废止。",
        "history": "本条历史版本",
        "coming_replace": "将于{date}起修改",
        "later_replace": "此后本条已自{date}起修改。",
        "later_repeal": "此后本条已自{date}起废止。",
        "later_coming_replace": "本条将于{date}起修改。",
        "later_coming_repeal": "本条将于{date}起废止。",
        "current_link": "查看现行文本",
        "coming_repeal": "将于{date}起废止",
        "coming_insert": "新增条文：将于{date}起施行",
        "coming_link": "查看届时的文本",
        "pending": ("译文待补：本条自{date}起修改（{amendment}），英文译文尚未完成，"
                    "上方为中文正式文本。"),
        "version_cite": "（{label}）",
        "version_from": "{date}起施行的文本",
    },
    "en": {
        "original": "original text",
        "repealed_text": "[Repealed]",
        "amended": "Amended by {amendment}, in force from {date}.",
        "inserted": "Inserted by {amendment}, in force from {date}.",
        "repealed": "Repealed by {amendment} with effect from {date}.",
        "history": "History of this clause",
        "coming_replace": "To be amended from {date}",
        "later_replace": "This clause was later amended, with effect from {date}.",
        "later_repeal": "This clause was later repealed, with effect from {date}.",
        "later_coming_replace": "This clause is to be amended from {date}.",
        "later_coming_repeal": "This clause is to be repealed from {date}.",
        "current_link": "The text in force",
        "coming_repeal": "To be repealed from {date}",
        "coming_insert": "New clause, in force from {date}",
        "coming_link": "Read the text as it will stand",
        # The line above already names the amendment and its date: not repeated here.
        "pending": ("Translation pending: the English translation of this clause as amended "
                    "is not yet available. The text above is the official Chinese text, "
                    "which governs."),
        "version_cite": " ({label})",
        "version_from": "text in force from {date}",
    },
}


def date_text(d: date | None, lang: str) -> str:
    if d is None:
        return LABELS[lang]["original"]
    return edition.date_zh(d) if lang == "zh" else edition.date_en(d)


def amendment_text(a: Amendment, lang: str) -> str:
    """《title》（number） / “Title” (number): how a page names an amendment. With no
    English title, the English names it as the calculators do (calculators/messages/
    common.toml [amendment]): a decision of the Office (《title》, number)."""
    if lang == "zh":
        return f"《{a.title_zh}》" + (f"（{a.number}）" if a.number else "")
    if a.title_en:
        return f"“{a.title_en}”" + (f" ({a.number})" if a.number else "")
    return f"a decision of the Office (《{a.title_zh}》" + (f", {a.number})" if a.number else ")")


# ---------------------------------------------------------------- the model
@dataclass(frozen=True)
class Version:
    clause: str
    in_force: date | None      # None: the original text
    until: date | None         # the day the next version takes over (None: open)
    zh: str | None             # None: repealed
    en: str | None             # None: repealed, or translation pending
    amendment: Amendment | None
    action: str | None         # None (original) | replace | insert | repeal

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
    original: list                     # the clause table as issued (clauses.Clause)
    amendments: tuple[Amendment, ...]
    versions: dict[str, list[Version]]  # clause id -> versions in date order
    order: list[str]                   # every clause id, base and inserted, in page order
    inserted: dict[str, object]        # inserted id -> a Clause-like row (number, chapter...)
    notices: list = field(default_factory=list)   # what the build reports without failing

    @property
    def dates(self) -> list[date]:
        return sorted({a.in_force for a in self.amendments})

    def version_on(self, cid: str, day: date) -> Version | None:
        """The version in force on `day` (None: not yet inserted)."""
        found = None
        for v in self.versions[cid]:
            if v.in_force is None or v.in_force <= day:
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

    def pending_translations(self) -> list[tuple[Amendment, str]]:
        return [(v.amendment, v.clause) for vs in self.versions.values() for v in vs
                if v.translation_pending]

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


def number_style(number: str) -> str:
    if number.startswith("第"):
        return "article"
    if number.endswith("、"):
        return "cn"
    if number and number[0] in CIRCLED:
        return "circled"
    return "arabic"


def printed_numbers(style: str, item: int, sub: int | None) -> tuple[str, str]:
    """The (zh, en) number a clause with this id prints, in its chapter's style."""
    if sub:
        return CIRCLED[sub - 1], f"({sub})"
    if style == "article":
        return f"第{cn_number(item)}条", f"Article {item}"
    if style == "cn":
        return f"{cn_number(item)}、", f"{item}."
    return f"{item}.", f"{item}."


def _en_number(row) -> str:
    m = re.match(r"^(\d+\.|Article \d+|\(\d+\))", row.en or "")
    return m.group(1) if m else ""


# ---------------------------------------------------------------- building the history
def _check_text(a: Amendment, i: int, field: str, text: str | None, number: str) -> None:
    if text is not None and number and not text.startswith(number):
        raise AmendmentError(a.file, f"changes[{i + 1}].{field}",
                             f"must begin with the clause's printed number {number!r} "
                             f"(it begins {text[:12]!r})")


def build(original: list, amendments: tuple[Amendment, ...]) -> History:
    by_id = {r.id: r for r in original}
    versions: dict[str, list[Version]] = {
        r.id: [Version(r.id, None, None, r.zh, r.en, None, None)] for r in original}
    order = [r.id for r in original]
    inserted: dict[str, object] = {}
    placed_after: dict[str, str] = {}
    rows = dict(by_id)
    for a in amendments:
        for i, ch in enumerate(a.changes):
            where = f"changes[{i + 1}]"
            if ch.action == "insert":
                m = extractor.CLAUSE_ID.match(ch.clause)
                if not m:
                    raise AmendmentError(a.file, f"{where}.clause", f"{ch.clause!r} is not a clause "
                                         "id such as c12-11 or c1-5-5")
                if ch.clause in rows:
                    raise AmendmentError(a.file, f"{where}.clause",
                                         f"{ch.clause} already exists; an insert needs a new id")
                after = rows.get(ch.after)
                if after is None:
                    raise AmendmentError(a.file, f"{where}.after", f"unknown clause {ch.after!r}")
                chapter, item = int(m["chapter"]), int(m["item"])
                sub = int(m["sub"]) if m["sub"] else None
                if chapter != after.chapter:
                    raise AmendmentError(a.file, f"{where}.after", f"{ch.after} is in chapter "
                                         f"{after.chapter}, not in {ch.clause}'s chapter {chapter}")
                if sub and f"c{chapter}-{item}" not in rows:
                    raise AmendmentError(a.file, f"{where}.clause",
                                         f"c{chapter}-{item}, the clause of this sub-item, does not exist")
                sibling = next((r for r in original if r.chapter == chapter and not r.sub), after)
                zh_no, en_no = printed_numbers(number_style(sibling.number), item, sub)
                _check_text(a, i, "zh", ch.zh, zh_no)
                _check_text(a, i, "en", ch.en, en_no)
                row = replace(after, id=ch.clause, item=item, sub=sub, number=zh_no,
                              zh=ch.zh, en=ch.en or "", notes_zh=[], notes_en=[])
                rows[ch.clause] = inserted[ch.clause] = row
                # After `after`, its sub-items (unless this is one) and earlier
                # inserts after the same clause, which keep their amendment order.
                pos = order.index(ch.after) + 1
                while pos < len(order) and ((not sub and rows[order[pos]].parent == ch.after)
                                            or placed_after.get(order[pos]) == ch.after):
                    pos += 1
                order.insert(pos, ch.clause)
                placed_after[ch.clause] = ch.after
                versions[ch.clause] = [Version(ch.clause, a.in_force, None, ch.zh, ch.en, a, "insert")]
                continue
            row = rows.get(ch.clause)
            if row is None:
                raise AmendmentError(a.file, f"{where}.clause", f"unknown clause {ch.clause!r}")
            last = versions[ch.clause][-1]
            if last.repealed:
                raise AmendmentError(a.file, f"{where}.clause",
                                     f"{ch.clause} was repealed from {last.in_force}")
            if last.in_force == a.in_force:
                raise AmendmentError(a.file, f"{where}.clause", f"{ch.clause} is changed by another "
                                     f"amendment in force the same day ({last.amendment.file})")
            _check_text(a, i, "zh", ch.zh, row.number)
            _check_text(a, i, "en", ch.en, _en_number(by_id.get(ch.clause, row)))
            versions[ch.clause][-1] = replace(last, until=a.in_force)
            zh = None if ch.action == "repeal" else ch.zh
            en = None if ch.action == "repeal" else ch.en
            versions[ch.clause].append(Version(ch.clause, a.in_force, None, zh, en, a, ch.action))
    return History(original=original, amendments=amendments, versions=versions, order=order,
                   inserted=inserted)


# ---------------------------------------------------------------- calculator quotes
def _quoted_tables(data: dict, path: str = ""):
    for key, value in data.items():
        if isinstance(value, dict):
            here = f"{path}.{key}" if path else key
            # A `source` table quotes a national instrument, not the clause.
            if "clause" in value and "text" in value and "source" not in value:
                yield here, value
            yield from _quoted_tables(value, here)


def check_quotes(h: History) -> list[str]:
    """On the original date and each amendment's date, every rules.toml value's
    quoted words stand verbatim in its clause's version in force that day.

    A repealed clause is the one exception, returned as a notice rather than
    raised: no new quote can exist, the decision must still publish at once, and
    the calculators say in their answers that the clause is repealed (their
    figures then follow the last text, for reference only)."""
    notices: list[str] = []
    days: list[date | None] = [None, *h.dates]
    for day in days:
        data = _data.rules_on(day or date.min)
        for path, table in _quoted_tables(data):
            cid = table["clause"]
            if cid not in h.versions:
                continue   # checked by the calculators' own tests
            v = h.versions[cid][0] if day is None else h.version_on(cid, day)
            text = v.zh if v else None
            if text is not None and table["text"] in text:
                continue
            if v is not None and v.repealed:
                notice = (f"{v.amendment.file}: {cid} is repealed from {v.in_force.isoformat()}, "
                          f"but the calculators' value {path} quotes it: their answers from that "
                          "day say the clause is repealed")
                if notice not in notices:
                    notices.append(notice)
                continue
            # Blame the amendment in force that day that last touched the value or the clause.
            culprit = next((a for a in reversed(h.amendments) if day and a.in_force <= day and (
                path in a.parameters or any(c.clause == cid for c in a.changes))), None)
            file = culprit.file if culprit else "calculators/rules.toml"
            field = f"parameters.{path}.text" if culprit and path in culprit.parameters else (
                f"changes (clause {cid})" if culprit else f"{path}.text")
            raise AmendmentError(file, field, f"the calculators' value {path} quotes "
                                 f"{table['text']!r}, but {cid} in force on "
                                 f"{day.isoformat() if day else 'the original text'} does not "
                                 f"contain it; give the new quote under [parameters.\"{path}\"] text")
    return notices


# ---------------------------------------------------------------- cached access
_cache: dict = {}


def _stamp():
    """The folder in use and its files' times: the build's amendments are
    $HANDBOOK_AMENDMENTS (the tests' fixtures), else source/amendments/."""
    folder = _amendments.directory()
    files = tuple(sorted((p.name, p.stat().st_mtime_ns) for p in folder.glob("*.toml"))) \
        if folder and folder.is_dir() else ()
    return (str(folder), files)


def history() -> History:
    """The checked history, rebuilt when a chapter page or an amendment changes."""
    rows, _ = extractor.original_table()
    stamp = (id(rows), _stamp())
    if _cache.get("stamp") != stamp:
        _amendments._cached.cache_clear()
        h = build(rows, _amendments.amendments())
        h.notices = check_quotes(h)
        _cache.clear()
        _cache.update(stamp=stamp, history=h)
    return _cache["history"]


def table(day: date | None = None):
    """(rows, rows by id): the clause table as of `day` (default: the edition
    date), in page order. A repealed clause keeps its row with empty text and
    status "repealed"; an insert not yet in force has status "not_yet_in_force"."""
    day = day or edition.as_of()
    h = history()
    key = ("table", day)
    if key not in _cache:
        rows = []
        for cid in h.order:
            base = h.row(cid)
            v = h.version_on(cid, day)
            status = h.status(cid, day)
            if v is None:       # an insert to come: its own text, marked
                v = h.versions[cid][0]
            pending = v.translation_pending
            rows.append(replace(
                base, zh=v.zh or "", en="" if pending else (v.en or ""),
                status=status, since=v.in_force.isoformat() if v.in_force else None,
                translation_pending=pending))
        _cache[key] = (rows, {r.id: r for r in rows})
    return _cache[key]


def validate() -> list[str]:
    """Check every amendment (raises AmendmentError); return the pending English
    translations, one line each, for the build's warning."""
    h = history()
    return [f"{a.file}: {cid} has no English text (`en`)" for a, cid in h.pending_translations()]


def notices() -> list[str]:
    """What the build reports without failing (a repealed clause a calculator quotes)."""
    return list(history().notices)


def strict_translation() -> bool:
    return os.environ.get("HANDBOOK_STRICT_TRANSLATION", "").strip() not in ("", "0")


def shown(row, lang: str) -> tuple[str, bool]:
    """A table row's text as a page shows it in `lang`, and whether that is the
    Chinese standing in for a pending translation."""
    if row.status == "repealed":
        if lang == "zh":
            return f"{row.number}{LABELS['zh']['repealed_text']}", False
        number = printed_numbers(number_style(row.number), row.item, row.sub)[1]
        return f"{number} {LABELS['en']['repealed_text']}", False
    if lang == "en" and row.translation_pending:
        return row.zh, True
    return (row.zh if lang == "zh" else row.en), False


# ---------------------------------------------------------------- citations of a version
def cite_version(c, by_id, v: Version, lang: str, current: Version | None) -> str:
    """The citation, with the version when it is not the one in force."""
    base = cite_zh(c, by_id) if lang == "zh" else cite_en(c, by_id)
    if current is not None and v is current:
        return base
    L = LABELS[lang]
    label = L["original"] if v.in_force is None else L["version_from"].format(
        date=date_text(v.in_force, lang))
    return base + L["version_cite"].format(label=label)


# ---------------------------------------------------------------- Markdown
def md_escape(text: str) -> str:
    """Clause text as literal Markdown: no list, emphasis, link or HTML."""
    text = re.sub(r"([\\`*_\[\]<>#|])", r"\\\1", text)
    return re.sub(r"^(\d+)\.", r"\1\\.", text)


def attr_value(text: str) -> str:
    return html.escape(text, quote=True)


def version_path(v: Version, page: str, lang: str, prefix_to_root: str) -> str:
    """A Markdown link target to the point-in-time page showing `v`."""
    return f"{prefix_to_root}v/{v.key}/{page}.md#{v.clause}"


def _clause_md(lang: str, cid: str, text: str, classes: list[str], attrs: dict) -> list[str]:
    extra = "".join(f' {k}="{attr_value(val)}"' for k, val in attrs.items())
    return [md_escape(text), f"{{: #{cid} {' '.join('.' + c for c in classes)}{extra} }}", ""]


def _status_md(lines: list[str], text: str, link: tuple[str, str] | None, cls: str) -> None:
    body = md_escape(text)
    if link:
        body += f" [{link[0]}]({link[1]})"
    lines += [body, f"{{: .version-line .{cls} }}", ""]


def clause_block(h: History, cid: str, lang: str, day: date, to_root: str, page: str,
                 pinned: bool = False, link_base: str = "/") -> list[str]:
    """The Markdown of one clause as it stands on `day`: its paragraph (with the
    version's link and citation as data attributes), then a line saying how it
    changed, then any change to come. `pinned`: the page is a point-in-time page."""
    L = LABELS[lang]
    base = h.row(cid)
    v = h.version_on(cid, day)
    current = h.version_on(cid, edition.as_of())
    out: list[str] = []
    history_link = (L["history"], f"{to_root}history/{page}.md#{cid}")
    changed = len(h.versions[cid]) > 1 or h.versions[cid][0].in_force is not None
    if v is None:
        # An insert not yet in force: its anchor, and the text one click away.
        if pinned:
            return []
        nv = h.versions[cid][0]
        link = version_path(nv, page, lang, to_root)
        text = md_escape(L["coming_insert"].format(date=date_text(nv.in_force, lang)))
        return [f"{text} [{L['coming_link']}]({link})",
                f"{{: #{cid} .version-line .coming-insert }}", "",
                *_coming_md(h, nv, lang, to_root, page)]
    rows, by_id = table(day)
    row = by_id[cid]
    attrs = {"data-version": v.key,
             "data-version-link": f"{link_base}v/{v.key}/{page}/#{cid}"}
    if pinned:
        attrs["data-pinned"] = "true"
    if v is not current:     # the citation names the version (the hook adds the others)
        attrs["data-cite-zh"] = cite_version(row, by_id, v, "zh", current)
        attrs["data-cite-en"] = cite_version(row, by_id, v, "en", current)
    classes = ["clause"]
    if v.repealed:
        number = base.number if lang == "zh" else _en_number(h.versions[cid][0]) or base.number
        text = f"{number}{'' if lang == 'zh' else ' '}{L['repealed_text']}"
        classes.append("clause--repealed")
    elif lang == "en" and v.translation_pending:
        text = v.zh
        classes.append("translation-pending")
        attrs["lang"] = "zh-Hans"
    else:
        text = v.zh if lang == "zh" else v.en
        if v.action:
            classes.append("clause--amended")
    out += _clause_md(lang, cid, text, classes, attrs)
    if v.action:
        key = {"replace": "amended", "insert": "inserted", "repeal": "repealed"}[v.action]
        _status_md(out, L[key].format(date=date_text(v.in_force, lang),
                                      amendment=amendment_text(v.amendment, lang)),
                   history_link, f"version-line--{key}")
    elif changed and not (pinned and h.coming(cid, day)):   # (else the line below links it)
        _status_md(out, "", history_link, "version-line--history")
    if lang == "en" and v.translation_pending:
        _status_md(out, L["pending"].format(date=date_text(v.in_force, lang),
                                            amendment=amendment_text(v.amendment, lang)),
                   None, "version-line--pending")
    later = h.coming(cid, day)
    if pinned and later:   # a past version says what followed, and links to the text in force
        nv = later[0]
        when = "coming" if nv.in_force > edition.as_of() else ""
        key = f"later_{when + '_' if when else ''}{'repeal' if nv.action == 'repeal' else 'replace'}"
        out += [f"{md_escape(L[key].format(date=date_text(nv.in_force, lang)))} "
                f"[{L['current_link']}]({to_root}{page}.md#{cid}) · "
                f"[{history_link[0]}]({history_link[1]})",
                "{: .version-line .version-line--later }", ""]
    elif not pinned:
        for nv in later:
            out += _coming_md(h, nv, lang, to_root, page)
    return out


def _coming_md(h: History, nv: Version, lang: str, to_root: str, page: str) -> list[str]:
    """A change to come, folded: 将于2027年1月1日起修改 ▸ the new text and its source."""
    L = LABELS[lang]
    key = {"replace": "coming_replace", "repeal": "coming_repeal", "insert": "coming_replace"}
    title = L[key[nv.action]].format(date=date_text(nv.in_force, lang))
    if nv.action == "insert":
        title = L["coming_insert"].format(date=date_text(nv.in_force, lang))
    body = []
    if nv.zh is not None:
        text = nv.zh if lang == "zh" or nv.translation_pending else nv.en
        body.append(md_escape(text))
        body.append("")
    source = amendment_text(nv.amendment, lang)
    source = md_escape(source[:1].upper() + source[1:])   # "a decision of the Office" opens the line
    body.append(f"{source} · [{L['coming_link']}]({version_path(nv, page, lang, to_root)})")
    title = title.replace('"', "“")
    return [f'??? coming-change "{title}"', *["    " + line if line else "" for line in body], ""]


def chapter_markdown(lang: str, chapter: int, day: date | None = None, *,
                     pinned: bool = False, to_root: str = "", link_base: str = "/",
                     calculators: bool = True) -> str:
    """A chapter page's Markdown as of `day`, from its source page: each clause
    replaced by its version's block, inserts placed after their `after` clause.
    `to_root`: the relative path from the page to its language root ("" for a
    current chapter page, "../../" for /v/<date>/chNN/); `link_base`: the
    absolute path of the language root, for the pinned-version link attribute;
    `pinned`: a point-in-time page (no inserts to come)."""
    day = day or edition.as_of()
    h = history()
    path = extractor.DOCS / lang / f"ch{chapter:02d}.md"
    page = path.stem
    src = path.read_text(encoding="utf-8").split("\n")
    parsed = extractor.read_page(path)
    by_line = {c.start: c for c in parsed.clauses}
    # Each insert goes after the block (clause and notes) of the original clause
    # it follows in the clause order.
    inserts_after: dict[str, list[str]] = {}
    anchor = None
    for cid in h.order:
        if cid in h.inserted:
            inserts_after.setdefault(anchor, []).append(cid)
        else:
            anchor = cid
    blocks = {c.block_end: c for c in parsed.clauses}
    out: list[str] = []
    i = 0
    while i <= len(src):
        if i in blocks and blocks[i].id in inserts_after:
            for cid in inserts_after[blocks[i].id]:
                out.append("")
                out += clause_block(h, cid, lang, day, to_root, page, pinned, link_base)
        if i == len(src):
            break
        c = by_line.get(i)
        if c is not None:
            out += clause_block(h, c.id, lang, day, to_root, page, pinned, link_base)
            i = c.end
            continue
        line = src[i]
        if not calculators and calculator_forms.SHORTCODE.match(line):
            line = ""
        out.append(line)
        i += 1
    return "\n".join(out)


# ---------------------------------------------------------------- comparison
def diff_html(old: str | None, new: str | None, lang: str) -> str:
    """The words deleted and inserted between two versions, as <del>/<ins> HTML.
    Chinese is compared character by character, English word by word."""
    old, new = old or "", new or ""
    # Chinese by character, but a number or a Latin word stays whole (800 → 1000).
    pattern = r"[0-9A-Za-z.,%]+|\s+|." if lang == "zh" else r"\s+|[^\s]+"
    split = lambda s: re.findall(pattern, s, re.S)  # noqa: E731
    a, b = split(old), split(new)
    out = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if op == "equal":
            out.append(html.escape("".join(a[i1:i2])))
            continue
        if op in ("delete", "replace"):
            out.append(f"<del>{html.escape(''.join(a[i1:i2]))}</del>")
        if op in ("insert", "replace"):
            out.append(f"<ins>{html.escape(''.join(b[j1:j2]))}</ins>")
    return "".join(out)
