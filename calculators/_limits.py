"""Sanity bounds on inputs.

No clause sets these: they only keep absurd values (a meeting of 10**100
members, a 5000-year-old career) out of the rule functions. They live apart
from the rule modules so that the test forbidding rule numbers in code can
skip this one module.
"""

MAX_MEMBERS = 1000
MAX_DAYS = 366
MAX_AMOUNT = 1_000_000_000
MIN_YEAR = 1900
MAX_YEAR = 2200
MAX_YEARS_WORKED = 80
MAX_SICK_LEAVE_MONTHS = 12
MAX_ARTICLES = 1000
MAX_OUTLETS_PER_ARTICLE = 20
MAX_PERIOD_MONTHS = 120          # the young cadres' monthly check: ten years at most
