"""Every word in the reader's language (issue 10, part 4).

Every case of cases.json, its refusals included, and a refusal probe for every
input of every calculator, are run; then:

* Chinese text (explanation_zh, message_zh, the meetings' title_zh/note_zh and
  the Chinese .ics) holds no ASCII word at all apart from clause ids (c8-3),
  date patterns (YYYY-MM-DD) and the words JSON, iCalendar: never a field key
  (`period_start`), a code (`major`) or a path (`articles[0].outlets`).
* English text holds no Han character outside brackets that follow an English
  rendering, as in "Yongding News website (永定新闻网)"; and no code identifier
  (a snake_case word or an indexed path).

Text the user typed (an unknown key, a refused value) is echoed back as given
and is taken out before checking.
"""

import json
import re
from pathlib import Path

import pytest

import calculators
from handbook import clauses as clause_table

CASES = json.loads((Path(__file__).with_name("cases.json")).read_text(encoding="utf-8"))["cases"]

_CLAUSE_ID = clause_table.ID_IN_TEXT
_ASCII_WORD = re.compile(r"[A-Za-z_][A-Za-z0-9_]*(?:\[[0-9]+\])?(?:\.[A-Za-z_][A-Za-z0-9_]*)*")
ZH_ALLOWED = {"YYYY", "MM", "DD", "JSON", "iCalendar"}
_HAN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
_BRACKETED = re.compile(r"(?<=[A-Za-z0-9'\"”’)]) \(([^()A-Za-z]*)\)")
_IDENTIFIER_EN = re.compile(r"\b[a-z]+(?:_[a-z0-9]+)+\b|\b[a-z_]+\[[0-9]+\]")


def _user_strings(value, keys: bool = False) -> list:
    """Every string value the user gave, at any depth (and the keys too when
    `keys`: only an unknown key is echoed back)."""
    out = []
    if isinstance(value, str):
        out.append(value)
    elif isinstance(value, dict):
        for key, item in value.items():
            if keys and isinstance(key, str):
                out.append(key)
            out.extend(_user_strings(item, keys))
    elif isinstance(value, list):
        for item in value:
            out.extend(_user_strings(item, keys))
    return out


def echoes_of(calc, inputs, result) -> list:
    unknown = not result.get("ok") and result["error"]["code"] == "unknown_field"
    return _user_strings(inputs, keys=unknown) + ([calc] if isinstance(calc, str) else [])


def _without(text: str, echoes: list, filler: str = " ") -> str:
    for echo in sorted(echoes, key=len, reverse=True):
        if echo:
            text = text.replace(echo, filler)
    return text


def zh_leaks(text: str, echoes=()) -> list:
    text = _CLAUSE_ID.sub(" ", _without(text, list(echoes)))
    return [word for word in _ASCII_WORD.findall(text) if word not in ZH_ALLOWED]


def en_leaks(text: str, echoes=()) -> list:
    # An echoed word becomes a plain English word, so that a Chinese name in
    # brackets after it ("relative (直系亲属)") still follows English text.
    text = _without(text, list(echoes), "echoed")
    found = _IDENTIFIER_EN.findall(text)
    # Brackets right after English text may hold the Chinese name (《》 and
    # “” included); any other Han character is untranslated.
    stripped = _BRACKETED.sub(lambda m: "" if _HAN.search(m.group(1)) else m.group(0), text)
    found += [stripped[max(0, m.start() - 15):m.end() + 15] for m in _HAN.finditer(stripped)]
    return found


def _ics_texts(ics: str) -> list:
    """The human-readable values of an .ics text (unfolded, unescaped)."""
    lines = ics.replace("\r\n ", "").split("\r\n")
    return [line.split(":", 1)[1].replace("\\,", ",").replace("\\;", ";")
            for line in lines if line.startswith(("SUMMARY:", "DESCRIPTION:", "X-WR-CALNAME:"))]


def texts(result: dict, lang: str) -> list:
    out = []
    if result.get("ok"):
        out.append(result[f"explanation_{lang}"])
        for meeting in result.get("meetings", []):
            out.extend([meeting[f"title_{lang}"], meeting.get(f"note_{lang}", "")])
        if "meetings" in result:
            out.extend(_ics_texts(calculators.to_ics(result, lang=lang)))
    else:
        out.append(result["error"][f"message_{lang}"])
    return out


def _probes():
    """A refusal for every input of every calculator: a wrong type, an unknown
    key inside the inputs, and for rewards the nested paths."""
    probes = []
    for name in calculators.CALCULATORS:
        for field in calculators.schema(name)["fields"]:
            probes.append((name, {field["name"]: {"x": 1}}))
            probes.append((name, {field["name"]: "wrong"}))
        probes.append((name, {"no_such_input": 1}))
    probes += [
        ("rewards", {"articles": [{"outlets": ["永定新闻网"], "month": "2027-13"}]}),
        ("rewards", {"articles": [{"outlets": ["人民日报"]}]}),
        ("rewards", {"articles": [{"outlets": "永定新闻网"}]}),
        ("rewards", {"articles": [{"outlet": ["永定新闻网"]}]}),
        ("rewards", {"articles": [{"outlets": ["永定新闻网"], "month": "2027-1"}]}),
        ("quorum", {"members": 5, "present": 4, "votes_against": 1}),
        ("quorum", {"members": 5, "present": 4, "topic": "MAJOR"}),
        ("expenditure", {"amount": 0.001}),
        ("tax", {}),
    ]
    return probes


RUNS = [(case["name"], case["calculator"], case["inputs"]) for case in CASES] + [
    (f"probe {name} {json.dumps(inputs, ensure_ascii=False)}", name, inputs)
    for name, inputs in _probes()]


@pytest.mark.parametrize("name,calc,inputs", RUNS, ids=[r[0] for r in RUNS])
def test_every_word_is_in_the_readers_language(name, calc, inputs):
    result = calculators.run(calc, inputs)
    echoes = echoes_of(calc, inputs, result)
    for text in texts(result, "zh"):
        assert not zh_leaks(text, echoes), (zh_leaks(text, echoes), text)
    for text in texts(result, "en"):
        assert not en_leaks(text, echoes), (en_leaks(text, echoes), text)


def test_the_checks_catch_the_leaks_they_are_for():
    # Words the old messages printed (issue 10, part 4): each must be caught.
    assert zh_leaks("“period_start”应为 YYYY-MM 格式的月份。")
    assert zh_leaks("见 quorum 计算器的 major 议题")
    assert zh_leaks("“articles[0].outlets”的项数应在 1 至 20 之间")
    assert zh_leaks("“members”应为整数")
    assert en_leaks("c13-2 rates: 永定新闻网, 永定区政府网 and the like 50 yuan")
    assert en_leaks("'articles[0].outlets' must have between 1 and 20 items")
    assert en_leaks("the principal (单位主要负责人) and 以上 includes the number")
    # and what is allowed passes
    assert not zh_leaks("c8-3 规定…依据 c1-8;日期应为 YYYY-MM-DD 格式")
    assert not en_leaks("Yongding News website (永定新闻网) and Zhangjiajie Daily (《张家界日报》)")
