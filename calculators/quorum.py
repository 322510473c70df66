"""quorum: is the director's office meeting quorate, and did a motion pass?"""

import math

from . import _dated
from ._answer import Answer, Calculator
from ._data import ratio, rule
from ._display import Output
from ._limits import MAX_MEMBERS
from ._validate import Field, InputError

# The rules are read when a computation runs (rule() gives the values in force
# on its date), never once at import.

# "major" is any other major question (c1-8 …等重大问题); "personnel" and
# "expenditure" are the two c1-8 names. Each major kind needs every member.
MAJOR_TOPICS = ("major", "personnel", "expenditure")

FIELDS = (
    Field("members", "integer", required=True, minimum=1, maximum=MAX_MEMBERS),
    Field("present", "integer", required=True, minimum=0, maximum=MAX_MEMBERS),
    Field("topic", "option", default="ordinary", options=("ordinary", *MAJOR_TOPICS)),
    Field("votes_for", "integer", minimum=0, maximum=MAX_MEMBERS),
    Field("votes_against", "integer", minimum=0, maximum=MAX_MEMBERS),
)


# c1-8 会议应有四分之三以上的成员到会方能举行,讨论本办的人事及大额财务支出等
#      重大问题,一般应全体成员到齐方能开会。
# 以上 includes the number: exactly three quarters is enough, so round UP
# (5 members -> 3.75 -> 4). For major topics 一般应全体成员到齐 is read strictly:
# every member.
def required_present(members: int, topic: str) -> int:
    share = ratio(rule("quorum.major" if topic in MAJOR_TOPICS else "quorum.ordinary"))
    return math.ceil(share * members)


# c1-7 会议议定事项按照少数服从多数的原则决定
# 少数服从多数 is read as the Party's and government bodies' meeting rules put it,
# 以超过应到会成员半数同意形成决定: the votes for must be MORE than half of ALL the
# members entitled to attend, not of those present (the stricter reading; a tie
# is not a majority; abstentions and absentees count as not for).
def motion_passes(votes_for: int, members: int) -> bool:
    return votes_for > ratio(rule("quorum.vote"), "majority") * members


def votes_needed(members: int) -> int:
    """The fewest votes for that pass a motion (floor of half, plus one)."""
    return math.floor(ratio(rule("quorum.vote"), "majority") * members) + 1


def _check_votes(present: int, votes_for, votes_against) -> None:
    if votes_for is None:
        if votes_against is not None:
            raise InputError("votes_for", "missing", "votes_against_without_for")
        return
    if votes_for > present:
        raise InputError("votes_for", "consistency", "votes_exceed_present", present=present)
    if votes_for + (votes_against or 0) > present:
        raise InputError("votes_against", "consistency", "votes_exceed_present",
                         present=present)


def compute(v: dict) -> Answer:
    members, present, topic = v["members"], v["present"], v["topic"]
    if present > members:
        raise InputError("present", "consistency", "present_exceeds_members", members=members)
    _check_votes(present, v["votes_for"], v["votes_against"])

    ordinary_rule, major_rule = rule("quorum.ordinary"), rule("quorum.major")
    expenditure_rule, members_rule = rule("quorum.major_expenditure"), rule("quorum.members")
    vote_rule = rule("quorum.vote")
    answer = Answer()
    if _dated.repeal(ordinary_rule["clause"]):
        # c1-8 repealed: no quorum is set, and nothing follows from one.
        answer.cite(ordinary_rule["clause"])
        answer.set(quorum_met=None, required_present=None)
        if v["votes_for"] is not None:
            answer.set(passed=None, votes_needed=None)
        return answer
    required = required_present(members, topic)
    ordinary = required_present(members, "ordinary")
    met = present >= required
    # The major topic's own reason for failing: c1-8's three-quarters quorum is
    # met, only the 一般应全体成员到齐 requirement (read strictly) is not.
    short_of_all = topic in MAJOR_TOPICS and ordinary <= present < required
    answer.set(quorum_met=met, required_present=required)
    if topic in MAJOR_TOPICS:
        answer.note(f"quorum.major.{topic}", major_rule["clause"], members=members,
                    required=required, text=major_rule["text"])
        if topic == "expenditure":
            # c12-2 5000元以上重大开支报请主任办公会议定: a reading, said to be one.
            answer.note("quorum.major_expenditure", expenditure_rule["clause"],
                        amount=expenditure_rule["from_amount"],
                        text=expenditure_rule["text"])
    else:
        answer.note("quorum.ordinary", ordinary_rule["clause"], members=members, required=required,
                    ratio=ordinary_rule["ratio"], text=ordinary_rule["text"])
    # c1-2 ……其他工作人员列席参加: those attending in a non-voting capacity are
    # not members, so neither the member count nor the head count includes them.
    answer.note("quorum.members", members_rule["clause"], text=members_rule["text"])
    if met:
        answer.note("quorum.met", present=present, required=required)
    elif short_of_all:
        answer.note("quorum.not_all_present", present=present, required=required,
                    ordinary=ordinary, absent=members - present, ratio=ordinary_rule["ratio"])
    elif topic in MAJOR_TOPICS:
        # Short even of the ordinary quorum: name the figure each rule asks for.
        answer.note("quorum.not_met_major", present=present, required=required,
                    ordinary=ordinary, ratio=ordinary_rule["ratio"])
    else:
        answer.note("quorum.not_met", present=present, required=required,
                    ratio=ordinary_rule["ratio"])

    votes_for = v["votes_for"]
    if votes_for is not None:
        # A meeting that cannot be held decides nothing, whatever the count.
        passed = met and motion_passes(votes_for, members)
        answer.set(passed=passed)
        if _dated.repeal(vote_rule["clause"]):
            answer.cite(vote_rule["clause"])
            answer.set(passed=None, votes_needed=None)
            return answer
        if not met:
            answer.note("quorum.vote_void_major" if short_of_all else "quorum.vote_void",
                        vote_rule["clause"], ratio=ordinary_rule["ratio"])
        elif passed:
            answer.note("quorum.vote_passed", vote_rule["clause"], votes_for=votes_for,
                        members=members, present=present, needed=votes_needed(members),
                        text=vote_rule["text"])
        else:
            votes_against = v["votes_against"]
            tie = votes_against is not None and votes_against == votes_for
            answer.note("quorum.vote_tied" if tie else "quorum.vote_failed", vote_rule["clause"],
                        votes_for=votes_for, members=members, present=present,
                        needed=votes_needed(members), text=vote_rule["text"])
        answer.set(votes_needed=votes_needed(members))
    return answer


CALCULATOR = Calculator(
    name="quorum",
    fields=FIELDS,
    compute=compute,
    clauses=("c1-8", "c1-2", "c1-7", "c12-2"),
    outputs=(Output("quorum_met", "boolean"), Output("required_present", "number"),
             Output("passed", "boolean"), Output("votes_needed", "number")),
)
