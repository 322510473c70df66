"""The glossary is the single source of the English for a term.

docs/en/glossary.md (and its Chinese twin docs/zh/glossary.md) has a table of
terms: Chinese | English | Explanation | Clause. These tests read that table with
markdown-it-py and the clause table with handbook/clauses.py, and check that

(a) every entry's clause link leads to an existing clause on the right page;
(b) wherever a term's Chinese occurs in a clause, the English of that clause uses
    the glossary's English for it (all its core words);
(c) none of the renderings the translation reviews rejected survives;
(d) no clause says "should": 要 imposing a duty is "shall", as the conventions say;
(e) the two glossaries list the same terms with the same English;
(f) the Chinese in brackets follows the glossary's rule: each term is bracketed
    once, at the clause the glossary names as its first use, and 直系亲属, whose
    scope is open, at every use; a bracket holds Chinese, not an explanation;
(g) the force words of the conventions table (原则上, 一般, 禁止) are rendered as
    the table says;
(h) the editor's note on 直系亲属 gives both readings and leaves the question to
    the Office, and no note says what the reviews found wrong in one.

How (b) matches
- Chinese: the glossary's Chinese column may give several forms, separated by
  " / " (主任办公会 / 主任办公会议). Forms are looked for longest first, and a
  match hides the characters it covers, so 编制 inside 机构编制 counts as
  机构编制 only, and 登记局 inside 事业单位登记局 as the longer term only.
  A term inside a document title (《…》) is part of the title's translation and
  is not looked for, unless the term is itself the title (《张家界日报》).
- English: the core of the English cell is the cell without anything in
  brackets. "(short form: the Office)" adds an accepted short form. The core's
  words, less "the", "of", "and" and the like, must all occur in the clause's
  English outside the Chinese glosses in brackets. A word starting with a
  capital letter (a name: Office, District) must match with its capital; other
  words match in any case, in the singular or plural and as -ed/-ing forms.
- EXCEPTIONS lists the clauses where the Chinese characters of a term are used
  in another sense (a homograph), with the reason.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import pytest
from markdown_it import MarkdownIt

from handbook import clauses as extractor

ROOT = Path(__file__).resolve().parents[1]
GLOSSARY = {lang: ROOT / "docs" / lang / "glossary.md" for lang in ("en", "zh")}
HAN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
LINK = re.compile(rf"^(?P<page>ch\d\d)\.md#(?P<id>{extractor.ID_PATTERN})$")
STOPWORDS = {"the", "a", "an", "of", "and", "or", "for", "to", "in", "on", "from", "with",
             "by", "at", "as"}

# (Chinese form, clause id): why the characters there are not the glossary term.
EXCEPTIONS = {
    ("编制", "c3-5"): "verb: 编制检索工具 'prepare retrieval tools'",
    ("编制", "c3-6"): "verb: 编制销毁清册 'prepare a destruction register'",
    ("组织", "c4-2"): "verb: 组织学习 'organize study'",
    ("组织", "c9-2-1"): "verb: 组织实施 'organize and implement'",
    ("组织", "c9-2-4"): "verb: 组织一次集中学习 'organize a group study session'",
    ("组织", "c12-10"): "verb: 组织慰问 'organize an expression of condolence'",
    ("组织", "c16-1"): "verb: 组织学习 'organize staff to study'",
}

# Renderings the translation reviews rejected; none may come back. Matched
# case-sensitively ("office meeting" is the old generic name; the body is the
# "Director's Office Meeting").
REJECTED = ["immediate family", "condolence money", "on business", "non-voting attendees",
            "outside the border", "Director of the District Institutional Organization Commission",
            "office meeting", "direct relative", "switches are closed", "During work periods",
            # 2026-12: S1 and M2-M10
            "lineal relative",            # 直系亲属: settles in English who is covered
            "Home visit", "home visit",   # 走访: visits of any kind
            "with each cadre",            # c4-3: the source does not say "each"
            "official visit",             # 考察: an inspection tour
            "talking-to",                 # 教育: an admonition
            "in principle",               # 原则上: "as a rule"
            "individual deliberation",    # 个别酝酿: one-to-one consultation
            "lowest of the three levels", # c2-2: an explanation inside the clause
            ]

# A term whose scope the rules leave open: its Chinese stays beside the English
# at every use, with a pointer to the editor's note that gives the readings.
OPEN_TERMS = {"直系亲属": r"direct-line relatives? \(直系亲属; see the editor's note\)"}

# Terms not bracketed at their first use, with the reason.
BRACKET_EXCEPTIONS = {}

# Force words of the conventions table checked at every occurrence: Chinese →
# (English, {clause id: why the English differs there}).
FORCE_WORDS = {
    "原则上": ("as a rule", {}),
    "禁止": ("prohibited", {}),
    "一般": ("normally", {"c14-3": "adjective: 一般来信来访 'ordinary letters and visits'",
                          "c14-5": "adjective: 一般政策性问题 'general policy questions'"}),
}

# Words that must not come back into an editor's note (2026-12 review): a note
# may explain and point out an open question, never add a rule or overstate.
NOTE_REJECTED = ["for the Office trade union to decide", "由机关工会研究决定",
                 "does not include the spouse", "可见本制度所称直系亲属不含配偶",
                 "never less", "不会少"]

_md = MarkdownIt("commonmark").enable("table")


@dataclass
class Entry:
    zh: list[str]          # the Chinese forms
    en: str                # the English cell as plain text
    href: str              # the clause link
    row: int

    @property
    def renderings(self) -> list[str]:
        """The core English, then any short forms."""
        shorts = re.findall(r"\(short form:\s*([^)]*)\)", self.en)
        core = re.sub(r"\([^)]*\)", " ", self.en)
        return [core, *shorts]


def _text(inline) -> str:
    return "".join(t.content for t in inline.children or [] if t.type in ("text", "code_inline"))


def read_tables(path: Path) -> list[tuple[list[str], list[list]]]:
    """Each table of a Markdown page: header texts, and rows of inline tokens."""
    tokens = _md.parse(path.read_text(encoding="utf-8"))
    tables, header, rows, row, in_head = [], [], [], [], False
    for i, tok in enumerate(tokens):
        if tok.type == "table_open":
            header, rows = [], []
        elif tok.type == "thead_open":
            in_head = True
        elif tok.type == "thead_close":
            in_head = False
        elif tok.type == "tr_open":
            row = []
        elif tok.type in ("th_open", "td_open"):
            row.append(tokens[i + 1])
        elif tok.type == "tr_close":
            if in_head:
                header = [_text(c).strip() for c in row]
            else:
                rows.append(row)
        elif tok.type == "table_close":
            tables.append((header, rows))
    return tables


def glossary(lang: str) -> list[Entry]:
    """The terms table: the one whose last column is the clause link."""
    terms = [rows for header, rows in read_tables(GLOSSARY[lang])
             if header and header[-1] in ("Clause", "首次出现")]
    assert len(terms) == 1, f"{lang} glossary: expected one terms table, found {len(terms)}"
    entries = []
    for n, cells in enumerate(terms[0], 1):
        links = [t.attrGet("href") for t in cells[-1].children or [] if t.type == "link_open"]
        assert len(links) == 1, f"{lang} glossary row {n}: the last cell needs one clause link"
        entries.append(Entry(
            zh=[f.strip() for f in _text(cells[0]).split(" / ") if f.strip()],
            en=_text(cells[1]).strip(), href=links[0], row=n))
    return entries


@pytest.fixture(scope="module")
def rows():
    return extractor.extract()


@pytest.fixture(scope="module")
def entries():
    return glossary("en")


# ------------------------------------------------------------------ matching
def _words(text: str) -> list[str]:
    return [w.rstrip("'’-") for w in re.findall(r"[A-Za-z][A-Za-z'’-]*", text)]


def _stem(w: str) -> str:
    w = re.sub(r"['’]s$", "", w)
    if len(w) > 4 and w.endswith("ies"):
        return w[:-3] + "y"
    if len(w) > 3 and w.endswith("s") and not w.endswith("ss"):
        return w[:-1]
    return w


def _same(glossary_word: str, word: str) -> bool:
    a, b = glossary_word, word
    if not a[0].isupper():          # a name keeps its capital; other words any case
        a, b = a.lower(), b.lower()
    if _stem(a) == _stem(b):
        return True
    return b in {a + "d", a + "ed", a + a[-1] + "ed", a + "ing", a.removesuffix("e") + "ing"}


def core_words(english: str) -> list[str]:
    return [w for w in _words(english) if w.lower() not in STOPWORDS]


def running_english(en: str) -> str:
    """The clause's English without the Chinese glosses in brackets."""
    prev = None
    while prev != en:                       # innermost brackets first
        prev, en = en, re.sub(r"[(（][^()（）]*[)）]",
                              lambda m: " " if HAN.search(m.group()) else m.group().replace("(", "⟨").replace(")", "⟩"),
                              en)
    return en


