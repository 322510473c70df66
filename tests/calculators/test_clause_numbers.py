"""No printed clause number in calculators/ (the clerk review's minor finding).

An explanation names a clause by its id (c12-8), which the page turns into a
citation by the number the clause prints on the answer's day (its `as_of`): a
renumbering (条文顺序作相应调整) changes the number, never the id. So no message,
and no string the code writes, holds a handbook clause number of its own: no
第8条, 第一条, 第5条第④项, "clause 8", "cl. 8" or "Article 1". The articles of
national regulations (条例第三条, the Measures' art. 2, the Civil Code's art. 201)
are not the handbook's and never renumber: they are allowed where the text says
whose they are.
"""

import ast
import re
import tomllib

import pytest

from calcpaths import ROOT

PACKAGE = ROOT / "calculators"

ZH = re.compile(r"第\s*[0-9０-９]+\s*[条項项]|第[零一二两三四五六七八九十百]+[条项]|第[①-⑳]项")
EN = re.compile(r"\b(?:[Cc]lauses?|cl\.|[Aa]rticles?|[Aa]rts?\.|[Ii]tems?)\s*\(?[0-9]+")
# Whose article it is, said before it in the same sentence (条例第三条, 《民法典》第二百
# 零一条, 国务院令第514号)第三条, Measures art. 2) or right after it (art. 6 of that order).
NATIONAL_BEFORE = re.compile(r"(条例|办法|民法典|》|令第\S+号|Regulations|Measures|Civil Code|"
                             r"Order)[^。]{0,60}$")
NATIONAL_AFTER = re.compile(r"^[^。；;.]{0,12}\bof (the|that|each) (Regulations|Measures|[Oo]rder)")
# "article 3" in the rewards calculator is a news article (第3篇稿件), not a clause.
NEWS_ARTICLE = re.compile(r"[Aa]rticles? \{?n?\}?[0-9]*\s*(?:\(|:|$)|[Aa]rticle \{n\}")


def _strings_of_toml(path):
    def walk(node, where):
        if isinstance(node, str):
            yield where, node
        elif isinstance(node, dict):
            for key, value in node.items():
                yield from walk(value, f"{where}.{key}")
        elif isinstance(node, list):
            for i, value in enumerate(node):
                yield from walk(value, f"{where}[{i}]")
    with path.open("rb") as fh:
        yield from walk(tomllib.load(fh), path.name)


def _strings_of_python(path):
    """Every string the module's code holds, docstrings left out (they explain)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    docstrings = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.Module, ast.FunctionDef, ast.ClassDef, ast.AsyncFunctionDef)):
            body = node.body
            if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
                docstrings.add(id(body[0].value))
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str) \
                and id(node) not in docstrings:
            yield f"{path.name}:{node.lineno}", node.value


def _all_strings():
    for path in sorted(PACKAGE.rglob("*.toml")):
        if "amendments" not in path.parts:
            yield from _strings_of_toml(path)
    for path in sorted(PACKAGE.glob("*.py")):
        yield from _strings_of_python(path)


def _printed_numbers(text: str) -> list:
    found = []
    for pattern in (ZH, EN):
        for match in pattern.finditer(text):
            before, after = text[:match.start()], text[match.end():]
            if NATIONAL_BEFORE.search(before) or NATIONAL_AFTER.search(after):
                continue
            if pattern is EN and NEWS_ARTICLE.match(text[match.start():]):
                continue
            found.append(match.group(0))
    return found


def test_no_string_in_calculators_prints_a_clause_number():
    checked, offending = 0, []
    for where, text in _all_strings():
        checked += 1
        hits = _printed_numbers(text)
        if hits:
            offending.append((where, hits, text[:120]))
    assert checked > 500
    assert not offending, offending


@pytest.mark.parametrize("text,printed", [
    ("按本制度第8条办理", True), ("见第一条", True), ("第5条第④项", True),
    ("see clause 8", True), ("cl. 12", True), ("Article 1 says", True),
    ("条例第三条", False), ("实施办法第二条：", False), ("《民法典》第二百零一条、第二百零二条", False),
    ("Regulations art. 3", False), ("art. 2 of the Measures", False),
    ("c12-8：原则上给予慰问金", False), ("Article {n}", False), ("article 3: 50 yuan", False),
])
def test_the_scan_sees_a_printed_number(text, printed):
    assert bool(_printed_numbers(text)) is printed, text
