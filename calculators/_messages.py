"""All wording, in Chinese and English, kept apart from the rule logic.

Rule functions return facts: a message key and its parameters. This module
turns them into sentences. Numbers that come from the rules arrive as
parameters, so no amount is written here either.

Every word is in the reader's language: the Chinese text names inputs by the
form's own labels (FIELD_LABELS), never by a code key; the English text gives
a Chinese name only in brackets right after its English rendering, e.g.
"Yongding News website (永定新闻网)". tests/calculators/test_language.py
checks both for every case.
"""

import re

from ._data import rule

_JOIN = {"zh": "、", "en": ", "}
_YES_NO = {"zh": ("是", "否"), "en": ("yes", "no")}


def echo(text: str, limit: int = 40) -> str:
    """User text quoted back in a message: cut short, and made printable as
    UTF-8 (JSON and argv can carry lone surrogates, which cannot be encoded)."""
    if len(text) > limit:
        text = text[:limit - 1] + "…"
    return text.encode("utf-8", "replace").decode("utf-8")


# ------------------------------------------------------------- names

# The holidays of the `chinese_calendar` package, keyed by its own English key.
HOLIDAY_NAMES = {
    "New Year's Day": ("元旦", "New Year's Day (元旦)"),
    "Spring Festival": ("春节", "the Spring Festival (春节)"),
    "Tomb-sweeping Day": ("清明节", "Tomb-sweeping Day (清明节)"),
    "Labour Day": ("劳动节", "Labour Day (劳动节)"),
    "Dragon Boat Festival": ("端午节", "the Dragon Boat Festival (端午节)"),
    "National Day": ("国庆节", "National Day (国庆节)"),
    "Mid-autumn Festival": ("中秋节", "the Mid-Autumn Festival (中秋节)"),
    "Anti-Fascist 70th Day": ("抗战胜利70周年纪念日",
                              "the 70th anniversary of the victory (抗战胜利70周年纪念日)"),
}

# English for the outlet names c13-2 gives in Chinese (following c13-2's English);
# every spelling the contract accepts has one. The value sent stays Chinese.
OUTLET_NAMES_EN = {
    "永定新闻网": "Yongding News website",
    "永定区政府网": "Yongding District Government website",
    "市机构编制网": "municipal institutional organization and staffing website",
    "红网手机报": "Rednet mobile news",
    "区“两办”": 'the District "Two Offices"',
    '区"两办"': 'the District "Two Offices"',
    "区两办": 'the District "Two Offices"',
    "区委办": "General Office of the District Party Committee",
    "区政府办": "General Office of the District Government",
    "《张家界日报》": "Zhangjiajie Daily",
    "张家界日报": "Zhangjiajie Daily",
    "省级刊物": "provincial publication",
    "国家级刊物": "national publication",
}

# The rewards form groups outlets by tier (c13-2's rate table); where the rules
# say 等 or 以上, the tier also offers "another outlet at this level".
TIER_NAMES = {
    "county_web": ("区、市网站", "District and city websites"),
    "rednet_mobile": ("红网手机报", "Rednet mobile news"),
    "municipal": ("区“两办”、《张家界日报》及以上刊物",
                  'The District "Two Offices", Zhangjiajie Daily or higher'),
    "provincial": ("省级刊物", "Provincial publications"),
    "national": ("国家级刊物", "National publications"),
}
OTHER_OUTLET = {
    "county_web": ("其他区、市网站", "Another district or city website"),
    "municipal": ("其他同级或以上刊物", "Another publication at that level or higher"),
}

# The bodies c15-2 names (duty_compensation's report_to values).
BODY_NAMES_EN = {
    "区委": "District Party Committee",
    "区政府": "District Government",
    "区政法委": "District Political and Legal Affairs Commission",
}


def outlet_en(name: str) -> str:
    """An outlet name for an English reader: the English, the Chinese in brackets."""
    return f"{OUTLET_NAMES_EN[name]} ({name})" if name in OUTLET_NAMES_EN else name


# ------------------------------------------------------------ filling

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


def _holiday(key, lang: str) -> str:
    if key is None:
        return "—"
    names = HOLIDAY_NAMES.get(key, (key, key))
    return names[lang == "en"]


def _moves(moves, lang: str) -> str:
    parts = []
    for old, new, holiday in moves:
        if lang == "zh":
            why = f"{_holiday(holiday, lang)}假期" if holiday else "当日已有会议"
            parts.append(f"{old}({why})改为 {new}")
        else:
            why = _holiday(holiday, lang) if holiday else "another meeting that day"
            parts.append(f"{old}, {why}, to {new}")
    return ("；" if lang == "zh" else "; ").join(parts)


def _date(value, lang: str) -> str:
    """2026-10-01 → 2026年10月1日 / 1 October 2026."""
    if not value:
        return "—"
    year, month, day = (int(part) for part in str(value).split("-"))
    if lang == "zh":
        return f"{year}年{month}月{day}日"
    return f"{day} {_MONTH_NAMES[month - 1]} {year}"


_MONTH_NAMES = ("January", "February", "March", "April", "May", "June", "July", "August",
                "September", "October", "November", "December")


def _months(months, lang: str) -> str:
    """["2027-02", "2027-05"] → 2027年2月、2027年5月 / February 2027, May 2027."""
    out = []
    for value in months or ():
        year, month = (int(part) for part in str(value).split("-"))
        out.append(f"{year}年{month}月" if lang == "zh" else f"{_MONTH_NAMES[month - 1]} {year}")
    return _JOIN[lang].join(out)


def _n_days(value, lang: str) -> str:
    number = _shown(value, lang)
    if lang == "zh":
        return f"{number}天"
    return f"{number} day" if value == 1 else f"{number} days"


# Parameters that need words, not just text.
_SPECIAL = {"holiday": _holiday, "moves": _moves, "date": _date, "last_day": _date,
            "months": _months, "n_days": _n_days}


class _Params(dict):
    """A missing parameter shows as {name} rather than raising (tests look for it)."""

    def __missing__(self, key):
        return "{" + key + "}"


def _fill(template: str, lang: str, params: dict) -> str:
    return template.format_map(_Params({
        k: _SPECIAL[k](v, lang) if k in _SPECIAL else _shown(v, lang)
        for k, v in params.items()}))


# ------------------------------------------------ labels for the schema

TITLES = {
    "quorum": ("主任办公会到会人数与表决", "Director's Office Meeting: quorum and vote"),
    "condolence": ("工会慰问金", "Office trade union sympathy payment"),
    "rewards": ("宣传稿件奖励", "Article rewards"),
    "leave_approval": ("请假审批", "Leave approval"),
    "annual_leave": ("年休假天数", "Annual leave days"),
    "expenditure": ("经费开支审批与报帐", "Spending approval and reimbursement"),
    "duty_compensation": ("节假日值班补休", "Holiday duty compensation"),
    "meeting_calendar": ("年度会议日历", "Yearly meeting calendar"),
}

FIELD_LABELS = {
    "quorum": {
        "members": ("主任办公会成员总数", "Members of the Director's Office Meeting"),
        "present": ("到会人数", "Members present"),
        "topic": ("议题", "Topic"),
        "votes_for": ("赞成票", "Votes for"),
        "votes_against": ("反对票", "Votes against"),
    },
    "condolence": {
        "event": ("事由", "Event"),
        "person": ("对象", "Person"),
        "special": ("特殊情况", "Special case"),
        "same_household": ("该直系亲属与本办干部同属一个家庭（同住）",
                           "The lineal relative lives in the cadre's own household"),
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
        "work_start": ("参加工作时间（可代替工作年限）", "Date work began (instead of years worked)"),
        "as_of": ("计算日期", "Date the answer is for"),
    },
    "expenditure": {
        "amount": ("金额（元）", "Amount (yuan)"),
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
        "week_reading": ("“第二周、第四周”的算法", "How to count \"the 2nd and 4th weeks\""),
    },
}

