"""Produce a catalogue's media into a folder: cached, in parallel, with problems named by file and line."""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path
from typing import Any, TextIO

from .catalogue import Catalogue
from .jobs.cache import Entry, MediaCache, sync_entry, write_if_changed
from .load import LoadError, load_yaml
from .makers.badges import badge_svg
from .makers.images import Variant
from .media.jobs import Result, run_job
from .media.plan import Job, plan
from .problems import Report
from .settings import SETTINGS_FILE
from .status import CertificateStatus, today_in


@dataclass(frozen=True)
class Photo:
    """A product photo ready for a page: its variants and intrinsic size."""

    alt: str | None
    variants: tuple[Variant, ...]
    og: str | None

    @property
    def largest(self) -> Variant:
        """The widest variant (its width and height are the photo's intrinsic size)."""
        return self.variants[-1]


@dataclass
class ProductMedia:
    """Everything made for one product, as paths relative to the site root."""

    photos: list[Photo] = field(default_factory=list)
    qr: dict[str, dict[str, str]] = field(default_factory=dict)
    poster: str | None = None
    cards: dict[str, str] = field(default_factory=dict)  # share card by language, for a product without photos


@dataclass
class MediaStats:
    """What a media run did."""

    jobs: int = 0
    reused: int = 0
    made: int = 0
    written: int = 0
    seconds: float = 0.0


@dataclass(frozen=True)
class PrintFile:
    """A print file for the whole catalogue: its path relative to the site root and its size in bytes."""

    path: str
    size: int


@dataclass
class MediaResult:
    """The media of every product, the printed catalogue in each language, the problems met, and the figures."""

    products: dict[str, ProductMedia]
    report: Report
    stats: MediaStats
    catalogue_pdfs: dict[str, PrintFile] = field(default_factory=dict)
    site_cards: dict[str, str] = field(default_factory=dict)  # the site's share card, by language


