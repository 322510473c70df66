"""expenditure: who decides a spending, and the reimbursement deadline."""

from datetime import timedelta

from . import _holidays
from ._answer import Answer, Calculator
from ._data import rule
from ._display import Output
from ._limits import MAX_AMOUNT
from ._validate import Field

OFFICE_MEETING = rule("expenditure.office_meeting")
APPROVAL = rule("expenditure.approval")
REIMBURSEMENT = rule("expenditure.reimbursement")
MAJOR_TOPIC = rule("quorum.major")   # 大额财务支出 is a major topic at the meeting

FIELDS = (
    Field("amount", "number", required=True, minimum=0, exclusive_min=True, maximum=MAX_AMOUNT,
          step="0.01"),
    Field("spent_on", "date"),
)


# c12-2 实行民主理财,5000元以上重大开支报请主任办公会议定。
# 以上 includes the number: exactly 5000 yuan goes to the meeting.
def needs_office_meeting(amount) -> bool:
    return amount >= OFFICE_MEETING["from_amount"]


# c12-4 经费开支后,必须在开支后半月内签批报帐。
# 半月 takes the stricter reading: 14 days (half of February, the shortest
# month), counted from the day after the spending, so the last day is
# spent_on + 14. A last day that falls on a day off is NOT extended (extending
# it, as Civil Code art. 203 does for legal time limits, is the lenient reading).
def reimburse_by(spent_on):
    return spent_on + timedelta(days=REIMBURSEMENT["days"])


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
    answer = Answer()
    meeting = needs_office_meeting(amount)
    # c12-3 坚持先审批后开支的原则,未按规定审批先开支的不予报销。
    answer.set(needs_office_meeting=meeting, approve_before_spending=True,
               reimburse_by=None if spent_on is None else reimburse_by(spent_on).isoformat(),
               deadline_day_off=None, last_working_day=None)
    answer.note("expenditure.meeting" if meeting else "expenditure.no_meeting",
                OFFICE_MEETING["clause"], amount=amount,
                threshold=OFFICE_MEETING["from_amount"], text=OFFICE_MEETING["text"])
    if meeting:
        answer.note("expenditure.major_topic", MAJOR_TOPIC["clause"], text=MAJOR_TOPIC["text"])
    answer.note("expenditure.approval", APPROVAL["clause"], text=APPROVAL["text"])
    if spent_on is None:
        answer.note("expenditure.reimburse_no_date", REIMBURSEMENT["clause"],
                    days=REIMBURSEMENT["days"], text=REIMBURSEMENT["text"])
    else:
        answer.note("expenditure.reimburse", REIMBURSEMENT["clause"], days=REIMBURSEMENT["days"],
                    spent_on=spent_on.isoformat(),
                    deadline=reimburse_by(spent_on).isoformat(), text=REIMBURSEMENT["text"])
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
)