OPTION_LABELS = {
    ("quorum", "topic"): {
        "ordinary": ("一般议题", "Ordinary topic"),
        "personnel": ("重大问题：人事", "Major topic: personnel"),
        "expenditure": ("重大问题：大额财务支出", "Major topic: large expenditure"),
        "major": ("其他重大问题", "Other major topic")},
    ("condolence", "event"): {"hospitalization": ("住院", "Hospitalization"),
                              "disaster": ("意外灾祸", "Accident or disaster"),
                              "death": ("去世", "Death")},
    ("condolence", "person"): {"self": ("本办干部本人", "The cadre of the Office"),
                               "retiree": ("退休干部", "A retired cadre"),
                               "relative": ("直系亲属", "A lineal relative"),
                               "spouse": ("配偶", "The spouse")},
    ("rewards", "outlets"): {
        "county_web": ("永定新闻网等区、市网站档", "District or city website level"),
        "rednet_mobile": ("红网手机报档", "Rednet mobile news level"),
        "municipal": ("区“两办”、《张家界日报》及以上",
                      "District \"Two Offices\", Zhangjiajie Daily or higher"),
        "provincial": ("省级刊物", "Provincial publication"),
        "national": ("国家级刊物", "National publication")},
    ("duty_compensation", "holiday"): {"ordinary": ("平常节假日", "Ordinary holiday"),
                                       "spring_festival": ("春节长假", "Spring Festival"),
                                       "national_day": ("“十.一”长假", "National Day")},
    ("duty_compensation", "use"): {"either": ("补休或抵减请假（择一）", "Either"),
                                   "rest": ("补休", "Days off"),
                                   "leave_offset": ("抵减请假天数", "Set against leave")},
    ("meeting_calendar", "lang"): {"zh": ("中文", "Chinese"), "en": ("英文", "English")},
    ("meeting_calendar", "week_reading"): {
        "calendar_row": ("按日历行：每月1日所在的周为第一周",
                         "By calendar row: the week holding the 1st is week 1"),
        "nth_monday": ("按星期一：从第二个、第四个星期一开始的一周",
                       "By Mondays: the week beginning on the n-th Monday")},
}

OUTPUT_LABELS = {
    "quorum": {"quorum_met": ("可以开会", "The meeting may be held"),
               "required_present": ("至少需到会成员人数", "Members required"),
               "passed": ("动议通过", "Motion passed")},
    "condolence": {"covered": ("条文有规定", "Covered by the rules"),
                   "amount_min": ("最低金额（元）", "Minimum (yuan)"),
                   "amount_max": ("最高金额（元）", "Maximum (yuan)"),
                   "refer_to_meeting": ("须另行研究决定", "Decided separately")},
    "rewards": {"total": ("奖励合计（元）", "Total (yuan)"),
                "reward": ("每篇奖励", "Reward per article"),
                "shortfall_months": ("缺稿月份", "Months without an article")},
    "leave_approval": {"approver": ("审批人", "Approver"),
                       "written_report": ("须书面报告", "Written report needed")},
    "annual_leave": {"days": ("当年还可休年休假天数", "Annual leave days due"),
                     "entitlement_days": ("按工作年限应有天数", "Entitlement by years worked"),
                     "reasons": ("不享受年休假的原因", "Why no leave this year"),
                     "years_worked": ("累计工作年限（年）", "Years worked"),
                     "next_tier_from": ("下一档起始日期", "Next band applies from"),
                     "next_tier_days": ("下一档天数", "Days in the next band")},
    "expenditure": {"needs_office_meeting": ("须主任办公会议定",
                                             "Decided by the Director's Office Meeting"),
                    "approve_before_spending": ("须先审批后开支", "Approve before spending"),
                    "reimburse_by": ("最迟签批报帐日期", "Sign off by"),
                    "deadline_day_off": ("最后期限是休息日或法定节假日",
                                         "The last day is a day off"),
                    "last_working_day": ("期限内最后一个工作日", "Last working day in time")},
    "duty_compensation": {"compensation_days": ("可得天数", "Days earned"),
                          "compensatory_rest_days": ("补休天数", "Days off"),
                          "leave_offset_days": ("可抵减请假天数", "Days set against leave"),
                          "leaders_per_shift": ("每班负责领导人数", "Leaders per shift"),
                          "fixed_roster": ("须安排固定值班人员", "Fixed roster needed"),
                          "report_to": ("值班安排报告对象", "Report the roster to")},
    "meeting_calendar": {"year": ("年份", "Year"),
                         "week_reading": ("“第几周”的算法", "Week counting used"),
                         "holidays_checked": ("已核对法定节假日", "Public holidays checked"),
                         "meetings": ("会议", "Meetings"),
                         "counts": ("各类会议次数", "Meetings by kind"),
                         "ics": ("iCalendar 文本", "iCalendar text")},
}

# A line under an input that a newcomer cannot judge from its label alone (the page).
FIELD_HINTS = {
    ("condolence", "special"): (
        "“原则上”“特殊情况另行研究”由机关工会认定；一般情况不勾选。",
        "Whether a case is special is for the Office trade union to judge; normally leave "
        "this unticked."),
    ("condolence", "same_household"): (
        "只对“意外灾祸”有影响：与本办干部同住的直系亲属属于本办干部家庭。",
        "Matters only for an accident or disaster: a lineal relative living with the cadre "
        "belongs to the cadre's family."),
}

# Readable words for coded output values, for the page (the embed hook).
VALUE_LABELS = {
    ("leave_approval", "approver"): {
        "principal": ("单位主要负责人",
                      "The principal person in charge of the unit (单位主要负责人)"),
        "deputy": ("分管领导", "The leader in charge (分管领导)"),
    },
    ("annual_leave", "reasons"): {
        "vacation_longer": ("寒暑假天数多于年休假天数",
                            "Winter/summer vacation longer than the entitlement"),
        "personal_leave": (
            f"事假累计{rule('annual_leave.personal_leave')['days']}天以上且未扣工资",
            f"{rule('annual_leave.personal_leave')['days']} or more days of personal leave "
            "with no pay deducted"),
        "sick_leave": ("病假累计达到规定月数", "Sick leave reached the limit for the years worked"),
    },
    ("duty_compensation", "report_to"): {
        zh: (zh, f"{en} ({zh})") for zh, en in BODY_NAMES_EN.items()},
    ("meeting_calendar", "week_reading"): {
        code: labels for code, labels in OPTION_LABELS[("meeting_calendar", "week_reading")].items()},
}


# ------------------------------------------------------------ field names

_SPECIAL_FIELDS = {
    "name": ("计算器名称", "the calculator name"),
    "inputs": ("输入", "the inputs"),
    "json": ("--json 参数", "the --json text"),
    "argv": ("命令行参数", "the command-line arguments"),
    "ics": ("--ics 选项", "the --ics option"),
    "lang": ("--lang 选项", "the --lang option"),
    "": ("", ""),
}

_ARTICLE_PATH = re.compile(r"articles\[([0-9]+)\](?:\.([^.\[]+)(?:\[([0-9]+)\])?)?")


def _label(calc, key: str, lang: str):
    labels = FIELD_LABELS.get(calc, {})
    if key in labels:
        return labels[key][lang == "en"]
    return None


def field_label(calc, path: str, lang: str) -> str:
    """A field path as the form names it: "articles[0].outlets" ->
    第1篇稿件的采用媒体 / the outlets of article 1 (Outlets)."""
    found = _ARTICLE_PATH.fullmatch(path) if calc == "rewards" else None
    if found:
        n, key, k = int(found.group(1)) + 1, found.group(2), found.group(3)
        article = f"第{n}篇稿件" if lang == "zh" else f"article {n}"
        if key is None:
            return article
        inner = _label(calc, key, lang) or f"“{echo(key)}”"
        if k is not None:
            return (f"{article}的第{int(k) + 1}个{inner}" if lang == "zh"
                    else f"item {int(k) + 1} of “{inner}” of {article}")
        return f"{article}的{inner}" if lang == "zh" else f"“{inner}” of {article}"
    label = _label(calc, path, lang)
    if label is not None:
        return f"“{label}”"
    if path in _SPECIAL_FIELDS and (calc is None or path in ("name", "inputs", "")):
        return _SPECIAL_FIELDS[path][lang == "en"]
    return f"“{echo(path)}”"


def option_word(calc, key: str, option, lang: str) -> str:
    """One allowed value as the form shows it."""
    table = OPTION_LABELS.get((calc, key)) or (
        OPTION_LABELS[("meeting_calendar", "lang")] if key == "lang" else {})
    if option in table:
        return table[option][lang == "en"]
    if calc == "rewards" and key == "outlets" and lang == "en":
        return outlet_en(option)
    if key == "name" and option in TITLES:
        return TITLES[option][lang == "en"]
    return str(option)


def _options_text(calc, key: str, options, lang: str) -> str:
    words = []
    for option in options:
        word = option_word(calc, key, option, lang)
        if word not in words:
            words.append(word)
    return _JOIN[lang].join(words)


# --------------------------------------------------------------- errors

