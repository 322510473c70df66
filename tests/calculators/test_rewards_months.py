"""rewards across amendments, as a class (the clerk review's S5): each article with a
month takes the rates in force on that month's first day, whatever the answer's
`date`; an article without a month takes `date`'s; a young cadre's month is checked
against the minimum in force on its first day. Scanned over every month from before
to after three amendments (one on a month's first day, one in the middle of a month,
a repeal), every level, several answer dates, in one answer and article by article.

The expected figures are the ones the fixture decisions below write, not read back
through the calculators' own rules.
"""

from datetime import date

import pytest

import calculators

FIRST, MIDDLE, REPEAL = date(2027, 1, 1), date(2027, 3, 15), date(2027, 9, 1)
LEVELS = {"county_web": "永定新闻网", "rednet_mobile": "红网手机报", "municipal": "区委办",
          "provincial": "省级刊物", "national": "国家级刊物"}
# The rates and the young cadres' minimum as each decision writes them.
RATES = {None: {"county_web": 50, "rednet_mobile": 100, "municipal": 300, "provincial": 1000,
                "national": 2000},
         FIRST: {"county_web": 50, "rednet_mobile": 150, "municipal": 300, "provincial": 1000,
                 "national": 2000},
         MIDDLE: {"county_web": 60, "rednet_mobile": 180, "municipal": 300, "provincial": 1000,
                  "national": 2500}}
LEAST = {None: 1, FIRST: 2, MIDDLE: 3}


def _c13_2(rates):
    return ("2.奖励办法:永定新闻网、永定区政府网和市机构编制网等采用的稿件奖励"
            f"{rates['county_web']}元/篇,红网手机报采用的奖励{rates['rednet_mobile']}元/篇,"
            f"区“两办”及《张家界日报》以上刊物采用的稿件每篇奖励{rates['municipal']}元,"
            f"省级刊物每篇奖励{rates['provincial']}元;国家级刊物每篇奖励{rates['national']}元,"
            "同一稿件按“就高不就低”原则进行奖励。")


def _c13_1(least):
    return f"1.鼓励干部积极投稿宣传本机关工作,年轻干部按岗位分工须每月撰写新闻稿件至少{least}篇。"


@pytest.fixture
def decisions(tmp_path, use_amendments):
    for day, slug, body in (
            (FIRST, "first", [("c13-2", _c13_2(RATES[FIRST])), ("c13-1", _c13_1(LEAST[FIRST]))]),
            (MIDDLE, "middle", [("c13-2", _c13_2(RATES[MIDDLE])),
                                ("c13-1", _c13_1(LEAST[MIDDLE]))])):
        changes = "".join(f'\n[[changes]]\nclause = "{c}"\naction = "replace"\nzh = "{zh}"\n'
                          for c, zh in body)
        (tmp_path / f"{day}-{slug}.toml").write_text(
            f'title_zh = "关于调整宣传奖励的决定（{slug}）"\nnumber = "永编办发〔2027〕{len(slug)}号"\n'
            f"in_force = {day}\n{changes}", encoding="utf-8")
    (tmp_path / f"{REPEAL}-repeal.toml").write_text(
        f'title_zh = "关于废止宣传奖励办法的决定"\nnumber = "永编办发〔2027〕20号"\nin_force = {REPEAL}\n'
        '\n[[changes]]\nclause = "c13-2"\naction = "repeal"\n', encoding="utf-8")
    use_amendments(tmp_path)


def _version(day: date):
    """The decision in force on `day` (None: the text as issued)."""
    return max((d for d in (FIRST, MIDDLE) if d <= day), default=None)


def _months(first=(2026, 9), last=(2027, 12)):
    year, month = first
    while (year, month) <= last:
        yield year, month
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)


ASKED = ("2026-12-20", "2027-01-15", "2027-03-20", "2027-08-31", "2027-10-01")


