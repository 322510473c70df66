"""The pages and data of the handbook in time, from handbook/versions.py:

- /v/<key>/chNN/ and /v/<key>/: the handbook as it stood from each version date
  (<key> is the in-force date, or "original" for the text as issued);
- /history/chNN/: every clause of a chapter with its versions, each compared
  with the one before it (deleted and inserted words marked);
- the changes page's list of amendments, the home page's status line, and the
  history fields of clauses.json.

Plain functions returning Markdown, HTML or data: the hook
(overrides/hooks/versions.py) only places them.
"""
from __future__ import annotations

import html
from datetime import date, timedelta

from . import edition
from . import versions as V
from .citations import cite_en, cite_in_page, cite_zh
from .typography import marked_html

LABELS = {
    "zh": {
        "snapshot_title": "{chapter}（{version}）",
        "snapshot_index_title": "{version}",
        "version_original": "原始文本",
        "version_from": "{date}起施行的文本",
        "banner_only": "本页为原始文本，即各项制度发布时的文本，也是现行文本：本手册收录的制度至今没有修改。",
        "banner_current": "本页为{version}，即现行文本。",
        "banner_past": "本页为{version}，施行至{until}。此后本手册已有修改，本页所载条文不一定是现行文本，仅供查阅。",
        "banner_future": "本页为{version}，尚未施行。",
        "see_current": "查看",
        "current_page": "本章现行文本",
        "current_home": "首页",
        "all_versions": "全部版本",
        "chapters": "各项制度",
        "versions_title": "历次版本",
        "versions_intro": "本手册各个版本的全文，每个版本有固定网址，可供引用。",
        "history_title": "{chapter} · 历史版本",
        "history_intro": "本章每一条的各个版本，最新的在前；修改后的版本都与前一版本比较，删除的文字加删除线，新增的文字加下划线。",
        "only_original": "未经修改。",
        "in_force_from": "{date}起施行",
        "repealed_from": "{date}起废止",
        "original_until": "原始文本，施行至{date}",
        "original_current": "原始文本（现行）",
        "until": "，施行至{date}",
        "current": "（现行）",
        "future": "（尚未施行）",
        "repealed": "〔本条已废止〕",
        "compare": "与上一版本比较：",
        "pending": "（译文待补，以中文为准）",
        "pending_short": "译文待补，以中文为准。",
        "read_version": "查看该版本的全文",
        "source": "依据：",
        "no_changes": "本手册收录的是各项制度发布时的原始文本，至今没有修改决定。",
        "original_link": "原始文本全文",
        "adopted": "{date}通过",
        "in_force": "{date}起施行",
        "not_yet": "将于{date}起施行",
        "changed_clauses": "涉及的条文：",
        "actions": {"replace": "修改", "insert": "新增", "repeal": "废止"},
        "action_note": "（{action}）", "history_short": "历史",
        "read_from": "查看该日起施行的全文",
        "values": "计算器采用的数额随之更新。",
        "status_none": "<strong>现行文本</strong>：截至{day}，本手册所载各项制度均为发布时的原始文本，未经修订。",
        "status_some": ("<strong>现行文本</strong>：截至{day}，本手册已按{n}项修改决定更新，"
                        "最近一项为{latest}，{date}起施行。"),
        "status_future": "另有{n}项修改决定尚未施行，最早一项将于{date}起施行。",
        "status_link": "查看修改记录",
        "sep": "、",
    },
    "en": {
        "snapshot_title": "{chapter} ({version_lc})",
        "snapshot_index_title": "{version}",
        "version_original": "Original text",
        "version_from": "Text in force from {date}",
        "banner_only": ("This page is the original text, the rules as issued, which is also the text in "
                        "force: the rules in this handbook have not been amended."),
        "banner_current": "This page is the {version_lc}, the text now in force.",
        "banner_past": ("This page is the {version_lc}, in force until {until}. The handbook has "
                        "since been amended, so a clause on this page may no longer be in force; "
                        "this page is kept for reference."),
        "banner_future": "This page is the {version_lc}. It is not yet in force.",
        "see_current": "For the text in force, see",
        "current_page": "this chapter as in force",
        "current_home": "the home page",
        "all_versions": "All versions",
        "chapters": "The rules",
        "versions_title": "Versions of the handbook",
        "versions_intro": "The whole handbook as it stood from each version date; each has a permanent address.",
        "history_title": "{chapter} · history",
        "history_intro": ("Every version of each clause of this chapter, newest first; each amended "
                          "version is compared with the one before it (deleted words struck through, "
                          "inserted words underlined)."),
        "only_original": "Not amended.",
        "in_force_from": "In force from {date}",
        "repealed_from": "Repealed with effect from {date}",
        "original_until": "Original text, in force until {date}",
        "original_current": "Original text (current)",
        "until": ", until {date}",
        "current": " (current)",
        "future": " (not yet in force)",
        "repealed": "[Repealed]",
        "compare": "Compared with the previous version: ",
        "pending": " (translation pending: the Chinese text governs)",
        "pending_short": "Translation pending: the Chinese text governs.",
        "read_version": "Read the whole text of this version",
        "source": "Source: ",
        "no_changes": ("This handbook holds the rules as originally issued: no amending decision has "
                       "been made since."),
        "original_link": "The original text",
        "adopted": "adopted {date}",
        "in_force": "in force from {date}",
        "not_yet": "to come into force on {date}",
        "changed_clauses": "Clauses changed: ",
        "actions": {"replace": "amended", "insert": "inserted", "repeal": "repealed"},
        "action_note": " ({action})", "history_short": "history",
        "read_from": "Read the whole text in force from that date",
        "values": "The amounts the calculators use change with it.",
        "status_none": ("<strong>Text in force</strong> on {day}: every set of rules as originally "
                        "issued, with no amendments."),
        "status_some": ("<strong>Text in force</strong> on {day}: the rules as amended by {n} "
                        "decision{s}, most recently {latest}, in force from {date}."),
        "status_future": "{n} further decision{s} not yet in force, the first from {date}.",
        "status_link": "Amendments",
        "sep": "; ",
    },
}