ERRORS = {
    ("name", None): (
        "没有这个计算器（所给名称：“{value}”）。可用的计算器：{known}。",
        "There is no calculator with the name given ({value}). Available: {known}."),
    ("unknown_field", None): (
        "{where}不认识的输入项“{key}”。可填写的项目：{known}。",
        "{where}the input given ({key}) is not one this calculator takes. It takes: {known}."),
    ("missing", None): (
        "缺少必填项{label}。",
        "{label} is required."),
    ("missing", "votes_against_without_for"): (
        "给出了反对票数，但缺少{label}。",
        "Votes against were given without {label}."),
    ("missing", "years_or_dates"): (
        "请填写{label}，或者同时填写参加工作时间和计算日期。",
        "Give {label}, or both the date work began and the date the answer is for."),
    ("missing", "both_dates"): (
        "按日期计算时，参加工作时间和计算日期都要填写：缺少{label}。",
        "Counting by dates needs both the date work began and the date the answer is "
        "for: {label} is missing."),
    ("type", "integer"): (
        "{label}应为整数（不能是小数、文字或是/否）。",
        "{label} must be a whole number (not a decimal, text or yes/no)."),
    ("type", "number"): (
        "{label}应为数值（不能是文字或是/否）。",
        "{label} must be a number (not text or yes/no)."),
    ("type", "finite"): (
        "{label}应为有限的数值（不能是非数或无穷大）。",
        "{label} must be a finite number (not NaN or infinity)."),
    ("type", "boolean"): (
        "{label}应为“是”或“否”。",
        "{label} must be yes or no."),
    ("type", "string"): (
        "{label}应为文字。",
        "{label} must be text."),
    ("type", "list"): (
        "{label}应为列表。",
        "{label} must be a list."),
    ("type", "object"): (
        "{label}应为一组输入项（键值对）。",
        "{label} must be a group of inputs (key-value pairs)."),
    ("type", "inputs"): (
        "输入应为 JSON 对象（键值对）。",
        "The inputs must be a JSON object (key-value pairs)."),
    ("range", None): (
        "{label}应{bounds}。",
        "{label} must be {bounds}."),
    ("range", "items"): (
        "{label}的项数应{bounds}。",
        "{label} must have {bounds} items."),
    ("range", "year"): (
        "{label}的年份应{bounds}。",
        "The year in {label} must be {bounds}."),
    ("step", None): (
        "{label}应为 {step} 的整数倍。",
        "{label} must be a multiple of {step}."),
    ("option", None): (
        "{label}的取值“{value}”不在可选范围内。可选：{options}。",
        "{label}: the value given ({value}) is not one of the options. Allowed: {options}."),
    ("format", "date"): (
        "{label}应为 YYYY-MM-DD 格式的日期。",
        "{label} must be a date written YYYY-MM-DD."),
    ("format", "month"): (
        "{label}应为 YYYY-MM 格式的月份。",
        "{label} must be a month written YYYY-MM."),
    ("format", "json"): (
        "--json 的内容不是有效的 JSON。",
        "The --json text is not valid JSON."),
    ("format", "duplicate_key"): (
        "输入中同一项目{label}出现了两次。",
        "{label} is given twice in the inputs."),
    ("format", "arguments"): (
        "命令行参数“{argument}”有误。用法:python -m calculators 计算器名称 --json '{{...}}' "
        "[--ics] [--lang zh|en]",
        "Bad command-line argument ({argument}). Usage: python -m calculators NAME --json "
        "'{{...}}' [--ics] [--lang zh|en]"),
    ("option", "ics"): (
        "只有“年度会议日历”能输出 iCalendar 文本(--ics)。",
        "Only the yearly meeting calendar can give iCalendar text (--ics)."),
    ("date", "date"): (
        "{label}不是真实存在的日期。",
        "{label} is not a real calendar date."),
    ("date", "month"): (
        "{label}的月份应在 01 至 12 之间。",
        "The month in {label} must be 01 to 12."),
    ("consistency", "present_exceeds_members"): (
        "到会成员人数不能多于成员总数 {members}。",
        "The members present cannot exceed the {members} members."),
    ("consistency", "votes_exceed_present"): (
        "赞成票与反对票之和不能多于到会成员人数 {present}。",
        "Votes for and against together cannot exceed the {present} members present."),
    ("consistency", "period_reversed"): (
        "检查起始月份晚于检查结束月份。",
        "The period start is after the period end."),
    ("consistency", "years_and_dates"): (
        "累计工作年限与参加工作时间只填一项：按日期计算时，年限由日期算出。",
        "Give either the years worked or the dates, not both: with dates, the years "
        "are counted from them."),
    ("consistency", "as_of_before_start"): (
        "计算日期早于参加工作时间。",
        "The date the answer is for is before the date work began."),
    ("internal", None): (
        "计算器内部出错，这是程序缺陷，请报告。",
        "The calculator failed internally; this is a bug, please report it."),
}


def _amount(value, lang: str) -> str:
    """A bound as people write it: 1,000,000,000 in English; 10亿, 5万, 5000 in Chinese."""
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return _shown(value, lang)
    if lang == "zh":
        for unit, size in (("亿", 10**8), ("万", 10**4)):
            if abs(value) >= size and value % (size // 10**4 if size > 10**4 else 1) == 0 \
                    and abs(value) >= (10**8 if unit == "亿" else 10**5):
                return f"{value / size:g}{unit}"
        return _shown(value, lang)
    return f"{value:,}" if isinstance(value, int) else f"{value:,.10g}"


def _bounds(lang: str, minimum, maximum, exclusive_min=False) -> str:
    low = _amount(minimum, lang)
    high = _amount(maximum, lang)
    if lang == "zh":
        if minimum is not None and maximum is not None:
            return (f"大于 {low} 且不超过 {high}" if exclusive_min
                    else f"在 {low} 至 {high} 之间（含两端）")
        if minimum is not None:
            return f"大于 {low}" if exclusive_min else f"不小于 {low}"
        return f"不超过 {high}"
    if minimum is not None and maximum is not None:
        return (f"greater than {low} and at most {high}" if exclusive_min
                else f"between {low} and {high} inclusive")
    if minimum is not None:
        return f"greater than {low}" if exclusive_min else f"at least {low}"
    return f"at most {high}"


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:] if text[:1].islower() else text


def error_messages(code: str, detail, field: str, params: dict, calc=None) -> tuple:
    """(message_zh, message_en) for a refused input; fields by their form labels."""
    templates = ERRORS.get((code, detail)) or ERRORS.get((code, None)) or ERRORS["internal", None]
    field = echo(field, 80)
    out = []
    for lang, template in zip(("zh", "en"), templates):
        text = _Params({key: _shown(value, lang) for key, value in params.items()
                        if key not in ("known", "options")})
        text["label"] = field_label(calc, field, lang)
        key = field.rsplit(".", 1)[-1].split("[", 1)[0] if field else ""
        if isinstance(params.get("value"), str):
            text["value"] = echo(params["value"])
        if "options" in params:
            text["options"] = _options_text(calc, key if key != "lang" or calc else "lang",
                                            params["options"], lang)
        if code == "name":
            text["known"] = _options_text(None, "name", params.get("known", ()), lang)
        elif code == "unknown_field":
            where, _, unknown = field.rpartition(".")
            text["key"] = echo(unknown)
            text["where"] = ((field_label(calc, where, lang) + ("中" if lang == "zh" else ": "))
                             if where else "")
            known = params.get("known", ())
            text["known"] = _JOIN[lang].join(
                (_label(calc, name, lang) or name) for name in known)
        if code == "range":
            text["bounds"] = _bounds(lang, params.get("minimum"), params.get("maximum"),
                                     params.get("exclusive_min", False))
        message = template.format_map(text)
        out.append(_capital(message) if lang == "en" else message)
    return tuple(out)


# ---------------------------------------------------------- explanations

