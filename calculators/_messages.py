"""All wording, in Chinese and English, kept apart from the rule logic.

Rule functions return facts: a message key and its parameters. This module
turns them into sentences. Numbers that come from the rules arrive as
parameters, so no amount is written here either.
"""

_JOIN = {"zh": "、", "en": ", "}
_YES_NO = {"zh": ("是", "否"), "en": ("yes", "no")}


def _shown(value, lang: str) -> str:
    """One parameter as text: lists joined, floats trimmed, booleans worded."""
    if isinstance(value, bool):
        return _YES_NO[lang][0 if value else 1]
    if isinstance(value, (list, tuple)):
        return _JOIN[lang].join(_shown(item, lang) for item in value)
    if isinstance(value, float):
        return f"{value:g}"
    if value is None:
        return "—"
    return str(value)


def echo(text: str, limit: int = 40) -> str:
    """User text quoted back in a message: cut short, and made printable as
    UTF-8 (JSON can carry lone surrogates, which cannot be encoded)."""
    if len(text) > limit:
        text = text[:limit - 1] + "…"
    return text.encode("utf-8", "replace").decode("utf-8")


class _Params(dict):
    """A missing parameter shows as {name} rather than raising (tests look for it)."""

    def __missing__(self, key):
        return "{" + key + "}"


def _fill(template: str, lang: str, params: dict) -> str:
    return template.format_map(_Params({k: _shown(v, lang) for k, v in params.items()}))


# --------------------------------------------------------------- errors

ERRORS = {
    ("name", None): (
        "没有名为“{value}”的计算器。可用的计算器:{known}。",
        "There is no calculator named '{value}'. Available: {known}."),
    ("unknown_field", None): (
        "不认识的输入项“{field}”。可用的输入项:{known}。",
        "Unknown input '{field}'. Known inputs: {known}."),
    ("missing", None): (
        "缺少必填项“{field}”。",
        "'{field}' is required."),
    ("missing", "votes_against_without_for"): (
        "给出了反对票数,但缺少赞成票数“{field}”。",
        "'votes_against' was given without '{field}'."),
    ("type", "integer"): (
        "“{field}”应为整数(不能是小数、文字或 true/false)。",
        "'{field}' must be a whole number (not a decimal, text or true/false)."),
    ("type", "number"): (
        "“{field}”应为数值(不能是文字或 true/false)。",
        "'{field}' must be a number (not text or true/false)."),
    ("type", "finite"): (
        "“{field}”应为有限的数值(不能是 NaN 或无穷大)。",
        "'{field}' must be a finite number (not NaN or infinity)."),
    ("type", "boolean"): (
        "“{field}”应为 true 或 false。",
        "'{field}' must be true or false."),
    ("type", "string"): (
        "“{field}”应为文字。",
        "'{field}' must be text."),
    ("type", "list"): (
        "“{field}”应为列表。",
        "'{field}' must be a list."),
    ("type", "object"): (
        "“{field}”应为对象(键值对)。",
        "'{field}' must be an object (key-value pairs)."),
    ("type", "inputs"): (
        "输入应为 JSON 对象(键值对)。",
        "The inputs must be a JSON object (key-value pairs)."),
    ("range", None): (
        "“{field}”应{bounds}。",
        "'{field}' must be {bounds}."),
    ("range", "items"): (
        "“{field}”的项数应{bounds}。",
        "'{field}' must have {bounds} items."),
    ("range", "year"): (
        "“{field}”的年份应{bounds}。",
        "The year in '{field}' must be {bounds}."),
    ("step", None): (
        "“{field}”应为 {step} 的整数倍。",
        "'{field}' must be a multiple of {step}."),
    ("option", None): (
        "“{field}”的取值“{value}”不在可选范围内。可选:{options}。",
        "'{value}' is not an allowed value of '{field}'. Allowed: {options}."),
    ("format", "date"): (
        "“{field}”应为 YYYY-MM-DD 格式的日期。",
        "'{field}' must be a date written YYYY-MM-DD."),
    ("format", "month"): (
        "“{field}”应为 YYYY-MM 格式的月份。",
        "'{field}' must be a month written YYYY-MM."),
    ("format", "json"): (
        "--json 的内容不是有效的 JSON。",
        "The --json text is not valid JSON."),
    ("format", "arguments"): (
        "命令行参数“{argument}”有误。用法:python -m calculators 名称 --json '{{...}}' "
        "[--ics] [--lang zh|en]",
        "Bad command-line argument '{argument}'. Usage: python -m calculators NAME --json "
        "'{{...}}' [--ics] [--lang zh|en]"),
    ("option", "ics"): (
        "只有 meeting_calendar 能输出 iCalendar(--ics)。",
        "Only meeting_calendar can give iCalendar text (--ics)."),
    ("date", "date"): (
        "“{field}”不是真实存在的日期。",
        "'{field}' is not a real calendar date."),
    ("date", "month"): (
        "“{field}”的月份应在 01 至 12 之间。",
        "The month in '{field}' must be 01 to 12."),
    ("consistency", "present_exceeds_members"): (
        "到会人数不能多于成员总数 {members}。",
        "The members present cannot exceed the {members} members."),
    ("consistency", "votes_exceed_present"): (
        "赞成票与反对票之和不能多于到会人数 {present}。",
        "Votes for and against together cannot exceed the {present} members present."),
    ("consistency", "period_reversed"): (
        "检查期间的起始月份晚于结束月份。",
        "The period starts after it ends."),
    ("internal", None): (
        "计算器内部出错,这是程序缺陷,请报告。",
        "The calculator failed internally; this is a bug, please report it."),
}


