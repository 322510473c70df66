"""leave_approval (who approves a leave request) and annual_leave (年休假)."""

from datetime import date

from . import _dated
from ._answer import Answer, Calculator
from ._data import rule
from ._display import Output
from ._limits import MAX_DAYS, MAX_SICK_LEAVE_MONTHS, MAX_YEARS_WORKED
from ._validate import Field, InputError

# The rules are read when a computation runs (rule() gives the values in force
# on its date), never once at import.

APPROVAL_FIELDS = (
    Field("days", "number", required=True, minimum=0, exclusive_min=True, maximum=MAX_DAYS,
          step="0.5"),
)


# c8-1 本办干部在工作日休假或请假1天以上,应书面报告,报单位主要负责人审批;
#      1天以下报分管领导审批。
# 以上 and 以下 both include the number, so exactly 1 day falls under both
# wordings. The stricter route wins: the principal, with a written report.
def approver(days) -> str:
    return "principal" if days >= rule("leave_approval.principal")["from_days"] else "deputy"


def compute_approval(v: dict) -> Answer:
    days = v["days"]
    principal, deputy = rule("leave_approval.principal"), rule("leave_approval.deputy")
    answer = Answer()
    if _dated.repeal(principal["clause"]):  # no approver from the day of its repeal
        answer.cite(principal["clause"])
        answer.set(approver=None, written_report=None)
        return answer
    who = approver(days)
    answer.set(approver=who, written_report=who == "principal")
    if who == "principal":
        answer.note("leave_approval.principal", principal["clause"], days=days,
                    threshold=principal["from_days"], text=principal["text"])
        if days == principal["from_days"] == deputy["up_to_days"]:
            answer.note("leave_approval.exactly_threshold", days=days)
        filing = rule("leave_approval.filing")
        answer.note("leave_approval.filing", filing["clause"], text=filing["text"])
    else:
        answer.note("leave_approval.deputy", deputy["clause"], days=days,
                    threshold=deputy["up_to_days"], text=deputy["text"])
    return answer


LEAVE_APPROVAL = Calculator(
    name="leave_approval",
    fields=APPROVAL_FIELDS,
    compute=compute_approval,
    clauses=("c8-1", "c8-5"),
    outputs=(Output("approver", "code"), Output("written_report", "boolean")),
)


def _tiers() -> list:
    """The entitlement tiers in force, ascending by from_years."""
    return rule("annual_leave")["tiers"]

# years_worked, or the two dates it can be counted from: the date work began
# (工作年限 starts) and the date the answer is for. Give one or the other.
ANNUAL_FIELDS = (
    Field("years_worked", "number", minimum=0, maximum=MAX_YEARS_WORKED),
    Field("sick_leave_months", "number", default=0, minimum=0,
          maximum=MAX_SICK_LEAVE_MONTHS),
    Field("personal_leave_days", "number", default=0, minimum=0, maximum=MAX_DAYS, step="0.5"),
    Field("personal_leave_pay_deducted", "boolean", default=False),
    Field("vacation_days", "number", default=0, minimum=0, maximum=MAX_DAYS, step="0.5"),
    Field("work_start", "date"),
    Field("as_of", "date"),
)


# 《职工带薪年休假条例》第三条 职工累计工作已满1年不满10年的,年休假5天;
#   已满10年不满20年的,年休假10天;已满20年的,年休假15天。
# 已满 includes the number of years, 不满 excludes it.
def tier_for(years_worked):
    """The tier table that applies, or None under the first tier."""
    current = None
    for tier in _tiers():
        if years_worked >= tier["from_years"]:
            current = tier
    return current


# 《民法典》第二百零一条、第二百零二条: a period counted in years starts the day
# after `start` and ends on the corresponding day of its last year; with no
# corresponding day (29 February in a common year), on the last day of that
# month, 28 February. The years are full at the end of that day.
def _anniversary(start: date, years: int) -> date:
    """The last day of `years` full years of work begun on `start`."""
    try:
        return start.replace(year=start.year + years)
    except ValueError:
        return date(start.year + years, 2, 28)