def uses(en: str, english: str) -> bool:
    words = _words(running_english(en))
    return all(any(_same(g, w) for w in words) for g in core_words(english))


def terms_in(zh: str, entries: list[Entry]) -> dict[str, Entry]:
    """Chinese form → entry, for every glossary term that occurs in the text."""
    forms = sorted(((f, e) for e in entries for f in e.zh), key=lambda fe: -len(fe[0]))
    found, text = {}, zh

    def take(form, entry):
        nonlocal text
        if form in text:
            found[form] = entry
            text = text.replace(form, "\0" * len(form))

    for form, entry in forms:
        if form.startswith("《"):
            take(form, entry)
    text = re.sub(r"《[^》]*》", lambda m: "\0" * len(m.group()), text)
    for form, entry in forms:
        if not form.startswith("《"):
            take(form, entry)
    return found


# --------------------------------------------------------------------- tests
@pytest.mark.parametrize("lang", ["en", "zh"])
def test_every_entry_links_to_an_existing_clause(rows, lang):
    by_id = {r.id: r for r in rows}
    for e in glossary(lang):
        m = LINK.match(e.href)
        assert m, f"{lang} glossary row {e.row} ({e.zh[0]}): link {e.href!r} is not chNN.md#cX-Y"
        assert m["id"] in by_id, f"{e.zh[0]}: {e.href} names no clause"
        assert by_id[m["id"]].page == m["page"], f"{e.zh[0]}: {m['id']} is not on {m['page']}"


