"""Valid HTML on every page (issue 21): the W3C Nu HTML checker reports no error on any
HTML file of the build, Material's own markup included. One test, one JVM run over all
pages (a few seconds; one run per page would start Java hundreds of times). The
fixture amendments' sites (their version, history and changes pages) are checked in
test_amendments.py."""
from __future__ import annotations

from nuchecker import check, report

# Every kind of page the build writes, so that the check cannot pass on a partial site.
KINDS = ["index.html", "404.html", "en/404.html", "ch12/index.html", "en/ch12/index.html",
         "bilingual/ch12/index.html", "en/bilingual/ch12/index.html", "print/index.html",
         "v/original/ch12/index.html", "history/ch12/index.html", "en/history/ch12/index.html",
         "c/12-8/index.html", "en/c/12-8/index.html", "calculators/rewards/index.html",
         "en/calculators/condolence/index.html", "developers/index.html", "cite/index.html",
         "data/index.html", "maintaining/index.html", "changes/index.html"]


def test_every_page_of_the_build_is_valid_html(site_dir):
    pages = sorted(site_dir.rglob("*.html"))
    missing = [k for k in KINDS if site_dir / k not in pages]
    assert not missing, f"the build has no {missing}"
    errors = check(pages)
    assert not errors, report(errors, site_dir)
