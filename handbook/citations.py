"""How the handbook cites a clause, in Chinese and in English.

The form follows the handbook's own structure: the work, the set of rules (the
chapter's title without its number) and the item as printed. It is the one form
used everywhere a citation is made: the copy menu, the short-link pages,
clauses.json, the citation builder and the documents.

    《永定区编办管理制度》“财务管理制度”第8条
    《永定区编办管理制度》“编办主任办公会议制度”第5条第④项
    Yongding Office Rules, "Financial Management Rules", cl. 8
    Yongding Office Rules, "Rules on Major Administrative Decision-Making", art. 1

Items are written as printed: "8." → 第8条; "第一条" as it stands; "一、" (as in
the last chapter) → 第一条; a circled sub-item ④ → 第④项. In English, an item
printed 第X条 is an Article (art.), any other a clause (cl.): the unit follows the
printed number, so no chapter is named here.

Every part comes from the clause table (handbook/clauses.py): the chapter titles
and the numbers as printed.
"""
from __future__ import annotations

import re

from calculators._history import number_value

WORK_ZH = "《永定区编办管理制度》"
WORK_EN = "Yongding Office Rules"
CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"


def chapter_name_zh(title_zh: str) -> str:
    """十二、财务管理制度 → 财务管理制度"""
    return re.sub(r"^[一二三四五六七八九十]+、\s*", "", title_zh).strip()


def chapter_name_en(title_en: str) -> str:
    """12. Financial Management Rules → Financial Management Rules"""
    return re.sub(r"^\d+\.\s*", "", title_en).strip()


def _parent_number(c, by_id) -> str:
    return by_id[c.parent].number if c.parent else c.number


def item_zh(c, by_id) -> str:
    """第8条 / 第5条第④项 / 第一条."""
    num = _parent_number(c, by_id)
    if num.startswith("第"):
        head = num                                   # 第一条
    elif num.endswith("、"):
        head = f"第{num[:-1]}条"                     # 一、 → 第一条
    else:
        head = f"第{num.rstrip('.')}条"             # 8. → 第8条
    return head + (f"第{c.number if c.number[:1] in CIRCLED else CIRCLED[c.sub - 1]}项"
                   if c.sub else "")


def _is_article(c, by_id) -> bool:
    return _parent_number(c, by_id).startswith("第")


def _numbers(c, by_id) -> tuple[int, int | None]:
    """(item, sub-item) as printed on the day of the table: a renumbered clause
    keeps its id (c11-7) but prints, and is cited by, its new number (6)."""
    item = number_value(_parent_number(c, by_id)) or c.item
    sub = (number_value(c.number) or c.sub) if c.sub else None
    return item, sub


def item_en(c, by_id) -> str:
    """cl. 8 / cl. 5(4) / art. 1."""
    unit = "art." if _is_article(c, by_id) else "cl."
    item, sub = _numbers(c, by_id)
    return f"{unit} {item}" + (f"({sub})" if sub else "")


def item_label(c, by_id, lang: str) -> str:
    """The item as a reader says it, in a heading or a search result: 第3条 /
    Clause 3 / Article 1 / Clause 5(4)."""
    if lang == "zh":
        return item_zh(c, by_id)
    unit = "Article" if _is_article(c, by_id) else "Clause"
    item, sub = _numbers(c, by_id)
    return f"{unit} {item}" + (f"({sub})" if sub else "")


def cite_zh(c, by_id) -> str:
    return f"{WORK_ZH}“{chapter_name_zh(c.chapter_title_zh)}”{item_zh(c, by_id)}"


def cite_en(c, by_id) -> str:
    return f'{WORK_EN}, "{chapter_name_en(c.chapter_title_en)}", {item_en(c, by_id)}'


def cite_in_page(c, by_id, lang: str) -> str:
    """Inside the handbook the work goes without saying: “财务管理制度”第8条 /
    Financial Management Rules, cl. 8 (calculator results, lists of rules applied)."""
    if lang == "zh":
        return f"“{chapter_name_zh(c.chapter_title_zh)}”{item_zh(c, by_id)}"
    return f"{chapter_name_en(c.chapter_title_en)}, {item_en(c, by_id)}"


def with_link_zh(citation: str, url: str) -> str:
    """A citation followed by its link, as pasted into a notice."""
    return f"{citation}（{url}）"


def with_link_en(citation: str, url: str) -> str:
    return f"{citation} ({url})"


def short_path(c) -> str:
    return f"c/{c.id[1:]}/"
