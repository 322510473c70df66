"""Hostile input through the address bar, and the calculators by keyboard alone.

A manager pastes links into notices; a link may be mangled, truncated or
crafted. Whatever the query string holds, the page must not run it as markup,
must not crash, and must say what is wrong with the field in the page's language.

How each value is read from the URL is unit-tested, hostile values and random
strings included (tests/js/url-inputs.test.mjs); the Python contract has its own
properties (tests/calculators/test_properties.py). Here, a few links end to end:
each page load starts the engine, so each link carries several bad values at once.
"""
from __future__ import annotations

from urllib.parse import quote

from browserkit import local_context
from test_calculators import ENGINE, open_calc

# (members, present, topic): markup, numbers JavaScript and Python read differently,
# and junk of every size, one link each.
LINKS = [
    ("<script>window.__pwned=1</script>", '"><img src=x onerror="window.__pwned=1">', "javascript:alert(1)"),
    ("1e309", "NaN", "__proto__"),
    ("9" * 400, "%00%ff", "x" * 5000),
]


def _check(pg, server, members: str, present: str, topic: str):
    url = (f"{server}/calculators/quorum/?members={quote(members)}"
           f"&present={quote(present)}&topic={quote(topic)}")
    errors: list[str] = []
    pg.on("pageerror", lambda e: errors.append(str(e)))
    pg.goto(url)
    form = pg.wait_for_selector('form[data-calculator="quorum"][data-engine="ready"]', timeout=ENGINE)
    pg.wait_for_selector('[data-calculator-result][data-ok]', timeout=20_000)
    result = pg.locator("[data-calculator-result]")
    text = result.inner_text()
    assert not errors, errors
    assert pg.evaluate("window.__pwned") is None
    assert form.query_selector("img, script:not([type='application/json']), iframe") is None
    assert "NaN" not in text and "undefined" not in text and "Traceback" not in text
    # Every link has a bad member count: a refusal, its message next to a field it names.
    assert result.get_attribute("data-ok") == "false"
    invalid = pg.locator('form[data-calculator="quorum"] [aria-invalid="true"]')
    assert invalid.count() >= 1
    described = invalid.first.get_attribute("aria-describedby").split()
    message = pg.locator(f"[id='{next(i for i in described if i.endswith('-error'))}']").inner_text()
    label = pg.locator(f"label[for='{invalid.first.get_attribute('id')}']").inner_text()
    assert message.strip() and label.strip(" *") in message, (label, message)


def test_url_prefill_survives_junk(browser, server):
    ctx = local_context(browser)      # one context: the engine's files come from its cache
    pg = ctx.new_page()
    try:
        for members, present, topic in LINKS:
            _check(pg, server, members, present, topic)
    finally:
        ctx.close()


def test_a_calculator_by_keyboard_alone(browser, server):
    ctx = local_context(browser)
    pg = ctx.new_page()
    open_calc(pg, server, "/en/calculators/quorum/", "quorum")
    # Tab from the top of the page until the first field of the form has focus.
    for _ in range(120):
        pg.keyboard.press("Tab")
        if pg.evaluate("() => document.activeElement?.name") == "members":
            break
    else:
        raise AssertionError("the members field is not reachable with Tab")
    outline = pg.evaluate("() => getComputedStyle(document.activeElement).outlineStyle")
    shadow = pg.evaluate("() => getComputedStyle(document.activeElement).boxShadow")
    assert outline != "none" or shadow != "none", "no visible focus"
    pg.keyboard.press("Control+A")
    pg.keyboard.type("8")
    pg.keyboard.press("Tab")
    assert pg.evaluate("() => document.activeElement.name") == "present"
    # The build makes the result area a live region (tests/test_clause_pages.py); a screen
    # reader announces changes inside it, not a new element put in its place.
    pg.evaluate("() => { window.__region = document.querySelector("
                "'form[data-calculator=quorum] [data-calculator-result]'); }")
    pg.keyboard.press("Control+A")
    pg.keyboard.type("6")
    result = pg.locator('form[data-calculator="quorum"] [data-calculator-result][data-ok="true"]')
    result.wait_for(timeout=20_000)
    assert pg.evaluate("() => window.__region.isConnected && window.__region.dataset.ok === 'true'"
                       " && window.__region.getAttribute('aria-live') === 'polite'"), \
        "the answer is not in the live region the page loaded with"
    # The answer is the keyboard's input: 8 members need 6 present, so the meeting may be held.
    assert result.locator("[data-output=required_present]").inner_text().strip() == "6"
    assert result.locator("[data-output=quorum_met]").inner_text().strip() == "Yes"
    assert "may be held" in result.locator("[data-calculator-answer]").inner_text()
    ctx.close()
