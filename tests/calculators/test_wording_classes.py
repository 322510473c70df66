"""Wording faults as classes, scanned over every case and a generated sweep:
English number agreement ("1 member is absent", never "member(s)"; "1 member
needs"), English frequencies and ordinals ("once a year", "the 2nd and 4th
weeks"), full-width punctuation in Chinese text (the tool's own sentences; a
quotation of the official text keeps its own), one spelling of 报帐, no claim
about the world outside the tool's data, no "0 full years", the 28 February
sentence only where a common year makes it matter, dates in one format in a
sentence, months not begun never called "not over", and headlines that always
say something ("最迟—" was one)."""

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
    for start in ("2016-02-29", "2008-02-29"):
        for as_of in ("2026-02-27", "2026-02-28", "2026-03-01", "2027-06-01", "2028-01-15",
                      "2028-02-28", "2028-02-29", "2028-03-01", "2029-02-28", "2036-03-01"):
            if as_of >= start:
                yield "annual_leave", {"work_start": start, "as_of": as_of}
    for days in (0, 0.5, 1, 2):
        for use in ("either", "rest", "leave_offset"):
            for holiday in ("ordinary", "national_day", "spring_festival"):
                yield "duty_compensation", {"duty_days": days, "use": use, "holiday": holiday}
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
    for spent_on in ("1950-05-01", "2003-04-20", "2027-04-19", "2027-09-20", "2100-01-20"):
        yield "expenditure", {"amount": 100, "spent_on": spent_on}
    # A young cadre's months: none over, the current one, months not begun, a mix.
    for articles, start, end in (([], "2027-01", "2027-03"), ([], "2026-11", "2027-01"),
                                 ([{"outlets": [], "month": "2026-11"}], "2026-11", "2027-02"),
                                 ([{"outlets": ["区委办"], "month": "2026-12"}], "2026-12", "2026-12"),
                                 ([], "2026-10", "2026-11")):
        yield "rewards", {"articles": articles, "young_cadre": True, "period_start": start,
                          "period_end": end, "date": "2026-12-01"}
    for year in (1950, 1999, 2003, 2016, 2019, 2021, 2024, 2026, 2027, 2100):
        for reading in ("calendar_row", "nth_monday"):
            for lang in ("zh", "en"):
                yield "meeting_calendar", {"year": year, "week_reading": reading, "ics": True,
                                           "lang": lang}


def _texts(result, lang):
    if not result["ok"]:
        return [result["error"][f"message_{lang}"]]
    out = [result[f"answer_{lang}"], result[f"explanation_{lang}"]]
    out += [m[f"note_{lang}"] for m in result.get("meetings", [])]
    return out


def _ics_texts(result, lang):
    """The text values of an .ics in `lang` (unfolded, unescaped)."""
    if not result.get("ok") or "ics" not in result:
        return []
    prodid = [line for line in result["ics"].split("\r\n") if line.startswith("PRODID:")]
    if not prodid[0].endswith(f"//{lang.upper()}"):
        return [f"PRODID in the wrong language: {prodid[0]}"]
    text = result["ics"].replace("\r\n ", "")
    values = [line.split(":", 1)[1] for line in text.split("\r\n")
              if line.startswith(("SUMMARY:", "DESCRIPTION:", "X-WR-CALNAME:"))]
    return [v.replace("\\n", "\n").replace("\\;", ";").replace("\\,", ",")
            .replace("\\\\", "\\") for v in values]


@pytest.fixture(scope="module")
def answers():
    return [(name, inputs, calculators.run(name, inputs)) for name, inputs in _sweep()]


NOUNS = r"(day|year|full year|member|article|month|meeting|vote|suggested date|time|duty day)"
COUNTED = re.compile(rf"(?<![\d.,-])(\d+(?:\.\d+)?) {NOUNS}(s?)\b")
# A verb right after a counted noun that opens a clause agrees with it ("1 member
# needs", "2 members need").
VERB = re.compile(rf"(?:^|[.;:()] )(\d+(?:\.\d+)?) {NOUNS}(s?) "
                  r"(needs?|is|are|has|have|was|were|counts?|earns?)\b")
SINGULAR_VERBS = {"needs", "is", "has", "was", "counts", "earns"}


