"""Files written into site/ once every language is built: clauses.json and the QR
codes of the short links.

Plain functions of the clause table and the site folder: no MkDocs here (the hook
overrides/hooks/site_outputs.py calls them in order, after the build).
"""
from __future__ import annotations

import html
import json
import sys
from pathlib import Path

from handbook import clauses as clause_table
from handbook import edition
from handbook.citations import chapter_name_en, chapter_name_zh, cite_en, cite_zh, short_path


def clauses_json(rows: list[clause_table.Clause], base: str = "/") -> list[dict]:
    """One dict per clause for clauses.json (see docs/*/data.md): the table's row, its
    titles and citations, and its addresses under `base` (the site's path, "/" or
    "/handbook/"). New fields go here, and in the data pages' tables."""
    from handbook import version_pages, versions
    by_id = {r.id: r for r in rows}
    history = versions.history()
    out = []
    for c, d in zip(rows, clause_table.as_dicts(rows)):
        d |= version_pages.json_fields(history, c.id, base)
        for lang in ("zh", "en"):   # no text in force: null, not ""
            if d["status"] != "in_force" or (lang == "en" and c.translation_pending):
                d[lang] = None
        d["chapter_title"] = {"zh": c.chapter_title_zh, "en": c.chapter_title_en}
        d["chapter_name"] = {"zh": chapter_name_zh(c.chapter_title_zh),
                             "en": chapter_name_en(c.chapter_title_en)}
        d["citation"] = {"zh": cite_zh(c, by_id), "en": cite_en(c, by_id)}
        d["urls"] = {
            "zh": f"{base}{c.page}/#{c.id}",
            "en": f"{base}en/{c.page}/#{c.id}",
            "short_zh": f"{base}{short_path(c)}",
            "short_en": f"{base}en/{short_path(c)}",
            "bilingual": f"{base}bilingual/{c.page}/#{c.id}",
            "bilingual_en": f"{base}en/bilingual/{c.page}/#{c.id}",
            "qr_zh": f"{base}qr/{c.id}.svg",
            "qr_en": f"{base}qr/en/{c.id}.svg",
        }
        out.append(d)
    return out


def write_clauses_json(site: Path, base: str) -> None:
    rows, _ = clause_table.table()
    (site / "clauses.json").write_text(
        json.dumps(clauses_json(rows, base), ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


def write_qr(site: Path, rows: list[clause_table.Clause]) -> None:
    """qr/c12-8.svg: the short link's QR code, for the address in HANDBOOK_SITE_URL.
    Without that setting the build cannot know where the site will be served, so
    each file says where to make the code instead of naming a host that may not
    serve the site (the citation builder makes codes from the page's own address)."""
    import segno
    origin = edition.site_url()
    for lang, prefix in (("zh", ""), ("en", "en/")):
        folder = site / "qr" / prefix
        folder.mkdir(parents=True, exist_ok=True)
        for c in rows:
            target = folder / f"{c.id}.svg"
            if edition.site_url_is_default():
                target.write_text(_qr_placeholder(lang, c), encoding="utf-8")
                continue
            qr = segno.make(f"{origin}{prefix}{short_path(c)}", error="m", micro=False)
            qr.save(str(target), scale=4, border=2,
                    title=f"{prefix}{short_path(c)}", svgclass="qr", lineclass=None)
    # Without an address the build's closing summary says so (handbook/clerk_report.py).


def _qr_placeholder(lang: str, c) -> str:
    lines = (["二维码请在“引用与链接”页生成：", f"cite/?ids={c.id}"] if lang == "zh" else
             ["Make this QR code on the", f"citing page: en/cite/?ids={c.id}"])
    text = "".join(f'<text x="8" y="{22 + 18 * i}" font-size="12">{html.escape(t)}</text>'
                   for i, t in enumerate(lines))
    return ('<svg xmlns="http://www.w3.org/2000/svg" width="232" height="64" viewBox="0 0 232 64">'
            f'<title>{html.escape(lines[0] + lines[1])}</title><rect width="100%" height="100%" fill="#fff"/>'
            f"{text}</svg>\n")

