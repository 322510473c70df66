"""The drafting page (/draft/) in headless Chromium: the clerk pastes a decision,
the page reads it with the calculators' own Python in Pyodide, shows each change
and what it could not read, and offers the file to save."""
from __future__ import annotations

from pathlib import Path

from calculators import _amendments

DECISION = (Path(__file__).resolve().parents[1] / "data" / "decisions" / "clerk-2027-3.txt").read_text(
    encoding="utf-8")
ENGINE = 90_000


def read(page, server, path, text):
    page.goto(server + path)
    page.fill(".draft-text", text)
    page.click(".draft-run")
    page.wait_for_selector(".draft-result:not([hidden]) .draft-answer", timeout=ENGINE)


def test_a_decision_becomes_a_file_to_save(page, server, tmp_path):
    read(page, server, "/draft/", DECISION)
    answer = page.inner_text(".draft-answer")
    assert answer.startswith("可以保存"), answer
    assert page.locator(".draft-sentence.is-unread").count() == 0
    assert page.locator(".draft-redline del", has_text="1000").count() == 1
    assert page.locator(".draft-redline ins", has_text="1200").count() == 1
    assert "“文明办公制度”第7条改为第6条（c11-7）" in page.inner_text(".draft-result")
    assert "宣传稿件奖励（c13-2）：100 → 150，2027-04-01起" in page.inner_text(".draft-values")
    with page.expect_download() as caught:
        page.click(".draft-save")
    download = caught.value
    assert download.suggested_filename == "2027-04-01-decision-2027-3.toml"
    saved = tmp_path / download.suggested_filename
    download.save_as(saved)
    amendment = _amendments.parse(saved)          # the build reads it
    assert amendment.renumber is True and [c.clause for c in amendment.changes] == [
        "c13-2", "c12-2", "c11-6", "c12-11"]
    page.watch.assert_clean()


def test_an_unread_sentence_is_shown_and_nothing_is_offered(page, server):
    odd = DECISION.replace("三、删去“文明办公制度”第6条。", "三、将“文明办公制度”第6条和第7条合并。")
    read(page, server, "/en/draft/", odd)
    assert page.inner_text(".draft-answer").startswith("Not ready yet")
    unread = page.locator(".draft-sentence.is-unread")
    assert unread.count() == 1 and "合并" in unread.inner_text()
    assert page.locator(".draft-save").count() == 0
    page.watch.assert_clean()