def test_english_numbers_agree_with_their_nouns(answers):
    checked = verbs = 0
    for name, inputs, result in answers:
        for text in _texts(result, "en"):
            assert "(s)" not in text, (name, inputs, text)
            for number, noun, plural in COUNTED.findall(text):
                one = float(number) == 1
                assert bool(plural) != one, (name, inputs, f"{number} {noun}{plural}", text)
                checked += 1
            for number, noun, plural, verb in VERB.findall(text):
                assert (verb in SINGULAR_VERBS) is (not plural), (name, inputs, verb, text)
                verbs += 1
    assert checked > 1000 and verbs > 20, verbs


def test_english_frequencies_and_ordinals_are_words(answers):
    """"once a year", "the 2nd and 4th weeks", "a working day" for one date."""
    for name, inputs, result in answers:
        texts = _texts(result, "en") + _ics_texts(result, "en")
        for text in texts:
            assert not re.search(r"\b[12] times?\b", text), (name, inputs, text)
            assert not re.search(r"\bweeks \d", text), (name, inputs, text)
            assert "in a public holiday" not in text, text
        for meeting in result.get("meetings", []) if result["ok"] else ():
            if len(meeting["days"]) == 1:
                assert "working days" not in meeting["note_en"].split(". ")[-1], meeting


HAN = r"[\u3400-\u9fff]"
FULL = r"[\u3400-\u9fff，。；：、（）“”]"
HALF_WIDTH = re.compile(rf"{FULL}[(:;,]|[(:;),]{HAN}")
QUOTED = re.compile(r"“[^”]*”")   # the official text, quoted as it stands


def test_chinese_text_uses_full_width_punctuation(answers):
    """The tool's own sentences, in the answers, the meetings' notes and the .ics;
    a quotation of the official text keeps its own punctuation."""
    checked = 0
    for name, inputs, result in answers:
        for text in _texts(result, "zh") + _ics_texts(result, "zh"):
            found = HALF_WIDTH.findall(QUOTED.sub("“”", text))
            assert not found, (name, inputs, found, text)
            assert "““" not in text and " 期限" not in text, text
            checked += 1
    assert checked > 500


def test_chinese_sentences_say_what_a_day_is(answers):
    """“原建议日期 … 是当日已有其他会议” was one: 是 never introduces a meeting."""
    for name, inputs, result in answers:
        for text in _texts(result, "zh"):
            assert not re.search(r"是(当日|已有|与其他)", text), (name, inputs, text)


def test_one_spelling_of_baozhang():
    """报帐, as the clause (c12-4) and the calculator page write it, in every message
    and on the calculator pages."""
    root = Path(calculators.__file__).parent
    pages = [*(root / "messages").glob("*.toml"),
             *(root.parent / "docs" / "zh" / "calculators").glob("*.md"),
             root.parent / "docs" / "zh" / "developers" / "calculators.md"]
    assert len(pages) > 10
    for page in pages:
        assert "报账" not in page.read_text(encoding="utf-8"), page


def test_the_answers_spell_baozhang_as_the_clause(answers):
    for name, inputs, result in answers:
        for text in _texts(result, "zh"):
            assert "报账" not in text, (name, inputs, text)


def test_no_claim_about_the_world_outside_the_data(answers):
    """A notice the data lack is "not in this tool's data", never "not yet
    published"; and a year the law part does not cover names no General Office."""
    from calculators import _statutory
    for name, inputs, result in answers:
        for lang in ("zh", "en"):
            for text in _texts(result, lang):
                for claim in ("尚未公布", "yet published", "yet announced", "not yet known"):
                    assert claim not in text, (name, inputs, claim, text)
        if not isinstance(inputs, dict) or name not in ("meeting_calendar", "expenditure"):
            continue
        year = inputs.get("year") or int((inputs.get("spent_on") or "2026")[:4])
        if not isinstance(year, int):
            continue
        if result["ok"] and not _statutory.known(year):
            for text in _texts(result, "zh") + _texts(result, "en"):
                assert "国务院办公厅" not in text and "General Office" not in text, (year, text)


