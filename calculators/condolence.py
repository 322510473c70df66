"""condolence: the Office trade union's sympathy payment (慰问金)."""

from . import _dated
from ._answer import Answer, Calculator
from ._data import rule
from ._display import Output
from ._validate import Field

EVENTS = ("hospitalization", "disaster", "death")
# "relative" is a parent or a child: a 直系亲属 on every reading. A grandparent or
# a grandchild is one only on the narrow legal reading (直系血亲).
PERSONS = ("self", "retiree", "relative", "spouse", "grandparent", "grandchild")

FIELDS = (
    Field("event", "option", required=True, options=EVENTS),
    Field("person", "option", required=True, options=PERSONS),
    Field("special", "boolean", default=False),
    # c12-9 本办干部家庭: whether the relative lives in the cadre's own
    # household. Only a disaster asks it; default false, the old reading.
    Field("same_household", "boolean", default=False),
)


# c12-8  本办干部、退休干部及直系亲属住院,机关工会应进行慰问,原则上给予慰问金800元。
# 原则上: the amount in principle. A special case is the union's to decide, so
# it carries no figure (as c12-9's 特殊情况另行研究); the explanation gives the
# standard it departs from.
def _hospitalization(table: dict, special: bool, answer: Answer) -> None:
    amount = None if special else table["amount"]
    answer.set(amount_min=amount, amount_max=amount, refer_to_meeting=special)
    answer.note("condolence.hospitalization", table["clause"], amount=table["amount"],
                text=table["text"])
    if special:
        answer.note("condolence.hospitalization_special", amount=table["amount"])


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

# Why each case the clauses do not name is left out (the stricter reading), and
# the clause each reading rests on (cited, so an amendment to it is noted): c12-8
# names 退休干部 beside 本办干部, so c12-9/c12-10's 本办干部 excludes retirees;
# c12-9's 本办干部家庭 is the cadre's own household: a relative living in it is
# covered (same_household), one living apart is not; c12-10 names no cadre's own
# death.
_READINGS = {
    ("disaster", "retiree"): ("retiree", "c12-8"),
    ("disaster", "relative"): ("household", None),
    ("disaster", "grandparent"): ("household", None),
    ("disaster", "grandchild"): ("household", None),
    ("death", "retiree"): ("retiree", "c12-8"),
    ("death", "self"): ("own_death", None),
}

# 直系亲属 is not defined by the rules, and its two readings differ exactly here:
# the common definition in personnel rules (父母、配偶和子女, e.g. 〔1980〕劳总薪字29号)
# takes in the spouse and not grandparents or grandchildren; the narrow legal
# sense (直系血亲) the reverse. c12-10 names 配偶 beside 直系亲属, which supports the
# narrow reading, but does not settle it. Neither yes nor no: the Office decides.
_UNCLEAR = {("hospitalization", "spouse"), ("hospitalization", "grandparent"),
            ("hospitalization", "grandchild"), ("death", "grandparent"),
            ("death", "grandchild")}


def _repealed(table: dict, answer: Answer) -> bool:
    """A repealed clause grants nothing from the day of its repeal."""
    if not _dated.repeal(table["clause"]):
        return False
    answer.cite(table["clause"])
    answer.set(covered=False, rules_unclear=False, amount_min=None, amount_max=None,
               refer_to_meeting=False)
    return True


def compute(v: dict) -> Answer:
    event, person = v["event"], v["person"]
    table = rule(f"condolence.{event}")
    answer = Answer()
    if _repealed(table, answer):
        return answer
    if (event, person) in _UNCLEAR and person not in table["persons"]:
        answer.set(covered=None, rules_unclear=True, amount_min=None, amount_max=None,
                   refer_to_meeting=True)
        answer.note(f"condolence.unclear.{event}", table["clause"], "c12-10",
                    clause=table["clause"], text=table["text"],
                    amount=table.get("amount"))
        return answer
    relative = person in ("relative", "grandparent", "grandchild")
    household = event == "disaster" and relative and v["same_household"]
    if person not in table["persons"] and not household:
        # Never a guessed amount for a case the rules do not name. The answer is
        # "the union decides separately", so refer_to_meeting is true: no output
        # may contradict the explanation.
        answer.set(covered=False, rules_unclear=False, amount_min=None, amount_max=None,
                   refer_to_meeting=True)
        answer.note(f"condolence.not_covered.{event}", table["clause"], clause=table["clause"],
                    text=table["text"])
        reading, clause = _READINGS[event, person]
        answer.note(f"condolence.reading.{reading}", *([clause] if clause else []))
        return answer
    answer.set(covered=True, rules_unclear=False)
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
    outputs=(Output("covered", "boolean"), Output("rules_unclear", "boolean"),
             Output("amount_min", "money"), Output("amount_max", "money"),
             Output("refer_to_meeting", "boolean")),
)
