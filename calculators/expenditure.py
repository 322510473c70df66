"""expenditure: who decides a spending, and the reimbursement deadline."""

from datetime import timedelta

from . import _holidays
from ._answer import Answer, Calculator
from ._data import rule
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
    """The last Monday-to-Friday working day from the spending day to the
    deadline, or None when holidays are unknown for a day looked at."""
    day = deadline
    while day >= spent_on:
        working = _holidays.is_meeting_day(day)
        if working is None:
            return None
        if working:
            return day
        day -= timedelta(days=1)
    return spent_on


def _deadline_notes(spent_on, deadline, answer: Answer) -> None:
    off = _holidays.is_day_off(deadline)
    holiday = _holidays.holiday_key(deadline)
    if off:
        working = last_working_day(spent_on, deadline)
        answer.set(deadline_day_off=True,
                   last_working_day=None if working is None else working.isoformat())
        answer.note("expenditure.deadline_holiday" if holiday else "expenditure.deadline_weekend",
                    deadline=deadline.isoformat(), holiday=holiday,
                    working=None if working is None else working.isoformat())
    elif off is None:
        answer.set(deadline_day_off=None, last_working_day=None)
        answer.note("expenditure.deadline_unknown", year=deadline.year,
                    first=_holidays.FIRST_YEAR, last=_holidays.LAST_YEAR)
    else:
        answer.set(deadline_day_off=False, last_working_day=deadline.isoformat())


def compute(v: dict) -> Answer:
    amount, spent_on = v["amount"], v["spent_on"]
    office_meeting = rule("expenditure.office_meeting")
    reimbursement = rule("expenditure.reimbursement")
    approval, major_topic = rule("expenditure.approval"), rule("quorum.major")
    answer = Answer()
    meeting = needs_office_meeting(amount)
    # c12-3 坚持先审批后开支的原则,未按规定审批先开支的不予报销。
    answer.set(needs_office_meeting=meeting, approve_before_spending=True,
               reimburse_by=None if spent_on is None else reimburse_by(spent_on).isoformat(),
               deadline_day_off=None, last_working_day=None)
    answer.note("expenditure.meeting" if meeting else "expenditure.no_meeting",
                office_meeting["clause"], amount=amount,
                threshold=office_meeting["from_amount"], text=office_meeting["text"])
    if meeting:
        answer.note("expenditure.major_topic", major_topic["clause"], text=major_topic["text"])
    answer.note("expenditure.approval", approval["clause"], text=approval["text"])
    if spent_on is None:
        answer.note("expenditure.reimburse_no_date", reimbursement["clause"],
                    days=reimbursement["days"], text=reimbursement["text"])
    else:
        answer.note("expenditure.reimburse", reimbursement["clause"], days=reimbursement["days"],
                    spent_on=spent_on.isoformat(),
                    deadline=reimburse_by(spent_on).isoformat(), text=reimbursement["text"])
        _deadline_notes(spent_on, reimburse_by(spent_on), answer)
    return answer


CALCULATOR = Calculator(
    name="expenditure",
    fields=FIELDS,
    compute=compute,
    clauses=("c12-2", "c12-3", "c12-4", "c1-8"),
    outputs=(Output("needs_office_meeting", "boolean"), Output("approve_before_spending", "boolean"),
             Output("reimburse_by", "date"), Output("deadline_day_off", "boolean"),
             Output("last_working_day", "date")),
    # The spending is approved, made and reimbursed under the rules of its day.
    event_date="spent_on",
)
