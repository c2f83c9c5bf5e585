"""The header search's and the finder's benchmarks (tools/bench_search.py, tools/bench_finder.py)
measure a small synthetic catalogue in Chromium on the built demo site and print their figures.
The figures are not checked (speed is for the benchmarks); that each one is printed, is."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

from .browser import missing_tools, skip_or_fail
from .conftest import REPO
from .site_fixture import demo_site  # noqa: F401

# The benchmarks write their synthetic catalogue once into .cache/bench/, named by its size: each
# test has a size of its own, so that two test processes never write the same folder at once.
SEARCH_PRODUCTS, FINDER_PRODUCTS = 60, 61
MS = r"\d+ ms"


def run(*args: str) -> list[str]:
    if missing_tools():
        skip_or_fail("Chromium is needed to time the search")
    result = subprocess.run([sys.executable, *args], cwd=REPO, capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stdout + result.stderr
    return result.stdout.splitlines()


def test_the_search_benchmark_prints_the_sizes_and_times_of_each_language(demo_site: Path) -> None:  # noqa: F811
    lines = run("tools/bench_search.py", "--products", str(SEARCH_PRODUCTS), "--site", str(demo_site), "--runs", "1")
    sizes = [line for line in lines if re.match(r"(vi|en|zh): product index at ", line)]
    assert [line[:2] for line in sizes] == ["vi", "en", "zh"]
    for line in sizes:
        assert re.search(r"a page's search downloads \d\.\d{3} MB gzipped \(limit 1\.0 MB\)$", line), line
    times = [line for line in lines if line.startswith("CPU ")]
    assert len(times) == 2
    for line, throttle in zip(times, (1, 4), strict=True):
        assert re.fullmatch(
            rf"CPU {throttle}x, {SEARCH_PRODUCTS} products: index ready {MS} after the tap on the search box; "
            rf"typing '.+' at once, first products {MS} after the tap; then a key to its products {MS}",
            line,
        ), line


def test_the_finder_benchmark_prints_the_sizes_and_times(demo_site: Path) -> None:  # noqa: F811
    before = {path: path.stat().st_mtime_ns for path in (demo_site / "data").glob("finder-*.js")}
    lines = run("tools/bench_finder.py", "--products", str(FINDER_PRODUCTS), "--site", str(demo_site), "--runs", "1")
    assert [line.split(":")[0] for line in lines if line.startswith("finder-")] == ["finder-vi.js", "finder-en.js"]
    times = [line for line in lines if line.startswith("CPU ")]
    assert len(times) == 2
    for line, throttle in zip(times, (1, 4), strict=True):
        wanted = rf"CPU {throttle}x: first results {MS} after navigation; a keystroke searches {FINDER_PRODUCTS} in {MS}"
        assert re.fullmatch(wanted, line), line
    assert before and {path: path.stat().st_mtime_ns for path in before} == before  # the demo site is only read
