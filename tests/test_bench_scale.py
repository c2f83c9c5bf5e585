"""The scale benchmark (tools/bench_scale.py) runs end to end at a tiny size and prints every
figure on both sides, with their ratios. Its figures are not checked: speed is for the benchmark."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

from .conftest import REPO

STEPS = ("full build (median of 1)", "rebuild after editing one product", "rebuild with nothing changed")
TINY = [sys.executable, "tools/bench_scale.py", "--products", "8", "--languages", "vi", "--runs", "1"]
FIGURE = r"\d+\.\d\d (?:s|MB)\s+"


def test_the_benchmark_prints_both_sides_and_their_ratios(tmp_path: Path) -> None:
    kept, cache = tmp_path / "kept", tmp_path / "cache"
    command = [*TINY, "--compare", "true", "--hugo-twin", str(tmp_path / "twin"), "--keep-site", str(kept), "--media-cache", str(cache)]
    result = subprocess.run(command, cwd=REPO, capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert re.fullmatch(r"8 products x 1 languages \(vi\): \d+ pages; first build making media \d+\.\d s", lines[0])
    assert lines[1] == "compared with: true"
    static = sorted(
        path.relative_to(tmp_path / "twin" / "static").as_posix() for path in (tmp_path / "twin" / "static").rglob("*") if path.is_file()
    )
    assert lines[2] == f"the Hugo twin: 1 x 8 product pages, {len(static)} media files as static files"
    figures = lines[4:]
    assert [line.split(",")[0] for line in figures] == [step for step in STEPS for _ in range(3)]
    for line, measure in zip(figures, ["wall", "CPU (user+sys)", "peak memory"] * 3, strict=True):
        assert re.search(rf", {re.escape(measure)}\s+{FIGURE}{FIGURE}(?:\d+\.\dx|-)$", line), line
    # the Hugo twin: one page per product per language, and the edit made there too
    pages = sorted(path.name for path in (tmp_path / "twin" / "content" / "vi" / "p").glob("sp-*.md"))
    assert pages == [f"sp-{number:05}.md" for number in range(8)]
    assert "(edited)" in (tmp_path / "twin" / "content" / "vi" / "p" / "sp-00000.md").read_text(encoding="utf-8")
    # ... carrying the media the site publishes (photos, QR codes, badges, print files), where the site has them
    assert {"qr/sp-00000.svg", "qr/sp-00000.png"} <= set(static)
    assert any(name.endswith(".webp") for name in static) and any(name.startswith("print/") for name in static)
    assert all((kept / name).is_file() for name in static)
    # the edited site kept for measuring, and the media made into the cache kept for later runs
    assert "(edited)" in (kept / "p" / "sp-00000" / "index.html").read_text(encoding="utf-8")
    assert any(cache.rglob("*.webp"))


def test_a_failing_comparison_command_stops_the_benchmark_with_its_words(tmp_path: Path) -> None:
    twin = tmp_path / "twin"
    command = [*TINY, "--compare", "echo broken >&2; false", "--hugo-twin", str(twin), "--twin-without-media"]
    result = subprocess.run(command, cwd=REPO, capture_output=True, text=True, timeout=600)
    assert result.returncode == 1
    assert result.stderr == "bench_scale: 'echo broken >&2; false' failed:\nbroken\n\n"
    # the twin was written before the comparison ran: its pages, and without media no static files
    assert len(list((twin / "content" / "vi" / "p").glob("sp-*.md"))) == 8
    assert not (twin / "static").exists()
