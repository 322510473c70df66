"""The edition a build describes: the date its text is as of, and the site's address.

One place for both, so the print header, the PDF and Word files, the QR codes and
the pages agree. `HANDBOOK_AS_OF=YYYY-MM-DD` pins the date (a reproducible build
also pins it through SOURCE_DATE_EPOCH); the default is today.
"""
from __future__ import annotations

import json
import os
import re
import tomllib
from datetime import date, datetime, timezone
from pathlib import Path

DEFAULT_SITE_URL = "http://127.0.0.1:8000/"


class EditionError(ValueError):
    """A malformed build setting, named in the message."""


def as_of() -> date:
    """HANDBOOK_AS_OF (a preview), else HANDBOOK_EDITION_DAY (the day a build is for:
    `make build` pins it for all its steps, a build of a later date's pages sets it),
    else SOURCE_DATE_EPOCH, else today."""
    for name in ("HANDBOOK_AS_OF", "HANDBOOK_EDITION_DAY"):
        value = os.environ.get(name, "").strip()
        if value:
            try:
                return date.fromisoformat(value)
            except ValueError:
                raise EditionError(f"{name}={value!r} 不是日期，请写成 2027-04-01 这样的格式 "
                                   "(is not a date written YYYY-MM-DD)") from None
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch:
        try:
            return datetime.fromtimestamp(int(epoch), tz=timezone.utc).date()
        except (ValueError, OverflowError, OSError):
            raise EditionError(f"SOURCE_DATE_EPOCH={epoch!r} is not a Unix time") from None
    return date.today()


SITE_FILE = Path(__file__).resolve().parents[1] / "source" / "site.toml"


def configured_site_url() -> str:
    """The address written once in source/site.toml ("" when not yet written).
    A malformed file is an EditionError that names it."""
    if not SITE_FILE.exists():
        return ""
    try:
        data = tomllib.loads(SITE_FILE.read_text(encoding="utf-8-sig"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        text = SITE_FILE.read_text(encoding="utf-8-sig", errors="replace")
        hint = ("网址要用英文半角双引号括起来（切换到英文输入法再输入），"
                if any(q in text for q in "“”‘’") else "")
        raise EditionError(f"source/site.toml 无法读取：{hint}请写成 address = \"http://10.1.2.3/handbook/\" "
                           f"这样的一行（{exc}）") from None
    url = data.get("address", "")
    if not isinstance(url, str):
        raise EditionError('source/site.toml：address 要用英文双引号括起来，例如 address = "http://10.1.2.3/"')
    url = url.strip()
    if url and not re.match(r"^https?://[^\s/]+", url):
        raise EditionError(f"source/site.toml：“{url}”不是网址，应以 http:// 或 https:// 开头，"
                           '例如 address = "http://10.1.2.3/handbook/"')
    return url


def preview_day() -> str | None:
    """The date of a preview build (HANDBOOK_AS_OF), when one is asked for: the
    calculators' date starts there instead of at the reader's today."""
    value = os.environ.get("HANDBOOK_AS_OF", "").strip()
    return as_of().isoformat() if value else None


def site_url() -> str:
    """The address readers use, with a trailing slash: HANDBOOK_SITE_URL, else
    source/site.toml, else the local preview address."""
    url = os.environ.get("HANDBOOK_SITE_URL", "").strip() or configured_site_url() or DEFAULT_SITE_URL
    return url if url.endswith("/") else url + "/"


def site_url_is_default() -> bool:
    return site_url() == DEFAULT_SITE_URL


def date_zh(d: date) -> str:
    return f"{d.year}年{d.month}月{d.day}日"


def date_en(d: date) -> str:
    return f"{d.day} {d.strftime('%B')} {d.year}"


def edition_css() -> str:
    """assets/stylesheets/edition.css: the printed page's running header (title and the
    date the text is as of) and page number, per language. @page margin boxes take
    only literal text, so the build writes the date into the stylesheet."""
    day = as_of()
    head = {"zh": f"永定区编办管理制度 · 本文本截至{date_zh(day)}",
            "en": f"Yongding Office Rules Handbook · text as of {date_en(day)}"}
    box = "font-size: 9pt; color: #444; font-family: serif;"
    out = ["/* Generated from handbook/edition.py (edition_css). */"]
    for lang, name in (("zh", "handbook-zh"), ("en", "handbook-en")):
        out.append(f'@page {name} {{ size: A4; margin: 18mm 18mm 16mm;'
                   f' @top-center {{ content: {json.dumps(head[lang], ensure_ascii=False)}; {box} }}'
                   f' @bottom-center {{ content: "— " counter(page) " —"; {box} }} }}')
    out.append('@media print { html[lang^="zh"] body { page: handbook-zh; }'
               ' html[lang^="en"] body { page: handbook-en; } }')
    return "\n".join(out) + "\n"