def _e(s: str) -> str:
    return html.escape(s, quote=True)


def _t(s: str, lang: str) -> str:
    """A text as HTML; on an English page its Chinese words marked lang="zh-Hans"."""
    return marked_html(s) if lang == "en" else _e(s)


def _d(d: date | None, lang: str) -> str:
    return V.date_text(d, lang)


def _last_day(until: date) -> str:
    """A version's `until` is the day the next one took over; readers are told the
    last day it was in force."""
    return until - timedelta(days=1)


def version_name(key_date: date | None, lang: str) -> str:
    L = LABELS[lang]
    return L["version_original"] if key_date is None else L["version_from"].format(
        date=_d(key_date, lang))


def snapshot_keys(h: V.History) -> list[date | None]:
    """The version dates with a point-in-time edition: the original, then each
    amendment's in-force date."""
    return [None, *h.dates]


def _next_date(h: V.History, key: date | None) -> date | None:
    later = [d for d in h.dates if key is None or d > key]
    return later[0] if later else None


def banner(h: V.History, key: date | None, lang: str, to_current: str,
           current: str = "current_page") -> str:
    """The line under a point-in-time page's title: which version, and whether in
    force; `current` names the label of the link to the text in force."""
    L = LABELS[lang]
    today = edition.as_of()
    name = version_name(key, lang)
    fmt = {"version": name, "version_lc": name[0].lower() + name[1:]}
    until = _next_date(h, key)
    see = (f"{L['see_current']}[{L[current]}]({to_current})。" if lang == "zh"
           else f" {L['see_current']} [{L[current]}]({to_current}).")
    if not h.dates:
        text, see = L["banner_only"], ""
    elif key is not None and key > today:
        text = L["banner_future"].format(**fmt)
    elif until is None or until > today:
        text, see = L["banner_current"].format(**fmt), ""
    else:
        text = L["banner_past"].format(until=_d(_last_day(until), lang), **fmt)
    return f"{V.md_escape(text)}{see}\n{{: .edition-banner }}\n"


