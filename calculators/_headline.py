"""The answer first: one sentence per result, made from the result's own figures
(so it can never contradict them). Facts only here; the sentences are
[headlines.*] of each messages/<calculator>.toml."""
from __future__ import annotations

from . import _dated
from ._data import rule
from .quorum import required_present


def _quorum(f: dict, v: dict):
    if not f["quorum_met"] and v.get("topic", "ordinary") != "ordinary" \
            and v["present"] >= required_present(v["members"], "ordinary"):
        # c1-8 一般应全体成员到齐, read strictly: not "too few for any meeting".
        return "quorum.major_short", {"required": f["required_present"]}
    if not f["quorum_met"]:
        return ("quorum.no_vote" if "passed" in f else "quorum.no"), {"required": f["required_present"]}
    if "passed" not in f:
        return "quorum.yes", {"required": f["required_present"]}
    return ("quorum.passed" if f["passed"] else "quorum.failed"), {}


def _condolence(f: dict, v: dict):
    if not f["covered"]:
        return "condolence.not_covered", {}
    low, high = f["amount_min"], f["amount_max"]
    if low is None:
        return "condolence.open", {}
    if low != high:
        return "condolence.range", {"amount_min": low, "amount_max": high}
    if v["event"] == "hospitalization":
        return ("condolence.in_principle_special" if f["refer_to_meeting"]
                else "condolence.in_principle"), {"amount": low}
    return "condolence.fixed", {"amount": low}


def _rewards(f: dict, v: dict):
    months = f.get("shortfall_months")
    if months:
        return "rewards.total_short", {"total": f["total"], "months": months}
    if months == []:
        return "rewards.total_complete", {"total": f["total"]}
    return "rewards.total", {"total": f["total"]}


def _leave_approval(f: dict, v: dict):
    return f"leave_approval.{f['approver']}", {}


def _annual_leave(f: dict, v: dict):
    if f["days"] == 0:
        return "annual_leave.none", {}
    return "annual_leave.days", {"n_days": f["days"]}


def _expenditure(f: dict, v: dict):
    key = "expenditure.meeting" if f["needs_office_meeting"] else "expenditure.no_meeting"
    reimbursement = rule("expenditure.reimbursement")
    if _dated.repeal(reimbursement["clause"]):
        return key + "_only", {}
    if f["reimburse_by"] is None:  # no date of spending: what applies without one
        return key + "_no_date", {"days": reimbursement["days"]}
    if f.get("deadline_day_off") and f.get("last_working_day"):
        key += "_day_off"
    parts = [(key, {"date": f["reimburse_by"], "last_day": f.get("last_working_day")})]
    if f.get("adjustments_known") is False:
        parts.append(("expenditure.provisional", {"year": f["reimburse_by"][:4]}))
    return parts


def _duty(f: dict, v: dict):
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