def test_the_glossary_is_a_real_table(entries):
    assert len(entries) >= 80
    zh_forms = [f for e in entries for f in e.zh]
    assert len(zh_forms) == len(set(zh_forms)), "a Chinese term is listed twice"
    for e in entries:
        assert e.zh and e.en and not HAN.search(e.en), f"row {e.row}: {e.zh} {e.en!r}"
        assert core_words(e.renderings[0]), f"row {e.row}: no English words in {e.en!r}"


def test_both_glossaries_list_the_same_terms_with_the_same_english():
    en, zh = glossary("en"), glossary("zh")
    assert [(e.zh, e.en, e.href) for e in en] == [(e.zh, e.en, e.href) for e in zh]


def test_each_term_is_translated_as_the_glossary_says(rows, entries):
    misses = []
    checked = 0
    for r in rows:
        for form, entry in terms_in(r.zh, entries).items():
            if (form, r.id) in EXCEPTIONS:
                continue
            checked += 1
            if not any(uses(r.en, english) for english in entry.renderings):
                misses.append(f"{r.id}: {form} → {entry.renderings[0].strip()!r} not in {r.en!r}")
    assert checked > 150, f"only {checked} term uses checked: is the glossary being read?"
    assert not misses, "\n".join(misses)


def test_exceptions_are_still_needed(rows, entries):
    """An exception that no longer matches anything is stale: remove it."""
    by_id = {r.id: r for r in rows}
    for (form, cid), why in EXCEPTIONS.items():
        assert form in terms_in(by_id[cid].zh, entries), f"stale exception {form} in {cid} ({why})"


def test_rejected_renderings_do_not_come_back(rows, entries):
    for r in rows:
        for bad in REJECTED:
            assert bad not in r.en, f"{r.id}: rejected rendering {bad!r} in {r.en!r}"
            assert bad not in r.chapter_title_en, f"{r.page} title: {bad!r}"
    for e in entries:
        for bad in REJECTED:
            assert bad not in e.en, f"glossary row {e.row}: rejected rendering {bad!r}"


def test_duties_are_shall_never_should(rows):
    """要 and 应 impose a duty ("shall"); 一般 softens it ("normally"). "Should"
    reads as advice in English, and the source has no word for advice."""
    for r in rows:
        assert not re.search(r"\bshould\b", r.en, re.I), f"{r.id}: 'should' (use 'shall'): {r.en!r}"


# --------------------------------------------------------- Chinese in brackets
def glosses(en: str) -> list[str]:
    """The contents of the brackets (outermost, nesting allowed) that hold Chinese."""
    out, depth, start = [], 0, 0
    for i, ch in enumerate(en):
        if ch in "(（":
            if depth == 0:
                start = i + 1
            depth += 1
        elif ch in ")）" and depth:
            depth -= 1
            if depth == 0 and HAN.search(en[start:i]):
                out.append(en[start:i])
    return out