def _bounds(lang: str, minimum, maximum, exclusive_min=False) -> str:
    low = _shown(minimum, lang)
    high = _shown(maximum, lang)
    if lang == "zh":
        if minimum is not None and maximum is not None:
            return (f"大于 {low} 且不超过 {high}" if exclusive_min
                    else f"在 {low} 至 {high} 之间(含两端)")
        if minimum is not None:
            return f"大于 {low}" if exclusive_min else f"不小于 {low}"
        return f"不超过 {high}"
    if minimum is not None and maximum is not None:
        return (f"greater than {low} and at most {high}" if exclusive_min
                else f"between {low} and {high} inclusive")
    if minimum is not None:
        return f"greater than {low}" if exclusive_min else f"at least {low}"
    return f"at most {high}"


def error_messages(code: str, detail, field: str, params: dict) -> tuple:
    """(message_zh, message_en) for a refused input."""
    templates = ERRORS.get((code, detail)) or ERRORS.get((code, None)) or ERRORS["internal", None]
    params = dict(params, field=echo(field, 80))
    if isinstance(params.get("value"), str):
        params["value"] = echo(params["value"])
    out = []
    for lang, template in zip(("zh", "en"), templates):
        text = _Params({key: _shown(value, lang) for key, value in params.items()})
        if code == "range":
            text["bounds"] = _bounds(lang, params.get("minimum"), params.get("maximum"),
                                     params.get("exclusive_min", False))
        out.append(template.format_map(text))
    return tuple(out)


# ---------------------------------------------------------- explanations

