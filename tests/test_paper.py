"""Paper and citations without a browser: the citation form everywhere a citation is
made, the as-of header, the QR files, the print page without calculators."""
from __future__ import annotations

import html
import json
import re
from datetime import date
from pathlib import Path

import pytest

from handbook import citations
from handbook import clauses as extractor
from handbook import edition, shortcodes, site_outputs

ROOT = Path(__file__).resolve().parents[1]

ZH_FORM = re.compile(r"^《永定区编办管理制度》“[^“”]+制度”第(?:\d+|[一二三四五六七八九十]+)条(?:第[①-⑳]项)?$")
EN_FORM = re.compile(r'^Yongding Office Rules, "[^"]+", (?:cl|art)\. \d+(?:\(\d+\))?$')


@pytest.fixture(scope="module")
def rows():
    return extractor.extract()


@pytest.fixture(scope="module")
def data(site_dir):
    return json.loads((site_dir / "clauses.json").read_text(encoding="utf-8"))


def test_every_citation_has_the_documented_form(data):
    for c in data:
        assert ZH_FORM.match(c["citation"]["zh"]), c["citation"]["zh"]
        assert EN_FORM.match(c["citation"]["en"]), c["citation"]["en"]
        assert f"“{c['chapter_name']['zh']}”" in c["citation"]["zh"]
        assert c["chapter_title"]["zh"].endswith(c["chapter_name"]["zh"])


@pytest.mark.parametrize("cid,zh,en_item", [
    ("c12-8", "《永定区编办管理制度》“财务管理制度”第8条", "cl. 8"),
    ("c1-5-4", "《永定区编办管理制度》“编办主任办公会议制度”第5条第④项", "cl. 5(4)"),
    ("c16-1", "《永定区编办管理制度》“重大行政决策制度”第一条", "art. 1"),
    ("c17-3", "《永定区编办管理制度》“政务公开制度”第三条", "art. 3"),
    ("c18-2", "《永定区编办管理制度》“卫生管理制度”第二条", "cl. 2"),
])
def test_citations_of_each_numbering_style(rows, cid, zh, en_item):
    by_id = {r.id: r for r in rows}
    assert citations.cite_zh(by_id[cid], by_id) == zh
    assert citations.cite_en(by_id[cid], by_id).endswith(", " + en_item)


def test_short_link_pages_are_titled_with_the_citation(site_dir, data):
    for c in data[:40]:
        page = (site_dir / "c" / c["id"][1:] / "index.html").read_text(encoding="utf-8")
        assert f"<title>{c['citation']['zh']}</title>" in page
        page_en = (site_dir / "en" / "c" / c["id"][1:] / "index.html").read_text(encoding="utf-8")
        assert f"<title>{html.escape(c['citation']['en'])}</title>" in page_en


def test_chapter_pages_carry_the_citation_attributes(site_dir, data):
    page = (site_dir / "ch12" / "index.html").read_text(encoding="utf-8")
    assert 'data-cite-zh="《永定区编办管理制度》“财务管理制度”第8条"' in page


def test_print_page_has_no_calculator(site_dir):
    for prefix in ("", "en/"):
        html = (site_dir / prefix / "print" / "index.html").read_text(encoding="utf-8")
        assert "data-calculator" not in html and "calculator:" not in html
        assert "worker.js" not in html and "pyodide" not in html.lower()


def test_running_header_uses_the_as_of_date(monkeypatch):
    monkeypatch.setenv("HANDBOOK_AS_OF", "2027-01-01")
    css = edition.edition_css()
    assert "本文本截至2027年1月1日" in css and "text as of 1 January 2027" in css
    assert 'counter(page)' in css and "size: A4" in css


def test_as_of_defaults_to_today_and_rejects_a_bad_date(monkeypatch):
    monkeypatch.delenv("HANDBOOK_AS_OF", raising=False)
    monkeypatch.delenv("HANDBOOK_EDITION_DAY", raising=False)
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    assert edition.as_of() == date.today()
    monkeypatch.setenv("HANDBOOK_AS_OF", "2027-02-30")
    with pytest.raises(edition.EditionError, match="HANDBOOK_AS_OF"):
        edition.as_of()


def test_built_site_has_the_header_for_its_date(site_dir):
    css = (site_dir / "assets" / "stylesheets" / "edition.css").read_text(encoding="utf-8")
    assert re.search(r"本文本截至\d{4}年\d{1,2}月\d{1,2}日", css)


def test_static_qr_files_never_name_an_unknown_host(tmp_path, rows, monkeypatch):
    monkeypatch.delenv("HANDBOOK_SITE_URL", raising=False)
    site_outputs.write_qr(tmp_path, rows[:3])
    svg = (tmp_path / "qr" / "c1-1.svg").read_text(encoding="utf-8")
    assert "127.0.0.1" not in svg and "cite/?ids=c1-1" in svg
    monkeypatch.setenv("HANDBOOK_SITE_URL", "https://rules.example.internal/handbook")
    site_outputs.write_qr(tmp_path, rows[:3])
    svg = (tmp_path / "qr" / "en" / "c1-1.svg").read_text(encoding="utf-8")
    assert "<path" in svg and "en/c/1-1/" in svg and "cite/?ids" not in svg


def test_cite_page_examples_come_from_the_citation_code(site_dir, rows):
    by_id = {r.id: r for r in rows}
    html = (site_dir / "cite" / "index.html").read_text(encoding="utf-8")
    for cid in shortcodes.EXAMPLE_IDS:
        assert citations.cite_zh(by_id[cid], by_id) in html
