"""rewards: article rewards (宣传奖励) and the young cadres' monthly article."""

from . import _dated
from ._answer import Answer, Calculator
from ._data import rule
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
def article_reward(outlets: list) -> tuple:
    if not outlets:  # written, not taken: no reward
        return 0, None, None
    levels = rule("rewards.levels")
    # An outlet the input accepts (the original names) keeps its original level
    # when an amendment's outlet lists no longer name it.
    level_of = {**OUTLET_LEVEL, **outlet_levels(levels)}
    best = max(outlets, key=lambda name: levels[level_of[name]]["reward"])
    level = level_of[best]
    return levels[level]["reward"], best, level


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
# fewer than one article.
# The months checked run from period_start (else the earliest month given) to
# period_end (else the latest month given), both included.
def shortfall(counts: dict, start: tuple, end: tuple, current: tuple | None = None) -> tuple:
    """(the months short of articles, the months not over yet that have too few
    so far): a month is short only once it is over, i.e. before `current`."""
    least = rule("rewards.young_cadre")["min_articles_per_month"]
    few = [m for m in _months_between(start, end) if counts.get(m, 0) < least]
    over = [m for m in few if current is None or m < current]
    return ([_month_text(m) for m in over],
            [_month_text(m) for m in few if m not in over])


def _young_cadre(v: dict, answer: Answer) -> None:
    young_cadre = rule("rewards.young_cadre")
    counts = {}
    for article in v["articles"]:
        if article["month"] is not None:
            counts[article["month"]] = counts.get(article["month"], 0) + 1
    start = v["period_start"] or (min(counts) if counts else None)
    end = v["period_end"] or (max(counts) if counts else None)
    if start is None or end is None:
        answer.set(shortfall_months=None, pending_months=None)
        answer.note("rewards.young_cadre_no_months", young_cadre["clause"])
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
    undated = sum(1 for a in v["articles"] if a["month"] is None)
    if undated:
        answer.note("rewards.young_cadre_undated", young_cadre["clause"], count=undated)
    unpublished = sum(1 for a in v["articles"] if a["month"] is not None and not a["outlets"])
    if unpublished:
        answer.note("rewards.young_cadre_unpublished", young_cadre["clause"], count=unpublished)
    today = v.get("requested") or v["date"]
    current = (today.year, today.month)
    missing, pending = shortfall(counts, start, end, current)
    answer.set(shortfall_months=missing, pending_months=pending)
    # A month is over only before the current one; the current month is under way,
    # a later one has not begun: each is said as it is.
    in_progress, not_begun = split_pending(pending, current)
    if in_progress:
        answer.note("rewards.young_cadre_in_progress", young_cadre["clause"],
                    months=in_progress, today=today.isoformat())
    if not_begun:
        answer.note("rewards.young_cadre_not_begun", young_cadre["clause"],
                    months=not_begun, today=today.isoformat())
    facts = {"start_month": _month_text(start), "end_month": _month_text(end),
             "least": young_cadre["min_articles_per_month"], "months": missing,
             "count": len(missing), "text": young_cadre["text"], "today": today.isoformat()}
    if missing:
        answer.note("rewards.young_cadre_short", young_cadre["clause"], **facts)
    else:   # no month short: of those over, or none is over yet
        answer.note("rewards.young_cadre_ok" if start < current
                    else "rewards.young_cadre_none_over", young_cadre["clause"], **facts)


def split_pending(pending: list, current: tuple) -> tuple:
    """(the current month, the months not begun) among months not over ("YYYY-MM")."""
    now = _month_text(current)
    return [m for m in pending if m == now], [m for m in pending if m > now]


def period_start(v: dict):
    """The first month checked for a young cadre: period_start, else the earliest
    article's month (None without either)."""
    months = [a["month"] for a in v["articles"] if a["month"] is not None]
    return v["period_start"] or (min(months) if months else None)


def compute(v: dict) -> Answer:
    if (v["period_start"] is not None and v["period_end"] is not None
            and v["period_start"] > v["period_end"]):
        # Refused whether or not young_cadre is set: a reversed period is a slip.
        raise InputError("period_end", "consistency", "period_reversed")
    highest_only = rule("rewards.highest_only")
    answer = Answer()
    # A repealed clause grants nothing from the day of its repeal.
    paid = not _dated.repeal(highest_only["clause"])
    rewards = []
    for index, article in enumerate(v["articles"]):
        amount, outlet, level = article_reward(article["outlets"]) if paid else (0, None, None)
        rewards.append({"index": index, "reward": amount, "outlet": outlet, "level": level})
    if not paid:
        answer.cite(highest_only["clause"])
        answer.set(total=0, reward=rewards)
        _young_cadre_or_not(v, answer)
        return answer
    answer.set(total=sum(item["reward"] for item in rewards), reward=rewards)
    answer.note("rewards.rates", highest_only["clause"],
                **{code: table["reward"] for code, table in rule("rewards.levels").items()})
    if any(len(article["outlets"]) > 1 for article in v["articles"]):
        answer.note("rewards.highest_only", highest_only["clause"], text=highest_only["text"])
    not_taken = sum(1 for article in v["articles"] if not article["outlets"])
    if not_taken:
        answer.note("rewards.not_taken", highest_only["clause"], count=not_taken)
    answer.note("rewards.total", count=len(rewards), total=answer.figures["total"])
    _young_cadre_or_not(v, answer)
    return answer


def _young_cadre_or_not(v: dict, answer: Answer) -> None:
    clause = rule("rewards.young_cadre")["clause"]
    if v["young_cadre"] and _dated.repeal(clause):
        answer.cite(clause)
        answer.set(shortfall_months=None, pending_months=None)
    elif v["young_cadre"]:
        _young_cadre(v, answer)
    else:
        answer.set(shortfall_months=None, pending_months=None)


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
