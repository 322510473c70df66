"""The calculators' engine in Chromium: restored from the build-time memory snapshot
(assets/pyodide/snapshot.json + calculators-<hash>.snapshot), and the normal boot it
falls back to when the snapshot is missing, corrupted or does not match; both give
the same answers. Also: the engine starts only when a form is in view or used, and
its loading messages say what is happening (steps, bytes, no "timed out")."""
from __future__ import annotations

import json
import re
import time
import zipfile

import pytest

ENGINE = 90_000
PREFILLED = "/calculators/quorum/?members=12&present=8"
EN_PREFILLED = "/en/calculators/quorum/?members=12&present=8"

# (page, form, {output: expected text}): answers both paths must give.
CASES = [
    ("/calculators/quorum/?members=12&present=8", "quorum",
     {"quorum_met": "否", "required_present": "9"}),
    ("/calculators/condolence/?event=death&person=spouse", "condolence",
     {"amount_min": "1000", "amount_max": "1000"}),
    ("/calculators/expenditure/?amount=6000&spent_on=2027-01-20", "expenditure",
     {"reimburse_by": "2027-02-03", "needs_office_meeting": "是"}),
]


def poll(page, expression, timeout=ENGINE / 1000):
    """page.evaluate in a loop (wait_for_function's string form may meet a strict CSP)."""
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        value = page.evaluate(expression)
        if value:
            return value
        time.sleep(0.05)
    raise AssertionError(f"timed out waiting for {expression}")


def answers(page, server, path, name, expected) -> str:
    page.goto(server + path)
    form = page.locator(f'form[data-calculator="{name}"]')
    form.locator('[data-calculator-result][data-ok="true"]').wait_for(timeout=ENGINE)
    for key, text in expected.items():
        assert form.locator(f'[data-output="{key}"]').inner_text().strip() == text, key
    assert form.get_attribute("data-engine") == "ready"
    return page.evaluate("document.documentElement.dataset.calculatorsVia || ''")


def engine_requests(page):
    urls = []
    page.on("request", lambda r: "/assets/pyodide/" in r.url and urls.append(r.url))
    return urls


# ------------------------------------------------------------ restore path

@pytest.mark.parametrize("path,name,expected", CASES)
def test_restored_from_the_snapshot(page, server, path, name, expected):
    urls = engine_requests(page)
    via = answers(page, server, path, name, expected)
    assert via == "snapshot"
    assert any(re.search(r"/calculators-[0-9a-f]{16}\.snapshot$", u) for u in urls), urls
    # The wheel is not downloaded: its files travel inside the snapshot image; nor is
    # Pyodide's standard library: what the calculators use is in the snapshot's memory.
    assert not [u for u in urls if u.endswith(".whl")], urls
    assert not [u for u in urls if u.endswith("/python_stdlib.zip")], urls
    assert any(u.endswith("/snapshot-stdlib.zip") for u in urls), urls
    page.watch.assert_clean()


def test_the_snapshot_matches_the_site(site_dir, root):
    """The manifest names this build's Pyodide and every wheel the calculators load,
    with the sha256 in the lockfile; the file it names is there, with those bytes."""
    import hashlib
    folder = site_dir / "assets" / "pyodide"
    manifest = json.loads((folder / "snapshot.json").read_text(encoding="utf-8"))
    lock = json.loads((folder / "pyodide-lock.json").read_text(encoding="utf-8"))
    pinned = json.loads((root / "package-lock.json").read_text())["packages"]["node_modules/pyodide"]
    assert manifest["pyodide"] == pinned["version"] == "314.0.7"
    names = {p["name"] for p in manifest["packages"]}
    assert "yongding-calculators" in names
    todo = ["yongding-calculators"]
    while todo:  # every package the calculators depend on is in the snapshot's key
        entry = lock["packages"][todo.pop()]
        assert entry["name"] in names
        todo += entry.get("depends", [])
    for p in manifest["packages"]:
        assert lock["packages"][p["name"]]["sha256"] == p["sha256"]
        assert hashlib.sha256((folder / p["file_name"]).read_bytes()).hexdigest() == p["sha256"]
    image = (folder / manifest["file"]).read_bytes()
    assert hashlib.sha256(image).hexdigest() == manifest["sha256"]
    assert manifest["file"] == f"calculators-{manifest['sha256'][:16]}.snapshot"
    assert len(image) == manifest["bytes"]
    assert len(image) == sum(r[1] for r in manifest["ranges"]) + sum(f["size"] for f in manifest["files"])
    assert image[:4] == (0x706E7300).to_bytes(4, "little")  # Pyodide's snapshot magic
    assert any(f["path"].endswith("/calculators/rules.toml") for f in manifest["files"])
    assert manifest["canaries"]
    # made against this .wasm; the restored engine mounts the empty standard library
    assert manifest["base"] == "wasm-data"
    assert manifest["wasm"]["bytes"] == (folder / "pyodide.asm.wasm").stat().st_size
    start, end = manifest["wasm"]["data"]
    assert 0 < start < end < manifest["rawBytes"]
    stdlib = folder / manifest["stdlib"]["file"]
    assert zipfile.ZipFile(stdlib).namelist() == []