def test_the_condolence_notes_cite_the_1980_notice_as_the_editor_does():
    """〔1980〕劳总薪字29号, as the editor's note of chapter 12 cites it, and in English a
    notice on marriage, funeral and travel leave, not a bereavement-leave notice."""
    root = Path(calculators.__file__).parents[1]
    note = (root / "docs" / "zh" / "ch12.md").read_text(encoding="utf-8")
    cited = re.findall(r"〔\d+〕劳总薪字\d+号", note)
    assert cited == ["〔1980〕劳总薪字29号"]
    for event in ("hospitalization", "death"):
        for person in ("spouse", "grandparent"):
            result = calculators.run("condolence", {"event": event, "person": person})
            if not result["rules_unclear"]:
                continue
            for lang in ("zh", "en"):
                text = result[f"explanation_{lang}"]
                assert re.findall(r"[〔\[]\d+[〕\]]劳总薪字\d+号", text) == cited, text
            assert "bereavement" not in result["explanation_en"]
            assert "marriage, funeral and travel leave" in result["explanation_en"]


def test_no_zero_full_years(answers):
    for name, inputs, result in answers:
        for text in _texts(result, "zh") + _texts(result, "en"):
            assert not re.search(r"满 ?0 ?年|\b0 full years?\b", text), (name, inputs, text)


def test_the_28_february_sentence_only_where_a_common_year_makes_it_matter(answers):
    """Work begun on 29 February: the Civil Code sentence appears when an
    anniversary the answer counts (the last one passed, or the next band's) falls
    in a common year, and names that 28 February."""
    seen = set()
    for name, inputs, result in answers:
        if name != "annual_leave" or inputs.get("work_start", "")[5:] != "02-29":
            continue
        start, as_of = date.fromisoformat(inputs["work_start"]), date.fromisoformat(inputs["as_of"])
        years = result["years_worked"]
        counted = [start.year + years] if years else []
        if result["next_tier_from"]:
            counted.append(int(result["next_tier_from"][:4]) - (result["next_tier_from"][5:7] == "01"))
        common = [y for y in counted if y % 4 != 0 or (y % 100 == 0 and y % 400 != 0)]
        said = "2月28日" in result["explanation_zh"] and "28 February" in result["explanation_en"]
        said_leap = "月末日" in result["explanation_zh"]
        assert said_leap is bool(common), (inputs, counted, result["explanation_zh"])
        if common:
            assert said and f"{common[0]}年2月28日" in result["explanation_zh"], inputs
        seen.add(bool(common))
    assert seen == {True, False}


MONTH_ZH = re.compile(r"\d{4}年\d{1,2}月")
ISO = re.compile(r"\d{4}-\d{2}(-\d{2})?")


def test_a_sentence_writes_its_dates_one_way(answers):
    """“2027年1月到2026-12-01尚未结束” was one: within a Chinese sentence of the
    rewards calculator, months and dates are written alike."""
    for name, inputs, result in answers:
        if name != "rewards" or not result["ok"]:
            continue
        for text in _texts(result, "zh"):
            for sentence in re.split(r"[。；]", QUOTED.sub("“”", text)):
                assert not (MONTH_ZH.search(sentence) and ISO.search(sentence)), sentence


def test_a_month_not_begun_is_not_called_not_over(answers):
    """A month after the current one has not begun; only the current month is
    "not over"; and "every month that is over has an article" needs one that is."""
    for name, inputs, result in answers:
        if name != "rewards" or not result["ok"] or not inputs.get("young_cadre"):
            continue
        today = result["as_of"][:7]
        later = [m for m in result["pending_months"] or () if m > today]
        current = [m for m in result["pending_months"] or () if m == today]
        for lang, not_over, not_begun in (("zh", "尚未结束", "尚未开始"),
                                          ("en", "not over", "not begun")):
            texts = " ".join(_texts(result, lang))
            assert (not_begun in texts) is bool(later), (inputs, lang, texts)
            assert (not_over in texts) is bool(current), (inputs, lang, texts)
        months = {m for m in (inputs.get("period_start"), inputs.get("period_end")) if m}
        if months and min(months) > today or (months and min(months) == today and not current):
            assert "已结束的月份都有稿件" not in result["answer_zh"], result["answer_zh"]
            assert "every month that is over" not in result["answer_en"]


def test_every_headline_says_something(answers):
    for name, inputs, result in answers:
        if result["ok"]:
            for lang in ("zh", "en"):
                headline = result[f"answer_{lang}"]
                assert headline and "—。" not in headline and "by —" not in headline, headline
                assert "{" not in headline, headline
