"""rewards: article rewards (宣传奖励) and the young cadres' monthly article.

Each article with a month takes the rates in force on that month's first day
(c13-2 as it stood when the month began: the clearer reading of "a month's
articles"; the answer says so when an amendment takes effect inside the month);
an article without a month takes the rates of `date`. A young cadre's month is
checked against the minimum (c13-1) in force on its first day, likewise. Each
article's result says which day's rules it took (`rules_day`) and which version
of c13-2 (`clause_version`).
"""

from datetime import date

from . import _amendments, _dated
from ._answer import Answer, Calculator
from ._data import rule, rules_on
from ._display import Output
from ._limits import MAX_ARTICLES, MAX_OUTLETS_PER_ARTICLE, MAX_PERIOD_MONTHS
from ._messages import words
from ._validate import Field, InputError
from ._wording import filled

# The rules are read when a computation runs (rule() gives the values in force
# on its date), never once at import. LEVELS and OUTLET_LEVEL, the original
# levels, give the input's options; the page's form shows the levels and rates in
# force when the schema is described (_outlet_groups).
LEVELS = rule("rewards.levels")               # level code -> its table


def outlet_levels(levels: dict) -> dict:
    """Every accepted outlet name or level code -> level code."""
    found = {code: code for code in levels}
    for code, table in levels.items():
        for name in table["outlets"]:
            found[name] = code
    return found


OUTLET_LEVEL = outlet_levels(LEVELS)


def _outlet_groups() -> dict:
    """The form's checkboxes, one group per level (c13-2's rate table) headed by its
    rate: the outlets the rules name (not their aliases), then, where the rules say
    等 or 以上 (a level naming more than one outlet), "another outlet at this level"
    (the level code). So no two checkboxes mean the same thing. The levels, outlets
    and rates are those in force when the schema is described; an outlet the input
    does not accept (one only an amendment names) is not offered."""
    groups = []
    for code, table in rule("rewards.levels").items():
        shown = [name for name in table["outlets"]
                 if name not in table.get("aliases", ()) and name in OUTLET_LEVEL]
        group = {"name": code,
                 "lead": _both(filled(words("rewards", "levels.rate"), {"reward": table["reward"]})),
                 "label": _both(words("rewards", f"levels.{code}.name")),
                 "options": shown}
        if len(shown) > 1:
            group["options"] = [*shown, code]
            group["option_labels"] = {code: _both(words("rewards", f"levels.{code}.other"))}
        groups.append(group)
    return {"groups": groups}


def _both(message: tuple) -> dict:
    return {"zh": message[0], "en": message[1]}


# An article no outlet took has `outlets: []`: it earns nothing but was written,
# so it counts for the young cadres' monthly article (c13-1 撰写, not 采用).
ARTICLE = (
    Field("outlets", "list", required=True, minimum=0, maximum=MAX_OUTLETS_PER_ARTICLE,
          item=Field("outlet", "option", options=tuple(OUTLET_LEVEL)),
          display=_outlet_groups),
    Field("month", "month"),
)

FIELDS = (
    Field("articles", "list", required=True, minimum=0, maximum=MAX_ARTICLES,
          item=Field("article", "object", fields=ARTICLE)),
    Field("young_cadre", "boolean", default=False),
    Field("period_start", "month"),
    Field("period_end", "month"),
)


# c13-2 ……同一稿件按“就高不就低”原则进行奖励。
# An article taken by several outlets earns only its highest reward; on a tie
# the first outlet given is named.
def article_reward(outlets: list, levels: dict | None = None) -> tuple:
    """(reward, the outlet that earned it, its level) under `levels` (the rates of
    the article's day; default: those of the computation under way)."""
    if not outlets:  # written, not taken: no reward
        return 0, None, None
    levels = levels or rule("rewards.levels")
    # An outlet the input accepts (the original names) keeps its original level
    # when an amendment's outlet lists no longer name it.
    level_of = {**OUTLET_LEVEL, **outlet_levels(levels)}
    best = max(outlets, key=lambda name: levels[level_of[name]]["reward"])
    level = level_of[best]
    return levels[level]["reward"], best, level


def month_day(month: tuple) -> date:
    """The day whose rules a month takes: its first."""
    return date(month[0], month[1], 1)


