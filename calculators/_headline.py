"""The answer first: one sentence per result, made from the result's own figures
(so it can never contradict them). Facts only here; the sentences are
[headlines.*] of each messages/<calculator>.toml."""
from __future__ import annotations

from datetime import date

from . import _dated, _holidays, leave, rewards
from ._data import rule
from ._messages import output_words, pair
from ._wording import filled
from .quorum import required_present


def _quorum(f: dict, v: dict):
    if f["quorum_met"] is None:  # c1-8 repealed
        return "quorum.repealed", {}
    if not f["quorum_met"] and v.get("topic", "ordinary") != "ordinary" \
            and v["present"] >= required_present(v["members"], "ordinary"):
        # c1-8 一般应全体成员到齐, read strictly: not "too few for any meeting".
        return "quorum.major_short", {"required": f["required_present"]}
    if not f["quorum_met"]:
        return ("quorum.no_vote" if "passed" in f else "quorum.no"), {"required": f["required_present"]}
    if "passed" not in f or f["passed"] is None:
        return "quorum.yes", {"required": f["required_present"]}
    return ("quorum.passed" if f["passed"] else "quorum.failed"), {}


def _condolence(f: dict, v: dict):
    if f["rules_unclear"]:
        return "condolence.unclear", {}
    if not f["covered"]:
        if not f["refer_to_meeting"]:  # its clause is repealed
            return "condolence.repealed", {}
        return "condolence.not_covered", {}
    low, high = f["amount_min"], f["amount_max"]
    if low is None:
        return "condolence.open", {}
    if low != high:
        return "condolence.range", {"amount_min": low, "amount_max": high}
    if v["event"] == "hospitalization":
        return "condolence.in_principle", {"amount": low}
    return "condolence.fixed", {"amount": low}


def _rewards(f: dict, v: dict):
    months = f.get("shortfall_months")
    if months is None:
        return "rewards.total", {"total": f["total"]}
    today = v.get("requested") or v["date"]
    current = (today.year, today.month)
    in_progress, not_begun = rewards.split_pending(f.get("pending_months") or [], current)
    if months:
        parts = [("rewards.total_short", {"total": f["total"], "months": months})]
    elif rewards.period_start(v) >= current:   # no month of the period is over yet
        parts = [("rewards.total_none_over", {"total": f["total"]})]
        in_progress = not_begun = []            # the explanation says which
    elif in_progress or not_begun:
        parts = [("rewards.total_so_far", {"total": f["total"]})]
    else:
        parts = [("rewards.total_complete", {"total": f["total"]})]
    if in_progress and not_begun:
        parts.append(("rewards.pending_both", {"current": in_progress, "later": not_begun}))
    elif in_progress:
        parts.append(("rewards.pending_in_progress", {"months": in_progress}))
    elif not_begun:
        parts.append(("rewards.pending_not_begun", {"months": not_begun}))
    undated = sum(1 for article in v["articles"] if article["month"] is None)
    if undated:
        parts.append(("rewards.undated", {"count": undated}))
    return parts if len(parts) > 1 else parts[0]


def _leave_approval(f: dict, v: dict):
    if f["approver"] is None:  # c8-1 repealed
        return "leave_approval.repealed", {}
    return f"leave_approval.{f['approver']}", {}


def _annual_leave(f: dict, v: dict):
    if f["days"] is None:  # c8-3 repealed
        return "annual_leave.repealed", {}
    part = _annual_leave_days(f, v)
    sick = v["sick_leave_months"]
    if "sick_leave" in f["reasons"] and v.get("work_start") is not None:
        raised = leave.limit_raised_in_year(v["work_start"], v["as_of"])
        if raised and sick < raised[1]["sick_leave_months"]:
            # The stricter reading decided it: the headline says so, and the other outcome.
            day, reached = raised
            return [part, ("annual_leave.sick_limit_year", {
                "date": day.isoformat(), "years": reached["from_years"],
                "limit": f["sick_leave_limit_months"], "higher": reached["sick_leave_months"]})]
    elif v.get("work_start") is None and f["entitlement_days"]:
        raised = leave.limit_raised_by_years(v["years_worked"])
        if raised and raised[1]["sick_leave_months"] <= sick < raised[0]["sick_leave_months"]:
            return [part, ("annual_leave.sick_limit_crossing", {
                "years": raised[0]["from_years"], "lower": raised[1]["sick_leave_months"],
                "sick": sick})]
    return part