def snapshot_chapter(h: V.History, key: date | None, lang: str, chapter: int, link_base: str) -> str:
    """/v/<key>/chNN.md: the chapter as it stood on that version date."""
    day = key or date.min
    md = V.chapter_markdown(lang, chapter, day, pinned=True, to_root="../../",
                            link_base=link_base, calculators=False)
    lines = md.split("\n")
    title_at = next(i for i, line in enumerate(lines) if line.startswith("# "))
    chapter_title = lines[title_at][2:].strip()
    name = version_name(key, lang)
    title = LABELS[lang]["snapshot_title"].format(chapter=chapter_title, version=name,
                                                  version_lc=name[0].lower() + name[1:])
    lines[title_at] = f"# {title}"
    lines.insert(title_at + 1, "\n" + banner(h, key, lang, f"../../ch{chapter:02d}.md"))
    front = ["---", f"title: {_yaml(title)}", "search:", "  exclude: true", "---", ""]
    return "\n".join(front + lines) + "\n"


def snapshot_index(h: V.History, key: date | None, lang: str, rows) -> str:
    """/v/<key>/index.md: that version's list of chapters."""
    L = LABELS[lang]
    name = version_name(key, lang)
    out = ["---", f"title: {_yaml(name)}", "search:", "  exclude: true", "---", "",
           f"# {name}", "", banner(h, key, lang, "../../index.md", "current_home"),
           f"## {L['chapters']}", ""]
    seen = set()
    for r in rows:
        if r.chapter in seen:
            continue
        seen.add(r.chapter)
        title = r.chapter_title_zh if lang == "zh" else r.chapter_title_en
        out.append(f"- [{V.md_escape(title)}](ch{r.chapter:02d}.md)")
    out += ["", f"[{L['all_versions']}](../index.md)", ""]
    return "\n".join(out)


def versions_index(h: V.History, lang: str) -> str:
    """/v/: every version of the handbook."""
    L = LABELS[lang]
    today = edition.as_of()
    out = ["---", f"title: {_yaml(L['versions_title'])}", "search:", "  exclude: true", "---", "",
           f"# {L['versions_title']}", "", L["versions_intro"], ""]
    for key in reversed(snapshot_keys(h)):
        name = version_name(key, lang)
        until = _next_date(h, key)
        state = L["future"] if key and key > today else (
            L["current"] if until is None or until > today else "")
        out.append(f"- [{name}]({key.isoformat() if key else V.ORIGINAL}/index.md){state}")
    return "\n".join(out) + "\n"


def _yaml(s: str) -> str:
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


def generated(lang: str, base: str) -> dict[str, str]:
    """Path under the language root → Markdown: /v/, each version's index and
    chapters, and each chapter's history. `base`: the language root's path."""
    h = V.history()
    rows, _ = V.table()
    chapters = sorted({r.chapter for r in rows})
    out = {"v/index.md": versions_index(h, lang)}
    for key in snapshot_keys(h):
        folder = f"v/{key.isoformat() if key else V.ORIGINAL}"
        out[f"{folder}/index.md"] = snapshot_index(h, key, lang, rows)
        for n in chapters:
            out[f"{folder}/ch{n:02d}.md"] = snapshot_chapter(h, key, lang, n, base)
    for n in chapters:
        out[f"history/ch{n:02d}.md"] = history_page(h, lang, n)
    return out


