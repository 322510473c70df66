"""From facts to sentences: fills the messages (_messages.py) in each language.

A parameter becomes text by its kind: lists joined (、 / ", "), booleans worded,
dates and months written as people write them, a holiday by its name, a bound as
people write amounts (10亿 / 1,000,000,000). Every word comes from the messages
files; only the rules of number and date writing are code.

Every word is in the reader's language: the Chinese text names inputs by the
form's own labels, never by a code key; the English text gives a Chinese name only
in brackets right after its English rendering, e.g. "Yongding News website
(永定新闻网)". tests/calculators/test_language.py checks both for every case.
"""

import re

from ._messages import (CALCULATOR_ERRORS, ERRORS, FIELD_LABELS, HEADLINES, NOTES, OPTION_LABELS,
                        TITLES, field_words, table, words)

_EN = {"zh": 0, "en": 1}
_MONTH_NAMES = ("January", "February", "March", "April", "May", "June", "July", "August",
                "September", "October", "November", "December")


def _word(path: str, lang: str) -> str:
    return words(None, path)[_EN[lang]]


def echo(text: str, limit: int = 40) -> str:
    """User text quoted back in a message: cut short, and made printable as
    UTF-8 (JSON and argv can carry lone surrogates, which cannot be encoded)."""
    if len(text) > limit:
        text = text[:limit - 1] + "…"
    return text.encode("utf-8", "replace").decode("utf-8")


# ------------------------------------------------------------ filling

def _shown(value, lang: str) -> str:
    """One parameter as text: lists joined, floats trimmed, booleans worded."""
    if isinstance(value, bool):
        return _word("words.yes" if value else "words.no", lang)
    if isinstance(value, (list, tuple)):
        return _word("words.list", lang).join(_shown(item, lang) for item in value)
    if isinstance(value, float):
        return f"{value:g}"
    if value is None:
        return "—"
    return str(value)


def _holiday(key, lang: str) -> str:
    """A holiday of the `chinese_calendar` package by its name (common.toml [holidays])."""
    if key is None:
        return "—"
    names = table(None, "holidays")
    return names[key][lang] if key in names else key


def _moves(moves, lang: str) -> str:
    """Meetings moved: (proposed day, new day, reason, the day that stopped it,
    its holiday, the in-force day of the version it follows) each, as a list."""
    parts = []
    for old, new, reason, blocked, holiday, *version in moves:
        why = fill(_word(f"moves.{reason}", lang), lang,
                   {"holiday": holiday, "in_force": version[0] if version else None})
        if blocked != old:      # a later day of a session stopped it
            why = fill(_word("moves.inside", lang), lang, {"day": blocked, "why": why})
        parts.append(_word("moves.moved", lang).format(old=old, why=why, new=new))
    return _word("moves.separator", lang).join(parts)


def _quoted(text, lang: str) -> str:
    """A clause's words, which the Chinese messages quote in “”: quotation marks
    inside them become the inner ‘’ (GB/T 15834), e.g. “‘十.一’春节长假……”."""
    if lang != "zh" or not isinstance(text, str):
        return _shown(text, lang)
    return text.replace("“", "‘").replace("”", "’")