NOTES = {
    # quorum
    "quorum.ordinary": (
        "普通议题适用 c1-8:“{text}”。“以上”包含本数,恰好达到 {ratio} 也可开会,人数向上取整:"
        "{members} 名成员至少需 {required} 人到会。",
        "An ordinary topic falls under c1-8: at least {ratio} of the members must be present "
        "(以上 includes the number itself, so exactly {ratio} is enough; the head count is "
        "rounded up). {members} members need {required} present."),
    "quorum.major": (
        "人事、大额财务支出等重大问题适用 c1-8:“{text}”。“一般应全体成员到齐”按较严格的读法执行:"
        "{members} 名成员须 {required} 人全部到会;能否作为例外少于全体成员开会,须由会议另行决定,"
        "本计算器不作推定。",
        "A major topic (personnel matters, a large expenditure) falls under c1-8: every member "
        "should ordinarily be present (一般应全体成员到齐). This takes the stricter reading: all "
        "{required} of the {members} members must be present; whether to meet without everyone "
        "as an exception is for the meeting to decide and is not assumed here."),
    "quorum.major_expenditure": (
        "按 c12-2“{text}”,这类重大开支由主任办公会议定,属于重大问题。",
        "Under c12-2 a major expenditure is decided by the director's office meeting, so it "
        "is a major topic."),
    "quorum.met": (
        "现到会 {present} 人,不少于 {required} 人,会议可以举行。",
        "{present} present, at least {required}: the meeting may be held."),
    "quorum.not_met": (
        "现到会 {present} 人,少于 {required} 人,会议不能举行。",
        "{present} present, fewer than {required}: the meeting cannot be held."),
    "quorum.vote_void": (
        "会议未达到规定人数,不能议定事项,因此动议不通过(c1-7)。",
        "The meeting is not quorate, so it decides nothing: the motion does not pass (c1-7)."),
    "quorum.vote_passed": (
        "c1-7:“{text}”,赞成票须超过到会人数的一半。到会 {present} 人,至少需 {needed} 票赞成;"
        "赞成 {votes_for} 票,动议通过。",
        "c1-7 (少数服从多数): a motion needs more than half of the members present. With "
        "{present} present it needs {needed} votes for; {votes_for} voted for, so it passes."),
    "quorum.vote_failed": (
        "c1-7:“{text}”,赞成票须超过到会人数的一半。到会 {present} 人,至少需 {needed} 票赞成;"
        "赞成 {votes_for} 票,动议不通过(票数相等不算多数;有重大分歧的事项可暂缓决定)。",
        "c1-7 (少数服从多数): a motion needs more than half of the members present. With "
        "{present} present it needs {needed} votes for; {votes_for} voted for, so it does not "
        "pass (a tie is not a majority; c1-7 lets a deeply divided question be deferred)."),

    # condolence
    "condolence.hospitalization": (
        "c12-8:“{text}”。住院慰问金原则上为 {amount} 元。",
        "c12-8: when a staff member, a retired staff member or a direct relative is in "
        "hospital, the union visits and pays {amount} yuan in principle (原则上)."),
    "condolence.hospitalization_special": (
        "条文写的是“原则上”,特殊情况的数额须另行研究决定,上面的金额只是原则标准。",
        "The clause says 'in principle' (原则上): a special case's amount is for separate "
        "decision; the figure above is only the standard."),
    "condolence.disaster": (
        "c12-9:“{text}”。一般情况按灾祸程度在 {amount_min}—{amount_max} 元之间确定。",
        "c12-9: for an accident or disaster in a staff member's family the union pays "
        "{amount_min}–{amount_max} yuan, set by how severe it is."),
    "condolence.disaster_special": (
        "c12-9:“{text}”。一般情况按灾祸程度给予 {amount_min}—{amount_max} 元;特殊情况另行研究,"
        "数额不在此预设。",
        "c12-9: ordinarily {amount_min}–{amount_max} yuan by severity; a special case is "
        "decided separately (特殊情况另行研究), so no amount is given here."),
    "condolence.death": (
        "c12-10:“{text}”。慰问金为 {amount} 元。",
        "c12-10: when a staff member's direct relative or spouse dies, the union pays "
        "{amount} yuan."),
    "condolence.death_special": (
        "c12-10 规定的是固定数额,没有“特殊情况另行研究”的表述,特殊情况不改变数额。",
        "c12-10 fixes the amount and has no special-case wording, so 'special' changes "
        "nothing."),
    "condolence.not_covered": (
        "{clause} 列明的情形是:“{text}”。所问情形不在其中,本计算器不推测数额;"
        "是否慰问、慰问多少,须由机关工会另行决定。",
        "{clause} names only these cases: “{text}”. The case asked about is not among them, "
        "so no amount is guessed; whether to pay anything is for the union to decide "
        "separately."),
    "condolence.reading.spouse": (
        "c12-10 把“配偶”与“直系亲属”并列,所以 c12-8 的“直系亲属”按不含配偶理解(较严格的读法)。",
        "c12-10 names the spouse beside direct relatives, so c12-8's 'direct relatives' is "
        "read as not including the spouse (the stricter reading)."),
    "condolence.reading.retiree": (
        "c12-8 把“退休干部”与“本办干部”分列,所以 c12-9、c12-10 的“本办干部”按不含退休干部理解"
        "(较严格的读法)。",
        "c12-8 names retired staff beside serving staff, so 'staff member' in c12-9 and "
        "c12-10 is read as not including retirees (the stricter reading)."),
    "condolence.reading.household": (
        "c12-9 说的是“本办干部家庭”,按本人的家庭(含配偶)理解;直系亲属自己的家庭不在其中"
        "(较严格的读法)。",
        "c12-9 speaks of the staff member's family (家庭), read as the staff member's own "
        "household, spouse included; a direct relative's separate household is not (the "
        "stricter reading)."),
    "condolence.reading.own_death": (
        "c12-10 只列明直系亲属及配偶去世,没有列明本办干部本人去世的情形。",
        "c12-10 names the death of a direct relative or the spouse, not the staff member's "
        "own death."),

    # rewards
    "rewards.rates": (
        "c13-2 的标准:永定新闻网、永定区政府网、市机构编制网等 {county_web} 元/篇;红网手机报 "
        "{rednet_mobile} 元/篇;区“两办”(区委办、区政府办)及《张家界日报》以上刊物 {municipal} 元/篇;"
        "省级刊物 {provincial} 元/篇;国家级刊物 {national} 元/篇。",
        "c13-2 rates: 永定新闻网, 永定区政府网, 市机构编制网 and the like {county_web} yuan an "
        "article; 红网手机报 {rednet_mobile}; the district's two general offices (区委办, "
        "区政府办) and 《张家界日报》 or higher {municipal}; provincial publications "
        "{provincial}; national publications {national}."),
    "rewards.highest_only": (
        "同一稿件被多家采用的,按“就高不就低”只计最高一档(c13-2)。",
        "An article taken by several outlets earns only its highest reward (就高不就低, "
        "c13-2)."),
    "rewards.total": (
        "共 {count} 篇,合计 {total} 元。",
        "{count} article(s), {total} yuan in all."),
    "rewards.young_cadre_ok": (
        "c13-1:“{text}”。检查 {start} 至 {end} 各月(含首尾),每月至少 {least} 篇,没有缺稿的月份。",
        "c13-1: a young cadre must write at least {least} news article a month. Months "
        "{start} to {end} (both included) were checked: none is short."),
    "rewards.young_cadre_short": (
        "c13-1:“{text}”。检查 {start} 至 {end} 各月(含首尾),每月至少 {least} 篇;缺稿月份 "
        "{count} 个:{missing}。",
        "c13-1: a young cadre must write at least {least} news article a month. Months "
        "{start} to {end} (both included) were checked: {count} short: {missing}."),
    "rewards.young_cadre_no_months": (
        "c13-1 要求年轻干部每月撰写新闻稿件;但没有给出任何月份(稿件的 month,或 "
        "period_start/period_end),无法检查缺稿月份。",
        "c13-1 asks young cadres for an article each month, but no month was given (an "
        "article's month, or period_start/period_end), so no month could be checked."),

    # leave_approval
    "leave.principal": (
        "c8-1:“{text}”。请假 {days} 天,达到 {threshold} 天以上(“以上”含本数),应书面报告,"
        "报单位主要负责人审批。",
        "c8-1: leave of {threshold} day or more (以上 includes the number) needs a written "
        "report and the approval of the principal (单位主要负责人); {days} day(s) asked "
        "for, so this applies."),
    "leave.exactly_threshold": (
        "恰好 {days} 天时,“{days}天以上”和“{days}天以下”都包含本数,两条都适用;本计算器取较严格的"
        "一条:报单位主要负责人审批,并书面报告。",
        "Exactly {days} day falls under both wordings, since 以上 and 以下 both include the "
        "number. The stricter route is taken: the principal approves, with a written report."),
    "leave.filing": (
        "c8-5:“{text}”。",
        "c8-5: once the written leave report is done, it is filed with the general office "
        "(综合股)."),
    "leave.deputy": (
        "c8-1:“{text}”。请假 {days} 天,不足 {threshold} 天,报分管领导审批;条文只要求 "
        "{threshold} 天以上的请假书面报告。",
        "c8-1: leave under {threshold} day goes to the deputy in charge (分管领导); the "
        "clause asks for a written report only from {threshold} day up."),

    # annual_leave
    "annual_leave.basis": (
        "c8-3 规定年休假按“国务院令第514号《机关事业单位工作人员带薪年休假实施办法》”执行。条文把两份"
        "文件写在了一起:国务院令第514号是《职工带薪年休假条例》;《机关事业单位工作人员带薪年休假实施"
        "办法》是人事部令第9号,依据该条例在机关事业单位实施。年休假天数和当年不享受年休假的情形取自"
        "条例第三条、第四条。",
        "c8-3 applies 'State Council Order No. 514, the Implementation Measures on Paid Annual "
        "Leave for Staff of Organs and Public Institutions'. The clause runs two instruments "
        "together: Order No. 514 is the Regulations on Paid Annual Leave for Employees "
        "(《职工带薪年休假条例》); the Implementation Measures (《机关事业单位工作人员带薪年休假"
        "实施办法》) are Ministry of Personnel Order No. 9, which applies those Regulations to "
        "organs and public institutions. The days, and the cases that cancel a year's leave, "
        "come from arts. 3 and 4 of the Regulations."),
    "annual_leave.under_first_tier": (
        "累计工作 {years} 年,未满 {first} 年,不享受年休假。",
        "{years} year(s) of work, under {first}: no annual leave."),
    "annual_leave.tier": (
        "累计工作 {years} 年,属“已满{start}年不满{end}年”(“已满”含本数,“不满”不含),"
        "年休假 {days} 天(条例第三条)。",
        "{years} year(s) of work is in the band 'at least {start}, under {end}' (已满 "
        "includes the number, 不满 excludes it): {days} days (Regulations art. 3)."),
    "annual_leave.tier_top": (
        "累计工作 {years} 年,属“已满{start}年”(含本数),年休假 {days} 天(条例第三条)。",
        "{years} year(s) of work is at least {start} (已满 includes the number): {days} "
        "days (Regulations art. 3)."),
    "annual_leave.reason.vacation_longer": (
        "享受寒暑假 {vacation} 天,多于年休假 {entitlement} 天(“多于”不含相等),当年不享受年休假"
        "(条例第四条第一项)。",
        "Winter/summer vacation of {vacation} days is more than the {entitlement}-day "
        "entitlement (多于: equal is not more): no annual leave this year (art. 4(1))."),
    "annual_leave.reason.personal_leave": (
        "请事假累计 {personal} 天,达到 {personal_limit} 天以上(含本数)且未扣工资,当年不享受年休假"
        "(条例第四条第二项)。",
        "{personal} days of personal leave, {personal_limit} or more (以上 includes the "
        "number), with no pay deducted: no annual leave this year (art. 4(2))."),
    "annual_leave.reason.sick_leave": (
        "请病假累计 {sick} 个月,达到本档的 {sick_limit} 个月以上(含本数),当年不享受年休假"
        "(条例第四条第三至五项)。",
        "{sick} month(s) of sick leave reaches the {sick_limit} months set for this band "
        "(以上 includes the number): no annual leave this year (art. 4(3)-(5))."),
    "annual_leave.none": (
        "当年年休假为 0 天。",
        "Annual leave this year: 0 days."),
    "annual_leave.days": (
        "当年可休年休假 {days} 天;休假前须书面报告、安排好工作,经办领导审批同意并登记(c8-3)。",
        "Annual leave this year: {days} days. Before taking it, report in writing, arrange "
        "the work, get the office leadership's approval and have it registered (c8-3)."),

    # expenditure
    "expenditure.meeting": (
        "c12-2:“{text}”。“以上”包含本数:{amount} 元达到 {threshold} 元,须报请主任办公会议定。",
        "c12-2: spending of {threshold} yuan or more (以上 includes the number) is decided by "
        "the director's office meeting; {amount} yuan is {threshold} or more."),
    "expenditure.no_meeting": (
        "c12-2:“{text}”。{amount} 元不足 {threshold} 元,不需报主任办公会议定,但仍须按规定审批。",
        "c12-2: {amount} yuan is under {threshold} yuan, so the director's office meeting "
        "need not decide it; it still needs the usual approval."),
    "expenditure.major_topic": (
        "这类支出属 c1-8 所说的“大额财务支出等重大问题”,议定时一般应全体成员到齐"
        "(见 quorum 计算器的 major 议题)。",
        "Such spending is a major topic under c1-8 (大额财务支出), for which every member "
        "should ordinarily be present (see the quorum calculator, topic 'major')."),
    "expenditure.approval": (
        "c12-3:“{text}”。无论金额大小,都须先审批后开支。",
        "c12-3: whatever the amount, approve first and spend after; spending without prior "
        "approval is not reimbursed."),
    "expenditure.reimburse": (
        "c12-4:“{text}”。“半月”按固定的 {days} 天计(按一个月 30 天折半),不随月份大小变化;"
        "开支当天不计入,从次日起算:{spent_on} 开支,最迟于 {deadline} 签批报帐。提前报帐总是合规的。",
        "c12-4: the claim must be signed off within half a month (半月内) of the spending. "
        "Half a month is read as a fixed {days} days (half of a 30-day month), whatever the "
        "month's length, counted from the day after the spending: spent on {spent_on}, sign "
        "off by {deadline} at the latest. Earlier is always compliant."),
    "expenditure.reimburse_no_date": (
        "c12-4:“{text}”。“半月”按固定的 {days} 天计,从开支次日起算;未给出开支日期,"
        "所以没有算出具体日期。",
        "c12-4: the claim must be signed off within half a month of the spending, read as a "
        "fixed {days} days from the day after; no spending date was given, so no deadline "
        "date is computed."),

    # duty_compensation
    "duty.compensation.either": (
        "c15-6:“{text}”。条文没有写折算比例,本计算器按 {ratio} 计:值班 {duty_days} 天,可安排补休 "
        "{days} 天,或抵减请假 {days} 天,二者择一,同一天不重复使用;“可安排”指由单位安排,并非自动取得。",
        "c15-6: holiday duty may be compensated by days off or set against leave. The clause "
        "gives no ratio; this reads it {ratio}: {duty_days} duty day(s) give {days} day(s) "
        "off OR {days} day(s) set against leave, one or the other, not both. 'May be arranged' (可安排) "
        "means the office arranges it; it is not automatic."),
    "duty.compensation.rest": (
        "c15-6:“{text}”。条文没有写折算比例,本计算器按 {ratio} 计:值班 {duty_days} 天,选择补休 "
        "{days} 天,不再抵减请假;“可安排”指由单位安排,并非自动取得。",
        "c15-6: the clause gives no ratio; this reads it {ratio}: {duty_days} duty day(s) give "
        "{days} day(s) off, and then nothing is set against leave. It is arranged by the "
        "office, not automatic."),
    "duty.compensation.leave_offset": (
        "c15-6:“{text}”。条文没有写折算比例,本计算器按 {ratio} 计:值班 {duty_days} 天,选择抵减请假 "
        "{days} 天,不再补休;“可安排”指由单位安排,并非自动取得。",
        "c15-6: the clause gives no ratio; this reads it {ratio}: {duty_days} duty day(s) set "
        "{days} day(s) against leave, and then no day off is given. It is arranged by the "
        "office, not automatic."),
    "duty.rotation": (
        "c15-1:节假日值班实行轮流值班制,每班由 {leaders} 名领导负责。",
        "c15-1: holiday duty rotates; each shift is led by {leaders} leader."),
    "duty.long_holiday.spring_festival": (
        "c15-2:{text}。春节长假须安排固定值班人员,并向{report_to}报告。",
        "c15-2: for the Spring Festival holiday a fixed duty roster is set and reported to "
        "the district Party committee (区委), the district government (区政府) and the "
        "district political and legal affairs committee (区政法委)."),
    "duty.long_holiday.national_day": (
        "c15-2:{text}。“十.一”国庆长假须安排固定值班人员,并向{report_to}报告。",
        "c15-2: for the National Day holiday (十.一) a fixed duty roster is set and reported "
        "to the district Party committee (区委), the district government (区政府) and the "
        "district political and legal affairs committee (区政法委)."),
    "duty.ordinary_holiday": (
        "c15-3:平常节假日,有重要工作任务的由有关领导及有关人员值班,没有的由领导指派人员值班;"
        "c15-2 的固定值班和报告要求只适用于“十.一”和春节长假。",
        "c15-3: on an ordinary holiday the leaders and staff concerned take duty when there "
        "is important work, otherwise a leader assigns staff; the fixed roster and report of "
        "c15-2 apply only to the National Day and Spring Festival holidays."),
    "duty.tasks": (
        "值班期间负责机关安全保卫、完成重要工作任务、及时处理突发事件(c15-4);值班期间的安全事故、"
        "工作失误由值班领导和值班人员承担责任(c15-5)。",
        "On duty: guard the office's security, complete important tasks and deal with "
        "emergencies (c15-4); the leader and staff on duty answer for accidents and errors "
        "during the shift (c15-5)."),

    # meeting_calendar
    "calendar.week_definition": (
        "“每月第N周”指从该月第N个星期一开始的那一周(周一至周日)。每个月至少有四个星期一,所以"
        "第二周、第四周总在本月内开始,且相隔 14 天;每月第一个星期一之前的几天属于上月的最后一周。"
        "主任办公会安排在该周的星期一(一周的第一个工作日)。",
        "'The n-th week of a month' is the Monday-to-Sunday week that begins on the month's "
        "n-th Monday. Every month has at least four Mondays, so the 2nd and 4th weeks always "
        "begin inside the month, 14 days apart; the days before the first Monday finish the "
        "previous month's last week. The office meeting is put on that week's Monday, its "
        "first working day."),
    "calendar.office_meeting": (
        "c1-3:“{text}”。即每月第 {weeks} 周各一次。",
        "c1-3: the director's office meeting meets twice a month, in weeks {weeks} of the "
        "month; special circumstances allow other dates."),
    "calendar.central_group_study": (
        "c9-1-2:“{text}”。每季度一次,每次连续 {min_days} 个工作日(“不少于”含本数),建议从每季度"
        "最后一个月第二周的星期三开始。",
        "c9-1-2: the central group studies once a quarter for at least {min_days} days "
        "(不少于 includes the number): {min_days} consecutive working days, suggested from the "
        "Wednesday of the 2nd week of the quarter's last month."),
    "calendar.party_member_meeting": (
        "c6-1:“{text}”。全年 {per_year} 次,建议安排在每季度最后一个月第四周的星期三。",
        "c6-1: party members' meetings are ordinarily held {per_year} times a year, "
        "suggested on the Wednesday of the 4th week of each quarter's last month."),
    "calendar.democratic_life_meeting": (
        "c5-1:“{text}”。全年 {per_year} 次,建议安排在 12 月第三周的星期三。",
        "c5-1: the leadership's democratic life meeting is held {per_year} time(s) a year, "
        "suggested on the Wednesday of the 3rd week of December."),
    "calendar.collective_study": (
        "c9-2-4:“{text}”。每月一次,建议安排在第三周的星期五。",
        "c9-2-4: the office studies together once a month, suggested on the Friday of the "
        "3rd week."),
    "calendar.suggested": (
        "除主任办公会的周次外,条文只规定频次;具体日期是本手册的建议,每条记录的 period_start 至 "
        "period_end 是条文要求的期间,可在期间内调整。法定节假日未计入,遇节假日请顺延调整。",
        "Apart from the office meetings' weeks, the clauses fix only how often; the dates "
        "are this handbook's suggestions. Each entry's period_start to period_end is the "
        "period the clause requires; move the date within it. Public holidays are not "
        "taken into account."),
}