NOTES = {
    # quorum
    "quorum.ordinary": (
        "一般议题适用 c1-8：“{text}”。“以上”包含本数，恰好达到 {ratio} 也可开会，人数向上取整："
        "{members} 名成员至少需 {required} 人到会。",
        "An ordinary topic falls under c1-8: at least {ratio} of the members must be "
        "present (\"or more\" (以上) includes the number itself, so exactly {ratio} is "
        "enough; the head count is rounded up). {members} members need {required} present."),
    "quorum.major.major": (
        "重大问题适用 c1-8：“{text}”。“一般应全体成员到齐”按较严格的读法执行：{members} 名成员须 "
        "{required} 人全部到会；能否作为例外在缺人时开会，须由会议另行决定，本计算器不作推定。",
        "A major topic falls under c1-8: every member should as a rule be present. This "
        "takes the stricter reading: all {required} of the {members} members must be present; "
        "whether to meet without everyone as an exception is for the meeting to decide and is "
        "not assumed here."),
    "quorum.major.personnel": (
        "人事问题是 c1-8 点名的重大问题：“{text}”。“一般应全体成员到齐”按较严格的读法执行："
        "{members} 名成员须 {required} 人全部到会；能否作为例外在缺人时开会，须由会议另行决定，"
        "本计算器不作推定。",
        "Personnel matters are a major topic named in c1-8, for which every member should as a "
        "rule be present. This takes the stricter reading: all {required} of the {members} "
        "members must be present; whether to meet without everyone as an exception is for the "
        "meeting to decide and is not assumed here."),
    "quorum.major.expenditure": (
        "大额财务支出是 c1-8 点名的重大问题：“{text}”。“一般应全体成员到齐”按较严格的读法执行："
        "{members} 名成员须 {required} 人全部到会；能否作为例外在缺人时开会，须由会议另行决定，"
        "本计算器不作推定。",
        "A large expenditure is a major topic named in c1-8, for which every member should as a "
        "rule be present. This takes the stricter reading: all {required} of the {members} "
        "members must be present; whether to meet without everyone as an exception is for the "
        "meeting to decide and is not assumed here."),
    "quorum.major_expenditure": (
        "哪些支出算“大额”，c1-8 没有写；本计算器参照 c12-2“{text}”，把 {amount} 元以上的开支视为"
        "大额财务支出。这是一种读法，不是条文原话。",
        "c1-8 does not say what counts as a large expenditure; this calculator takes the "
        "{amount} yuan or more of c12-2 (spending decided by the Director's Office Meeting) as "
        "the measure. That is a reading, not the words of the clause."),
    "quorum.members": (
        "成员按 c1-2 计算：“{text}”。列席人员不是成员，不计入成员总数，也不计入到会人数。",
        "Members are those c1-2 names: the Director, the Deputy Directors, the discipline "
        "inspection officer at deputy section-chief level and the Director of the Public "
        "Institution Registration Bureau. Other staff attend in a non-voting capacity: they are not "
        "members and count neither among the members nor among those present."),
    "quorum.met": (
        "现到会 {present} 人，不少于 {required} 人，会议可以举行。",
        "{present} present, at least {required}: the meeting may be held."),
    "quorum.not_met": (
        "现到会 {present} 人，少于 {ratio} 所需的 {required} 人，会议不能举行。",
        "{present} present, fewer than the {required} that {ratio} needs: the meeting "
        "cannot be held."),
    "quorum.not_all_present": (
        "现到会 {present} 人，已达到一般议题 {ratio} 的人数（{ordinary} 人），但重大问题一般应全体成员"
        "到齐，还缺 {absent} 人；按较严格的读法，不能就这一重大问题开会。",
        "{present} present: enough for an ordinary topic ({ratio}, {ordinary}), but a "
        "major topic needs every member as a rule, and {absent} member(s) are absent. On the "
        "stricter reading the meeting cannot take up this major topic."),
    "quorum.vote_void": (
        "会议未达到 {ratio} 的到会人数，不能举行，也就不能议定事项，因此动议不通过(c1-7)。",
        "The meeting lacks the {ratio} quorum, so it cannot be held and decides "
        "nothing: the motion does not pass (c1-7)."),
    "quorum.vote_void_major": (
        "重大问题须全体成员到齐（按较严格的读法），本次缺人，不能就这一问题作出决定，因此动议不通过"
        "(c1-7)；可待全体成员到齐后再议。",
        "A major topic needs every member present (the stricter reading); someone is absent, "
        "so the meeting cannot decide this topic and the motion does not pass (c1-7). It can "
        "be taken up when every member is present."),
    "quorum.vote_passed": (
        "c1-7：“{text}”，赞成票须超过到会人数的一半。到会 {present} 人，至少需 {needed} 票赞成；"
        "赞成 {votes_for} 票，动议通过。",
        "c1-7 (the minority is subordinate to the majority): a motion needs more than half of "
        "the members present. With {present} present it needs {needed} votes for; "
        "{votes_for} voted for, so it passes."),
    "quorum.vote_failed": (
        "c1-7：“{text}”，赞成票须超过到会人数的一半。到会 {present} 人，至少需 {needed} 票赞成；"
        "赞成 {votes_for} 票，未过半数，动议不通过。",
        "c1-7 (the minority is subordinate to the majority): a motion needs more than half of "
        "the members present. With {present} present it needs {needed} votes for; only "
        "{votes_for} voted for, so it does not pass."),
    "quorum.vote_tied": (
        "c1-7：“{text}”，赞成票须超过到会人数的一半。到会 {present} 人，至少需 {needed} 票赞成；"
        "赞成与反对各 {votes_for} 票，票数相等不算多数，动议不通过（有重大分歧的事项可暂缓决定）。",
        "c1-7 (the minority is subordinate to the majority): a motion needs more than half of "
        "the members present. With {present} present it needs {needed} votes for; the vote "
        "is tied at {votes_for} each, and a tie is not a majority, so it does not pass (c1-7 "
        "lets a question on which views are deeply divided be deferred)."),

    # condolence
    "condolence.hospitalization": (
        "c12-8：“{text}”。住院慰问金原则上为 {amount} 元。",
        "c12-8: when a cadre or retired cadre of the Office, or one of their lineal "
        "relatives, is hospitalized, the Office trade union expresses its sympathy and, in "
        "principle, makes a sympathy payment of {amount} yuan."),
    "condolence.hospitalization_special": (
        "条文写的是“原则上”，特殊情况的数额须另行研究决定，上面的金额只是原则标准。",
        "The clause says \"in principle\": a special case's amount is decided separately; "
        "the figure above is only the standard."),
    "condolence.disaster": (
        "c12-9：“{text}”。一般情况按灾祸程度在 {amount_min}—{amount_max} 元之间确定。",
        "c12-9: when an accident or disaster strikes the household of a cadre of the Office, "
        "the Office trade union gives a sympathy payment of {amount_min}–{amount_max} yuan, "
        "set by how severe it is."),
    "condolence.disaster_special": (
        "c12-9：“{text}”。一般情况按灾祸程度给予 {amount_min}—{amount_max} 元；特殊情况另行研究，"
        "数额不在此预设。",
        "c12-9: ordinarily {amount_min}–{amount_max} yuan by severity; a special case is "
        "decided separately, so no amount is given here."),
    "condolence.death": (
        "c12-10：“{text}”。慰问金为 {amount} 元。",
        "c12-10: when a lineal relative or the spouse of a cadre of the Office dies, the "
        "Office trade union gives a sympathy payment of {amount} yuan."),
    "condolence.death_special": (
        "c12-10 规定的是固定数额，没有“特殊情况另行研究”的表述，勾选“特殊情况”不改变数额。",
        "c12-10 fixes the amount and says nothing of special cases, so ticking \"Special "
        "case\" changes nothing."),
    "condolence.not_covered.hospitalization": (
        "{clause} 列明的情形是：“{text}”。所问情形不在其中，本计算器不推测数额；是否慰问、慰问多少，"
        "须由机关工会另行研究决定。",
        "{clause} names only a cadre of the Office, a retired cadre or a lineal relative in "
        "hospital. The case asked about is not among them, so no amount is guessed; whether "
        "to pay anything is for the Office trade union to decide separately."),
    "condolence.not_covered.disaster": (
        "{clause} 列明的情形是：“{text}”。所问情形不在其中，本计算器不推测数额；是否慰问、慰问多少，"
        "须由机关工会另行研究决定。",
        "{clause} names only a disaster striking the household of a cadre of the Office. The "
        "case asked about is not among them, so no amount is guessed; whether to pay anything "
        "is for the Office trade union to decide separately."),
    "condolence.not_covered.death": (
        "{clause} 列明的情形是：“{text}”。所问情形不在其中，本计算器不推测数额；是否慰问、慰问多少，"
        "须由机关工会另行研究决定。",
        "{clause} names only the death of a lineal relative or the spouse of a cadre of the "
        "Office. The case asked about is not among them, so no amount is guessed; whether to "
        "pay anything is for the Office trade union to decide separately."),
    "condolence.reading.spouse": (
        "c12-10 把“配偶”与“直系亲属”并列，所以 c12-8 的“直系亲属”按不含配偶理解（较严格的读法）。",
        "c12-10 names the spouse beside lineal relatives, so c12-8's \"lineal relative\" is "
        "read as not including the spouse (the stricter reading)."),
    "condolence.reading.retiree": (
        "c12-8 把“退休干部”与“本办干部”分列，所以 c12-9、c12-10 的“本办干部”按不含退休干部理解"
        "（较严格的读法）。",
        "c12-8 names retired cadres beside cadres of the Office, so \"cadre of the Office\" in "
        "c12-9 and c12-10 is read as not including retired cadres (the stricter reading)."),
    "condolence.reading.household": (
        "c12-9 说的是“本办干部家庭”，即本人的家庭（含配偶和同住的直系亲属）；没有勾选“该直系亲属与本办干部"
        "同属一个家庭（同住）”，所以按直系亲属另立的家庭理解，不在其中（较严格的读法）。",
        "c12-9 speaks of the household of a cadre of the Office: the cadre's own household, "
        "spouse and lineal relatives living in it included. The box \"The lineal relative "
        "lives in the cadre's own household\" is not ticked, so this is read as the relative's "
        "separate household, which is not covered (the stricter reading)."),
    "condolence.reading.own_death": (
        "c12-10 只列明直系亲属及配偶去世，没有列明本办干部本人去世的情形。",
        "c12-10 names the death of a lineal relative or the spouse, not the death of the "
        "cadre of the Office."),
    "condolence.same_household": (
        "该直系亲属与本办干部同属一个家庭，属于 c12-9 所说的“本办干部家庭”。",
        "The lineal relative lives in the cadre's own household, which is the household of "
        "a cadre of the Office that c12-9 speaks of."),
    "condolence.household_ignored": (
        "是否同属一个家庭只影响意外灾祸(c12-9)，对住院和去世的慰问没有影响。",
        "Whether the relative lives in the cadre's household matters only for a disaster "
        "(c12-9), not for hospitalization or death."),

    # rewards
    "rewards.rates": (
        "c13-2 的标准：永定新闻网、永定区政府网、市机构编制网等 {county_web} 元/篇；红网手机报 "
        "{rednet_mobile} 元/篇；区“两办”（区委办、区政府办）及《张家界日报》以上刊物 {municipal} 元/篇；"
        "省级刊物 {provincial} 元/篇；国家级刊物 {national} 元/篇。",
        "c13-2 rates: Yongding News website (永定新闻网), Yongding District Government website "
        "(永定区政府网), municipal institutional organization and staffing website "
        "(市机构编制网) and the like: {county_web} yuan an article; Rednet mobile news "
        "(红网手机报): {rednet_mobile}; the District \"Two Offices\" (区“两办”), that is the "
        "General Offices of the District Party Committee and of the District Government, and "
        "Zhangjiajie Daily (《张家界日报》) or higher: {municipal}; provincial publications: "
        "{provincial}; national publications: {national}."),
    "rewards.highest_only": (
        "同一稿件被多家采用的，按“就高不就低”只计最高一档(c13-2)。",
        "An article taken by several outlets earns only its highest reward (\"take the "
        "higher, not the lower\", c13-2)."),
    "rewards.not_taken": (
        "没有媒体采用的稿件 {count} 篇，不计奖励（c13-2 只奖励被采用的稿件）。",
        "{count} article(s) were taken by no outlet and earn nothing (c13-2 rewards only "
        "articles an outlet takes)."),
    "rewards.total": (
        "共 {count} 篇，合计 {total} 元。",
        "{count} article(s), {total} yuan in all."),
    "rewards.young_cadre_unpublished": (
        "c13-1 要求的是“撰写”，不是“被采用”：没有媒体采用的 {count} 篇稿件同样计入所写月份的篇数。",
        "c13-1 requires writing, not publication: the {count} article(s) no outlet took still "
        "count for the month they were written in."),
    "rewards.young_cadre_ok": (
        "c13-1：“{text}”。检查 {start} 至 {end} 各月（含首尾），每月至少 {least} 篇，没有缺稿的月份。",
        "c13-1: a young cadre must write at least {least} news article a month. Months "
        "{start} to {end} (both included) were checked: none is short."),
    "rewards.young_cadre_short": (
        "c13-1：“{text}”。检查 {start} 至 {end} 各月（含首尾），每月至少 {least} 篇；缺稿月份 "
        "{count} 个：{missing}。",
        "c13-1: a young cadre must write at least {least} news article a month. Months "
        "{start} to {end} (both included) were checked: {count} short: {missing}."),
    "rewards.young_cadre_no_months": (
        "c13-1 要求年轻干部每月撰写新闻稿件；但没有给出任何月份(稿件的“月份”，或“检查起始月份”"
        "“检查结束月份”)，无法检查缺稿月份。",
        "c13-1 asks young cadres for an article each month, but no month was given (an "
        "article's \"Month\", or \"Period start\" and \"Period end\"), so no month could be "
        "checked."),

    # leave_approval
    "leave.principal": (
        "c8-1：“{text}”。请假 {days} 天，达到 {threshold} 天以上（“以上”含本数），应书面报告，"
        "报单位主要负责人审批。",
        "c8-1: leave of {threshold} day or more (\"or more\" includes the number) needs a "
        "written report and the approval of the principal person in charge of the unit; "
        "{days} day(s) asked for, so this applies."),
    "leave.exactly_threshold": (
        "恰好 {days} 天时，“{days}天以上”和“{days}天以下”都包含本数，两条都适用；本计算器取较严格的"
        "一条：报单位主要负责人审批，并书面报告。",
        "Exactly {days} day falls under both wordings, since \"or more\" and \"or less\" both "
        "include the number. The stricter route is taken: the principal person in charge of "
        "the unit approves, with a written report."),
    "leave.filing": (
        "c8-5:“{text}”。",
        "c8-5: once the written leave report is done, it is filed with the General Affairs "
        "Section."),
    "leave.deputy": (
        "c8-1：“{text}”。请假 {days} 天，不足 {threshold} 天，报分管领导审批；条文只要求 "
        "{threshold} 天以上的请假书面报告。",
        "c8-1: leave under {threshold} day goes to the leader in charge for approval; the "
        "clause asks for a written report only from {threshold} day up."),

    # annual_leave
    "annual_leave.basis": (
        "c8-3 规定年休假按“国务院令第514号《机关事业单位工作人员带薪年休假实施办法》”执行。条文把两份"
        "文件写在了一起：国务院令第514号是《职工带薪年休假条例》；《机关事业单位工作人员带薪年休假实施"
        "办法》是人事部令第9号（2008年2月15日公布施行），依据该条例在机关事业单位实施。天数和不享受"
        "年休假的情形取自条例第三条、第四条；实施办法与条例不同之处（第二条“从下月起”、第五条“补足”）"
        "按实施办法执行。",
        "c8-3 applies \"State Council Order No. 514 (the Implementing Measures for Paid Annual "
        "Leave for Staff of Government Organs and Public Institutions)\". The clause runs two "
        "instruments together: Order No. 514 is the Regulations on Paid Annual Leave for "
        "Employees; the Implementing Measures for Paid Annual Leave for Staff of Government "
        "Organs and Public Institutions are Ministry of Personnel Order No. 9 (issued and in "
        "force 15 February 2008), which apply the Regulations to government organs and public "
        "institutions. The days, and the cases that cancel a year's leave, come from arts. 3 "
        "and 4 of the Regulations; where the Measures differ (art. 2, a new band applies from "
        "the next month; art. 5, a short vacation is topped up), the Measures apply."),
    "annual_leave.dates": (
        "参加工作时间 {work_start}，至计算日期 {as_of} 累计工作满 {years} 年(实施办法第二条："
        "条例所说的“累计工作”时间按工作年限计算)。",
        "Work began on {work_start}; by {as_of} that is {years} full year(s) of work (art. 2 "
        "of the Measures: the Regulations' cumulative work is counted as years of service)."),
    "annual_leave.under_first_tier": (
        "累计工作 {years} 年，未满 {first} 年，不享受年休假。",
        "{years} year(s) of work, under {first}: no annual leave."),
    "annual_leave.under_first_tier_dates": (
        "到计算日期为止，尚未开始享受年休假（满 {first} 年后从下月起享受）。",
        "On that date no annual leave is due yet (it starts the month after {first} full "
        "year(s))."),
    "annual_leave.tier_in_force": (
        "计算日期 {as_of} 适用“已满{start}年”这一档，年休假 {days} 天（条例第三条，实施办法第二条）。",
        "On {as_of} the band from {start} year(s) applies: {days} days (Regulations art. 3, "
        "Measures art. 2)."),
    "annual_leave.tier": (
        "累计工作 {years} 年，属“已满{start}年不满{end}年”（“已满”含本数，“不满”不含）,"
        "年休假 {days} 天（条例第三条）。",
        "{years} year(s) of work is in the band \"at least {start}, under {end}\" (\"at "
        "least\" includes the number, \"under\" excludes it): {days} days (Regulations art. 3)."),
    "annual_leave.tier_top": (
        "累计工作 {years} 年，属“已满{start}年”（含本数），年休假 {days} 天（条例第三条）。",
        "{years} year(s) of work is at least {start} (the number itself included): {days} "
        "days (Regulations art. 3)."),
    "annual_leave.next_tier": (
        "实施办法第二条：“{text}”。满 {years} 年的下一档 {days} 天从 {starts} 起享受。",
        "Measures art. 2: once {years} years are completed, the next band ({days} days) "
        "applies from the following month, here from {starts}."),
    "annual_leave.waiting_next_month": (
        "实施办法第二条：“{text}”。已满 {years} 年，但新的一档 {days} 天从下月起，即 {starts} 起享受；"
        "在此之前仍按原来一档计算。",
        "Measures art. 2: {years} years are completed, but the new band ({days} days) applies "
        "only from the following month, from {starts}; until then the previous band applies."),
    "annual_leave.crossing_year": (
        "注意实施办法第二条：“{text}”。如果今年才满 {years} 年，{days} 天从满 {years} 年的下一个月起"
        "享受，此前仍按 {previous} 天一档；填写参加工作时间和计算日期可得到准确结果。",
        "Note art. 2 of the Measures: if the {years} years were completed only this year, the "
        "{days} days apply from the month after the anniversary, and until then the band of "
        "{previous} days; give the date work began and the date the answer is for to get the "
        "exact answer."),
    "annual_leave.top_up": (
        "实施办法第五条：“{text}”。享受寒暑假 {vacation} 天，少于年休假 {entitlement} 天，补足到 "
        "{entitlement} 天，即还可休 {days} 天（寒暑假与年休假相等时不再补）。条例第四条第一项只规定寒暑假"
        "多于年休假时不享受年休假。",
        "Measures art. 5: a winter/summer vacation shorter than the annual leave (because of "
        "work) is topped up to it. {vacation} vacation days against {entitlement} days of "
        "leave: topped up to {entitlement}, so {days} more day(s) (nothing more when they are "
        "equal). Art. 4(1) of the Regulations cancels the leave only when the vacation is "
        "longer."),
    "annual_leave.reason.vacation_longer": (
        "享受寒暑假 {vacation} 天，多于年休假 {entitlement} 天（“多于”不含相等），当年不享受年休假"
        "（条例第四条第一项）。",
        "Winter/summer vacation of {vacation} days is more than the {entitlement}-day "
        "entitlement (equal is not more): no annual leave this year (Regulations art. 4(1))."),
    "annual_leave.reason.personal_leave": (
        "请事假累计 {personal} 天，达到 {personal_limit} 天以上（含本数）且未扣工资，当年不享受年休假"
        "（条例第四条第二项）。",
        "{personal} days of personal leave, {personal_limit} or more (the number itself "
        "included), with no pay deducted: no annual leave this year (Regulations art. 4(2))."),
    "annual_leave.reason.sick_leave": (
        "请病假累计 {sick} 个月，达到本档的 {sick_limit} 个月以上（含本数），当年不享受年休假"
        "（条例第四条第三至五项）。",
        "{sick} month(s) of sick leave reaches the {sick_limit} months set for this band (the "
        "number itself included): no annual leave this year (Regulations art. 4(3)-(5))."),
    "annual_leave.next_year": (
        "实施办法第四条：“{text}”。如果今年的年休假已经休过，上述情形影响的是下一年的年休假。",
        "Measures art. 4: if this year's leave was already taken before such a case arose, "
        "it is next year's leave that is lost instead."),
    "annual_leave.none": (
        "当年还可休年休假 0 天。",
        "Annual leave still due this year: 0 days."),
    "annual_leave.days": (
        "当年还可休年休假 {days} 天；休假前须书面报告、安排好工作，经办领导审批同意并登记(c8-3)。",
        "Annual leave due this year: {days} days. Before taking it, report in writing, arrange "
        "the work, get the Office leadership's approval and have it registered (c8-3)."),

    # expenditure
    "expenditure.meeting": (
        "c12-2：“{text}”。“以上”包含本数：{amount} 元达到 {threshold} 元，须报请主任办公会议定。",
        "c12-2: spending of {threshold} yuan or more (\"or more\" includes the number) is "
        "decided by the Director's Office Meeting; {amount} yuan is {threshold} or more."),
    "expenditure.no_meeting": (
        "c12-2：“{text}”。{amount} 元不足 {threshold} 元，不需报主任办公会议定，但仍须按规定审批。",
        "c12-2: {amount} yuan is under {threshold} yuan, so the Director's Office Meeting "
        "need not decide it; it still needs the usual approval."),
    "expenditure.major_topic": (
        "本计算器把这类支出视为 c1-8 所说的“大额财务支出等重大问题”（一种读法），议定时一般应全体成员"
        "到齐（见“主任办公会到会人数与表决”计算器的“重大问题：大额财务支出”议题）。",
        "This calculator takes such spending as the large expenditure c1-8 treats as a major "
        "topic (a reading), for which every member should as a rule be present (see the "
        "Director's Office Meeting quorum calculator, topic \"Major topic: large "
        "expenditure\")."),
    "expenditure.approval": (
        "c12-3：“{text}”。无论金额大小，都须先审批后开支。",
        "c12-3: whatever the amount, approve first and spend after; spending without prior "
        "approval is not reimbursed."),
    "expenditure.reimburse": (
        "c12-4：“{text}”。“半月”按较严格的读法计为 {days} 天（最短的二月的一半），不随月份大小变化；"
        "开支当天不计入，从次日起算：{spent_on} 开支，最迟于 {deadline} 签批报帐。提前报帐总是合规的。",
        "c12-4: the claim must be signed off within half a month of the spending. Half a month "
        "takes the stricter reading, {days} days (half of February, the shortest month), "
        "whatever the month's length, counted from the day after the spending: spent on "
        "{spent_on}, sign off by {deadline} at the latest. Earlier is always compliant."),
    "expenditure.reimburse_no_date": (
        "c12-4：“{text}”。“半月”按较严格的读法计为 {days} 天，从开支次日起算；未填写开支日期，"
        "所以没有算出具体日期。",
        "c12-4: the claim must be signed off within half a month of the spending, read "
        "strictly as {days} days from the day after; no date of spending was given, so no "
        "deadline date is computed."),
    "expenditure.deadline_holiday": (
        "注意：{deadline} 是法定节假日({holiday})，期限不因此顺延（较严格的读法）；请在此前最后一个"
        "工作日 {working} 之前签批报帐。",
        "Note: {deadline} falls in a public holiday, {holiday}; on the strict reading the "
        "deadline is not extended, so sign off by the last working day before it, {working}."),
    "expenditure.deadline_weekend": (
        "注意：{deadline} 是休息日，期限不因此顺延（较严格的读法）；请在此前最后一个工作日 {working} "
        "之前签批报帐。",
        "Note: {deadline} is a day off (a weekend); on the strict reading the deadline is not "
        "extended, so sign off by the last working day before it, {working}."),
    "expenditure.deadline_unknown": (
        "法定节假日数据只覆盖 {first}—{last} 年，{year} 年的放假安排尚不知道，无法判断 "
        "期限是否落在节假日；请以国务院办公厅发布的放假通知为准。",
        "Public holidays are known only for {first}–{last}; those of {year} are not known, so "
        "whether the deadline falls on a holiday cannot be said. Check the State Council "
        "General Office's holiday notice."),

    # duty_compensation
    "duty.compensation.either": (
        "c15-6：“{text}”。条文没有写折算比例，本计算器按 {ratio} 计：值班 {duty_days} 天，可安排补休 "
        "{days} 天，或抵减请假 {days} 天，二者择一，同一天不重复使用；“可安排”指由单位安排，并非自动取得。",
        "c15-6: holiday duty may be compensated by days off or set against leave. The clause "
        "gives no ratio; this reads it {ratio}: {duty_days} duty day(s) give {days} day(s) "
        "off OR {days} day(s) set against leave, one or the other, not both. \"May be "
        "arranged\" means the Office arranges it; it is not automatic."),
    "duty.compensation.rest": (
        "c15-6：“{text}”。条文没有写折算比例，本计算器按 {ratio} 计：值班 {duty_days} 天，选择补休 "
        "{days} 天，不再抵减请假；“可安排”指由单位安排，并非自动取得。",
        "c15-6: the clause gives no ratio; this reads it {ratio}: {duty_days} duty day(s) give "
        "{days} day(s) off, and then nothing is set against leave. It is arranged by the "
        "Office, not automatic."),
    "duty.compensation.leave_offset": (
        "c15-6：“{text}”。条文没有写折算比例，本计算器按 {ratio} 计：值班 {duty_days} 天，选择抵减请假 "
        "{days} 天，不再补休；“可安排”指由单位安排，并非自动取得。",
        "c15-6: the clause gives no ratio; this reads it {ratio}: {duty_days} duty day(s) set "
        "{days} day(s) against leave, and then no day off is given. It is arranged by the "
        "Office, not automatic."),
    "duty.rotation": (
        "c15-1：节假日值班实行轮流值班制，每班由 {leaders} 名领导负责。",
        "c15-1: holiday duty rotates; each shift is led by {leaders} leader."),
    "duty.long_holiday.spring_festival": (
        "c15-2:{text}。春节长假须安排固定值班人员，并向{report_to}报告。",
        "c15-2: for the Spring Festival holiday a fixed duty roster is set and reported to "
        "the District Party Committee, the District Government and the District Political "
        "and Legal Affairs Commission."),
    "duty.long_holiday.national_day": (
        "c15-2:{text}。“十.一”国庆长假须安排固定值班人员，并向{report_to}报告。",
        "c15-2: for the National Day holiday (1 October) a fixed duty roster is set and "
        "reported to the District Party Committee, the District Government and the District "
        "Political and Legal Affairs Commission."),
    "duty.ordinary_holiday": (
        "c15-3：平常节假日，有重要工作任务的由有关领导及有关人员值班，没有的由领导指派人员值班；"
        "c15-2 的固定值班和报告要求只适用于“十.一”和春节长假。",
        "c15-3: on an ordinary holiday the leaders and staff concerned take duty when there "
        "is important work, otherwise a leader assigns staff; the fixed roster and report of "
        "c15-2 apply only to the National Day and Spring Festival holidays."),
    "duty.tasks": (
        "值班期间负责机关安全保卫、完成重要工作任务、及时处理突发事件(c15-4)；值班期间的安全事故、"
        "工作失误由值班领导和值班人员承担责任(c15-5)。",
        "On duty: guard the Office's security, complete important tasks and deal with "
        "emergencies (c15-4); the leader and staff on duty answer for accidents and errors "
        "during the shift (c15-5)."),

    # meeting_calendar
    "calendar.week_definition.calendar_row": (
        "“第二周、第四周”按日历行计算：每月1日所在的那一周（周一至周日）为第一周，下一行为第二周，"
        "依此类推；这是多数人看日历的数法。另一种算法（从该月第二个、第四个星期一开始的一周）可在"
        "““第二周、第四周”的算法”中选择。主任办公会安排在该周的第一个工作日。",
        "\"The 2nd and 4th weeks\" are counted by calendar row: the Monday-to-Sunday week that "
        "holds the 1st of the month is week 1, the next row week 2, and so on, as most people "
        "read a calendar. The other reading (the week that begins on the n-th Monday) can be "
        "chosen under \"How to count the 2nd and 4th weeks\". The Director's Office Meeting is "
        "put on the first working day of its week."),
    "calendar.week_definition.nth_monday": (
        "“第二周、第四周”按星期一计算：第二周是从该月第二个星期一开始的那一周（周一至周日），第四周是从第四个星期一开始的那一周。每个月至少"
        "有四个星期一，所以第二周、第四周总在本月内开始，且相隔 14 天；注意这与按日历行的数法不同，"
        "很多月份会晚一周。主任办公会安排在该周的第一个工作日。",
        "\"The 2nd and 4th weeks\" are counted by Mondays: week n is the Monday-to-Sunday week "
        "that begins on the month's n-th Monday. Every month has at least four Mondays, so "
        "these weeks always begin inside the month, 14 days apart; note that this differs "
        "from counting calendar rows, and in many months falls a week later. The Director's "
        "Office Meeting is put on the first working day of its week."),
    "calendar.office_meeting": (
        "c1-3：“{text}”。即每月第 {weeks} 周各一次。",
        "c1-3: the Director's Office Meeting meets twice a month, in weeks {weeks} of the "
        "month; special circumstances allow other dates."),
    "calendar.central_group_study": (
        "c9-1-2：“{text}”。每季度一次，每次连续 {min_days} 个工作日（“不少于”含本数），建议从每季度"
        "最后一个月第二周的星期三开始。",
        "c9-1-2: the central study group studies once a quarter for at least {min_days} days "
        "(the number itself included): {min_days} working days, suggested from the Wednesday "
        "of the 2nd week of the quarter's last month."),
    "calendar.party_member_meeting": (
        "c6-1：“{text}”。全年 {per_year} 次，建议安排在每季度最后一个月第四周的星期三。",
        "c6-1: the organizational life meeting of Party members is as a rule held {per_year} "
        "times a year, suggested on the Wednesday of the 4th week of each quarter's last "
        "month."),
    "calendar.democratic_life_meeting": (
        "c5-1：“{text}”。全年 {per_year} 次，建议安排在 12 月第三周的星期三。",
        "c5-1: the leadership's democratic life meeting is held {per_year} time(s) a year, "
        "suggested on the Wednesday of the 3rd week of December."),
    "calendar.collective_study": (
        "c9-2-4：“{text}”。每月一次，建议安排在第三周的星期五。",
        "c9-2-4: a group study session is held once a month, suggested on the Friday of the "
        "3rd week."),
    "calendar.suggested": (
        "除主任办公会的周次外，条文只规定频次；具体日期是本手册的建议，每条记录给出了条文要求的期间，"
        "可在期间内调整。",
        "Apart from the weeks of the Director's Office Meeting, the clauses fix only how "
        "often; the dates are this handbook's suggestions. Each entry gives the period the "
        "clause requires; move the date within it."),
    "calendar.holidays_clear": (
        "已按 {year} 年法定节假日安排核对，所有建议日期都是工作日。",
        "Checked against the public holidays of {year}: every suggested date is a working "
        "day."),
    "calendar.holidays_moved": (
        "已按 {year} 年法定节假日安排核对；{count} 个建议日期原本落在节假日或与其他会议重叠，"
        "已顺延到期间内下一个工作日（整周放假时顺延到假期后的第一个工作日）:{moves}。",
        "Checked against the public holidays of {year}: {count} suggested date(s) fell on a "
        "holiday or on another meeting and were moved to the next working day in the period "
        "(after the holiday when the whole week is off): {moves}."),
    "calendar.holidays_unknown": (
        "法定节假日数据只覆盖 {first}—{last} 年，{year} 年的放假安排尚不知道，建议日期只避开了周末，"
        "没有避开节假日；请以国务院办公厅发布的 {year} 年放假通知为准并自行调整。",
        "Public holidays are known only for {first}–{last}; the holidays of {year} are not "
        "known, so the dates avoid weekends but not holidays. Check the State Council General "
        "Office's holiday notice for {year} and move any date that falls on one."),
}


