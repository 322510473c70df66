"""What the build says to a clerk about an amendment file: Chinese first, the file,
the line and the field, and what to type, for the slips a Chinese keyboard and
Notepad make (the clerk review, ../shared/reviews/clerk-2026-12.md, section 2)."""
from __future__ import annotations

import re

import pytest

from calculators import _amendments
from calculators._amendments import AmendmentError

HEAD = 'title_zh = "关于修改《永定区编办管理制度》的决定"\nnumber = "永编办发〔2027〕3号"\n'
CHANGE = '\n[[changes]]\nclause = "c12-2"\naction = "replace"\nzh = "2.实行民主理财,10000元以上重大开支报请主任办公会议定。"\n'
HAN = re.compile(r"[\u4e00-\u9fff]")


def refused(tmp_path, text: str, name="2027-04-01-x.toml", encoding="utf-8") -> AmendmentError:
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    with pytest.raises(AmendmentError) as caught:
        _amendments.parse(path)
    return caught.value


SLIPS = {
    # (the file's text, its line, its field, what the message must tell the clerk to type)
    "a Chinese date without quotes": (HEAD + "in_force = 2027年4月1日" + CHANGE, 3, "in_force",
                                      "in_force = 2027-04-01"),
    "a short date without quotes": (HEAD + "in_force = 2027-4-1" + CHANGE, 3, "in_force",
                                    "in_force = 2027-04-01"),
    "an adopted date with slashes": (HEAD + "adopted = 2027/2/20\nin_force = 2027-04-01" + CHANGE, 3,
                                     "adopted", "adopted = 2027-02-20"),
    "Chinese quotation marks": (HEAD + "in_force = 2027-04-01" + CHANGE.replace('"replace"', "“replace”"),
                                6, "action", 'action = "replace"'),
    "a full-width equals sign": (HEAD + "in_force ＝ 2027-04-01" + CHANGE, 3, "in_force",
                                 "in_force = 2027-04-01"),
    "full-width brackets": (HEAD + "in_force = 2027-04-01" + CHANGE.replace("[[changes]]", "［［changes］］"),
                            4, "(line 4)", "[[changes]]"),
    "a colon for the equals sign": (HEAD + "in_force: 2027-04-01" + CHANGE, 3, "in_force",
                                    "in_force = 2027-01-01"),
    "an impossible date": (HEAD + "in_force = 2027-02-30" + CHANGE, 3, "in_force", "2027-01-01"),
    "a missing closing quote": (HEAD + "in_force = 2027-04-01" + CHANGE.replace('。"', "。"), 7, "zh",
                                "英文双引号"),
}


@pytest.mark.parametrize("case", list(SLIPS), ids=list(SLIPS))
def test_a_keyboard_slip_gets_a_chinese_message_naming_line_field_and_what_to_type(case, tmp_path):
    text, line, field, to_type = SLIPS[case]
    err = refused(tmp_path, text)
    assert (err.line, err.field) == (line, field), str(err)
    assert HAN.search(err.zh) and to_type in err.zh, err.zh
    shown = err.for_clerk()
    assert shown.startswith("修改决定文件有误")
    assert f"第{line}行" in shown and "2027-04-01-x.toml" in shown and field in shown
    assert shown.index("问题") < shown.index("English")      # Chinese first


def test_a_byte_order_mark_is_accepted(tmp_path):
    path = tmp_path / "2027-04-01-x.toml"
    path.write_bytes(b"\xef\xbb\xbf" + (HEAD + "in_force = 2027-04-01" + CHANGE).encode("utf-8"))
    assert _amendments.parse(path).in_force.isoformat() == "2027-04-01"


def test_crlf_line_ends_are_accepted(tmp_path):
    path = tmp_path / "2027-04-01-x.toml"
    path.write_bytes((HEAD + "in_force = 2027-04-01" + CHANGE).replace("\n", "\r\n").encode("utf-8"))
    assert _amendments.parse(path).changes[0].clause == "c12-2"


def test_a_gbk_file_says_how_to_save_it_as_utf8(tmp_path):
    err = refused(tmp_path, HEAD + "in_force = 2027-04-01" + CHANGE, encoding="gbk")
    assert err.key == "not_utf8" and "UTF-8" in err.zh and "另存为" in err.zh


def test_the_folder_warns_of_a_file_not_read_and_of_a_name_off_its_date(tmp_path):
    good = HEAD + "in_force = 2027-04-01" + CHANGE
    (tmp_path / "2027-04-01-x.toml.txt").write_text(good, encoding="utf-8")
    (tmp_path / "2027-01-01-y.toml").write_text(good, encoding="utf-8")
    (tmp_path / "README.md").write_text("说明", encoding="utf-8")
    warnings = {w.key: w for w in _amendments.folder_warnings(tmp_path)}
    assert set(warnings) == {"not_toml", "name_date"}
    assert ".toml" in warnings["not_toml"].zh and "2027-04-01-x.toml.txt" in warnings["not_toml"].zh
    assert "2027-04-01-" in warnings["name_date"].zh


def test_a_missing_amendments_folder_is_an_error_not_no_amendments(tmp_path, monkeypatch):
    monkeypatch.setenv(_amendments.ENV, str(tmp_path / "nowhere"))
    with pytest.raises(AmendmentError) as caught:
        _amendments.load()
    assert caught.value.key == "folder_missing" and "nowhere" in caught.value.zh


def test_every_message_has_chinese_and_english_and_every_code_is_known():
    from pathlib import Path
    package = Path(_amendments.__file__).parent
    raised = set()
    for module in ("_amendments.py", "_history.py", "_data.py"):
        source = (package / module).read_text(encoding="utf-8")
        raised |= set(re.findall(r'AmendmentError\(\s*[^,]+,\s*(?:f?"[^"]*"|[^,]+),\s*"([a-z_]+)"',
                                 source, re.S))
    assert {"number", "slot_mismatch", "date_format", "not_toml", "unknown_clause"} <= raised
    assert raised <= set(_amendments.MESSAGES), raised - set(_amendments.MESSAGES)
    for key, pair in _amendments.MESSAGES.items():
        assert set(pair) == {"zh", "en"}, key
        assert HAN.search(pair["zh"]), key


def test_the_build_stops_with_the_message_and_no_traceback(tmp_path):
    import os
    import subprocess
    import sys
    from pathlib import Path
    root = Path(__file__).resolve().parents[1]
    folder = tmp_path / "amendments"
    folder.mkdir()
    (folder / "2027-04-01-x.toml").write_text(HEAD + "in_force = 2027年4月1日" + CHANGE, encoding="utf-8")
    env = {**os.environ, "HANDBOOK_AMENDMENTS": str(folder), "NO_MKDOCS_2_WARNING": "1"}
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(tmp_path / "out")],
                            cwd=root, env=env, capture_output=True, text=True, timeout=600)
    assert result.returncode != 0
    assert "修改决定文件有误" in result.stderr and "第3行" in result.stderr
    assert "in_force = 2027-04-01" in result.stderr
    assert "Traceback" not in result.stderr
