"""Wording faults as classes, scanned over every case and a generated sweep:
English number agreement ("1 member is absent", never "member(s)"), full-width
punctuation in Chinese text, and headlines that always say something ("最迟—"
was one)."""

import json
import re
from datetime import date, timedelta
from pathlib import Path

import pytest

import calculators

CASES = json.loads((Path(__file__).parent / "cases.json").read_text(encoding="utf-8"))["cases"]


def _sweep():
    """Inputs that reach every message with the counts 0, 1 and more."""
    yield from ((c["calculator"], c["inputs"]) for c in CASES)
    for members in range(1, 9):
        for present in range(0, members + 1):
            for topic in ("ordinary", "personnel"):
                yield "quorum", {"members": members, "present": present, "topic": topic}
                yield "quorum", {"members": members, "present": present, "topic": topic,
                                 "votes_for": present // 2, "votes_against": present // 2}
    for years in (0, 0.5, 1, 1.5, 9, 10, 10.5, 19, 20, 21):
        for extra in ({}, {"vacation_days": 1}, {"vacation_days": 5}, {"sick_leave_months": 1},
                      {"sick_leave_months": 2}, {"personal_leave_days": 20}):
            yield "annual_leave", {"years_worked": years, **extra}
    for start in ("2016-02-29", "2016-03-15", "2025-06-10", "2006-12-31"):
        for as_of in ("2026-02-28", "2026-03-20", "2026-06-30", "2026-12-31", "2027-01-01"):
            if as_of >= start:
                yield "annual_leave", {"work_start": start, "as_of": as_of,
                                       "sick_leave_months": 2.5}
    for days in (0.5, 1, 1.5, 2):
        yield "leave_approval", {"days": days}
    for days in (0, 0.5, 1, 2):
        for use in ("either", "rest", "leave_offset"):
            yield "duty_compensation", {"duty_days": days, "use": use}
    for n in (1, 2):
        yield "rewards", {"articles": [{"outlets": []}] * n + [{"outlets": ["区委办"]}] * n,
                          "young_cadre": True, "period_start": "2026-01",
                          "period_end": "2026-0" + str(n + 1), "date": "2026-12-01"}
    day = date(2026, 1, 1)
    while day < date(2027, 3, 1):
        yield "expenditure", {"amount": 100, "spent_on": day.isoformat()}
        day += timedelta(days=5)
    yield "expenditure", {"amount": 100}
    yield "expenditure", {"amount": 6000}
    for year in (2016, 2026, 2027, 2100):
        yield "meeting_calendar", {"year": year}


def _texts(result, lang):
    if not result["ok"]:
        return [result["error"][f"message_{lang}"]]
    out = [result[f"answer_{lang}"], result[f"explanation_{lang}"]]
    out += [m[f"note_{lang}"] for m in result.get("meetings", [])]
    return out


@pytest.fixture(scope="module")
def answers():
    return [(name, inputs, calculators.run(name, inputs)) for name, inputs in _sweep()]


NOUNS = r"(day|year|full year|member|article|month|meeting|vote|suggested date|time|duty day)"
COUNTED = re.compile(rf"(?<![\d.,-])(\d+(?:\.\d+)?) {NOUNS}(s?)\b")


def test_english_numbers_agree_with_their_nouns(answers):
    checked = 0
    for name, inputs, result in answers:
        for text in _texts(result, "en"):
            assert "(s)" not in text, (name, inputs, text)
            for number, noun, plural in COUNTED.findall(text):
                one = float(number) == 1
                assert bool(plural) != one, (name, inputs, f"{number} {noun}{plural}", text)
                checked += 1
            assert not re.search(r"\b1 (members|articles|months) are\b", text), text
    assert checked > 1000


HAN = r"[\u3400-\u9fff]"
HALF_WIDTH = re.compile(rf"{HAN}[(:;]|[(:;)]{HAN}")
QUOTED = re.compile(r"“[^”]*”")   # the official text, quoted as it stands


def test_chinese_text_uses_full_width_punctuation(answers):
    for name, inputs, result in answers:
        for text in _texts(result, "zh"):
            found = HALF_WIDTH.findall(QUOTED.sub("“”", text))
            assert not found, (name, inputs, found, text)
            assert "““" not in text and " 期限" not in text, text


def test_every_headline_says_something(answers):
    for name, inputs, result in answers:
        if result["ok"]:
            for lang in ("zh", "en"):
                headline = result[f"answer_{lang}"]
                assert headline and "—。" not in headline and "by —" not in headline, headline
                assert "{" not in headline, headline