def _bare(form: str) -> str:
    return form.strip("“”")


def test_a_bracket_holds_chinese_not_an_explanation(rows):
    """Explanations go in the glossary or an editor's note, never inside the
    clause; a bracket may add only the pointer to the note or a title's English."""
    for r in rows:
        for g in glosses(r.en):
            rest = re.sub(r"《[^》]*》|〔[^〕]*〕", "", g)
            rest = re.sub(r"[\u3400-\u9fff\uf900-\ufaff“”、，。·.()（）\d]", "", rest).strip(" ,;")
            title = "《" in g and re.fullmatch(r"(the )?[A-Z][A-Za-z ,'-]+", rest)   # a title's English
            assert rest in ("", "see the editor's note") or title, \
                f"{r.id}: an explanation inside the clause's bracket: ({g})"


def test_each_term_is_bracketed_once_at_its_first_use(rows, entries):
    by_id = {r.id: r for r in rows}
    order = [r.id for r in rows]
    for e in entries:
        link = LINK.match(e.href)["id"]
        standalone = [r.id for r in rows for f in e.zh
                      if f in terms_in(r.zh, entries) and (f, r.id) not in EXCEPTIONS]
        inside = [r.id for r in rows if any(f in r.zh for f in e.zh)]
        if not inside:
            continue                 # listed for its explanation (“机密”, “绝密”)
        # The glossary names the first use: the first clause with the term, or
        # one before it that has the term inside a longer one (编办 in 编办主任).
        assert link in inside, f"{e.zh[0]}: {link} does not contain the term"
        if standalone:
            assert order.index(link) <= order.index(standalone[0]), \
                f"{e.zh[0]}: the glossary names {link}, but the first use is {standalone[0]}"
        if e.zh[0] not in BRACKET_EXCEPTIONS:
            assert any(_bare(f) in g for g in glosses(by_id[link].en) for f in e.zh), \
                f"{e.zh[0]}: no Chinese in brackets at its first use, {link}: {by_id[link].en!r}"
        if any(f in OPEN_TERMS for f in e.zh):
            continue
        for r in rows:
            if r.id != link:
                again = [g for g in glosses(r.en) if set(e.zh) & set(terms_in(g, entries))]
                assert not again, f"{e.zh[0]}: bracketed again in {r.id} (first use {link})"


def test_an_open_term_keeps_its_chinese_at_every_use(rows):
    checked = 0
    for term, pattern in OPEN_TERMS.items():
        for r in rows:
            n = r.zh.count(term)
            checked += n
            assert len(re.findall(pattern, r.en)) == n, \
                f"{r.id}: {term} ×{n}, but the English ties it to its Chinese {len(re.findall(pattern, r.en))}×: {r.en!r}"
            if n:
                assert r.notes_en and r.notes_zh, f"{r.id}: {term} points to an editor's note, but there is none"
    assert checked >= 2, "直系亲属 is in c12-8 and c12-10"


# ---------------------------------------------------------------- conventions
def conventions(lang: str) -> dict[str, str]:
    """Chinese (each word of the first cell) → English, from the conventions table."""
    tables = [rows for header, rows in read_tables(GLOSSARY[lang]) if header and header[-1] in ("Use", "说明")]
    assert len(tables) == 1, f"{lang} glossary: expected one conventions table"
    out = {}
    for cells in tables[0]:
        words = re.sub(r"[(（][^)）]*[)）]", "", _text(cells[0]))   # less "(a requirement)"
        for word in re.findall(r"[\u3400-\u9fff]+", words):
            out.setdefault(word, _text(cells[1]).strip())
    return out


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_conventions_table_has_the_force_words_checked(lang):
    table = conventions(lang)
    for word, (english, _) in FORCE_WORDS.items():
        assert word in table and english.split()[-1] in table[word], f"{lang}: {word} → {english} not in the table"


def test_force_words_are_rendered_as_the_conventions_say(rows):
    for word, (english, exceptions) in FORCE_WORDS.items():
        seen = [r for r in rows if word in r.zh]
        assert seen, f"{word} occurs in no clause: remove it from FORCE_WORDS"
        for r in seen:
            if r.id in exceptions:
                assert english not in r.en.lower() or r.zh.count(word) > 1, f"stale exception {word} {r.id}"
                continue
            assert english in r.en, f"{r.id}: {word} is not rendered {english!r}: {r.en!r}"