# The answer first: one sentence for each kind of result (calculators/_headline.py).
HEADLINES = {
    "quorum.no": ("不能开会：至少需{required}名成员到会。",
                  "The meeting cannot be held: at least {required} members must attend."),
    "quorum.major_short": ("按较严格的理解，这一重大议题不宜开会议定：一般应全体{required}名成员到齐。",
                           "On the stricter reading, this major topic should not be taken up: "
                           "as a rule all {required} members must be present."),
    "quorum.no_vote": ("不能开会，也不能表决：至少需{required}名成员到会。",
                       "The meeting cannot be held, so nothing can be decided: "
                       "at least {required} members must attend."),
    "quorum.yes": ("可以开会（至少需{required}名成员到会）。",
                   "The meeting may be held (at least {required} members must attend)."),
    "quorum.passed": ("可以开会，动议通过。", "The meeting may be held, and the motion passes."),
    "quorum.failed": ("可以开会，但动议未通过。",
                      "The meeting may be held, but the motion does not pass."),
    "condolence.not_covered": ("条文没有规定这种情形：由机关工会研究决定。",
                               "The rules do not provide for this case: "
                               "the Office trade union decides."),
    "condolence.open": ("慰问金：由机关工会另行研究确定。",
                        "Sympathy payment: decided separately by the Office trade union."),
    "condolence.range": ("慰问金：{amount_min}—{amount_max}元，视灾祸程度而定。",
                         "Sympathy payment: {amount_min}–{amount_max} yuan, by the severity "
                         "of the disaster."),
    "condolence.in_principle": ("慰问金：{amount}元（原则上）。",
                                "Sympathy payment: {amount} yuan (in principle)."),
    "condolence.in_principle_special": ("慰问金：原则上{amount}元；特殊情况由机关工会另行研究。",
                                        "Sympathy payment: {amount} yuan in principle; a special "
                                        "case is decided separately by the Office trade union."),
    "condolence.fixed": ("慰问金：{amount}元。", "Sympathy payment: {amount} yuan."),
    "rewards.total": ("稿件奖励合计：{total}元。", "Article rewards: {total} yuan in all."),
    "rewards.total_complete": ("稿件奖励合计：{total}元；每个月都有稿件。",
                               "Article rewards: {total} yuan in all; an article every month."),
    "rewards.total_short": ("稿件奖励合计：{total}元；{months}没有稿件。",
                            "Article rewards: {total} yuan in all; no article in {months}."),
    "leave_approval.principal": ("由单位主要负责人批准，并须书面报告。",
                                 "The principal person in charge of the unit approves, "
                                 "and a written report is needed."),
    "leave_approval.deputy": ("由分管领导批准。", "The leader in charge approves."),
    "annual_leave.days": ("当年可休年休假：{n_days}。", "Annual leave this year: {n_days}."),
    "annual_leave.none": ("当年不享受年休假。", "No annual leave this year."),
    "expenditure.no_meeting": ("最迟{date}签批报账。",
                               "Sign off and submit the claim for reimbursement by {date}."),
    "expenditure.meeting": ("先报主任办公会议定；开支后最迟{date}签批报账。",
                            "First submit it to the Director's Office Meeting for decision; "
                            "then sign off and submit the claim for reimbursement by {date}."),
    "expenditure.no_meeting_day_off": ("最迟{date}签批报账；这天是休息日，宜最迟在{last_day}办理。",
                                       "Sign off and submit the claim for reimbursement by "
                                       "{date}; as that is not a working day, do it by "
                                       "{last_day}."),
    "expenditure.meeting_day_off": ("先报主任办公会议定；开支后最迟{date}签批报账，"
                                    "这天是休息日，宜最迟在{last_day}办理。",
                                    "First submit it to the Director's Office Meeting for "
                                    "decision. Sign off and submit the claim for "
                                    "reimbursement by {date}; as that is not a working day, "
                                    "do it by {last_day}."),
    "duty_compensation.either": ("可补休{n_days}，或抵减请假{n_days}。",
                                 "{n_days} of compensatory time off, or {n_days} set "
                                 "against leave."),
    "duty_compensation.rest": ("可补休{n_days}。", "{n_days} of compensatory time off."),
    "duty_compensation.leave_offset": ("可抵减请假{n_days}。", "{n_days} set against leave."),
    "meeting_calendar.count": ("{year}年共安排{count}次会议，已避开法定节假日。",
                               "{count} meetings in {year}, clear of public holidays."),
    "meeting_calendar.count_unchecked": ("{year}年共安排{count}次会议；该年法定节假日尚未公布，"
                                         "请对照国务院办公厅的放假通知。",
                                         "{count} meetings in {year}; that year's public "
                                         "holidays are not yet known, so check the State "
                                         "Council General Office notice."),
}