# ----------------------------------------------------------- fallback path

def _corrupt(route):
    # The right size, wrong contents: only Pyodide's own checks can tell.
    body = bytearray(route.fetch().body())
    body[:4] = b"\x00snq"
    route.fulfill(status=200, body=bytes(body), headers={"Content-Type": "application/octet-stream"})


def _truncated(route):
    response = route.fetch()
    route.fulfill(status=200, body=response.body()[: 1_000_000],
                  headers={"Content-Type": "application/octet-stream"})


def _wrong_wheel(route):
    response = route.fetch()
    manifest = json.loads(response.text())
    manifest["packages"][0]["sha256"] = "0" * 64
    route.fulfill(status=200, body=json.dumps(manifest), headers={"Content-Type": "application/json"})


@pytest.mark.parametrize("pattern,handler,snapshot_fetched,note", [
    ("**/calculators-*.snapshot", lambda r: r.fulfill(status=404, body="gone"), True, True),
    ("**/calculators-*.snapshot", _corrupt, True, True),
    ("**/calculators-*.snapshot", _truncated, True, True),
    ("**/assets/pyodide/snapshot.json", lambda r: r.fulfill(status=404, body="gone"), False, False),
    ("**/assets/pyodide/snapshot.json", _wrong_wheel, False, False),
], ids=["snapshot-404", "snapshot-corrupt", "snapshot-truncated", "manifest-404", "wheel-mismatch"])
def test_falls_back_to_the_normal_boot_with_the_same_answers(
        page, server, pattern, handler, snapshot_fetched, note):
    page.context.route(pattern, handler)
    urls = engine_requests(page)
    for path, name, expected in CASES[:2]:
        assert answers(page, server, path, name, expected) == "boot"
    assert any(u.endswith(".whl") for u in urls)  # the normal boot's loadPackage
    assert any(u.endswith(".snapshot") for u in urls) == snapshot_fetched
    status = page.locator("[data-calculator-status]").first
    assert status.get_attribute("data-state") == "ready"
    if note:  # a failed snapshot is noted quietly, never as an error
        assert page.evaluate("document.documentElement.dataset.calculatorsSnapshot") == "failed"
    # (the given-up attempt's .wasm download is cancelled when it was still under way)
    page.watch.failed[:] = [f for f in page.watch.failed if ".snapshot" not in f and "snapshot.json" not in f
                            and not f.endswith("pyodide.asm.wasm net::ERR_ABORTED")]
    page.watch.assert_clean()


def test_a_failed_snapshot_says_so_quietly_while_booting(page, server):
    held = []
    page.context.route("**/calculators-*.snapshot", lambda r: r.fulfill(status=404, body="gone"))
    # hold the first .wasm request (the snapshot attempt's), so the status can be read
    page.context.route("**/pyodide.asm.wasm",
                       lambda r: held.append(r) if not held else r.continue_())
    page.goto(server + PREFILLED)
    poll(page, "document.documentElement.dataset.calculatorsSnapshot === 'failed'")
    # the boot continues; the status mentions the slower start, in Chinese, no engine names
    text = page.locator("[data-calculator-status]").first.inner_text()
    assert "计算引擎" in text and "快速启动未成功" in text and "Pyodide" not in text, text
    for route in held:
        route.continue_()
    page.locator('form[data-engine="ready"]').wait_for(timeout=ENGINE)


# --------------------------------------------------------------- lazy start

def test_no_engine_until_the_form_is_in_view(page, server):
    urls = engine_requests(page)
    page.set_viewport_size({"width": 1280, "height": 600})
    page.goto(server + "/ch01/")  # its calculator follows c1-8, near the chapter's end
    page.wait_for_load_state("load")
    page.wait_for_timeout(1500)
    assert page.locator("form[data-calculator]").count() >= 1
    assert urls == []
    assert page.evaluate("window.__calculatorsWorker") is None
    page.locator("form[data-calculator]").first.scroll_into_view_if_needed()
    page.locator('form[data-calculator][data-engine="ready"]').first.wait_for(timeout=ENGINE)
    assert urls


