"""What the build tells the clerk, Chinese first: a malformed amendment (which file,
line and field, and what to type), and at the end of a good build a short summary
(the decisions recorded, the changes to come, the translations pending, anything to
pass on to a developer). The rest of the log stays quiet (`quiet_logs`).

The messages themselves are calculators/clerk_messages.toml (the amendment reader
runs in Pyodide too, where the drafting page shows the same words).
"""
from __future__ import annotations

import logging
import os
from pathlib import Path

from datetime import timedelta

from calculators import _amendments, _data

from . import edition

ROOT = Path(__file__).resolve().parents[1]


def folder_display() -> str:
    """The amendments folder as the clerk knows it: source/amendments, or the path."""
    folder = _amendments.directory()
    if folder is None:
        return "source/amendments"
    try:
        return str(Path(folder).resolve().relative_to(ROOT))
    except ValueError:
        return str(folder)


def error_text(exc: _amendments.AmendmentError) -> str:
    return exc.for_clerk(folder_display())


def _list(items, sep="、") -> str:
    return sep.join(items)


def summary() -> str:
    """The closing lines of a good build."""
    from . import versions
    day = edition.as_of()
    h = versions.history()
    in_force = [a for a in h.amendments if a.in_force <= day]
    coming = [a for a in h.amendments if a.in_force > day]
    pending = list(dict.fromkeys(cid for _, cid in h.pending_translations()))
    address = ("本机预览（正式网址尚未设置）" if edition.site_url_is_default()
               else f"网址 {edition.site_url()}")
    lines = [f"手册已生成：文本截至{edition.date_zh(day)}，{address}"]
    if not h.amendments:
        lines.append("修改决定：没有（本手册为各项制度发布时的原始文本）。")
    else:
        lines.append(f"修改决定：共{len(h.amendments)}项，已施行{len(in_force)}项，尚未施行{len(coming)}项。")
        for a in h.amendments:
            state = "已施行" if a.in_force <= day else "尚未施行"
            acts = {"replace": "修改", "insert": "新增", "repeal": "废止"}
            # As the decision names them: numbers of the day before (an insert: its own).
            before = a.in_force - timedelta(days=1)
            what = _list(f"{acts[c.action]}"
                         f"{_data.citation(h, c.clause, a.in_force if c.action == 'insert' else before)}"
                         for c in a.changes)
            if a.renumber:
                what += "，条文顺序相应调整"
            lines.append(f"  · {versions.amendment_text(a, 'zh')}，{edition.date_zh(a.in_force)}起施行"
                         f"（{state}）：{what}")
    if pending:
        lines.append(f"译文待补：{len(pending)}条（{_list(_data.citation(h, cid, day) for cid in pending)}），"
                     "英文页面暂显示中文正式文本，并注明译文待补。")
    notes = [w.short_zh() for w in _amendments.folder_warnings()] + \
        [n.short_zh() for n in versions.history().notices]
    stale = versions.stale_notes(h)
    if stale:
        notes.append("条文顺序调整后，下列编者注中的条号可能已不对应（编者注按原始文本书写，"
                     "页面已注明）：" + "；".join(f"{_data.citation(h, cid, None)}的编者注"
                                              for cid in dict.fromkeys(c for c, _ in stale))
                     + "。请告知技术人员核对，必要时补充编者注。")
    if edition.site_url_is_default():
        notes.append("网站地址尚未设置：PDF、Word文件和二维码中的网址是本机预览地址。"
                     "正式发布请运行 make publish（网址写在 source/site.toml）。")
    if notes:
        lines.append("请注意：")
        lines += [f"  · {n}" for n in notes]
    en = (f"(Built as of {edition.date_en(day)}: {len(h.amendments)} decision(s), "
          f"{len(coming)} to come, {len(pending)} translation(s) pending.)")
    return "\n".join(lines + [en])


class _DropInfo(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        return record.levelno >= logging.WARNING


def quiet_logs() -> None:
    """MkDocs' and the plugins' INFO lines (pages not in the nav, templates skipped,
    the time taken) are for developers: shown with HANDBOOK_VERBOSE=1 only.
    Warnings and errors always show."""
    if os.environ.get("HANDBOOK_VERBOSE", "").strip() not in ("", "0"):
        return
    for handler in logging.getLogger("mkdocs").handlers:
        if not any(isinstance(f, _DropInfo) for f in handler.filters):
            handler.addFilter(_DropInfo())
    logging.getLogger("jieba").setLevel(logging.WARNING)