# ------------------------------------------------------------ editor's notes
def _note(rows, cid: str, lang: str) -> str:
    r = next(r for r in rows if r.id == cid)
    return " ".join(r.notes_zh if lang == "zh" else r.notes_en)


def test_the_note_on_direct_line_relatives_leaves_the_question_open(rows, entries):
    """S1 (2026-12): the rules do not define 直系亲属. The note gives the narrow
    legal reading and the common one of personnel rules, cites clause 10 for the
    narrow one, and leaves the question to the Office; the glossary agrees."""
    zh, en = _note(rows, "c12-8", "zh"), _note(rows, "c12-8", "en")
    for needle in ("直系血亲", "祖父母", "父母、配偶和子女", "劳总薪字29号", "直系亲属及配偶", "应由本办明确"):
        assert needle in zh, f"c12-8 zh note: {needle} missing"
    for needle in ("直系血亲", "grandparents", "parents, spouse and children", "劳总薪字29号",
                   "直系亲属及配偶", "The Office should settle"):
        assert needle in en, f"c12-8 en note: {needle!r} missing"
    c1210 = next(r for r in rows if r.id == "c12-10")
    assert "clause 8" in " ".join(c1210.notes_en) and "第8条" in " ".join(c1210.notes_zh)
    for lang, settle in (("en", "the Office should settle"), ("zh", "应由本办明确")):
        explanation = next(e for term, e in _glossary_explanations(lang) if term == "直系亲属")
        assert "直系血亲" in explanation and settle in explanation and "c12-8" in explanation.replace("第十二章第8条", "c12-8")


def _glossary_explanations(lang: str) -> list[tuple[str, str]]:
    terms = [rows for header, rows in read_tables(GLOSSARY[lang]) if header and header[-1] in ("Clause", "首次出现")][0]
    return [(_text(c[0]).strip(), _text(c[2]).strip()) for c in terms]


def test_no_note_repeats_what_the_reviews_rejected(rows):
    for r in rows:
        for note in r.notes_zh + r.notes_en:
            for bad in NOTE_REJECTED:
                assert bad not in note, f"{r.id}: editor's note says {bad!r}"
    for lang in ("en", "zh"):
        for term, explanation in _glossary_explanations(lang):
            for bad in NOTE_REJECTED:
                assert bad not in explanation, f"{lang} glossary {term}: {bad!r}"


def test_chapter_1_title_names_the_directors_office_meeting(rows):
    c11 = next(r for r in rows if r.id == "c1-1")
    assert "主任" in c11.chapter_title_zh and "Director's Office Meeting" in c11.chapter_title_en


def test_the_matcher_can_tell_a_wrong_rendering(entries):
    """The check in test_each_term_is_translated_as_the_glossary_says is not vacuous."""
    direct = next(e for e in entries if "直系亲属" in e.zh)
    assert uses("When a direct-line relative (直系亲属) is hospitalized", direct.renderings[0])
    assert not uses("When a lineal relative (直系亲属) is hospitalized", direct.renderings[0])
    assert not uses("a relative (直系亲属, direct-line relative)", direct.renderings[0]), "glosses do not count"
    office = next(e for e in entries if "本办" in e.zh)
    assert not uses("leave the office", office.renderings[0]), "Office (the body) keeps its capital"
    meeting = next(e for e in entries if "主任办公会" in e.zh)
    assert set(terms_in("报请主任办公会议定", entries)) == {"主任办公会议"}
    assert not uses("submitted to the office meeting", meeting.renderings[0])
    assert set(terms_in("上级机构编制部门", entries)) == {"机构编制"}, "longest term wins"


def test_the_calculator_hint_for_direct_line_relatives_gives_both_readings():
    """The forms show the first sentence of the glossary's explanation as a hint
    (handbook/glossary.py): it must not give one reading only."""
    from handbook import glossary as data
    (term_zh, hint_zh), = data.hints("zh", "直系亲属")
    (term_en, hint_en), = data.hints("en", "直系亲属")
    assert term_en == "direct-line relative"
    assert "直系血亲" in hint_zh and "父母、配偶和子女" in hint_zh and "祖父母" in hint_zh
    assert "grandparents" in hint_en and "parents, spouse and children" in hint_en
