"""expenditure: who decides a spending, and the reimbursement deadline."""

from datetime import timedelta

from ._answer import Answer, Calculator
from ._data import rule
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
# 半月 is read as a fixed 15 days, counted from the day after the spending (the
# usual way of counting a period in days), so the last day is spent_on + 15.
def reimburse_by(spent_on):
    return spent_on + timedelta(days=REIMBURSEMENT["days"])


def compute(v: dict) -> Answer:
    amount, spent_on = v["amount"], v["spent_on"]
    answer = Answer()
    meeting = needs_office_meeting(amount)
    # c12-3 坚持先审批后开支的原则,未按规定审批先开支的不予报销。
    answer.set(needs_office_meeting=meeting, approve_before_spending=True,
               reimburse_by=None if spent_on is None else reimburse_by(spent_on).isoformat())
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
    return answer


CALCULATOR = Calculator(
    name="expenditure",
    fields=FIELDS,
    compute=compute,
    clauses=("c12-2", "c12-3", "c12-4", "c1-8"),
    outputs=("needs_office_meeting", "approve_before_spending", "reimburse_by"),
)