def _annual_leave_days(f: dict, v: dict):
    if f["days"] == 0:
        if f["reasons"]:
            why = [filled(pair(output_words("annual_leave", "reasons")["values"][reason]),
                          {"days": rule("annual_leave.personal_leave")["days"]})
                   for reason in f["reasons"]]
            return "annual_leave.none", {"because": {"zh": [w[0] for w in why],
                                                 "en": [w[1][:1].lower() + w[1][1:] for w in why]}}
        if f["entitlement_days"] == 0:
            first = rule("annual_leave")["tiers"][0]["from_years"]
            if v.get("as_of") is not None:
                return "annual_leave.not_yet_dates", {"first": first, "date": v["as_of"].isoformat()}
            return "annual_leave.not_yet", {"first": first}
        return "annual_leave.used_up", {}
    starts, following = f.get("next_tier_from"), f.get("next_tier_days")
    if v.get("as_of") is not None and starts and starts[:4] == v["as_of"].isoformat()[:4]:
        # The band changes later in the same year (实施办法 art. 2, 从下月起).
        return "annual_leave.days_changing", {"n_days": f["days"], "date": v["as_of"].isoformat(),
                                              "last_day": starts, "next_days": following}
    return "annual_leave.days", {"n_days": f["days"]}


def _expenditure(f: dict, v: dict):
    key = "expenditure.meeting" if f["needs_office_meeting"] else "expenditure.no_meeting"
    reimbursement = rule("expenditure.reimbursement")
    if _dated.repeal(reimbursement["clause"]):
        return key + "_only", {}
    if f["reimburse_by"] is None:  # no date of spending: what applies without one
        return key + "_no_date", {"days": reimbursement["days"]}
    owed = None
    if f.get("deadline_day_off") and f.get("last_working_day"):
        # Past the notices, an owed day off (补假) is named as such: it is probable.
        owed = _holidays.compensatory(date.fromisoformat(f["reimburse_by"]))
        key += "_compensatory" if owed else "_day_off"
    parts = [(key, {"date": f["reimburse_by"], "last_day": f.get("last_working_day"),
                    "holiday": owed})]
    if f.get("deadline_day_off") is None:   # not even the law's holidays are known
        parts.append(("expenditure.unknown_year", {"year": f["reimburse_by"][:4]}))
    elif f.get("adjustments_known") is False:
        parts.append(("expenditure.provisional", {"year": f["reimburse_by"][:4]}))
    return parts


def _duty(f: dict, v: dict):
    if _dated.repeal(rule("duty.compensation")["clause"]):
        return "duty_compensation.repealed", {}
    return f"duty_compensation.{v['use']}", {"n_days": f["compensation_days"]}


def _calendar(f: dict, v: dict):
    count = sum(f["counts"].values())
    key = ("meeting_calendar.count" if f.get("holidays_checked")
           else "meeting_calendar.count_law" if f.get("statutory_holidays_checked")
           else "meeting_calendar.count_unchecked")
    return key, {"year": f["year"], "count": count}


_RULES = {"quorum": _quorum, "condolence": _condolence, "rewards": _rewards,
          "leave_approval": _leave_approval, "annual_leave": _annual_leave,
          "expenditure": _expenditure, "duty_compensation": _duty,
          "meeting_calendar": _calendar}


def headline(name: str, figures: dict, inputs: dict):
    """(message key, params) of the one-sentence answer."""
    return _RULES[name](figures, inputs)
