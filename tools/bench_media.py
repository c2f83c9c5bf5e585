"""Benchmark: media for the demo catalogue and for a 500-product synthetic one.

    .venv/bin/python tools/bench_media.py [--products 500] [--workers 2]

Prints seconds per source photo for its whole variant set (one core), total media seconds cold
(empty cache) and warm (nothing changed), and the bytes of a product page's photos.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from catalogue.jobs.cache import MediaCache  # noqa: E402
from catalogue.jobs.job import run_job  # noqa: E402
from catalogue.media_stage import build_media, plan  # noqa: E402
from catalogue.status import today_in  # noqa: E402
from catalogue.validate import validate  # noqa: E402
from demo.synth import write_catalogue  # noqa: E402


def per_photo_seconds(catalogue, today, sample: int) -> tuple[float, str]:
    """Median one-core seconds for a photo's whole variant set, over a sample of photos."""
    jobs = [j for j in plan(catalogue, today) if j.kind == "photo"][:sample]
    times = []
    for job in jobs:
        started = time.process_time()
        run_job(job)
        times.append(time.process_time() - started)
    return statistics.median(times), f"{len(jobs)} photos"


def page_bytes(result, out: Path, width: int) -> float:
    """Median bytes per product of the WebP variant closest to `width` of each of its photos."""
    totals = []
    for media in result.products.values():
        if media.photos:
            picks = [min(p.variants, key=lambda v: abs(v.width - width)) for p in media.photos]
            totals.append(sum((out / v.webp).stat().st_size for v in picks))
    return statistics.median(totals)


def measure(name: str, root: Path, workers: int, sample: int) -> None:
    """Print the figures for the catalogue in `root`."""
    catalogue, report = validate(root / "products", root / "producers")
    assert report.ok, report.to_text()
    today = today_in(catalogue.settings.timezone)
    seconds, what = per_photo_seconds(catalogue, today, sample)
    photos = sum(len(p.images) for p in catalogue.products.values())
    with tempfile.TemporaryDirectory() as tmp, open(os.devnull, "w") as quiet:
        cache, out = MediaCache(Path(tmp) / "cache"), Path(tmp) / "out"
        cold = build_media(catalogue, out, cache, today, workers, stream=quiet)
        warm = build_media(catalogue, out, cache, today, workers, stream=quiet)
        phone, desktop = page_bytes(cold, out, 640), page_bytes(cold, out, 1280)
        size = sum(f.stat().st_size for f in out.rglob("*") if f.is_file())
    print(f"{name}: {len(catalogue.products)} products, {photos} photos")
    print(f"  one core per photo (variants + preview): {seconds:.3f} s median ({what})")
    print(f"  media cold: {cold.stats.seconds:.1f} s for {cold.stats.jobs} jobs on {workers} workers, {size / 1e6:.1f} MB written")
    print(
        f"  media warm: {warm.stats.seconds:.2f} s ({warm.stats.made} made, {warm.stats.written} files written)"
        f", {cold.stats.seconds / warm.stats.seconds:.0f}x faster"
    )
    print(f"  photos of a product page, median: {phone / 1000:.0f} KB at 640 px WebP, {desktop / 1000:.0f} KB at 1280 px WebP")


def main() -> None:
    """Run both measurements."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--products", type=int, default=500)
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--sample", type=int, default=20)
    args = parser.parse_args()
    measure("demo catalogue", REPO, args.workers, args.sample)
    synth = REPO / ".cache" / "bench" / f"synth-{args.products}"
    if not (synth / "catalogue.yaml").exists():
        started = time.perf_counter()
        write_catalogue(synth, args.products, seed=1, image_size=(2000, 1500))
        print(
            f"(synthetic catalogue with 2000x1500 photos drawn in {time.perf_counter() - started:.0f} s, kept in {synth.relative_to(REPO)})"
        )
    measure(f"synthetic catalogue ({args.products})", synth, args.workers, args.sample)


if __name__ == "__main__":
    main()