def _version(clause: str, day: date) -> tuple:
    """(the version of `clause` on `day` as the answer names it, whether repealed)."""
    version = _amendments.clause_version(clause, day)
    return (version.isoformat() if version else None), bool(_dated.repealed([clause], day))


def _month_text(month: tuple) -> str:
    return f"{month[0]:04d}-{month[1]:02d}"


def _months_between(first: tuple, last: tuple):
    year, month = first
    while (year, month) <= last:
        yield (year, month)
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)


# c13-1 年轻干部按岗位分工须每月撰写新闻稿件至少1篇。
# 撰写 is writing, not publication: every article entered counts for its month,
# taken by an outlet or not. 至少1篇 includes one: a month is short when it has
# fewer than the minimum in force on its first day (none is asked of a month
# whose first day finds c13-1 repealed).
# The months checked run from period_start (else the earliest month given) to
# period_end (else the latest month given), both included.
def least_of(month: tuple):
    """The minimum a month asks (c13-1 on its first day), None when repealed then."""
    table = rules_on(month_day(month))["rewards"]["young_cadre"]
    if _version(table["clause"], month_day(month))[1]:
        return None
    return table["min_articles_per_month"]


def shortfall(counts: dict, start: tuple, end: tuple, current: tuple | None = None) -> tuple:
    """(the months short of articles, the months not over yet that have too few
    so far): a month is short only once it is over, i.e. before `current`."""
    few = []
    for month in _months_between(start, end):
        least = least_of(month)
        if least is not None and counts.get(month, 0) < least:
            few.append(month)
    over = [m for m in few if current is None or m < current]
    return ([_month_text(m) for m in over],
            [_month_text(m) for m in few if m not in over])


def _months_by_version(clause: str, months: list) -> list:
    """[(version, repealed, [months])] in order: runs of months whose first days
    share a version of `clause`."""
    runs: list = []
    for month in months:
        version, repealed = _version(clause, month_day(month))
        if runs and runs[-1][:2] == (version, repealed):
            runs[-1][2].append(month)
        else:
            runs.append((version, repealed, [month]))
    return runs


def _young_cadre(v: dict, answer: Answer) -> None:
    clause = rule("rewards.young_cadre")["clause"]
    counts = {}
    for article in v["articles"]:
        if article["month"] is not None:
            counts[article["month"]] = counts.get(article["month"], 0) + 1
    start = v["period_start"] or (min(counts) if counts else None)
    end = v["period_end"] or (max(counts) if counts else None)
    if start is None or end is None:
        answer.set(shortfall_months=None, pending_months=None)
        answer.note("rewards.young_cadre_no_months", clause)
        return
    if start > end:
        if v["period_end"] is not None:
            raise InputError("period_end", "consistency", "period_reversed")
        # No end was given: it defaults to the last article's month; say so.
        raise InputError("period_start", "consistency", "period_after_articles",
                         month=_month_text(end))
    if (end[0] - start[0]) * 12 + end[1] - start[1] + 1 > MAX_PERIOD_MONTHS:
        raise InputError("period_end" if v["period_end"] is not None else "period_start",
                         "range", "period_months", maximum=MAX_PERIOD_MONTHS)
    runs = _months_by_version(clause, list(_months_between(start, end)))
    answer.cite(clause)
    if all(repealed for _, repealed, _ in runs):
        # c13-1 stands repealed for every month of the period: nothing is asked.
        answer.set(shortfall_months=None, pending_months=None)
        return
    undated = sum(1 for a in v["articles"] if a["month"] is None)
    if undated:
        answer.note("rewards.young_cadre_undated", clause, count=undated)
    unpublished = sum(1 for a in v["articles"] if a["month"] is not None and not a["outlets"])
    if unpublished:
        answer.note("rewards.young_cadre_unpublished", clause, count=unpublished)
    today = v.get("requested") or v["date"]
    current = (today.year, today.month)
    missing, pending = shortfall(counts, start, end, current)
    answer.set(shortfall_months=missing, pending_months=pending)
    # A month is over only before the current one; the current month is under way,
    # a later one has not begun: each is said as it is.
    in_progress, not_begun = split_pending(pending, current)
    if in_progress:
        answer.note("rewards.young_cadre_in_progress", clause,
                    months=in_progress, today=today.isoformat())
    if not_begun:
        answer.note("rewards.young_cadre_not_begun", clause,
                    months=not_begun, today=today.isoformat())
    facts = {"start_month": _month_text(start), "end_month": _month_text(end),
             "months": missing, "count": len(missing), "today": today.isoformat()}
    result = "short" if missing else "ok" if start < current else "none_over"
    if len(runs) == 1:
        # One text for every month: quoted in the sentence itself.
        table = rules_on(month_day(start))["rewards"]["young_cadre"]
        answer.note(f"rewards.young_cadre_{result}", clause, **facts, text=table["text"],
                    least=table["min_articles_per_month"])
        return
    # Months under different texts: each text and its months, then the result.
    for _, repealed, months in runs:
        if not repealed:
            table = rules_on(month_day(months[0]))["rewards"]["young_cadre"]
            answer.note("rewards.young_cadre_rule", clause, text=table["text"],
                        least=table["min_articles_per_month"],
                        month_span=(_month_text(months[0]), _month_text(months[-1])))
    answer.note(f"rewards.young_cadre_{result}_versions", clause, **facts)