def explain(notes: list) -> tuple:
    """(explanation_zh, explanation_en) for a list of (key, params) notes."""
    zh, en = [], []
    for key, params in notes:
        template_zh, template_en = NOTES[key]
        zh.append(_fill(template_zh, "zh", params))
        en.append(_fill(template_en, "en", params))
    return "".join(zh), " ".join(en)


# -------------------------------------------------------------- calendar

_MEETING_TITLES = {
    "office_meeting": ("主任办公会", "Director's office meeting"),
    "central_group_study": ("中心组学习研讨(不少于{min_days}天)",
                            "Central group study (at least {min_days} days)"),
    "party_member_meeting": ("党员组织生活会", "Party members' meeting"),
    "democratic_life_meeting": ("领导班子民主生活会", "Leadership democratic life meeting"),
    "collective_study": ("机关集中学习", "Office collective study"),
}


def meeting_title(kind: str, lang: str, **params) -> str:
    return _fill(_MEETING_TITLES[kind][lang == "en"], lang, params)


def calendar_name(year, lang: str) -> str:
    template = "{year} 年制度规定会议" if lang == "zh" else "Required meetings {year}"
    return _fill(template, lang, {"year": year})


def ics_description(meeting: dict, lang: str, text: str) -> str:
    template = ("依据 {clause}:“{text}”。条文要求的期间:{period_start} 至 {period_end};"
                "日期为建议,可在期间内调整。" if lang == "zh" else
                "Rule {clause}: “{text}”. Required within {period_start} to {period_end}; "
                "the date is a suggestion and may move within that period.")
    return _fill(template, lang, {**meeting, "text": text})


