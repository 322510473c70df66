"""duty_compensation: what holiday duty earns (补休 or 抵减请假天数)."""

from fractions import Fraction

from . import _dated
from ._answer import Answer, Calculator
from ._data import ratio, rule
from ._display import Output
from ._limits import MAX_DAYS
from ._validate import Field

# The rules are read when a computation runs (rule() gives the values in force
# on its date), never once at import; the input's options are those of the
# original rules.
HOLIDAYS = ("ordinary", *rule("duty.long_holiday")["holidays"])
USES = ("either", "rest", "leave_offset")

FIELDS = (
    # Half days allowed, as for leave, so half a day of duty can offset half
    # a day of leave.
    Field("duty_days", "number", required=True, minimum=0, maximum=MAX_DAYS, step="0.5"),
    Field("holiday", "option", default="ordinary", options=HOLIDAYS),
    Field("use", "option", default="either", options=USES),
)


# c15-6 节假日值班的,可安排补休或抵减请假天数。
# The clause states no ratio; one duty day earns one day (1:1). 或 means one
# or the other: the same day is not both rested and set off against leave.
def compensation_days(duty_days):
    days = ratio(rule("duty.compensation")) * Fraction(duty_days)
    return int(days) if days.denominator == 1 else float(days)


def compute(v: dict) -> Answer:
    duty_days, holiday, use = v["duty_days"], v["holiday"], v["use"]
    compensation, rotation = rule("duty.compensation"), rule("duty.rotation")
    long_holiday, ordinary_holiday = rule("duty.long_holiday"), rule("duty.ordinary_holiday")
    answer = Answer()
    # A repealed clause grants and requires nothing from the day of its repeal.
    repealed = {table["clause"] for table in (compensation, rotation, long_holiday)
                if _dated.repeal(table["clause"])}
    answer.cite(*sorted(repealed))
    if compensation["clause"] in repealed:
        answer.set(compensation_days=0, compensatory_rest_days=0, leave_offset_days=0)
    else:
        days = compensation_days(duty_days)
        share = ratio(compensation)
        answer.set(compensation_days=days,
                   compensatory_rest_days=days if use in ("either", "rest") else 0,
                   leave_offset_days=days if use in ("either", "leave_offset") else 0)
        answer.note(f"duty_compensation.compensation.{use}", compensation["clause"],
                    duty_days=duty_days, days=days,
                    ratio=f"{share.numerator}:{share.denominator}", text=compensation["text"])

    # c15-1 节假日值班实行轮流值班制,每班由一名领导负责。
    if rotation["clause"] in repealed:
        answer.set(leaders_per_shift=None)
    else:
        answer.set(leaders_per_shift=rotation["leaders_per_shift"])
        answer.note("duty_compensation.rotation", rotation["clause"],
                    leaders=rotation["leaders_per_shift"])

    # c15-2 “十.一”春节长假安排固定值班人员,并向区委、区政府、区政法委进行报告。
    # c15-3 平常节假日……由有关领导及有关人员值班……由领导指派一定的人员值班。
    if long_holiday["clause"] in repealed:
        answer.set(fixed_roster=False, report_to=[])
    elif holiday in long_holiday["holidays"]:
        answer.set(fixed_roster=True, report_to=list(long_holiday["report_to"]))
        answer.note(f"duty_compensation.long_holiday.{holiday}", long_holiday["clause"],
                    report_to=long_holiday["report_to"], text=long_holiday["text"])
    else:
        answer.set(fixed_roster=False, report_to=[])
        answer.note("duty_compensation.ordinary_holiday", ordinary_holiday["clause"])

    # c15-4/c15-5: the duties and the liability that come with any shift.
    answer.note("duty_compensation.tasks", rule("duty.tasks")["clause"],
                rule("duty.liability")["clause"])
    return answer


CALCULATOR = Calculator(
    name="duty_compensation",
    fields=FIELDS,
    compute=compute,
    clauses=("c15-6", "c15-1", "c15-2", "c15-3", "c15-4", "c15-5"),
    outputs=(Output("compensation_days", "days"), Output("compensatory_rest_days", "days"),
             Output("leave_offset_days", "days"), Output("leaders_per_shift", "number"),
             Output("fixed_roster", "boolean"), Output("report_to", "codes")),
)