def headline_text(key: str, params: dict) -> tuple:
    """(answer_zh, answer_en) for a headline key."""
    template_zh, template_en = HEADLINES[key]
    return _fill(template_zh, "zh", params), _fill(template_en, "en", params)


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
    "office_meeting": ("主任办公会", "Director's Office Meeting"),
    "central_group_study": ("中心组学习研讨（不少于{min_days}天）",
                            "Central study group session (at least {min_days} days)"),
    "party_member_meeting": ("党员组织生活会", "Organizational life meeting of Party members"),
    "democratic_life_meeting": ("领导班子民主生活会", "Leadership democratic life meeting"),
    "collective_study": ("机关集中学习", "Group study session"),
}


def meeting_title(kind: str, lang: str, **params) -> str:
    return _fill(_MEETING_TITLES[kind][lang == "en"], lang, params)


_MEETING_NOTES = {
    "clear": ("已核对法定节假日：工作日。", "Checked: a working day, not a public holiday."),
    "moved": ("原建议日期 {moved_from} 是{why}，已顺延。",
              "First suggested for {moved_from}, {why}; moved."),
    "moved_out": ("原建议日期 {moved_from} 是{why}，期间内没有可用的工作日，已顺延到期间之后"
                  "（特殊情况可另行安排）。",
                  "First suggested for {moved_from}, {why}; no working day was left in its "
                  "period, so it was moved past it (other dates are allowed in special "
                  "circumstances)."),
    "unknown": ("该年法定节假日尚不知道，日期未核对节假日，请以国务院办公厅的放假通知为准。",
                "The public holidays of this year are not known: the date was not checked "
                "against them; check the State Council General Office's holiday notice."),
}