# ------------------------------------------------ labels for the schema

TITLES = {
    "quorum": ("主任办公会到会人数与表决", "Office meeting quorum and vote"),
    "condolence": ("工会慰问金", "Union condolence money"),
    "rewards": ("宣传稿件奖励", "Article rewards"),
    "leave_approval": ("请假审批", "Leave approval"),
    "annual_leave": ("年休假天数", "Annual leave days"),
    "expenditure": ("经费开支审批与报帐", "Spending approval and reimbursement"),
    "duty_compensation": ("节假日值班补休", "Holiday duty compensation"),
    "meeting_calendar": ("年度会议日历", "Yearly meeting calendar"),
}

FIELD_LABELS = {
    "quorum": {
        "members": ("主任办公会成员总数", "Members of the office meeting"),
        "present": ("到会人数", "Members present"),
        "topic": ("议题", "Topic"),
        "votes_for": ("赞成票", "Votes for"),
        "votes_against": ("反对票", "Votes against"),
    },
    "condolence": {
        "event": ("事由", "Event"),
        "person": ("对象", "Person"),
        "special": ("特殊情况", "Special case"),
    },
    "rewards": {
        "articles": ("稿件", "Articles"),
        "outlets": ("采用媒体", "Outlets"),
        "month": ("月份", "Month"),
        "young_cadre": ("年轻干部", "Young cadre"),
        "period_start": ("检查起始月份", "Period start"),
        "period_end": ("检查结束月份", "Period end"),
    },
    "leave_approval": {"days": ("请假天数", "Days of leave")},
    "annual_leave": {
        "years_worked": ("累计工作年限", "Years worked (cumulative)"),
        "sick_leave_months": ("当年病假累计月数", "Sick leave this year (months)"),
        "personal_leave_days": ("当年事假累计天数", "Personal leave this year (days)"),
        "personal_leave_pay_deducted": ("事假已扣工资", "Personal leave deducted from pay"),
        "vacation_days": ("当年享受寒暑假天数", "Winter/summer vacation days this year"),
    },
    "expenditure": {
        "amount": ("金额(元)", "Amount (yuan)"),
        "spent_on": ("开支日期", "Date of spending"),
    },
    "duty_compensation": {
        "duty_days": ("值班天数", "Days on duty"),
        "holiday": ("节假日", "Holiday"),
        "use": ("补偿方式", "Use"),
    },
    "meeting_calendar": {
        "year": ("年份", "Year"),
        "ics": ("同时输出 iCalendar 文本", "Also give iCalendar text"),
        "lang": ("iCalendar 语言", "iCalendar language"),
    },
}

