"""What the build writes for clause links, read from site/ with html.parser (no browser):
clause paragraphs and their citations, the side-by-side and print pages, clauses.json,
the 404 pages and the calculators' live regions. The browser tests
(tests/browser/test_clause_links.py) keep what needs a browser: clicks, the clipboard,
the scripts' output, layout and print."""
from __future__ import annotations

import json
from urllib.parse import urljoin

import pytest

from sitehtml import page, parse

ZH_12_8 = "《永定区编办管理制度》“财务管理制度”第8条"
LANGS = [("zh", ""), ("en", "en/")]


@pytest.fixture(scope="module")
def clauses(site_dir):
    return json.loads((site_dir / "clauses.json").read_text(encoding="utf-8"))


def chapters(clauses) -> list[int]:
    return sorted({c["chapter"] for c in clauses})


@pytest.mark.parametrize("lang,prefix", LANGS)
def test_clause_paragraphs_hold_the_clause_text_and_its_citations(site_dir, clauses, lang, prefix):
    """Each chapter page: its clauses in order, the text exactly the clause's (nothing added
    inside the paragraph; clause-links.js adds an icon-only button), and the citations and
    short link the link menu copies."""
    for chapter in chapters(clauses):
        paragraphs = page(site_dir, f"{prefix}ch{chapter:02d}/").select("p", "clause", id=True)
        expected = [c for c in clauses if c["chapter"] == chapter]
        assert [(p.get("id"), p.text.strip()) for p in paragraphs] == [(c["id"], c[lang]) for c in expected]
        for p, c in zip(paragraphs, expected):
            assert p.get("data-cite-zh") == c["citation"]["zh"], c["id"]
            assert p.get("data-cite-en") == c["citation"]["en"], c["id"]
            assert p.get("data-shortlink") == c["urls"][f"short_{lang}"], c["id"]


@pytest.mark.parametrize("lang,prefix", LANGS)
def test_side_by_side_is_aligned(site_dir, clauses, lang, prefix):
    for chapter in chapters(clauses):
        rows = page(site_dir, f"{prefix}bilingual/ch{chapter:02d}/").select("div", "bilingual-row")
        got = [[r.get("id"), r.one(cls="bilingual-zh").one(cls="bilingual-text").text,
                r.one(cls="bilingual-en").one(cls="bilingual-text").text,
                len([e for e in r.iter() if "id" in e.attrs])] for r in rows]
        assert got == [[c["id"], c["zh"], c["en"], 0] for c in clauses if c["chapter"] == chapter]
    # the chapter page links to it
    link = page(site_dir, f"{prefix}ch12/").one("a", "chapter-tools__bilingual")
    assert urljoin(f"http://h/{prefix}ch12/", link.get("href")) == f"http://h/{prefix}bilingual/ch12/"


@pytest.mark.parametrize("lang,prefix", LANGS)
def test_printable_edition_has_everything(site_dir, clauses, lang, prefix):
    doc = page(site_dir, f"{prefix}print/")
    assert [p.get("id") for p in doc.select("p", "clause", id=True)] == [c["id"] for c in clauses]
    toc = [a.get("href") for a in doc.one("nav", "print-toc").select("a")]
    assert toc == [f"#ch{n:02d}" for n in chapters(clauses)]
    assert not doc.select("form", data_calculator=True), "no calculator on the printable edition"


def test_clauses_json_holds_citations_urls_and_names(clauses):
    c = {d["id"]: d for d in clauses}["c12-8"]
    assert c["citation"] == {"zh": ZH_12_8, "en": f'Yongding Office Rules, "{c["chapter_name"]["en"]}", cl. 8'}
    assert c["urls"]["zh"] == "/ch12/#c12-8" and c["urls"]["short_en"] == "/en/c/12-8/"
    assert c["chapter_title"]["zh"] == "十二、财务管理制度"
    assert c["chapter_name"]["zh"] == "财务管理制度"
    assert c["number"] == "8." and c["zh"].startswith("8.本办干部")


@pytest.mark.parametrize("rel,lang", [("404.html", "zh"), ("en/404.html", "en")])
def test_404_is_bilingual_page_language_first(site_dir, rel, lang):
    doc = page(site_dir, rel)
    assert doc.one("html").get("lang").startswith(lang)
    sections = doc.one("div", "notfound").select("section", "notfound-lang")
    assert [s.get("lang")[:2] for s in sections] == [lang, "en" if lang == "zh" else "zh"]
    body = doc.one("div", "notfound").text
    assert "找不到此页面" in body and "Page not found" in body
    assert all(s.select("button", "notfound-search") for s in sections)
    assert all(s.select("p", "notfound-suggest", hidden=True) for s in sections), "filled in by notfound.js"
    # the language links go to each language's home page (any 404 address may show this page)
    links = {a.get("hreflang"): a.get("href") for a in doc.select("a", "md-select__link")}
    assert links == {"zh": "/", "en": "/en/"}


def test_calculator_results_are_live_regions(site_dir):
    """Every calculator's result area is announced when the answer changes (aria-live);
    test_hostile_input.py checks in the browser that rendering keeps that element."""
    pages = [p for p in site_dir.rglob("index.html") if "data-calculator-result" in p.read_text(encoding="utf-8")]
    assert len(pages) >= 8
    for path in pages:
        doc = parse(path.read_text(encoding="utf-8"))
        results = doc.select(data_calculator_result=True)
        assert results and len(results) == len(doc.select("form", data_calculator=True)), path
        for r in results:
            assert r.get("aria-live") == "polite", path