def test_a_form_used_before_it_scrolled_into_view_starts_the_engine(page, server):
    urls = engine_requests(page)
    page.set_viewport_size({"width": 1280, "height": 600})
    page.goto(server + "/ch01/")
    page.wait_for_timeout(1000)
    assert urls == []
    page.locator('form[data-calculator="quorum"]').dispatch_event("pointerdown")
    page.locator('form[data-calculator="quorum"][data-engine="ready"]').wait_for(timeout=ENGINE)


def test_print_page_loads_no_engine_even_when_scrolled(page, server, site_dir):
    urls = engine_requests(page)
    assert page.goto(server + "/print/").ok, "no /print/ page: nothing would be tested"
    page.wait_for_load_state("load")
    assert page.locator("p.clause").count() > 100
    for _ in range(10):
        page.mouse.wheel(0, 20000)
        page.wait_for_timeout(150)
    page.wait_for_timeout(1000)
    assert urls == []


def test_prefilled_calculator_starts_at_once(page, server):
    page.goto(server + PREFILLED, wait_until="commit")
    # the inline boot script starts the worker before calculators.js runs
    poll(page, "window.__calculatorsWorker !== undefined", timeout=10)
    assert page.evaluate("window.__calculatorsWorker !== null")


# ------------------------------------------------------------ honest loading

def test_progress_in_steps_with_bytes_and_never_timed_out(page, server):
    """On a slow network the status counts the megabytes in Chinese with full-width
    punctuation, names no engine, and never says 超时 while bytes arrive."""
    cdp = page.context.new_cdp_session(page)
    cdp.send("Network.enable")
    cdp.send("Network.emulateNetworkConditions", {
        "offline": False, "latency": 20, "downloadThroughput": 1_500_000, "uploadThroughput": 1_000_000})
    seen = set()
    page.goto(server + PREFILLED, wait_until="commit")
    end = time.monotonic() + 120
    while time.monotonic() < end:
        state = page.evaluate("""() => { const s = document.querySelector('[data-calculator-status]');
            return s ? [s.dataset.state || '', s.innerText] : ['', '']; }""")
        seen.add(tuple(state))
        if state[0] == "ready":
            break
        time.sleep(0.2)
    texts = [t for s, t in seen if s == "loading"]
    assert any(re.search(r"下载计算程序（\d+\.\d MB / \d+\.\d MB）", t) for t in texts), seen
    assert any("第 2/3 步" in t for t in texts) or any("第 3/3 步" in t for t in texts), seen
    for _, text in seen:
        assert "超时" not in text and "Pyodide" not in text and "WebAssembly" not in text, text
    assert ("ready", "计算引擎已就绪。") in seen


def test_no_progress_is_said_with_what_to_try(page, server):
    """Nothing moves (the big file never answers): after the stall delay the reader is
    told what to try, without 超时; when it resumes, the answer still comes."""
    held = []
    page.context.route("**/pyodide.asm.wasm", lambda r: held.append(r))
    page.goto(server + EN_PREFILLED)
    status = page.locator("[data-calculator-status]").first
    poll(page, "document.querySelector('[data-calculator-status]').dataset.state === 'slow'", timeout=40)
    text = status.inner_text()
    assert "no progress" in text and "reload" in text.lower() and "timed out" not in text.lower()
    for route in held:
        route.continue_()
    page.locator('form[data-engine="ready"]').wait_for(timeout=ENGINE)
    page.locator('[data-calculator-result][data-ok="true"]').wait_for(timeout=ENGINE)


def test_missing_file_has_its_own_message(page, server):
    page.context.route("**/pyodide-lock.json", lambda r: r.fulfill(status=404, body="gone"))
    page.goto(server + PREFILLED)
    status = page.locator('[data-calculator-status][data-state="failed"]').first
    status.wait_for(timeout=15_000)
    text = status.inner_text()
    assert "未能从服务器取得" in text and "管理员" in text
    assert "，" in text  # full-width punctuation


def test_no_webassembly_has_its_own_message_in_chinese(page, server):
    page.add_init_script("delete window.WebAssembly")
    page.goto(server + "/calculators/quorum/")
    status = page.locator('[data-calculator-status][data-state="failed"]')
    status.wait_for(timeout=5_000)
    assert "此浏览器无法运行计算器" in status.inner_text()
