"""What the Pyodide case tests compare (tests/test_pyodide_cases.py,
tests/test_pyodide_dated.py). Imported by name, like sitebuild."""
from __future__ import annotations

import json

import calculators


def canonical(value) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


def differing_from_cpython(results: list[dict]) -> list[tuple]:
    """(name, Pyodide's answer, CPython's) for every case whose answers differ."""
    different = []
    for case in results:
        expected = calculators.run(case["calculator"], case["inputs"])
        if canonical(case["result"]) != canonical(expected):
            different.append((case["name"], case["result"], expected))
    return different