class Progress:
    """A progress line on stderr for long runs: rewritten in place on a terminal, every 10% otherwise."""

    def __init__(self, total: int, stream: TextIO = sys.stderr, minimum: int = 24) -> None:
        self.total, self.done, self.stream = total, 0, stream
        self.active = total >= minimum
        self.tty = stream.isatty()

    def step(self) -> None:
        """Count one finished job."""
        self.done += 1
        if not self.active:
            return
        if self.tty:
            self.stream.write(f"\rmedia: {self.done}/{self.total} ({self.done * 100 // self.total}%)")
        elif self.done % max(1, self.total // 10) == 0 or self.done == self.total:
            self.stream.write(f"media: {self.done}/{self.total}\n")
        self.stream.flush()

    def close(self) -> None:
        """End the progress line."""
        if self.active and self.tty:
            self.stream.write("\n")


def build_media(
    catalogue: Catalogue,
    out_dir: Path,
    cache: MediaCache | None = None,
    today: date | None = None,
    workers: int | None = None,
    stream: TextIO = sys.stderr,
) -> MediaResult:
    """Make (or reuse from the cache) every media file of the catalogue into `out_dir`."""
    started = time.perf_counter()
    cache = cache or MediaCache()
    today = today or today_in(catalogue.settings.timezone)
    jobs = plan(catalogue, today)
    entries: dict[str, Entry] = {}
    todo = []
    for job in jobs:
        entry = cache.get(job.key)
        if entry is None:
            todo.append(job)
        else:
            entries[job.key] = entry
    report = Report()
    stats = MediaStats(jobs=len(jobs), reused=len(entries))
    progress = Progress(len(todo), stream)
    # Jobs that read other jobs' outputs (the printed catalogue) run in a second wave.
    first, second = [job for job in todo if not job.needs], [job for job in todo if job.needs]
    for wave, in_process_below in ((first, 4), (second, 2)):
        ready = [_with_inputs(job, entries) for job in wave]
        for job, (files, meta) in _execute(ready, workers, progress, in_process_below):
            if "error" in meta:
                _report_problem(catalogue, job, meta["error"], report)
                continue
            entries[job.key] = cache.put(job.key, files, meta)
            stats.made += 1
    progress.close()
    stats.written = sum(sync_entry(entry, out_dir) for entry in entries.values()) + write_badges(out_dir, catalogue.settings.languages)
    stats.seconds = time.perf_counter() - started
    return MediaResult(_assemble(catalogue, jobs, entries), report, stats, _catalogue_pdfs(jobs, entries), _site_cards(jobs, entries))


def _execute(jobs: list[Job], workers: int | None, progress: Progress, in_process_below: int = 4) -> Iterator[tuple[Job, Result]]:
    """Run jobs across processes (in this process when there are fewer than `in_process_below`), yielding as they finish."""
    workers = workers or os.cpu_count() or 1
    if workers == 1 or len(jobs) < in_process_below:
        for job in jobs:
            result = run_job(job.kind, job.params)
            progress.step()
            yield job, result
        return
    with ProcessPoolExecutor(max_workers=workers) as pool:
        futures = {pool.submit(run_job, job.kind, job.params): job for job in jobs}
        for future in as_completed(futures):
            progress.step()
            yield futures[future], future.result()


def _with_inputs(job: Job, entries: dict[str, Entry]) -> Job:
    """The job with the cache folder and meta of each job it needs (those that failed are left out)."""
    if not job.needs:
        return job
    inputs = {key: {"folder": str(entries[key].folder), "meta": entries[key].meta} for key in job.needs if key in entries}
    return replace(job, params={**job.params, "inputs": inputs})


def _report_problem(catalogue: Catalogue, job: Job, error: list[str], report: Report) -> None:
    if job.kind != "photo":
        where = catalogue.product_files[job.product] if job.product else catalogue.root / SETTINGS_FILE
        report.add(where, 1, error[0], f"{job.kind}: {error[1]}")
        return
    path = catalogue.product_files[job.product]
    index = job.image or 0
    try:
        line = load_yaml(path).line_of(("images", index, "src"))
    except LoadError:
        line = 1
    src = catalogue.products[job.product].images[index].src
    report.add(path, line, error[0], f"images[{index + 1}].src: '{src}' {error[1]}")


def write_badges(out_dir: Path, languages: list[str]) -> int:
    """The star badges as files, for download and print; the number of files written."""
    written = 0
    for stars in (3, 4, 5):
        for status in (CertificateStatus.VALID, CertificateStatus.EXPIRED, CertificateStatus.REVOKED):
            for lang in languages:
                svg = badge_svg(stars, status, lang).encode()
                written += write_if_changed(out_dir / "badges" / f"ocop-{stars}-{status.value}-{lang}.svg", svg)
    return written


def _assemble(catalogue: Catalogue, jobs: list[Job], entries: dict[str, Entry]) -> dict[str, ProductMedia]:
    media = {pid: ProductMedia() for pid in catalogue.products}
    for job in jobs:
        entry = entries.get(job.key)
        if entry is None or job.product is None:
            continue
        target = media[job.product]
        if job.kind == "photo":
            target.photos.append(_photo(catalogue, job, entry.meta))
        elif job.kind == "qr":
            stem = job.params["stem"]
            target.qr[stem.removeprefix("qr/")] = {kind: f"{stem}.{kind}" for kind in ("svg", "png", "pdf")}
        elif job.kind == "poster":
            target.poster = job.params["path"]
        elif job.kind == "card":
            target.cards[job.params["lang"]] = job.params["path"]
    return media


def _catalogue_pdfs(jobs: list[Job], entries: dict[str, Entry]) -> dict[str, PrintFile]:
    """The printed catalogue made in each language, by language."""
    made = {}
    for job in jobs:
        entry = entries.get(job.key)
        if job.kind == "catalogue-pdf" and entry is not None:
            path = job.params["path"]
            made[job.params["lang"]] = PrintFile(path, (entry.folder / path).stat().st_size)
    return made


def _site_cards(jobs: list[Job], entries: dict[str, Entry]) -> dict[str, str]:
    """The site's share card made in each language, by language."""
    return {job.params["lang"]: job.params["path"] for job in jobs if job.kind == "site-card" and job.key in entries}


def _photo(catalogue: Catalogue, job: Job, meta: dict[str, Any]) -> Photo:
    alt = catalogue.products[job.product].images[job.image or 0].alt
    return Photo(alt, tuple(Variant(*v) for v in meta["variants"]), meta["og"])