# ---------------------------------------------------------------- history pages
def history_page(h: V.History, lang: str, chapter: int) -> str:
    """/history/chNN.md: each clause of the chapter with all its versions."""
    L = LABELS[lang]
    rows, by_id = V.table()
    today = edition.as_of()
    ch_rows = [r for r in rows if r.chapter == chapter]
    chapter_title = ch_rows[0].chapter_title_zh if lang == "zh" else ch_rows[0].chapter_title_en
    title = L["history_title"].format(chapter=chapter_title)
    out = ["---", f"title: {_yaml(title)}", "search:", "  exclude: true", "---", "",
           f"# {V.md_escape(title)}", "", L["history_intro"], "",
           f"[{LABELS[lang]['current_page']}](../ch{chapter:02d}.md)", ""]
    for r in ch_rows:
        vs = h.versions[r.id]
        label = cite_in_page(r, by_id, lang)
        items = []
        previous = None
        for v in vs:
            items.append(_version_item(h, r, v, previous, lang, today))
            previous = v
        only = "" if len(vs) > 1 or vs[0].in_force else f'<p class="version-note">{L["only_original"]}</p>'
        out.append(f'<section class="history-entry" id="{r.id}">'
                   f'<h2>{_e(label)}</h2>{only}<ol class="versions" reversed>'
                   + "".join(reversed(items)) + "</ol></section>")
        out.append("")
    return "\n".join(out) + "\n"


def _text(v: V.Version, lang: str) -> tuple[str | None, bool]:
    """A version's text in a language, and whether it is the Chinese standing in."""
    if v.zh is None:
        return None, False
    if lang == "en" and v.en is None:
        return v.zh, True
    return (v.zh if lang == "zh" else v.en), False


def _version_item(h, r, v: V.Version, previous: V.Version | None, lang: str, today: date) -> str:
    L = LABELS[lang]
    if v.in_force is None:
        head = (L["original_until"].format(date=_d(_last_day(v.until), lang)) if v.until
                else L["original_current"])
        if v.until and v.until > today:
            head = L["original_current"] + L["until"].format(date=_d(_last_day(v.until), lang))
    else:
        head = L["repealed_from" if v.repealed else "in_force_from"].format(date=_d(v.in_force, lang))
        if v.until and not v.repealed:
            head += L["until"].format(date=_d(_last_day(v.until), lang))
        if v.in_force > today:
            head += L["future"]
        elif (v.until is None or v.until > today) and not v.repealed:
            head += L["current"]
    parts = [f'<li class="version" id="{r.id}--{v.key}">',
             f'<p class="version-dates"><strong>{_e(head)}</strong></p>']
    if v.amendment:
        parts.append(f'<p class="version-source">{L["source"]}{_t(V.amendment_text(v.amendment, lang), lang)}</p>')
    text, standing_in = _text(v, lang)
    shown = L["repealed"] if text is None else text
    lang_attr = ' lang="zh-Hans"' if standing_in else ""
    parts.append(f'<p class="version-text"{lang_attr}>{_e(shown) if standing_in else _t(shown, lang)}'
                 + (f'<span class="version-pending">{L["pending"]}</span>' if standing_in else "")
                 + "</p>")
    if previous is not None:
        old, old_zh = _text(previous, lang)
        new_lang = "zh" if (standing_in or old_zh) else lang
        old = previous.zh if new_lang == "zh" else old
        new = v.zh if new_lang == "zh" else text
        parts.append(f'<p class="version-diff"><span class="version-diff__label">{L["compare"]}</span>'
                     f'<span{" lang=\"zh-Hans\"" if new_lang == "zh" and lang == "en" else ""}>'
                     f'{V.diff_html(old, new, new_lang)}</span></p>')
    link = f"../../v/{v.key}/{r.page}/#{r.id}"
    parts.append(f'<p class="version-link"><a href="{link}">{L["read_version"]}</a></p></li>')
    return "".join(parts)


