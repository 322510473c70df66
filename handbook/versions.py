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
from dataclasses import replace
from datetime import date

from . import calculator_forms
from . import clauses as extractor
from . import edition
from .citations import cite_en, cite_zh

from calculators import _amendments, _data  # the one reader of amendment files; dated rules
from calculators._amendments import Amendment, AmendmentError  # noqa: F401


# ---------------------------------------------------------------- wording
LABELS = {
    "zh": {
        "original": "原始文本",
        "repealed_text": "〔本条已废止〕",
        "amended": "本条根据{amendment}修改，自{date}起施行。",
        "renumbered": "条文顺序根据{amendment}调整，本条序号自{date}起改变。",
        "note_original": "下面的编者注是就本手册发布时的原始文本所写，其中的条号按原始文本。",
        "former": "（{former}）",
        "repealed_renumbered": "〔{former}，已废止〕",
        "inserted": "本条根据{amendment}新增，自{date}起施行。",
        "repealed": "本条根据{amendment}，自{date}起废止。",
        "history": "本条历史版本",
        "coming_replace": "将于{date}起修改",
        "later_replace": "此后本条已自{date}起修改。",
        "later_repeal": "此后本条已自{date}起废止。",
        "later_coming_replace": "本条将于{date}起修改。",
        "later_coming_repeal": "本条将于{date}起废止。",
        "later_renumber": "此后本条序号已自{date}起改为{number}。",
        "later_coming_renumber": "本条序号将于{date}起改为{number}。",
        "coming_renumber": "序号将于{date}起改为{number}",
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
        "renumbered": "Renumbered by {amendment}, with effect from {date}.",
        "note_original": "The editor's note below was written for the text as issued; the clause numbers in it are those of that text.",
        "former": "(Formerly {former}.) ",
        "repealed_renumbered": "[Former {former}, repealed]",
        "inserted": "Inserted by {amendment}, in force from {date}.",
        "repealed": "Repealed by {amendment} with effect from {date}.",
        "history": "History of this clause",
        "coming_replace": "To be amended from {date}",
        "later_replace": "This clause was later amended, with effect from {date}.",
        "later_repeal": "This clause was later repealed, with effect from {date}.",
        "later_coming_replace": "This clause is to be amended from {date}.",
        "later_coming_repeal": "This clause is to be repealed from {date}.",
        "later_renumber": "This clause was later renumbered {number}, with effect from {date}.",
        "later_coming_renumber": "This clause is to be renumbered {number} from {date}.",
        "coming_renumber": "To be renumbered {number} from {date}",
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
    title = _amendments.in_title_marks(a.title_zh)
    if lang == "zh":
        return f"《{title}》" + (f"（{a.number}）" if a.number else "")
    if a.title_en:
        return f"“{a.title_en}”" + (f" ({a.number})" if a.number else "")
    return f"a decision of the Office (《{title}》" + (f", {a.number})" if a.number else ")")


# ---------------------------------------------------------------- the model
# The model is the calculators' (calculators/_history.py, stdlib only): the build,
# the calculators and the drafting page in Pyodide share one implementation.
from calculators._history import (  # noqa: E402,F401
    CIRCLED, CN_DIGITS, ORIGINAL, History, Version, cn_number, en_number, number_style,
    number_value, printed_numbers, build)


def _en_number(row) -> str:
    return en_number(getattr(row, "en", ""))


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
        h.notices = _data.check(h) + _data.unread_amounts(h)
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
                base, number=v.number or (v.former or base.number),
                zh=v.zh or "", en="" if pending else (v.en or ""),
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
    """What the build reports without failing (a repealed clause a calculator reads,
    an amount no calculator applies), one line each, Chinese first."""
    return [str(n) for n in history().notices]


def strict_translation() -> bool:
    return os.environ.get("HANDBOOK_STRICT_TRANSLATION", "").strip() not in ("", "0")


def en_printed(number: str, sub: int | None = None) -> str:
    """The English number of a Chinese printed number: "6." -> "6.", "第六条" -> "Article 6"."""
    value = number_value(number)
    if value is None:
        return ""
    return printed_numbers(number_style(number), value, value if number_style(number) == "circled"
                           else None)[1]


def former_zh(number: str) -> str:
    """原第7条 / 原第④项: how a renumbered clause names the number it had."""
    if number_style(number) == "circled":
        return f"原第{number}项"
    if number_style(number) == "article":
        return f"原{number}"
    return f"原第{number.rstrip('.、')}条"


def number_words(number: str, lang: str) -> str:
    """第6条 / clause 6: a printed number as a sentence names it."""
    if not number:
        return ""
    return former_zh(number)[1:] if lang == "zh" else former_en(number)


def former_en(number: str) -> str:
    value = number_value(number)
    style = number_style(number)
    unit = {"article": "article", "circled": "item"}.get(style, "clause")
    return f"{unit} {f'({value})' if style == 'circled' else value}"


def repealed_text(v, number: str, lang: str) -> str:
    """A repealed clause's line: 6.〔本条已废止〕, or, when its number went to another
    clause in a renumbering, 〔原第6条，已废止〕."""
    L = LABELS[lang]
    if v is not None and v.former and not v.number:
        return (L["repealed_renumbered"].format(former=former_zh(v.former)) if lang == "zh"
                else L["repealed_renumbered"].format(former=former_en(v.former)))
    if lang == "zh":
        return f"{number}{L['repealed_text']}"
    return f"{en_printed(number)} {L['repealed_text']}"


in_title_marks = _amendments.in_title_marks


def renumbered_away(row) -> bool:
    """A repealed clause whose number went to another clause in a renumbering."""
    if row.status != "repealed" or not row.since:
        return False
    v = history().version_on(row.id, date.fromisoformat(row.since))
    return bool(v and v.former and not v.number)


def shown(row, lang: str) -> tuple[str, bool]:
    """A table row's text as a page shows it in `lang`, and whether that is the
    Chinese standing in for a pending translation."""
    if row.status == "repealed":
        return repealed_text(history().version_on(row.id, date.fromisoformat(row.since))
                             if row.since else None, row.number, lang), False
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


def cite_repealed(c, by_id, v: Version, lang: str) -> str:
    """《…》“财务管理制度”第7条（已废止）; under a renumbering, whose number another
    clause now prints: 《…》“财务管理制度”原第7条（已废止）."""
    base = cite_zh(c, by_id) if lang == "zh" else cite_en(c, by_id)
    away = bool(v.former and not v.number)
    if lang == "zh":
        if away:
            base = re.sub(r"(第[^第]*条)", r"原\1", base, count=1)
        return base + "（已废止）"
    if away:
        base = base.replace(", cl. ", ", former cl. ").replace(", art. ", ", former art. ")
    return base + " (repealed)"

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


# A note that names a clause by its number (本章第8条, clause 10): it may name another
# clause once the chapter is renumbered.
NOTE_NUMBER = re.compile(r"第\s*[0-9一二三四五六七八九十]+\s*条|\b(?:clause|cl\.|article|art\.)\s*\d+", re.I)


def renumbered_by(h: History, chapter: int, day: date | None) -> bool:
    """Whether some clause of the chapter printed another number by `day`."""
    return any(v.former and v.in_force and (day is None or v.in_force <= day)
               for cid in h.order if h.row(cid).chapter == chapter for v in h.versions[cid])


def note_stale(h: History, cid: str, v: Version | None, day: date, notes: list[str]) -> bool:
    """An editor's note was written for the text as issued: it may not fit a clause
    since amended, or a chapter since renumbered when it names a clause by number."""
    if not notes or v is None:
        return False
    if v.action is not None:
        return True
    return renumbered_by(h, h.row(cid).chapter, day) and any(NOTE_NUMBER.search(n) for n in notes)


def stale_notes(h: History, day: date | None = None) -> list[tuple[str, str]]:
    """(clause id, note) of the notes that name a clause by number in a chapter
    renumbered by `day` (default: any time): for the build's summary."""
    rows, _ = extractor.original_table()
    out = []
    for r in rows:
        if renumbered_by(h, r.chapter, day):
            out += [(r.id, n) for n in r.notes_zh if NOTE_NUMBER.search(n)]
    return out


def clause_block(h: History, cid: str, lang: str, day: date, to_root: str, page: str,
                 pinned: bool = False, link_base: str = "/", notes: list | None = None) -> list[str]:
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
    elif v.repealed:         # a repealed clause is cited as one, by the number it had
        for cl in ("zh", "en"):
            attrs[f"data-cite-{cl}"] = cite_repealed(row, by_id, v, cl)
    classes = ["clause"]
    if v.repealed:
        text = repealed_text(v, v.number, lang)
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
        key = {"replace": "amended", "insert": "inserted", "repeal": "repealed",
               "renumber": "renumbered"}[v.action]
        line = L[key].format(date=date_text(v.in_force, lang),
                             amendment=amendment_text(v.amendment, lang))
        if v.former and v.number:     # 「（原第7条）」 before the line
            line = L["former"].format(former=former_zh(v.former) if lang == "zh"
                                      else former_en(v.former)) + line
        _status_md(out, line, history_link, f"version-line--{key}")
    elif changed and not (pinned and h.coming(cid, day)):   # (else the line below links it)
        _status_md(out, "", history_link, "version-line--history")
    if lang == "en" and v.translation_pending:
        _status_md(out, L["pending"].format(date=date_text(v.in_force, lang),
                                            amendment=amendment_text(v.amendment, lang)),
                   None, "version-line--pending")
    if note_stale(h, cid, v, day, notes or []):
        _status_md(out, L["note_original"], None, "version-line--note")
    later = h.coming(cid, day)
    if pinned and later:   # a past version says what followed, and links to the text in force
        nv = later[0]
        when = "coming" if nv.in_force > edition.as_of() else ""
        kind = {"repeal": "repeal", "renumber": "renumber"}.get(nv.action, "replace")
        key = f"later_{when + '_' if when else ''}{kind}"
        out += [f"{md_escape(L[key].format(date=date_text(nv.in_force, lang), number=number_words(nv.number, lang)))} "
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
    key = {"replace": "coming_replace", "repeal": "coming_repeal", "insert": "coming_replace",
           "renumber": "coming_renumber"}
    title = L[key[nv.action]].format(date=date_text(nv.in_force, lang),
                                     number=number_words(nv.number, lang))
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
            out += clause_block(h, c.id, lang, day, to_root, page, pinned, link_base, c.notes)
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
    pattern = r"\d+(?:\.\d+)?%?|[A-Za-z]+|\s+|." if lang == "zh" else r"\s+|[^\s]+"
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