def meeting_note(entry: dict, lang: str) -> str:
    """One meeting's holiday check, in words (also the .ics DESCRIPTION's last line)."""
    check = entry["holiday_check"]
    if check == "moved" and entry.get("outside_period"):
        check = "moved_out"
    holiday = entry.get("holiday")
    if lang == "zh":
        why = f"{_holiday(holiday, 'zh')}假期" if holiday else "当日已有其他会议"
    else:
        why = (f"in a public holiday, {_holiday(holiday, 'en')}" if holiday
               else "the day of another meeting")
    return _fill(_MEETING_NOTES[check][lang == "en"], lang, {**entry, "why": why})


def calendar_name(year, lang: str) -> str:
    template = "{year} 年制度规定会议" if lang == "zh" else "Required meetings {year}"
    return _fill(template, lang, {"year": year})


_CLAUSE_EN = {
    "c1-3": "the Director's Office Meeting is as a rule held twice a month, in the 2nd and "
            "4th weeks; special circumstances allow other dates",
    "c9-1-2": "the central study group holds a study session each quarter, each lasting at "
              "least 3 days",
    "c6-1": "the organizational life meeting of Party members is as a rule held 4 times a "
            "year",
    "c5-1": "the Office leadership holds a democratic life meeting once a year",
    "c9-2-4": "a group study session is as a rule held once a month",
}