# ---------------------------------------------------------------- changes page, status
def changes_list(h: V.History, lang: str, to_root: str = "") -> str:
    """The changes page's body: every amendment, newest first (Markdown)."""
    L = LABELS[lang]
    if not h.amendments:
        return (f'{L["no_changes"]}\n{{: .changes-none }}\n\n'
                f'[{L["original_link"]}]({to_root}v/{V.ORIGINAL}/index.md)\n')
    today = edition.as_of()
    out = []
    for a in reversed(h.amendments):
        title = a.title_zh if lang == "zh" else (a.title_en or a.title_zh)
        heading = f"《{V.in_title_marks(title)}》" if lang == "zh" else title
        out += [f"## {V.md_escape(heading)} {{: #{_e(a.slug)} }}", ""]
        facts = [V.md_escape(a.number)] if a.number else []
        if a.adopted:
            facts.append(L["adopted"].format(date=_d(a.adopted, lang)))
        if a.in_force > today:
            facts.append(f"**{L['not_yet'].format(date=_d(a.in_force, lang))}**")
        else:
            facts.append(L["in_force"].format(date=_d(a.in_force, lang)))
        out += [" · ".join(facts), "{: .change-facts }", ""]
        links = []
        # Each clause named as the decision names it: by its number the day before the
        # decision takes effect (an insert: the number it takes then).
        _, before = V.table(a.in_force - timedelta(days=1))
        _, then = V.table(a.in_force)
        for ch in a.changes:
            by_id = then if ch.action == "insert" else before
            row = by_id[ch.clause]
            links.append(f"[{V.md_escape(cite_in_page(row, by_id, lang))}]"
                         f"({to_root}{row.page}.md#{row.id})"
                         + L["action_note"].format(action=L["actions"][ch.action])
                         + f" · [{L['history_short']}]({to_root}history/{row.page}.md#{row.id})")
        if links:
            out += [L["changed_clauses"], ""] + [f"- {link}" for link in links] + [""]
        if any(ch.clause in _calculator_clauses() for ch in a.changes):
            out += [L["values"], ""]
        out += [f"[{L['read_from']}]({to_root}v/{a.in_force.isoformat()}/index.md)", ""]
    return "\n".join(out)


def _calculator_clauses() -> set:
    """The clauses whose words a calculator reads (rules.toml)."""
    from calculators._data import RAW, bound_tables
    return {table["clause"] for _, table in bound_tables(RAW)}


def edition_status(h: V.History, lang: str, changes_href: str) -> str:
    """The home page's line: which text is in force, and as of which date."""
    L = LABELS[lang]
    today = edition.as_of()
    in_force = [a for a in h.amendments if a.in_force <= today]
    future = [a for a in h.amendments if a.in_force > today]
    if not in_force:
        text = L["status_none"].format(day=_d(today, lang))
    else:
        latest = in_force[-1]
        text = L["status_some"].format(day=_d(today, lang), n=len(in_force),
                                       s="" if len(in_force) == 1 else "s",
                                       latest=_e(V.amendment_text(latest, lang)),
                                       date=_d(latest.in_force, lang))
    if future:
        text += ("" if lang == "zh" else " ") + L["status_future"].format(
            n=len(future), s="" if len(future) == 1 else "s", date=_d(future[0].in_force, lang))
    text += f'{"" if lang == "zh" else " "}<a href="{changes_href}">{L["status_link"]}</a>'
    return f'<p class="edition-status">{text}</p>'


def json_fields(h: V.History, cid: str, base: str) -> dict:
    """clauses.json's history fields of one clause: status and versions."""
    today = edition.as_of()
    row = h.row(cid)
    out = []
    for v in h.versions[cid]:
        citation = None
        if not v.repealed:     # the citation made on a day this version is in force
            _, by_id = V.table(v.in_force or date.min)
            citation = {"zh": cite_zh(by_id[cid], by_id), "en": cite_en(by_id[cid], by_id)}
        out.append({
            "in_force": v.in_force.isoformat() if v.in_force else None,
            "until": v.until.isoformat() if v.until else None,
            "action": v.action,
            "number": v.number or None,
            "former_number": v.former,
            "citation": citation,
            "zh": v.zh,
            "en": v.en,
            "amendment": None if v.amendment is None else v.amendment.summary(),
            "url": f"{base}v/{v.key}/{row.page}/#{cid}",
            "url_en": f"{base}en/v/{v.key}/{row.page}/#{cid}",
        })
    return {"status": h.status(cid, today), "versions": out}
