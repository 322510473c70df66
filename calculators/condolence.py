"""condolence: the Office trade union's sympathy payment (慰问金)."""

from ._answer import Answer, Calculator
from ._data import rule
from ._display import Output
from ._validate import Field

EVENTS = ("hospitalization", "disaster", "death")
PERSONS = ("self", "retiree", "relative", "spouse")

FIELDS = (
    Field("event", "option", required=True, options=EVENTS),
    Field("person", "option", required=True, options=PERSONS),
    Field("special", "boolean", default=False),
    # c12-9 本办干部家庭: whether the lineal relative lives in the cadre's own
    # household. Only a disaster asks it; default false, the old reading.
    Field("same_household", "boolean", default=False),
)


# c12-8  本办干部、退休干部及直系亲属住院,机关工会应进行慰问,原则上给予慰问金800元。
# 原则上: a fixed amount in principle; a special case goes to separate decision.
def _hospitalization(table: dict, special: bool, answer: Answer) -> None:
    answer.set(amount_min=table["amount"], amount_max=table["amount"],
               refer_to_meeting=special)
    answer.note("condolence.hospitalization", table["clause"], amount=table["amount"],
                text=table["text"])
    if special:
        answer.note("condolence.hospitalization_special")


# c12-9  本办干部家庭因意外灾祸,根据灾祸程度,机关工会给予慰问金500—1000元,
#        特殊情况另行研究。
# 500—1000 is a range by severity; 特殊情况另行研究 leaves a special case's
# amount open, so none is given.
def _disaster(table: dict, special: bool, answer: Answer) -> None:
    if special:
        answer.set(amount_min=None, amount_max=None, refer_to_meeting=True)
        answer.note("condolence.disaster_special", table["clause"],
                    amount_min=table["amount_min"], amount_max=table["amount_max"],
                    text=table["text"])
    else:
        answer.set(amount_min=table["amount_min"], amount_max=table["amount_max"],
                   refer_to_meeting=False)
        answer.note("condolence.disaster", table["clause"], amount_min=table["amount_min"],
                    amount_max=table["amount_max"], text=table["text"])


# c12-10 本办干部直系亲属及配偶去世,由机关工会组织慰问,慰问金1000元。
# A fixed amount with no special-case wording: `special` changes nothing.
def _death(table: dict, special: bool, answer: Answer) -> None:
    answer.set(amount_min=table["amount"], amount_max=table["amount"], refer_to_meeting=False)
    answer.note("condolence.death", table["clause"], amount=table["amount"], text=table["text"])
    if special:
        answer.note("condolence.death_special")


_RULES = {"hospitalization": _hospitalization, "disaster": _disaster, "death": _death}

# Why each case the clauses do not name is left out (the stricter reading):
# c12-10 names 配偶 beside 直系亲属, so c12-8's 直系亲属 excludes the spouse;
# c12-8 names 退休干部 beside 本办干部, so c12-9/c12-10's 本办干部 excludes
# retirees; c12-9's 本办干部家庭 is the cadre's own household: a lineal
# relative living in it is covered (same_household), one living apart is not;
# c12-10 names no cadre's own death.
_READINGS = {
    ("hospitalization", "spouse"): "spouse",
    ("disaster", "retiree"): "retiree",
    ("disaster", "relative"): "household",
    ("death", "retiree"): "retiree",
    ("death", "self"): "own_death",
}


def compute(v: dict) -> Answer:
    event, person = v["event"], v["person"]
    table = rule(f"condolence.{event}")
    answer = Answer()
    household = event == "disaster" and person == "relative" and v["same_household"]
    if person not in table["persons"] and not household:
        # Never a guessed amount for a case the rules do not name. The answer is
        # "the union decides separately", so refer_to_meeting is true: no output
        # may contradict the explanation.
        answer.set(covered=False, amount_min=None, amount_max=None, refer_to_meeting=True)
        answer.note(f"condolence.not_covered.{event}", table["clause"], clause=table["clause"],
                    text=table["text"])
        answer.note(f"condolence.reading.{_READINGS[event, person]}")
        return answer
    answer.set(covered=True)
    if household:
        answer.note("condolence.same_household", table["clause"])
    _RULES[event](table, v["special"], answer)
    if v["same_household"] and event != "disaster":
        answer.note("condolence.household_ignored")
    return answer


CALCULATOR = Calculator(
    name="condolence",
    fields=FIELDS,
    compute=compute,
    clauses=("c12-8", "c12-9", "c12-10"),
    outputs=(Output("covered", "boolean"), Output("amount_min", "money"),
             Output("amount_max", "money"), Output("refer_to_meeting", "boolean")),
)