OPTION_LABELS = {
    ("quorum", "topic"): {"ordinary": ("一般议题", "Ordinary topic"),
                          "major": ("重大问题(人事、大额财务支出等)",
                                    "Major topic (personnel, large expenditure)")},
    ("condolence", "event"): {"hospitalization": ("住院", "Hospitalization"),
                              "disaster": ("意外灾祸", "Accident or disaster"),
                              "death": ("去世", "Death")},
    ("condolence", "person"): {"self": ("本办干部本人", "The staff member"),
                               "retiree": ("退休干部", "A retired staff member"),
                               "relative": ("直系亲属", "A direct relative"),
                               "spouse": ("配偶", "The spouse")},
    ("rewards", "outlets"): {"county_web": ("永定新闻网等区、市网站", "County/city website level"),
                             "rednet_mobile": ("红网手机报档", "Rednet mobile level"),
                             "municipal": ("区“两办”、《张家界日报》及以上",
                                           "District offices, Zhangjiajie Daily and up"),
                             "provincial": ("省级刊物", "Provincial publication"),
                             "national": ("国家级刊物", "National publication")},
    ("duty_compensation", "holiday"): {"ordinary": ("平常节假日", "Ordinary holiday"),
                                       "spring_festival": ("春节长假", "Spring Festival"),
                                       "national_day": ("“十.一”长假", "National Day")},
    ("duty_compensation", "use"): {"either": ("补休或抵减请假(择一)", "Either"),
                                   "rest": ("补休", "Days off"),
                                   "leave_offset": ("抵减请假天数", "Set against leave")},
    ("meeting_calendar", "lang"): {"zh": ("中文", "Chinese"), "en": ("英文", "English")},
}

