"""Hostile input through the address bar, and the calculators by keyboard alone.

A manager pastes links into notices; a link may be mangled, truncated or
crafted. Whatever the query string holds, the page must not run it as markup,
must not crash, and must say what is wrong with the field in the page's language.
"""
from __future__ import annotations

from urllib.parse import quote

from hypothesis import HealthCheck, given, settings, strategies as st

from test_calculators import ENGINE, open_calc

NASTY = [
    "<script>window.__pwned=1</script>",
    '"><img src=x onerror="window.__pwned=1">',
    "javascript:alert(1)",
    "1e309", "-0", "NaN", "Infinity", "0x10", "１２", "5.5", "",
    "x" * 5000,
    "%00%ff", "{{7*7}}", "__proto__", "[1,2]", '{"a":1}',
]

junk = st.one_of(
    st.sampled_from(NASTY),
    st.text(max_size=60),
    st.text(alphabet="<>\"'&/=;:(){}[]%0123456789abc", max_size=40),
)


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
    if result.get_attribute("data-ok") == "false":
        # The refusal names a field and shows its message next to it.
        invalid = pg.locator('form[data-calculator="quorum"] [aria-invalid="true"]')
        assert invalid.count() >= 1
        message = pg.locator("#" + invalid.first.get_attribute("aria-describedby")).inner_text()
        assert message.strip()


def test_url_prefill_survives_junk(browser, server):
    ctx = browser.new_context(service_workers="block")
    ctx.route(lambda url: not url.startswith("http://127.0.0.1:"), lambda route: route.abort())
    pg = ctx.new_page()

    @settings(max_examples=5, deadline=None, derandomize=True,
              suppress_health_check=list(HealthCheck))
    @given(members=junk, present=junk, topic=junk)
    def run(members, present, topic):
        _check(pg, server, members, present, topic)

    try:
        run()
        for value in NASTY:
            _check(pg, server, value, value, value)
    finally:
        ctx.close()


def test_a_calculator_by_keyboard_alone(browser, server):
    ctx = browser.new_context(service_workers="block")
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
    pg.keyboard.press("Control+A")
    pg.keyboard.type("6")
    result = pg.locator('form[data-calculator="quorum"] [data-calculator-result][data-ok="true"]')
    result.wait_for(timeout=20_000)
    # The answer is announced (the result region is live) and is the keyboard's input:
    # 8 members need 6 present, so the meeting may be held.
    assert result.get_attribute("aria-live") == "polite"
    assert result.locator("[data-output=required_present]").inner_text().strip() == "6"
    assert result.locator("[data-output=quorum_met]").inner_text().strip() == "Yes"
    assert "may be held" in result.locator("[data-calculator-answer]").inner_text()
    ctx.close()