def _month_after(day: date) -> date:
    months = rule("annual_leave.next_month")["months_after"]
    index = day.year * 12 + day.month - 1 + months
    return date(index // 12, index % 12 + 1, 1)


# 《机关事业单位工作人员带薪年休假实施办法》第二条 ……工作人员工作年限满1年、
#   满10年、满20年后,从下月起享受相应的年休假天数。
# So a tier reached on an anniversary applies from the 1st of the next month.
def tier_start(work_start: date, tier: dict) -> date:
    return _month_after(_anniversary(work_start, tier["from_years"]))


def full_years(work_start: date, as_of: date) -> int:
    years = as_of.year - work_start.year
    if _anniversary(work_start, years) > as_of:
        years -= 1
    return max(years, 0)


def tier_by_dates(work_start: date, as_of: date):
    """(the tier in force on as_of or None, the next tier or None, the date it starts)."""
    current, following = None, None
    for tier in _tiers():
        if tier_start(work_start, tier) <= as_of:
            current = tier
        elif following is None:
            following = tier
    return current, following, (None if following is None
                                else tier_start(work_start, following))


# 《职工带薪年休假条例》第四条 职工有下列情形之一的,不享受当年的年休假:
#   (一)职工依法享受寒暑假,其休假天数多于年休假天数的;
#   (二)职工请事假累计20天以上且单位按照规定不扣工资的;
#   (三)至(五)累计工作满1年不满10年/满10年不满20年/满20年以上的职工,
#        请病假累计2个月/3个月/4个月以上的。
# 多于 excludes the number; 以上 includes it.
# Art. 4(3)-(5) set the sick-leave limit by 累计工作 years (实施办法 art. 2: by 工作
# 年限), not by the band of days: 从下月起 (art. 2) delays only the days.
# Losing 当年的年休假 is an outcome for the whole year, and when the sick leave
# was taken is not asked. So in the year a band is reached, the limit is the
# lower one of the band before (the stricter reading: the sick leave may have
# reached it before the anniversary): the year's lowest, the band held on
# 1 January, or the first band in the year it is reached. The answer says so,
# and says when the higher limit would keep the leave.
def year_limit_tier(work_start: date, as_of: date) -> dict:
    """The band whose sick-leave limit decides the leave of as_of's year."""
    new_year = date(as_of.year, 1, 1)
    held = tier_for(full_years(work_start, new_year)) if work_start <= new_year else None
    return held or _tiers()[0]


def limit_raised_in_year(work_start: date, as_of: date):
    """(the day a band is reached in as_of's year, that band) when the band
    raises the sick-leave limit after 1 January; else None."""
    lowest = year_limit_tier(work_start, as_of)
    reached = tier_for(full_years(work_start, date(as_of.year, 12, 31)))
    if reached is None or reached["sick_leave_months"] <= lowest["sick_leave_months"]:
        return None
    return _anniversary(work_start, reached["from_years"]), reached


def limit_raised_by_years(years) -> tuple | None:
    """With years worked alone: (the band, the one before) when the years lie in
    the year a band is reached, which may have been this year."""
    tiers = _tiers()
    for before, tier in zip(tiers, tiers[1:]):
        if (tier["from_years"] <= years < tier["from_years"] + 1
                and tier["sick_leave_months"] > before["sick_leave_months"]):
            return tier, before
    return None


def cancelling_reasons(tier: dict, limit_tier: dict, v: dict) -> list:
    reasons = []
    if v["vacation_days"] > tier["days"]:
        reasons.append("vacation_longer")
    if (v["personal_leave_days"] >= rule("annual_leave.personal_leave")["days"]
            and not v["personal_leave_pay_deducted"]):
        reasons.append("personal_leave")
    if v["sick_leave_months"] >= limit_tier["sick_leave_months"]:
        reasons.append("sick_leave")
    return reasons


# 《机关事业单位工作人员带薪年休假实施办法》第五条 ……因工作需要休寒暑假天数
#   少于年休假天数的,所在单位应当安排补足其年休假天数。
# 补足 tops the leave UP to the entitlement: the days still due are the
# entitlement minus the vacation taken (10 days, 5 vacation days -> 5; equal -> 0).
def topped_up(entitlement, vacation_days):
    due = entitlement - vacation_days
    return int(due) if float(due).is_integer() else due


def _years(v: dict, answer: Answer):
    """(years worked, tier, next tier, its start date), from years_worked or the dates."""
    dates = v["work_start"] is not None or v["as_of"] is not None
    if dates and v["years_worked"] is not None:
        raise InputError("years_worked", "consistency", "years_and_dates")
    if not dates:
        if v["years_worked"] is None:
            raise InputError("years_worked", "missing", "years_or_dates")
        return v["years_worked"], tier_for(v["years_worked"]), None, None
    for key in ("work_start", "as_of"):
        if v[key] is None:
            raise InputError(key, "missing", "both_dates")
    if v["work_start"] > v["as_of"]:
        raise InputError("as_of", "consistency", "as_of_before_start")
    years = full_years(v["work_start"], v["as_of"])
    if years > MAX_YEARS_WORKED:  # the same bound as years_worked given directly
        raise InputError("as_of", "range", "years_by_dates", maximum=MAX_YEARS_WORKED)
    tier, following, starts = tier_by_dates(v["work_start"], v["as_of"])
    return years, tier, following, starts


def compute_annual(v: dict) -> Answer:
    tiers, next_month = _tiers(), rule("annual_leave.next_month")
    answer = Answer()
    years, tier, following, starts = _years(v, answer)
    by_dates = v["work_start"] is not None
    clause = rule("annual_leave")["clause"]
    if _dated.repeal(clause):
        # The clause that points to the national rules is repealed: the handbook
        # grants nothing by it from that day.
        answer.cite(clause)
        answer.set(days=None, entitlement_days=None, reasons=[], years_worked=years,
                   next_tier_from=None, next_tier_days=None, sick_leave_limit_months=None)
        answer.note("annual_leave.repealed")
        return answer
    answer.note("annual_leave.basis", clause)
    answer.set(years_worked=years,
               next_tier_from=None if starts is None else starts.isoformat(),
               next_tier_days=None if following is None else following["days"])
    if by_dates:
        answer.note("annual_leave.dates" if years else "annual_leave.dates_under_one",
                    work_start=v["work_start"].isoformat(), as_of=v["as_of"].isoformat(),
                    years=years, first=tiers[0]["from_years"])
        _leap_day_note(v["work_start"], years, following, answer)
    if tier is None:
        answer.set(days=0, entitlement_days=0, reasons=[], sick_leave_limit_months=None)
        answer.note("annual_leave.under_first_tier_dates" if by_dates
                    else "annual_leave.under_first_tier", years=years,
                    first=tiers[0]["from_years"])
    elif by_dates:
        answer.note("annual_leave.tier_in_force", as_of=v["as_of"].isoformat(),
                    start=tier["from_years"], days=tier["days"])
    else:
        following_years = [t["from_years"] for t in tiers if t["from_years"] > tier["from_years"]]
        answer.note("annual_leave.tier" if following_years else "annual_leave.tier_top",
                    years=years, start=tier["from_years"],
                    end=following_years[0] if following_years else None, days=tier["days"])
    if by_dates and starts is not None:
        # The tier in force on as_of already follows art. 2 (from the next month).
        anniversary_passed = years >= following["from_years"]
        answer.note("annual_leave.waiting_next_month" if anniversary_passed
                    else "annual_leave.next_tier", next_month["clause"],
                    starts=starts.isoformat(), days=following["days"],
                    years=following["from_years"], text=next_month["text"])
    elif not by_dates:
        # Only years_worked: in the year a tier is reached, art. 2 applies it from
        # the month after the anniversary. Say so when the years are in that year.
        crossing = [t for t in tiers if t["from_years"] <= years < t["from_years"] + 1]
        if crossing:
            previous = _previous_days(crossing[0])
            answer.note("annual_leave.crossing_year" if previous
                        else "annual_leave.crossing_year_first", next_month["clause"],
                        years=crossing[0]["from_years"], days=crossing[0]["days"],
                        previous=previous, text=next_month["text"])
    if tier is None:
        return answer
    # The sick-leave limit: by the years, the lowest of the year (year_limit_tier).
    limit_tier = (year_limit_tier(v["work_start"], v["as_of"]) if by_dates
                  else tier_for(years) or tier)
    reasons = cancelling_reasons(tier, limit_tier, v)
    answer.set(sick_leave_limit_months=limit_tier["sick_leave_months"])
    if limit_tier["from_years"] > tier["from_years"]:
        answer.note("annual_leave.sick_limit_by_years", years=years,
                    limit=limit_tier["sick_leave_months"], days=tier["days"])
    _year_limit_notes(v, limit_tier, answer)
    if reasons:
        days = 0
    elif v["vacation_days"] > 0:
        days = topped_up(tier["days"], v["vacation_days"])
        top_up = rule("annual_leave.top_up")
        answer.note("annual_leave.top_up" if days else "annual_leave.top_up_equal",
                    top_up["clause"], vacation=v["vacation_days"],
                    entitlement=tier["days"], days=days, text=top_up["text"])
    else:
        days = tier["days"]
    answer.set(days=days, entitlement_days=tier["days"], reasons=reasons)
    for reason in reasons:
        answer.note(f"annual_leave.reason.{reason}", vacation=v["vacation_days"],
                    entitlement=tier["days"], personal=v["personal_leave_days"],
                    personal_limit=rule("annual_leave.personal_leave")["days"],
                    sick=v["sick_leave_months"],
                    sick_limit=limit_tier["sick_leave_months"])
    if any(reason != "vacation_longer" for reason in reasons):
        next_year = rule("annual_leave.next_year")
        answer.note("annual_leave.next_year", next_year["clause"], text=next_year["text"])
    answer.note("annual_leave.none" if days == 0 else "annual_leave.days", days=days)
    return answer


def _year_limit_notes(v: dict, limit_tier: dict, answer: Answer) -> None:
    """Say which limit decides the year, and when the other would decide otherwise."""
    sick = v["sick_leave_months"]
    if v["work_start"] is not None:
        raised = limit_raised_in_year(v["work_start"], v["as_of"])
        if raised is None:
            return
        day, reached = raised
        facts = {"date": day.isoformat(), "years": reached["from_years"],
                 "limit": limit_tier["sick_leave_months"],
                 "higher": reached["sick_leave_months"], "sick": sick}
        answer.note("annual_leave.sick_limit_year", **facts)
        if limit_tier["sick_leave_months"] <= sick < reached["sick_leave_months"]:
            answer.note("annual_leave.sick_limit_year_other", **facts)
        return
    raised = limit_raised_by_years(v["years_worked"])
    if raised and raised[1]["sick_leave_months"] <= sick < raised[0]["sick_leave_months"]:
        answer.note("annual_leave.sick_limit_crossing", years=raised[0]["from_years"],
                    lower=raised[1]["sick_leave_months"],
                    limit=raised[0]["sick_leave_months"], sick=sick)


def _leap_day_note(work_start: date, years: int, following, answer: Answer) -> None:
    """Work begun on 29 February: the Civil Code's rule (the last day of the month)
    is said when an anniversary the answer counts, the last one passed or the next
    band's, falls in a common year, on 28 February; in a leap year it has no part."""
    if (work_start.month, work_start.day) != (2, 29):
        return
    counted = [_anniversary(work_start, years)] if years else []
    if following is not None:
        counted.append(_anniversary(work_start, following["from_years"]))
    common = [day for day in counted if day.day != work_start.day]
    if common:
        answer.note("annual_leave.leap_day", date=common[0].isoformat())


def _previous_days(tier: dict):
    earlier = [t["days"] for t in _tiers() if t["from_years"] < tier["from_years"]]
    return earlier[-1] if earlier else 0


def _reason_facts() -> dict:
    return {"days": rule("annual_leave.personal_leave")["days"]}


ANNUAL_LEAVE = Calculator(
    name="annual_leave",
    fields=ANNUAL_FIELDS,
    compute=compute_annual,
    clauses=("c8-3",),
    outputs=(Output("days", "days"), Output("entitlement_days", "days"),
             # the personal-leave reason names its number of days (in force when the
             # schema is described)
             Output("reasons", "codes", facts=_reason_facts),
             Output("years_worked", "years"), Output("next_tier_from", "date"),
             Output("next_tier_days", "days"), Output("sick_leave_limit_months", "number")),
    # as_of is the day the entitlement is counted for: its rules apply.
    event_date="as_of",
)