def split_pending(pending: list, current: tuple) -> tuple:
    """(the current month, the months not begun) among months not over ("YYYY-MM")."""
    now = _month_text(current)
    return [m for m in pending if m == now], [m for m in pending if m > now]


def period_start(v: dict):
    """The first month checked for a young cadre: period_start, else the earliest
    article's month (None without either)."""
    months = [a["month"] for a in v["articles"] if a["month"] is not None]
    return v["period_start"] or (min(months) if months else None)


def _rules_day(article: dict, v: dict) -> date:
    """An article with a month takes its month's first day; one without, `date`."""
    return month_day(article["month"]) if article["month"] is not None else v["date"]


def compute(v: dict) -> Answer:
    if (v["period_start"] is not None and v["period_end"] is not None
            and v["period_start"] > v["period_end"]):
        # Refused whether or not young_cadre is set: a reversed period is a slip.
        raise InputError("period_end", "consistency", "period_reversed")
    highest_only = rule("rewards.highest_only")
    clause = highest_only["clause"]
    answer = Answer()
    answer.cite(clause)
    rewards = []
    for index, article in enumerate(v["articles"]):
        day = _rules_day(article, v)
        version, repealed = _version(clause, day)
        # A repealed clause grants nothing from the day of its repeal.
        amount, outlet, level = ((0, None, None) if repealed else
                                 article_reward(article["outlets"],
                                                rules_on(day)["rewards"]["levels"]))
        rewards.append({"index": index, "reward": amount, "outlet": outlet, "level": level,
                        "rules_day": day.isoformat(), "clause_version": version})
    answer.set(total=sum(item["reward"] for item in rewards), reward=rewards)
    groups = _groups(v, rewards)
    if not groups and not _dated.repeal(clause):
        # No article: the rates of the answer's date.
        groups = [{"version": None, "repealed": False, "day": v["date"], "articles": None}]
    paid = [g for g in groups if not g["repealed"]]
    for group in paid:
        rates = {code: table["reward"]
                 for code, table in rules_on(group["day"])["rewards"]["levels"].items()}
        if len(groups) == 1:
            answer.note("rewards.rates", clause, **rates)
        else:
            answer.note("rewards.rates_for", clause, **rates, articles=group["articles"])
    if paid:
        if any(len(article["outlets"]) > 1 for article in v["articles"]):
            answer.note("rewards.highest_only", clause, text=highest_only["text"])
        not_taken = sum(1 for article in v["articles"] if not article["outlets"])
        if not_taken:
            answer.note("rewards.not_taken", clause, count=not_taken)
        answer.note("rewards.total", count=len(rewards), total=answer.figures["total"])
    if v["young_cadre"]:
        _young_cadre(v, answer)
    else:
        answer.set(shortfall_months=None, pending_months=None)
    answer.versions = _version_notes(v, groups if v["articles"] else [], answer)
    return answer


