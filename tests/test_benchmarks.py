"""The validation, media, site, print and text-wrap benchmarks that the README names (tools/bench_*.py)
run at a small size and print each of their figures. The figures are not checked (speed is for the
benchmarks); that each one is printed, in its words, is."""

from __future__ import annotations

import re
import subprocess
import sys

from .conftest import REPO

# The media and site benchmarks write their synthetic catalogue once into .cache/bench/, named by
# its size: these sizes are used by no other test, so that two test processes never write the same
# folder at once (tests/test_bench_scale.py uses 8, tests/test_bench_search.py 60 and 61).
MEDIA_PRODUCTS, SITE_PRODUCTS, PRINT_PRODUCTS = 7, 9, 11
SECONDS = r"\d+\.\d+ s"


def run(*args: str) -> list[str]:
    result = subprocess.run([sys.executable, *args], cwd=REPO, capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stdout + result.stderr
    return result.stdout.splitlines()


def matching(lines: list[str], *patterns: str) -> None:
    """Each pattern matches a line of its own, in this order (other lines may come between)."""
    rest = iter(lines)
    for pattern in patterns:
        assert any(re.fullmatch(pattern, line) for line in rest), f"no line {pattern!r} in order in:\n" + "\n".join(lines)


def test_the_validation_benchmark_times_validate_and_the_check_command() -> None:
    lines = run("tools/bench_validate.py", "--products", "12", "--repeat", "1")
    matching(
        lines,
        rf"synthetic catalogue of 12 products written in {SECONDS}",
        r"validate\(\): best \d+\.\d+ s of 1 \(12 products, \d+ producers, \d+\.\d+ ms per product\)",
        rf"build_site\.py --check: {SECONDS} wall, exit 0: 12 sản phẩm, \d+ chủ thể: không có lỗi",
    )


def test_the_media_benchmark_prints_cold_and_warm_figures_for_the_demo_and_a_synthetic_catalogue() -> None:
    lines = run("tools/bench_media.py", "--products", str(MEDIA_PRODUCTS), "--sample", "1", "--workers", "2")
    for name in (r"demo catalogue: \d+ products", rf"synthetic catalogue \({MEDIA_PRODUCTS}\): {MEDIA_PRODUCTS} products"):
        matching(
            lines,
            rf"{name}, \d+ photos",
            r"  one core per photo \(variants \+ preview\): \d+\.\d+ s median \(1 photos?\)",
            rf"  media cold: {SECONDS} for \d+ jobs on 2 workers, \d+\.\d MB written",
            # Nothing changed: the second run makes nothing and writes nothing.
            rf"  media warm: {SECONDS} \(0 made, 0 files written\), \d+x faster",
            r"  photos of a product page, median: \d+ KB at 640 px WebP, \d+ KB at 1280 px WebP",
        )


def test_the_site_benchmark_prints_its_builds_memory_and_page_weight() -> None:
    lines = run("tools/bench_site.py", "--products", str(SITE_PRODUCTS), "--languages", "vi,en")
    matching(
        lines,
        rf"{SITE_PRODUCTS} products, \d+ pages in 2 languages \(vi, en\)",
        rf"first build, making media: {SECONDS}",
        rf"build with media cached: {SECONDS} wall, \d+ pages/s",
        rf"second build, nothing changed, without the command's stamp and stores: {SECONDS}",
        r"peak memory: \d+ MB \(build process\), \d+ MB \(largest MkDocs or media worker\)",
        r"median product page: \d+\.\d KB of HTML; whole site \d+ MB",
    )


def test_the_text_wrap_benchmark_measures_each_length_it_is_given() -> None:
    lines = run("tools/bench_text_wrap.py", "--lengths", "100", "400", "--limit", "60")
    figures = r"\s+\d+\.\d{3}\s+[\d,]+\s+[\d,]+\s*"
    rows = [line for line in lines if re.match(r"\s*\d+ ", line)]
    assert [row.split()[0] for row in rows] == ["100", "400"], lines
    for row in rows:
        assert re.fullmatch(rf"\s*\d+{figures}{figures}", row), row


def test_the_print_benchmark_times_each_print_job_and_the_kept_pieces_rounds() -> None:
    lines = run("tools/bench_print.py", "--products", str(PRINT_PRODUCTS), "--workers", "1")
    matching(
        lines,
        rf"{PRINT_PRODUCTS} products; \d+ media jobs the print jobs read, made or reused in \d+ s",
        r"  catalogue-pdf: print/catalogue-vi\.pdf: \d+\.\d\d MB",
        r"catalogue-pdf job \(\{'entries': \d+\}\): \d+\.\d s",
        r"labels job \(\{'labels': \d+\}\): \d+\.\d s",
        r"printed catalogue: \d+\.\d KB per product entry \(all parts, all languages\)",
        r"all 3 print jobs, drawn whole: \d+\.\d s of CPU",
        r"all 3 print jobs, drawn, pieces kept: \d+\.\d s of CPU",
        r"all 3 print jobs, put back: \d+\.\d s of CPU",
        r"kept pieces: the same bytes in the three rounds: yes; \d+ files, \d+\.\d MB",
    )
