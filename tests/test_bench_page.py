"""The page-weight benchmark (tools/bench_page.py) measures product pages of a built site through
nginx in Chromium and prints each page's figures. Its figures are not checked: weight is for the
benchmark (a failure of the budget is its exit status 1, which this test accepts)."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

from .browser import missing_tools, skip_or_fail
from .conftest import REPO
from .nginx_server import NGINX
from .site_fixture import demo_site  # noqa: F401

KB = r"\d+\.\d KB"


def test_the_page_benchmark_prints_every_page_and_the_budget(demo_site: Path) -> None:  # noqa: F811
    if missing_tools() or not NGINX.is_file():
        skip_or_fail("Chromium and nginx are needed to measure pages")
    command = [sys.executable, "tools/bench_page.py", str(demo_site), "--pages", "3"]
    result = subprocess.run(command, cwd=REPO, capture_output=True, text=True, timeout=600)
    assert result.returncode in (0, 1), result.stderr
    lines = result.stdout.splitlines()
    pages = [line for line in lines if line.startswith("/")]
    assert len(pages) == 3
    for line in pages:
        assert re.fullmatch(rf"/(?:en/|zh/)?p/[a-z0-9-]+/: {KB}; HTML, CSS, scripts and cover {KB} \(.*cover \d+\.\d.*\)", line), line
        assert "html " in line and "css " in line and "js " in line
    assert re.fullmatch(rf"3 product pages, first view on a phone: median {KB}, largest {KB}", lines[3])
    assert re.fullmatch(rf"HTML, CSS, scripts and cover photo \(the issue's budget\): median {KB}, largest {KB}", lines[4])