def ics_description(meeting: dict, lang: str, text: str) -> str:
    if lang == "zh":
        template = ("依据 {clause}：“{text}”。条文要求的期间：{period_start} 至 {period_end};"
                    "日期为建议，可在期间内调整。{note}")
        return _fill(template, lang, {**meeting, "text": text, "note": meeting["note_zh"]})
    template = ("Rule {clause}: {rule}. Required within {period_start} to {period_end}; "
                "the date is a suggestion and may move within that period. {note}")
    return _fill(template, lang, {**meeting, "rule": _CLAUSE_EN[meeting["clause"]],
                                  "note": meeting["note_en"]})


# ---- dated rules (issue 9)
# The `date` input every calculator takes, and what an answer says about the
# version of the rules it applied (calculators/_dated.py). Kept in one block.

RULES_DATE_LABEL = ("适用日期", "Rules as of")
for _labels in FIELD_LABELS.values():
    _labels["date"] = RULES_DATE_LABEL
del _labels

FIELD_HINTS.update({(_name, "date"): ("按这一天施行的规定计算，默认为今天。",
                                      "The rules in force on this day apply; today by default.")
                    for _name in TITLES})
FIELD_HINTS.update({
    ("expenditure", "date"): (
        "填写了开支日期时，按开支日期施行的规定计算；否则按这一天，默认为今天。",
        "When the date of spending is given, the rules in force on that day apply; otherwise "
        "those of this day, today by default."),
    ("annual_leave", "date"): (
        "填写了计算日期时，按计算日期施行的规定计算；否则按这一天，默认为今天。",
        "When the date the answer is for is given, the rules in force on that day apply; "
        "otherwise those of this day, today by default."),
})


def _amendment(summary, lang: str) -> str:
    """An amendment by its title and number: 《…》（永编办发〔2027〕1号） / “…” (…)."""
    number = summary.get("number")
    if lang == "zh":
        return f"《{summary['title_zh']}》" + (f"（{number}）" if number else "")
    if summary.get("title_en"):
        return f"“{summary['title_en']}”" + (f" ({number})" if number else "")
    # No English title: the Chinese one in brackets, after its English description.
    return f"a decision of the Office (《{summary['title_zh']}》" + (
        f", {number})" if number else ")")


_SPECIAL.update({"amendment": _amendment, "in_force": _date, "rules_day": _date,
                 "requested": _date})

NOTES.update({
    "dated.amended": (
        "本结果按{in_force}起施行的{amendment}修改后的 {clauses} 计算。",
        "This answer applies {clauses} as amended by {amendment}, in force from {in_force}."),
    "dated.inserted": (
        "本结果适用{in_force}起施行的{amendment}增加的 {clauses}。",
        "This answer applies {clauses}, added by {amendment}, in force from {in_force}."),
    "dated.repealed": (
        "{clauses} 已由{in_force}起施行的{amendment}废止；本结果仍按废止前的规定给出，仅供参考。",
        "{clauses} was repealed by {amendment} with effect from {in_force}; this answer still "
        "follows the rules as they were before, for reference only."),
    "dated.event.expenditure": (
        "开支日期与适用日期之间规定有修改：本结果按开支日期（{rules_day}）施行的规定计算，"
        "而不是{requested}施行的规定。",
        "The rules changed between the date of spending and the “Rules as of” date: this "
        "answer applies the rules in force on the date of spending, {rules_day}, not those "
        "of {requested}."),
    "dated.event.annual_leave": (
        "计算日期与适用日期之间规定有修改：本结果按计算日期（{rules_day}）施行的规定计算，"
        "而不是{requested}施行的规定。",
        "The rules changed between the date the answer is for and the “Rules as of” date: "
        "this answer applies the rules in force on {rules_day}, the date the answer is for, "
        "not those of {requested}."),
    "dated.calendar_year": (
        "注意：{clauses} 自{in_force}起按{amendment}修改。本日历全年按{rules_day}施行的规定排定，"
        "{year}年的部分会议适用的条文与此不同，请按会议当天施行的条文核对。",
        "Note: {clauses} is amended by {amendment} with effect from {in_force}. This calendar "
        "applies the rules in force on {rules_day} to the whole of {year}, but some of that "
        "year's meetings fall under the other version: check each against the text in force "
        "on its day."),
})
