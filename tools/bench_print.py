"""Benchmark: the print jobs (label sheets, printed catalogue) of a synthetic catalogue.

    .venv/bin/python tools/bench_print.py [--products 2000] [--workers 2] [--skip-catalogue]

Uses the synthetic catalogue of tools/bench_site.py (written once into .cache/bench/). The web
media the print jobs read (photos, QR codes) are made first through the normal media cache, so
only the print jobs themselves are timed, each in this process on one core. Prints the seconds of
the label job and of each printed catalogue, the size of each PDF, and the bytes per product entry
that the catalogue's split rule rests on. Then all the print jobs three times over, with the
pieces a build keeps (catalogue/printing/kept_pieces.py): drawn whole, drawn into an empty store,
and put back from it (what an edit or the daily rebuild does to every part it makes again), with
the CPU seconds of each round, whether the three gave the same bytes, and what the store holds.
"""

from __future__ import annotations

import argparse
import dataclasses
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from catalogue.jobs.cache import MediaCache  # noqa: E402
from catalogue.jobs.job import Input, Job, run_job  # noqa: E402
from catalogue.jobs.run import run_jobs  # noqa: E402
from catalogue.media_stage import plan  # noqa: E402
from catalogue.status import today_in  # noqa: E402
from catalogue.validate import validate  # noqa: E402
from demo.synth import write_catalogue  # noqa: E402

PRINT_KINDS = ("labels", "catalogue-pdf")


def timed(job: Job, inputs: dict[str, Input]) -> tuple[float, dict[str, int], dict[str, object]]:
    """Run one job in this process: wall seconds, the size of each file it made, its meta."""
    started = time.perf_counter()
    outcome = run_job(job, inputs)
    seconds = time.perf_counter() - started
    assert outcome.error is None, outcome.error
    return seconds, {path: len(data) for path, data in outcome.files.items()}, dict(outcome.meta)


def main() -> None:
    """Make the media the print jobs read, then time each print job."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--products", type=int, default=2000)
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--skip-catalogue", action="store_true", help="time the label job only")
    args = parser.parse_args()
    root = REPO / ".cache" / "bench" / f"synth-site-{args.products}"
    if not (root / "catalogue.yaml").exists():
        write_catalogue(root, args.products, seed=2)
    catalogue, report = validate(root / "products", root / "producers")
    assert report.ok, report.to_text()
    today = today_in(catalogue.settings.timezone)
    jobs = plan(catalogue, today)
    printing = [job for job in jobs if job.kind in PRINT_KINDS and not (args.skip_catalogue and job.kind == "catalogue-pdf")]
    needed = {key for job in printing for key in job.needs}
    cache = MediaCache(REPO / ".cache" / "bench" / "print-media")
    with open(os.devnull, "w") as quiet:
        started = time.perf_counter()
        entries, _ = run_jobs([job for job in jobs if job.key in needed], cache, lambda job, error: None, args.workers, quiet)
        made = time.perf_counter() - started
    print(f"{len(catalogue.products)} products; {len(needed)} media jobs the print jobs read, made or reused in {made:.0f} s")
    total_entries = 0
    total_bytes = 0
    for job in printing:
        inputs = {key: Input(entries[key].folder, entries[key].meta) for key in job.needs if key in entries}
        seconds, sizes, meta = timed(job, inputs)
        for path, size in sizes.items():
            print(f"  {job.kind}: {path}: {size / 1e6:.2f} MB")
        print(f"{job.kind} job ({meta}): {seconds:.1f} s")
        if job.kind == "catalogue-pdf":
            count = meta.get("entries")
            total_entries += count if isinstance(count, int) else 0
            total_bytes += sum(sizes.values())
    if total_entries:
        print(f"printed catalogue: {total_bytes / total_entries / 1000:.1f} KB per product entry (all parts, all languages)")
    kept_rounds(printing, {key: Input(entry.folder, entry.meta) for key, entry in entries.items()})


def kept_rounds(printing: list[Job], inputs: dict[str, Input]) -> None:
    """Every print job in this process three times: drawn whole, drawn with an empty store of kept
    pieces, and put back from that store."""
    folder = Path(tempfile.mkdtemp(prefix="kept-pieces-"))
    rounds = (("drawn whole", None), ("drawn, pieces kept", str(folder)), ("put back", str(folder)))
    made: list[dict[str, bytes]] = []
    try:
        for label, pieces in rounds:
            started = time.process_time()
            files: dict[str, bytes] = {}
            for job in printing:
                again = dataclasses.replace(job, params=dataclasses.replace(job.params, pieces=pieces))
                outcome = run_job(again, {key: inputs[key] for key in job.needs if key in inputs})
                assert outcome.error is None, outcome.error
                files.update(outcome.files)
            made.append(files)
            print(f"all {len(printing)} print jobs, {label}: {time.process_time() - started:.1f} s of CPU")
        stored = [path for path in folder.rglob("*") if path.is_file()]
        same = "yes" if made[0] == made[1] == made[2] else "NO"
        size = sum(path.stat().st_size for path in stored) / 1e6
        print(f"kept pieces: the same bytes in the three rounds: {same}; {len(stored)} files, {size:.1f} MB")
    finally:
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
