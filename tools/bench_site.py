"""Benchmark: build the site of a synthetic catalogue.

    .venv/bin/python tools/bench_site.py [--products 2000] [--languages vi,en,zh]

The synthetic catalogue is written once into .cache/bench/. Its media are made first, so the
timed builds are "media cached" builds. Prints wall seconds, pages per second, peak memory, the
median product page's HTML bytes, and the seconds of a second build with nothing changed, made
as `build_site` makes it when called without `reuse`: with none of the stamp and stores that the
command (`build_site.py`) keeps, which `tools/bench_scale.py` times.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import sys
import tempfile
import time
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from catalogue.sitebuild import build_site  # noqa: E402
from demo.synth import write_catalogue  # noqa: E402


def timed_build(root: Path, site: Path, settings: Path | None = None) -> tuple[float, int]:
    """One build; its wall seconds and page count."""
    started = time.perf_counter()
    with open(os.devnull, "w") as quiet:
        report, summary = build_site(root / "products", root / "producers", site, settings, stream=quiet)
    assert summary is not None, report.to_text()
    return time.perf_counter() - started, summary.pages


def main() -> None:
    """Write (once), warm the media cache, then time two builds."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--products", type=int, default=2000)
    parser.add_argument("--languages", default=None, help="comma-separated languages to build instead of the catalogue's own")
    args = parser.parse_args()
    root = REPO / ".cache" / "bench" / f"synth-site-{args.products}"
    if not (root / "catalogue.yaml").exists():
        write_catalogue(root, args.products, seed=2)
    settings = yaml.safe_load((root / "catalogue.yaml").read_text(encoding="utf-8"))
    if args.languages:
        settings["languages"] = args.languages.split(",")
    with tempfile.TemporaryDirectory() as tmp:
        settings_path = Path(tmp) / "catalogue.yaml"
        settings_path.write_text(yaml.safe_dump(settings, allow_unicode=True), encoding="utf-8")
        site = Path(tmp) / "site"
        warm_up, _ = timed_build(root, site, settings_path)
        cold, pages = timed_build(root, Path(tmp) / "site-fresh", settings_path)
        again, _ = timed_build(root, Path(tmp) / "site-fresh", settings_path)
        product_pages = list((Path(tmp) / "site-fresh" / "p").glob("*/index.html"))
        median_html = statistics.median(p.stat().st_size for p in product_pages)
        total = sum(f.stat().st_size for f in (Path(tmp) / "site-fresh").rglob("*") if f.is_file())
    peak_self = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    peak_children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    languages = settings.get("languages", ["vi", "en"])
    print(f"{args.products} products, {pages} pages in {len(languages)} languages ({', '.join(languages)})")
    print(f"first build, making media: {warm_up:.1f} s")
    print(f"build with media cached: {cold:.1f} s wall, {pages / cold:.0f} pages/s")
    print(f"second build, nothing changed, without the command's stamp and stores: {again:.1f} s")
    print(f"peak memory: {peak_self:.0f} MB (build process), {peak_children:.0f} MB (largest MkDocs or media worker)")
    print(f"median product page: {median_html / 1000:.1f} KB of HTML; whole site {total / 1e6:.0f} MB")


if __name__ == "__main__":
    main()
