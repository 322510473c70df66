"""leave_approval (who approves a leave request) and annual_leave (年休假)."""

from ._answer import Answer, Calculator
from ._data import rule
from ._limits import MAX_DAYS, MAX_SICK_LEAVE_MONTHS, MAX_YEARS_WORKED
from ._validate import Field

PRINCIPAL = rule("leave_approval.principal")
DEPUTY = rule("leave_approval.deputy")
FILING = rule("leave_approval.filing")

APPROVAL_FIELDS = (
    Field("days", "number", required=True, minimum=0, exclusive_min=True, maximum=MAX_DAYS,
          step="0.5"),
)


# c8-1 本办干部在工作日休假或请假1天以上,应书面报告,报单位主要负责人审批;
#      1天以下报分管领导审批。
# 以上 and 以下 both include the number, so exactly 1 day falls under both
# wordings. The stricter route wins: the principal, with a written report.
def approver(days) -> str:
    return "principal" if days >= PRINCIPAL["from_days"] else "deputy"


def compute_approval(v: dict) -> Answer:
    days = v["days"]
    answer = Answer()
    who = approver(days)
    answer.set(approver=who, written_report=who == "principal")
    if who == "principal":
        answer.note("leave.principal", PRINCIPAL["clause"], days=days,
                    threshold=PRINCIPAL["from_days"], text=PRINCIPAL["text"])
        if days == PRINCIPAL["from_days"] == DEPUTY["up_to_days"]:
            answer.note("leave.exactly_threshold", days=days)
        answer.note("leave.filing", FILING["clause"], text=FILING["text"])
    else:
        answer.note("leave.deputy", DEPUTY["clause"], days=days,
                    threshold=DEPUTY["up_to_days"], text=DEPUTY["text"])
    return answer


LEAVE_APPROVAL = Calculator(
    name="leave_approval",
    fields=APPROVAL_FIELDS,
    compute=compute_approval,
    clauses=("c8-1", "c8-5"),
    outputs=("approver", "written_report"),
)


ANNUAL = rule("annual_leave")
TIERS = ANNUAL["tiers"]                       # ascending by from_years
PERSONAL_LEAVE = rule("annual_leave.personal_leave")

ANNUAL_FIELDS = (
    Field("years_worked", "number", required=True, minimum=0, maximum=MAX_YEARS_WORKED),
    Field("sick_leave_months", "number", default=0, minimum=0,
          maximum=MAX_SICK_LEAVE_MONTHS),
    Field("personal_leave_days", "number", default=0, minimum=0, maximum=MAX_DAYS, step="0.5"),
    Field("personal_leave_pay_deducted", "boolean", default=False),
    Field("vacation_days", "number", default=0, minimum=0, maximum=MAX_DAYS, step="0.5"),
)


# 《职工带薪年休假条例》第三条 职工累计工作已满1年不满10年的,年休假5天;
#   已满10年不满20年的,年休假10天;已满20年的,年休假15天。
# 已满 includes the number of years, 不满 excludes it.
def tier_for(years_worked):
    """The tier table that applies, or None under the first tier."""
    current = None
    for tier in TIERS:
        if years_worked >= tier["from_years"]:
            current = tier
    return current


# 《职工带薪年休假条例》第四条 职工有下列情形之一的,不享受当年的年休假:
#   (一)职工依法享受寒暑假,其休假天数多于年休假天数的;
#   (二)职工请事假累计20天以上且单位按照规定不扣工资的;
#   (三)至(五)累计工作满1年不满10年/满10年不满20年/满20年以上的职工,
#        请病假累计2个月/3个月/4个月以上的。
# 多于 excludes the number; 以上 includes it.
def cancelling_reasons(tier: dict, v: dict) -> list:
    reasons = []
    if v["vacation_days"] > tier["days"]:
        reasons.append("vacation_longer")
    if (v["personal_leave_days"] >= PERSONAL_LEAVE["days"]
            and not v["personal_leave_pay_deducted"]):
        reasons.append("personal_leave")
    if v["sick_leave_months"] >= tier["sick_leave_months"]:
        reasons.append("sick_leave")
    return reasons


def compute_annual(v: dict) -> Answer:
    answer = Answer()
    answer.note("annual_leave.basis", ANNUAL["clause"])
    tier = tier_for(v["years_worked"])
    if tier is None:
        answer.set(days=0, entitlement_days=0, reasons=[])
        answer.note("annual_leave.under_first_tier", years=v["years_worked"],
                    first=TIERS[0]["from_years"])
        return answer
    following = [t["from_years"] for t in TIERS if t["from_years"] > tier["from_years"]]
    answer.note("annual_leave.tier" if following else "annual_leave.tier_top",
                years=v["years_worked"], start=tier["from_years"],
                end=following[0] if following else None, days=tier["days"])
    reasons = cancelling_reasons(tier, v)
    answer.set(days=0 if reasons else tier["days"], entitlement_days=tier["days"],
               reasons=reasons)
    for reason in reasons:
        answer.note(f"annual_leave.reason.{reason}", vacation=v["vacation_days"],
                    entitlement=tier["days"], personal=v["personal_leave_days"],
                    personal_limit=PERSONAL_LEAVE["days"], sick=v["sick_leave_months"],
                    sick_limit=tier["sick_leave_months"])
    answer.note("annual_leave.none" if reasons else "annual_leave.days",
                days=0 if reasons else tier["days"])
    return answer


ANNUAL_LEAVE = Calculator(
    name="annual_leave",
    fields=ANNUAL_FIELDS,
    compute=compute_annual,
    clauses=("c8-3",),
    outputs=("days", "entitlement_days", "reasons"),
)