def _groups(v: dict, rewards: list) -> list:
    """The articles by the version of c13-2 they took, in order of first use: each
    {"version", "repealed", "day" (a day of that version), "articles": {"months":
    the months of its dated articles, "undated": how many without a month}}."""
    clause = rule("rewards.highest_only")["clause"]
    groups: dict = {}
    for article, item in zip(v["articles"], rewards):
        day = date.fromisoformat(item["rules_day"])
        key = _version(clause, day)
        group = groups.setdefault(key, {"version": key[0], "repealed": key[1], "day": day,
                                        "articles": {"months": [], "undated": 0}})
        if article["month"] is None:
            group["articles"]["undated"] += 1
        elif _month_text(article["month"]) not in group["articles"]["months"]:
            group["articles"]["months"].append(_month_text(article["month"]))
    for group in groups.values():
        group["articles"]["months"].sort()
    return list(groups.values())


def _checked_months(v: dict) -> list:
    """The months a young cadre's articles are checked for (none when not asked, or
    when no month is given or the period is reversed: refused or said elsewhere)."""
    months = [a["month"] for a in v["articles"] if a["month"] is not None]
    start = v["period_start"] or (min(months) if months else None)
    end = v["period_end"] or (max(months) if months else None)
    if not v["young_cadre"] or start is None or end is None or start > end:
        return []
    return list(_months_between(start, end))


def _version_notes(v: dict, groups: list, answer: Answer):
    """The versions the answer applied, when an article or a month took another
    version than the answer's date (else None: the usual notes of that date): each
    version and what it applied to; then each amendment taking effect inside a
    month whose rules were taken from its first day."""
    day = v["date"]
    c13_2 = rule("rewards.highest_only")["clause"]
    c13_1 = rule("rewards.young_cadre")["clause"]
    asked = {c: _version(c, day) for c in (c13_2, c13_1)}
    month_runs = _months_by_version(c13_1, _checked_months(v))
    same = (all((g["version"], g["repealed"]) == asked[c13_2] for g in groups)
            and all(run[:2] == asked[c13_1] for run in month_runs))
    midmonth = _midmonth_notes(v, month_runs)
    if same and not midmonth:
        return None
    if same:
        return _dated.version_notes(answer.clauses, day) + midmonth
    notes = [_version_note("articles", c13_2, group["day"], articles=group["articles"])
             for group in groups]
    notes += [_version_note("months", c13_1, month_day(months[0]),
                            months=[_month_text(m) for m in months])
              for _, _, months in month_runs]
    # A repeal first: what the reader must know before anything else.
    notes.sort(key=lambda note: not note[0].endswith("repealed"))
    return notes + midmonth


def _version_note(what: str, clause: str, day: date, **facts) -> tuple:
    """(key, facts) naming the version of `clause` on `day` and what took it."""
    change = _dated.last_change(clause, day)
    if change is None:
        return f"rewards.dated.{what}.original", {"clauses": [clause], **facts}
    amendment, action = change
    kind = "repealed" if action == "repeal" else "amended"
    return f"rewards.dated.{what}.{kind}", {
        "clauses": [clause], "amendment": amendment.summary(),
        "in_force": amendment.in_force.isoformat(), **facts}


def _midmonth_notes(v: dict, month_runs: list) -> list:
    """An amendment to c13-2 (or c13-1) that takes effect inside a month an article
    (or a checked month) took its rules from: that month follows its first day."""
    c13_2 = rule("rewards.highest_only")["clause"]
    c13_1 = rule("rewards.young_cadre")["clause"]
    uses = {c13_2: {a["month"] for a in v["articles"] if a["month"] is not None},
            c13_1: {m for run in month_runs for m in run[2]}}
    notes = []
    for amendment in _amendments.amendments():
        day = amendment.in_force
        if day.day == 1:
            continue
        hit = [c for c in (c13_2, c13_1)
               if (day.year, day.month) in uses[c] and _dated.touched(amendment, [c])]
        if hit:
            notes.append(("rewards.dated.midmonth", {
                "clauses": hit, "amendment": amendment.summary(),
                "in_force": day.isoformat(), "months": [_month_text((day.year, day.month))]}))
    return notes


CALCULATOR = Calculator(
    name="rewards",
    fields=FIELDS,
    compute=compute,
    clauses=("c13-2", "c13-1"),
    outputs=(Output("total", "money"),
             # one line per article: its number, its reward, the outlet that earned it
             Output("reward", "records", parts=(Output("index", "ordinal"), Output("reward", "money"),
                                                Output("outlet", "code", labels_from="outlets"))),
             Output("shortfall_months", "months"), Output("pending_months", "months")),
)