OUTPUT_LABELS = {
    "quorum": {"quorum_met": ("达到开会人数", "Quorum met"),
               "required_present": ("至少需到会人数", "Members required"),
               "passed": ("动议通过", "Motion passed")},
    "condolence": {"covered": ("条文有规定", "Covered by the rules"),
                   "amount_min": ("最低金额(元)", "Minimum (yuan)"),
                   "amount_max": ("最高金额(元)", "Maximum (yuan)"),
                   "refer_to_meeting": ("须另行研究", "Refer for separate decision")},
    "rewards": {"total": ("奖励合计(元)", "Total (yuan)"),
                "reward": ("每篇奖励", "Reward per article"),
                "shortfall_months": ("缺稿月份", "Months without an article")},
    "leave_approval": {"approver": ("审批人", "Approver"),
                       "written_report": ("须书面报告", "Written report needed")},
    "annual_leave": {"days": ("当年年休假天数", "Annual leave days"),
                     "entitlement_days": ("按工龄应有天数", "Entitlement by years worked"),
                     "reasons": ("不享受年休假的原因", "Why no leave this year")},
    "expenditure": {"needs_office_meeting": ("须主任办公会议定", "Office meeting decides"),
                    "approve_before_spending": ("须先审批后开支", "Approve before spending"),
                    "reimburse_by": ("最迟签批报帐日期", "Sign off by")},
    "duty_compensation": {"compensation_days": ("可得天数", "Days earned"),
                          "compensatory_rest_days": ("补休天数", "Days off"),
                          "leave_offset_days": ("可抵减请假天数", "Days set against leave"),
                          "leaders_per_shift": ("每班负责领导人数", "Leaders per shift"),
                          "fixed_roster": ("须安排固定值班人员", "Fixed roster needed"),
                          "report_to": ("值班安排报告对象", "Report the roster to")},
    "meeting_calendar": {"year": ("年份", "Year"),
                         "meetings": ("会议", "Meetings"),
                         "counts": ("各类会议次数", "Meetings by kind"),
                         "ics": ("iCalendar 文本", "iCalendar text")},
}
