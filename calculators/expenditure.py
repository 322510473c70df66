"""expenditure: who decides a spending, and the reimbursement deadline."""

from datetime import timedelta

from . import _dated, _holidays, _statutory
from ._answer import Answer, Calculator
from ._data import rule, rules_in_force
from ._display import Output
from ._limits import MAX_AMOUNT
from ._validate import Field

# The rules are read when a computation runs (rule() gives the values in force
# on its date: here the date of spending, when given), never once at import.
# quorum.major is cited too: 大额财务支出 is a major topic at the meeting.

FIELDS = (
    Field("amount", "number", required=True, minimum=0, exclusive_min=True, maximum=MAX_AMOUNT,
          step="0.01"),
    Field("spent_on", "date"),
)


# c12-2 实行民主理财,5000元以上重大开支报请主任办公会议定。
# 以上 includes the number: exactly 5000 yuan goes to the meeting.
def needs_office_meeting(amount) -> bool:
    return amount >= rule("expenditure.office_meeting")["from_amount"]


# c12-4 经费开支后,必须在开支后半月内签批报帐。
# 半月 takes the stricter reading: 14 days (half of February, the shortest
# month), counted from the day after the spending, so the last day is
# spent_on + 14. A last day that falls on a day off is NOT extended (extending
# it, as Civil Code art. 203 does for legal time limits, is the lenient reading).
def reimburse_by(spent_on):
    return spent_on + timedelta(days=rule("expenditure.reimbursement")["days"])


def last_working_day(spent_on, deadline):
    """The latest working day from the spending day to the deadline: a make-up
    weekend day (调休上班) counts, as everywhere. None when it cannot be known."""
    day = deadline
    while day >= spent_on:
        working = _holidays.is_working_day(day)
        if working is None:
            return None
        if working:
            return day
        day -= timedelta(days=1)
    return None


def _deadline_notes(spent_on, deadline, answer: Answer) -> None:
    off = _holidays.is_day_off(deadline)
    if off is None:  # not even the law's holidays are known for that year
        answer.set(deadline_day_off=None, last_working_day=None, adjustments_known=False)
        answer.note("expenditure.deadline_unknown", year=deadline.year,
                    first=_statutory.FIRST_YEAR, last=_statutory.LAST_YEAR)
        return
    working = last_working_day(spent_on, deadline)
    # Every day looked at, from the last working day to the deadline, must be of
    # a year whose notice (its 调休) is known for the answer to be final.
    looked_at = {deadline.year, (working or deadline).year}
    final = all(_holidays.known(year) for year in looked_at)
    answer.set(deadline_day_off=off,
               last_working_day=None if working is None else working.isoformat(),
               adjustments_known=final)
    shown = None if working is None else working.isoformat()
    if off:
        holiday = _holidays.holiday_key(deadline)
        owed = _holidays.compensatory(deadline)
        facts = {"deadline": deadline.isoformat(), "holiday": holiday or owed, "working": shown}
        if holiday:
            answer.note("expenditure.deadline_holiday", **facts)
        else:   # an owed day off (补假) past the notices, or a weekend
            answer.note("expenditure.deadline_compensatory" if owed
                        else "expenditure.deadline_weekend", **facts)
    # Past the notices, an owed day off (补假) passed over before the deadline is
    # named too: it is why the last working day is earlier than a reader expects.
    if working is not None:
        passed = [working + timedelta(days=i) for i in range(1, (deadline - working).days)]
        passed = [day for day in passed if _holidays.compensatory(day)]
        if passed:
            answer.note("expenditure.compensatory_passed", days=[d.isoformat() for d in passed],
                        holiday=_holidays.compensatory(passed[0]), working=shown)
    if not final:
        unknown = sorted(year for year in looked_at if not _holidays.known(year))
        answer.note("expenditure.deadline_provisional", years=unknown,
                    orders=sorted({_statutory.order(year) for year in unknown}),
                    first=_holidays.FIRST_YEAR, last=_holidays.LAST_YEAR)


def _meeting(amount, v: dict, answer: Answer) -> bool:
    """needs_office_meeting, with its notes. c12-3 asks for approval BEFORE the
    spending: when the day approval is sought (the `date` input) comes before the
    date of spending and the rules differ, the meeting is needed if the rules of
    either day ask for it (the stricter reading)."""
    office_meeting = rule("expenditure.office_meeting")
    if _dated.repeal(office_meeting["clause"]):
        answer.cite(office_meeting["clause"])
        return False
    meeting = needs_office_meeting(amount)
    answer.note("expenditure.meeting" if meeting else "expenditure.no_meeting",
                office_meeting["clause"], amount=amount,
                threshold=office_meeting["from_amount"], text=office_meeting["text"])
    requested, spent_on = v.get("requested"), v["spent_on"]
    if not meeting and spent_on is not None and requested is not None and requested < spent_on:
        with rules_in_force(requested), _dated.answering(requested):
            then = rule("expenditure.office_meeting")
            earlier = not _dated.repeal(then["clause"]) and needs_office_meeting(amount)
        if earlier:
            answer.note("expenditure.meeting_at_approval", amount=amount,
                        threshold=then["from_amount"], requested=requested.isoformat())
            meeting = True
    return meeting


def compute(v: dict) -> Answer:
    amount, spent_on = v["amount"], v["spent_on"]
    reimbursement = rule("expenditure.reimbursement")
    approval, major_topic = rule("expenditure.approval"), rule("quorum.major")
    answer = Answer()
    meeting = _meeting(amount, v, answer)
    if meeting:
        answer.note("expenditure.major_topic", major_topic["clause"], text=major_topic["text"])
    # c12-3 坚持先审批后开支的原则,未按规定审批先开支的不予报销。
    approve = not _dated.repeal(approval["clause"])
    if approve:
        answer.note("expenditure.approval", approval["clause"], text=approval["text"])
    else:
        answer.cite(approval["clause"])
    answer.set(needs_office_meeting=meeting, approve_before_spending=approve,
               reimburse_by=None, deadline_day_off=None, last_working_day=None,
               adjustments_known=None)
    if _dated.repeal(reimbursement["clause"]):
        answer.cite(reimbursement["clause"])
    elif spent_on is None:
        answer.note("expenditure.reimburse_no_date", reimbursement["clause"],
                    days=reimbursement["days"], text=reimbursement["text"])
    else:
        deadline = reimburse_by(spent_on)
        answer.set(reimburse_by=deadline.isoformat())
        answer.note("expenditure.reimburse", reimbursement["clause"], days=reimbursement["days"],
                    spent_on=spent_on.isoformat(), deadline=deadline.isoformat(),
                    text=reimbursement["text"])
        _deadline_notes(spent_on, deadline, answer)
    return answer


CALCULATOR = Calculator(
    name="expenditure",
    fields=FIELDS,
    compute=compute,
    clauses=("c12-2", "c12-3", "c12-4", "c1-8"),
    outputs=(Output("needs_office_meeting", "boolean"), Output("approve_before_spending", "boolean"),
             Output("reimburse_by", "date"), Output("deadline_day_off", "boolean"),
             Output("last_working_day", "date"), Output("adjustments_known", "boolean")),
    # The spending is approved, made and reimbursed under the rules of its day.
    event_date="spent_on",
)
