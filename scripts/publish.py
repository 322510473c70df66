"""`make publish`: the release, in one step, for the clerk.

    python scripts/publish.py check    before the build: the site's address must be
                                       written in source/site.toml (exit 2 if not)
    python scripts/publish.py finish   after the build: a zip of site/ in dist/, and
                                       what to copy where

Messages are Chinese first. The address is written once, in source/site.toml;
HANDBOOK_SITE_URL overrides it (a test, or a second server).
"""
from __future__ import annotations

import os
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from handbook import edition  # noqa: E402

SITE = ROOT / "site"
DIST = ROOT / "dist"
SERVER_FOLDER = "/srv/handbook/site"     # deploy/nginx.conf's root


def check() -> int:
    try:
        url = os.environ.get("HANDBOOK_SITE_URL", "").strip() or edition.configured_site_url()
    except edition.EditionError as exc:
        print(f"无法发布：{exc}", file=sys.stderr)
        return 2
    if not url:
        print("无法发布：还没有填写手册在内网上的网址。\n"
              "  请用记事本打开 source/site.toml，把最后一行改成手册的网址，例如：\n"
              '    address = "http://10.20.30.40/handbook/"\n'
              "  保存后再运行 make publish。网址只需填写一次。\n"
              "(Cannot publish: write the site's address in source/site.toml, "
              'e.g. address = "http://10.20.30.40/handbook/".)', file=sys.stderr)
        return 2
    print(f"发布：网址 {edition.site_url()}，文本截至{edition.date_zh(edition.as_of())}。")
    return 0


def finish() -> int:
    if not (SITE / "index.html").exists():
        print("无法发布：site/ 中没有生成好的手册，请先看上面的出错信息。", file=sys.stderr)
        return 2
    day = edition.as_of().isoformat()
    DIST.mkdir(exist_ok=True)
    archive = DIST / f"yongding-handbook-{day}.zip"
    files = sorted(p for p in SITE.rglob("*") if p.is_file())
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as zf:
        for path in files:
            zf.write(path, path.relative_to(SITE).as_posix())
    size = sum(p.stat().st_size for p in files) / 1e6
    print("\n".join([
        "",
        f"发布文件已准备好：site/ 文件夹（{len(files)}个文件，{size:.0f} MB），"
        f"打包为 {archive.relative_to(ROOT)}。",
        "下一步：",
        f"  把 site/ 文件夹里的全部内容复制到内网服务器的网站目录（{SERVER_FOLDER}），"
        "覆盖原有文件；",
        f"  或者把 {archive.relative_to(ROOT)} 交给网站管理员，解压到该目录。",
        f"  复制后用浏览器打开 {edition.site_url()} 核对首页的“现行文本”日期。",
        f"(Release ready: copy the contents of site/ to {SERVER_FOLDER} on the server, "
        f"or hand {archive.relative_to(ROOT)} to the administrator.)",
    ]))
    return 0


if __name__ == "__main__":
    step = sys.argv[1] if len(sys.argv) > 1 else ""
    sys.exit({"check": check, "finish": finish}.get(step, lambda: 2)())