@pytest.mark.parametrize("asked", ASKED)
def test_each_article_takes_the_rates_of_its_months_first_day(asked, decisions):
    articles, expected = [], []
    for year, month in _months():
        first = date(year, month, 1)
        for level, outlet in LEVELS.items():
            articles.append({"outlets": [outlet], "month": f"{year}-{month:02d}"})
            expected.append(0 if first >= REPEAL else RATES[_version(first)][level])
    # Without a month: the rates of the answer's date.
    day = date.fromisoformat(asked)
    for level, outlet in LEVELS.items():
        articles.append({"outlets": [outlet]})
        expected.append(0 if day >= REPEAL else RATES[_version(day)][level])
    result = calculators.run("rewards", {"articles": articles, "date": asked})
    assert result["ok"], result
    assert [item["reward"] for item in result["reward"]] == expected
    assert result["total"] == sum(expected)
    for article, item in zip(articles, result["reward"]):
        day_used = date(*map(int, article["month"].split("-")), 1) if "month" in article else day
        assert item["rules_day"] == day_used.isoformat()
        version = REPEAL if day_used >= REPEAL else _version(day_used)
        assert item["clause_version"] == (version.isoformat() if version else None)
    zh, en = result["explanation_zh"], result["explanation_en"]
    # Each set of rates is quoted for the articles that took it, and the decision named.
    for version in (None, FIRST, MIDDLE):
        assert f"红网手机报 {RATES[version]['rednet_mobile']} 元/篇" in zh, version
    assert "永编办发〔2027〕5号" in zh and "永编办发〔2027〕6号" in zh
    assert "永编办发〔2027〕20号" in zh and "不计奖励" in zh and "earn nothing" in en
    # The middle-of-the-month amendment is said, for March 2027.
    assert "在2027年3月中间施行" in zh and "March 2027" in en
    # The same articles one at a time give the same figures.
    for article, amount in list(zip(articles, expected))[::7]:
        alone = calculators.run("rewards", {"articles": [article], "date": asked})
        assert alone["total"] == amount, (article, asked)


@pytest.mark.parametrize("asked", ASKED)
def test_each_month_of_a_young_cadre_is_checked_against_its_own_minimum(asked, decisions):
    day = date.fromisoformat(asked)
    current = (day.year, day.month)
    months = list(_months((2026, 10), (2027, 12)))
    # 0, 1, 2 or 3 articles by turns, none taken (writing counts, not publication).
    counts = {m: i % 4 for i, m in enumerate(months)}
    articles = [{"outlets": [], "month": f"{y}-{m:02d}"}
                for (y, m), n in counts.items() for _ in range(n)]
    result = calculators.run("rewards", {"articles": articles, "young_cadre": True,
                                         "period_start": "2026-10", "period_end": "2027-12",
                                         "date": asked})
    assert result["ok"], result
    short = [f"{y}-{m:02d}" for (y, m), n in counts.items()
             if (y, m) < current and n < LEAST[_version(date(y, m, 1))]]
    pending = [f"{y}-{m:02d}" for (y, m), n in counts.items()
               if (y, m) >= current and n < LEAST[_version(date(y, m, 1))]]
    assert result["shortfall_months"] == short
    assert result["pending_months"] == pending
    zh = result["explanation_zh"]
    for least in LEAST.values():
        assert f"每月至少 {least} 篇" in zh, (least, zh)
    assert "每月按当月1日施行的条文" in zh


def test_the_reviewed_case_december_and_january(use_amendments):
    """The review's reproduction: 红网手机报 100 → 150 from 2027-01-01
    (tests/data/amendments), an article in December 2026 and one in January 2027."""
    use_amendments()
    articles = [{"outlets": ["红网手机报"], "month": "2026-12"},
                {"outlets": ["红网手机报"], "month": "2027-01"}]
    for asked in ("2027-01-15", "2026-12-20"):
        result = calculators.run("rewards", {"articles": articles, "date": asked})
        assert [item["reward"] for item in result["reward"]] == [100, 150], asked
        assert result["total"] == 250
        assert "2026年12月的稿件按原条文计算" in result["explanation_zh"]
        assert "2027年1月的稿件按2027年1月1日起施行的" in result["explanation_zh"]