def _ordinal(n: int) -> str:
    """English ordinal: 1st, 2nd, 3rd, 4th, 11th, 12th, 13th, 21st..."""
    teens = (n // 10) % 10 == 1
    suffix = "th" if teens else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def _weeks(weeks, lang: str) -> str:
    """[2, 4] → 2、4 / 2nd and 4th (the weeks of the month c1-3 names)."""
    if lang == "zh":
        return _shown(list(weeks), lang)
    shown = [_ordinal(week) for week in weeks]
    if len(shown) == 1:
        return shown[0]
    return _word("words.list", lang).join(shown[:-1]) + _word("words.and", lang) + shown[-1]


def _months_of_year(months, lang: str) -> str:
    """[2, 4, 6] → 2月、4月、6月 / February, April and June (months of one year)."""
    shown = [_word("words.month_only", lang).format(month=m, month_name=_MONTH_NAMES[m - 1])
             for m in months]
    if lang == "zh" or len(shown) < 2:
        return _word("words.list", lang).join(shown)
    return _word("words.list", lang).join(shown[:-1]) + _word("words.and", lang) + shown[-1]


def _week_number(n: int, lang: str) -> str:
    """3 → 三 / 3rd: a week of the month as a sentence names it (第三周, the 3rd week)."""
    return "零一二三四五六七八九十"[n] if lang == "zh" and 0 <= n <= 10 else (
        str(n) if lang == "zh" else _ordinal(n))


def _weekday(n: int, lang: str) -> str:
    """0 → 星期一 / Monday."""
    return table(None, "weekdays")[str(n)][lang]


def _span(value, lang: str) -> str:
    """The days (YYYY-MM-DD) or months (YYYY-MM) a sentence is about, first and
    last, in brackets; nothing for None."""
    if not value:
        return ""
    first, last = value
    shown = (lambda v: _months([v], lang)) if len(first) == 7 else (lambda v: _date(v, lang))
    if first == last:
        return _word("words.span_one", lang).format(from_day=shown(first))
    return _word("words.span", lang).format(from_day=shown(first), to_day=shown(last))


def _articles(group, lang: str) -> str:
    """Articles by the month they took their rules from: 2026年12月的稿件、未填月份的稿件
    / the articles of December 2026 and those without a month (rewards [groups])."""
    parts = []
    if group["months"]:
        parts.append(fill(table("rewards", "groups.months")[lang], lang,
                          {"months": group["months"]}))
    if group["undated"]:
        parts.append(table("rewards", "groups.undated")[lang])
    if lang == "zh" or len(parts) < 2:
        return _word("words.list", lang).join(parts)
    return parts[0] + _word("words.and", lang) + parts[1]


def _times(count, lang: str) -> str:
    """How often: 4 → 4 / once, twice, 4 times."""
    if lang == "zh":
        return _shown(count, lang)
    key = {1: "words.once", 2: "words.twice"}.get(count, "words.times")
    return _word(key, lang).format(n=_shown(count, lang))


def _date(value, lang: str) -> str:
    """2026-10-01 → 2026年10月1日 / 1 October 2026."""
    if not value:
        return "—"
    year, month, day = (int(part) for part in str(value).split("-"))
    return _word("words.date", lang).format(year=year, month=month, day=day,
                                            month_name=_MONTH_NAMES[month - 1])


def _months(months, lang: str) -> str:
    """["2027-02", "2027-05"] → 2027年2月、2027年5月 / February 2027, May 2027."""
    out = []
    for value in months or ():
        year, month = (int(part) for part in str(value).split("-"))
        out.append(_word("words.month", lang).format(year=year, month=month,
                                                     month_name=_MONTH_NAMES[month - 1]))
    return _word("words.list", lang).join(out)


def _n_days(value, lang: str) -> str:
    return _word("words.day" if value == 1 else "words.days", lang).format(n=_shown(value, lang))


def _session(days, lang: str) -> str:
    """A session's days, each written out, as a list."""
    return _word("words.list", lang).join(_date(day, lang) for day in days)


def _amendment(summary, lang: str) -> str:
    """An amendment by its title and number (common.toml [amendment]):
    《…》（永编办发〔2027〕1号） / “…” (…); in English without an English title, a
    description with the Chinese title in brackets."""
    form = "with_number" if summary.get("number") else "without_number"
    if lang == "en" and not summary.get("title_en"):
        form += "_no_english_title"
    from ._amendments import in_title_marks
    return _word(f"amendment.{form}", lang).format(
        title_zh=in_title_marks(summary["title_zh"]), title_en=summary.get("title_en"),
        number=summary.get("number"))


# Parameters that need words, not just text.
_SPECIAL = {"holiday": _holiday, "moves": _moves, "date": _date, "last_day": _date,
            "months": _months, "n_days": _n_days, "session": _session,
            "today": _date, "weeks": _weeks, "per_year": _times, "text": _quoted,
            # the meeting calendar's parts of a year and suggestions
            "span": _span, "from_day": _date, "to_day": _date, "in_months": _months_of_year,
            "superseded_on": _date, "month_span": _span, "articles": _articles,
            "week": _week_number, "weekday": _weekday,
            # words already in both languages: {"zh": "...", "en": "..."}
            "rule": lambda value, lang: value[lang],
            "current": _months, "later": _months,
            "start_month": lambda month, lang: _months([month], lang),
            "end_month": lambda month, lang: _months([month], lang),
            # words already in both languages: {"zh": [...], "en": [...]}
            "because": lambda value, lang: _shown(value[lang], lang),
            "sessions": lambda sessions, lang: _word("moves.separator", lang).join(
                _session(days, lang) for days in sessions),
            # dated rules (calculators/_dated.py)
            "amendment": _amendment, "in_force": _date, "rules_day": _date, "requested": _date,
            "amendments": lambda summaries, lang: _word("words.list", lang).join(
                _amendment(summary, lang) for summary in summaries)}


# English number agreement, written in a template: {n|day|days} gives "1 day" or
# "2 days" (the number as the fact shows it), {n?is|are} only the word.
_AGREE = re.compile(r"\{(\w+)([|?])([^{}|]*)\|([^{}|]*)\}")


def _one(value) -> bool:
    """Whether a fact takes the singular: the number 1, or a list of one."""
    if isinstance(value, (list, tuple)):
        return len(value) == 1
    return not isinstance(value, bool) and isinstance(value, (int, float)) and value == 1


def _agree(template: str, params: dict, lang: str) -> str:
    def word(match):
        name, form, singular, plural = match.groups()
        if name not in params:
            return match.group(0)
        value = params[name]
        chosen = singular if _one(value) else plural
        shown = _SPECIAL[name](value, lang) if name in _SPECIAL else _shown(value, lang)
        text = chosen if form == "?" else f"{shown} {chosen}".rstrip()
        return text.replace("{", "{{").replace("}", "}}")
    return _AGREE.sub(word, template)


class _Params(dict):
    """A missing parameter shows as {name} rather than raising (tests look for it)."""

    def __missing__(self, key):
        return "{" + key + "}"


def fill(template: str, lang: str, params: dict) -> str:
    """A message template with its facts, each written for a reader of `lang`."""
    template = _agree(template, params, lang)
    return template.format_map(_Params({
        k: _SPECIAL[k](v, lang) if k in _SPECIAL else _shown(v, lang)
        for k, v in params.items()}))


def filled(message: tuple, params: dict) -> tuple:
    """A (zh, en) message with its facts: (zh text, en text)."""
    return fill(message[0], "zh", params), fill(message[1], "en", params)


# ------------------------------------------------------------ field names

_ITEM_PATH = re.compile(r"([^.\[\]]+)\[([0-9]+)\](?:\.([^.\[]+)(?:\[([0-9]+)\])?)?")


def _label(calc, key: str, lang: str):
    labels = FIELD_LABELS.get(calc, {})
    if key in labels:
        return labels[key][_EN[lang]]
    return None


def field_label(calc, path: str, lang: str) -> str:
    """A field path as the form names it: "articles[0].outlets" ->
    第1篇稿件的采用媒体 / the outlets of article 1 (Outlets)."""
    found = _ITEM_PATH.fullmatch(path)
    nth = field_words(calc, found.group(1)).get("nth") if found else None
    if nth:
        n, key, k = int(found.group(2)) + 1, found.group(3), found.group(4)
        item = nth[lang].format(n=n)
        if key is None:
            return item
        inner = _label(calc, key, lang) or _word("paths.field", lang).format(label=echo(key))
        if k is not None:
            return _word("paths.member_item", lang).format(item=item, k=int(k) + 1, field=inner)
        return _word("paths.member", lang).format(item=item, field=inner)
    label = _label(calc, path, lang)
    if label is not None:
        return _word("paths.field", lang).format(label=label)
    if path == "":
        return ""
    inputs = table(None, "inputs")
    if path in inputs and (calc is None or path in ("name", "inputs")):
        return inputs[path][lang]
    return _word("paths.field", lang).format(label=echo(path))


def option_word(calc, key: str, option, lang: str) -> str:
    """One allowed value as the form shows it."""
    labels = OPTION_LABELS.get((calc, key)) or (
        OPTION_LABELS[("meeting_calendar", "lang")] if key == "lang" else {})
    if option in labels:
        return labels[option][_EN[lang]]
    if key == "name" and option in TITLES:
        return TITLES[option][_EN[lang]]
    return str(option)


def _options_text(calc, key: str, options, lang: str) -> str:
    shown = []
    for option in options:
        word = option_word(calc, key, option, lang)
        if word not in shown:
            shown.append(word)
    return _word("words.list", lang).join(shown)


# --------------------------------------------------------------- errors

def _amount(value, lang: str) -> str:
    """A bound as people write it: 1,000,000,000 in English; 10亿, 5万, 5000 in Chinese."""
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return _shown(value, lang)
    if lang == "zh":
        for unit, size in (("亿", 10**8), ("万", 10**4)):
            if abs(value) >= size and value % (size // 10**4 if size > 10**4 else 1) == 0 \
                    and abs(value) >= (10**8 if unit == "亿" else 10**5):
                return f"{value / size:g}{unit}"
        return _shown(value, lang)
    return f"{value:,}" if isinstance(value, int) else f"{value:,.10g}"


def _bounds(lang: str, minimum, maximum, exclusive_min=False, year=False) -> str:
    if minimum is not None and maximum is not None:
        key = "above_up_to" if exclusive_min else "between"
    elif minimum is not None:
        key = "above" if exclusive_min else "at_least"
    else:
        key = "at_most"
    shown = (lambda value: _shown(value, lang)) if year else (lambda value: _amount(value, lang))
    return _word(f"bounds.{key}", lang).format(low=shown(minimum), high=shown(maximum))


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:] if text[:1].islower() else text


def _error_templates(calc, code: str, detail) -> tuple:
    own = CALCULATOR_ERRORS.get(calc, {})
    return (own.get((code, detail)) or ERRORS.get((code, detail)) or ERRORS.get((code, None))
            or ERRORS["internal", None])


def error_messages(code: str, detail, field: str, params: dict, calc=None) -> tuple:
    """(message_zh, message_en) for a refused input; fields by their form labels."""
    templates = _error_templates(calc, code, detail)
    field = echo(field, 80)
    out = []
    for lang, template in zip(("zh", "en"), templates):
        text = _Params({key: _shown(value, lang) for key, value in params.items()
                        if key not in ("known", "options")})
        text["label"] = field_label(calc, field, lang)
        key = field.rsplit(".", 1)[-1].split("[", 1)[0] if field else ""
        if isinstance(params.get("value"), str):
            text["value"] = echo(params["value"])
        if "options" in params:
            text["options"] = _options_text(calc, key if key != "lang" or calc else "lang",
                                            params["options"], lang)
        if code == "name":
            text["known"] = _options_text(None, "name", params.get("known", ()), lang)
        elif code == "unknown_field":
            where, _, unknown = field.rpartition(".")
            text["key"] = echo(unknown)
            text["where"] = (_word("paths.where", lang).format(label=field_label(calc, where, lang))
                             if where else "")
            known = params.get("known", ())
            text["known"] = _word("words.list", lang).join(
                (_label(calc, name, lang) or name) for name in known)
        if code == "range":
            # A year is written without digit grouping (2200, not 2,200).
            year = detail == "year" or key == "year"
            text["bounds"] = _bounds(lang, params.get("minimum"), params.get("maximum"),
                                     params.get("exclusive_min", False), year)
        message = _agree(template, params, lang).format_map(text)
        out.append(_capital(message) if lang == "en" else message)
    return tuple(out)


# ---------------------------------------------------------- explanations

def headline_text(parts) -> tuple:
    """(answer_zh, answer_en) for a headline: one (key, params), or a list of
    them, one sentence each."""
    if isinstance(parts, tuple):
        parts = [parts]
    zh, en = zip(*(filled(HEADLINES[key], params) for key, params in parts))
    return "".join(zh), " ".join(en)


def explain(notes: list) -> tuple:
    """(explanation_zh, explanation_en) for a list of (key, params) notes."""
    zh, en = [], []
    for key, params in notes:
        text_zh, text_en = filled(NOTES[key], params)
        zh.append(text_zh)
        en.append(text_en)
    return "".join(zh), " ".join(en)


# -------------------------------------------------------------- calendar

_CALENDAR = "meeting_calendar"


def meeting_title(kind: str, lang: str, **params) -> str:
    return fill(table(_CALENDAR, f"meetings.{kind}.title")[lang], lang, params)


def meeting_note(entry: dict, lang: str) -> str:
    """One meeting's holiday check, in words (also the .ics DESCRIPTION's last line):
    why it moved (the day that stopped it, a later day of a session included, and
    the days on the way another meeting held), what was checked, and a multi-day
    session's days."""
    check = entry["holiday_check"]
    parts = []
    if "moved_from" in entry:
        why = fill(table(_CALENDAR, f"holiday_check.why.{entry['moved_because']}")[lang], lang,
                   {"holiday": entry.get("holiday"), "in_force": entry.get("clause_version"),
                    "superseded_on": entry.get("superseded_on")})
        single = entry["blocked_day"] == entry["moved_from"]
        blocked = fill(table(_CALENDAR, "holiday_check.blocked" if single
                             else "holiday_check.blocked_session")[lang], lang,
                       {**entry, "why": why})
        moved = "moved" if not entry.get("outside_period") else (
            "moved_before" if entry["days"][0] < entry["period_start"] else "moved_out")
        parts.append(fill(table(_CALENDAR, f"holiday_check.{moved}")[lang], lang,
                          {"blocked": blocked}))
        if entry.get("skipped_for_meetings"):
            parts.append(fill(table(_CALENDAR, "holiday_check.skipped")[lang], lang,
                              {"skipped": entry["skipped_for_meetings"]}))
    if check == "unknown":
        check = "unknown_law" if entry.get("checked_against") == "law" else "unknown"
    elif check == "moved":
        check = "clear"
    parts.append(fill(table(_CALENDAR, f"holiday_check.{check}")[lang], lang, entry))
    if len(entry.get("days", ())) > 1:
        parts.append(fill(table(_CALENDAR, "holiday_check.session_days")[lang], lang,
                          {"session": entry["days"]}))
    return ("" if lang == "zh" else " ").join(parts)


def meeting_rule(kind: str, rules: dict) -> dict:
    """What a kind's rule says, in both languages ({text}: the clause's words as
    they stand): the .ics DESCRIPTION and the English explanation quote it."""
    words = table(_CALENDAR, f"meetings.{kind}.ics_rule")
    return {lang: fill(words[lang], lang, rules) for lang in ("zh", "en")}


def calendar_name(year, lang: str) -> str:
    return fill(table(_CALENDAR, "ics.calendar_name")[lang], lang, {"year": year})


def ics_description(meeting: dict, lang: str, rules: dict) -> str:
    """An event's DESCRIPTION: its rule (from its rules.toml table), period and check."""
    rule = meeting_rule(meeting["kind"], rules)
    return fill(table(_CALENDAR, "ics.description")[lang], lang,
                {**meeting, "rule": rule, "note": meeting[f"note_{lang}"]})

