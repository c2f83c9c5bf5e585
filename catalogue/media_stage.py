"""The media stage: plan the web media (`catalogue.media`) and the print files (`catalogue.printing`),
make them through the cached job runner (`catalogue.jobs`), and hand the pages what was made.
Problems are named by file and line."""

from __future__ import annotations

import sys
import threading
import time
from collections.abc import Collection
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TextIO

from .catalogue import Catalogue
from .incremental import Kept
from .jobs.cache import Entry, MediaCache, sync_entries, write_if_changed
from .jobs.job import Job, Meta
from .jobs.plan_memo import PlanMemo
from .jobs.run import JobRun
from .load import SETTINGS_FILE, LoadError, load_yaml
from .makers.badges import badge_kind, badge_svg
from .makers.images import Variant
from .media.jobs import CardJob, PhotoJob, QrJob, SiteCardJob
from .media.plan import plan_media
from .messages import Message, msg
from .printing.catalogue_parts import WHOLE, CataloguePart
from .printing.jobs import CalibrationJob, CataloguePdfJob, LabelsJob, PosterJob
from .printing.kept_pieces import prune
from .printing.plan import plan_print
from .problems import Report
from .status import CertificateStatus, today_in
from .urls import Urls


@dataclass(frozen=True)
class Photo:
    """A product photo ready for a page: its variants and intrinsic size."""

    alt: str | None
    variants: tuple[Variant, ...]
    og: str | None
    focus: tuple[float, float] | None = None  # the point cards and galleries keep in view (`Image.focus`)

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
    """A print file for the whole catalogue, or one part of it: its path relative to the site root,
    its size in bytes and which part it is (see `catalogue.printing.catalogue_parts`)."""

    path: str
    size: int
    part: CataloguePart = WHOLE


@dataclass
class MediaResult:
    """The media of every product, the printed catalogue in each language, the problems met, and the figures."""

    products: dict[str, ProductMedia]
    report: Report
    stats: MediaStats
    catalogue_pdfs: dict[str, list[PrintFile]] = field(default_factory=dict)  # its files (one, or its parts), by language
    site_cards: dict[str, str] = field(default_factory=dict)  # the site's share card, by language


def plan(catalogue: Catalogue, today: date, cache: MediaCache | None = None) -> list[Job]:
    """Every job the catalogue needs on `today`: the web media, then the print files made from them
    (with `cache`, the photos' hashes it remembers are not worked out again, and each product's
    jobs are kept beside it for the next build: catalogue/jobs/plan_memo.py)."""
    memo = PlanMemo(catalogue, today, cache.digest, cache.root.parent) if cache else PlanMemo(catalogue, today)
    media = plan_media(catalogue, today, memo=memo)
    pieces = _pieces_folder(cache) if cache else None
    jobs = media.jobs + plan_print(catalogue, today, media.cover_hashes, media.cover_jobs, media.code_jobs, pieces, memo)
    memo.store()
    return jobs


def _pieces_folder(cache: MediaCache) -> Path:
    """Where the print jobs keep what they drew for the next build (`catalogue.printing.kept_pieces`)."""
    return cache.root.with_name("print-pages")


def build_media(
    catalogue: Catalogue,
    out_dir: Path,
    cache: MediaCache | None = None,
    today: date | None = None,
    workers: int | None = None,
    stream: TextIO = sys.stderr,
    kept: Kept | None = None,
    fresh: bool = False,
    pool: ProcessPoolExecutor | None = None,
) -> MediaResult:
    """Make (or reuse from the cache) every media and print file of the catalogue into `out_dir`,
    but for the cached files that the previous site already holds (`kept`). `fresh`: `out_dir` is
    a new folder of the build's own (see `sync_entries`). `pool`: processes started earlier to
    make the jobs in (catalogue/jobs/run.py, `warm_pool`)."""
    return start_media(catalogue, out_dir, cache, today, workers, stream, kept, fresh, pool).finish()


def start_media(
    catalogue: Catalogue,
    out_dir: Path,
    cache: MediaCache | None = None,
    today: date | None = None,
    workers: int | None = None,
    stream: TextIO = sys.stderr,
    kept: Kept | None = None,
    fresh: bool = False,
    pool: ProcessPoolExecutor | None = None,
) -> MediaUnderWay:
    """`build_media` up to the point where the pages can be made: the web media are made (and
    put in `out_dir` by `MediaUnderWay.put_made`), the print files may still be being drawn
    (`MediaUnderWay.finish`)."""
    started = time.perf_counter()
    cache = cache or MediaCache()
    today = today or today_in(catalogue.settings.timezone)
    jobs = plan(catalogue, today, cache)
    report = Report()
    run = JobRun(jobs, cache, lambda job, error: _report_problem(catalogue, job, error, report), workers, stream, pool)
    later = {job.key for job in jobs if isinstance(job.params, LATER)}
    run.wait(but=later)
    return MediaUnderWay(catalogue, jobs, cache, run, report, out_dir, kept, fresh, started)


# The jobs whose files no page reads, and whose paths (and the printed catalogue's sizes: see
# `MediaUnderWay.finish`) are all the pages take from them: the pages can be made while they are drawn.
LATER = (CataloguePdfJob, LabelsJob, CalibrationJob, PosterJob)


class MediaUnderWay:
    """The media of a build whose pages can be made (`products`, `site_cards`, the problems met so
    far in `report`), and whose print files may still be under way: `put_made` puts the files made
    so far in the site (another thread may do it while the pages are made), `finish` waits for the
    others and puts them there too."""

    def __init__(
        self,
        catalogue: Catalogue,
        jobs: list[Job],
        cache: MediaCache,
        run: JobRun,
        report: Report,
        out_dir: Path,
        kept: Kept | None,
        fresh: bool,
        started: float,
    ) -> None:
        self.catalogue, self.jobs, self.cache, self.run, self.report = catalogue, jobs, cache, run, report
        self.out_dir, self.kept, self.fresh, self.started = out_dir, kept, fresh, started
        # The files of the jobs still under way are taken to be made: should one fail, the build stops.
        self.products = _assemble(catalogue, jobs, run.entries, run.pending)
        self.site_cards = _site_cards(jobs, run.entries)
        self.made = set(run.entries)  # the jobs whose files `put_made` puts in place
        self.written = 0
        self.lock = threading.Lock()
        self.put = False
        self.result: MediaResult | None = None

    def put_made(self) -> None:
        """Put the files of the jobs made or reused when the pages could start, and the star
        badges, into the site (once)."""
        with self.lock:
            if not self.put:
                made = [self.run.entries[key] for key in self.made]
                self.written += sync_entries(made, self.out_dir, self.kept, self.fresh, self.cache.statuses)
                self.written += write_badges(self.out_dir, self.catalogue.settings.languages)
                self.put = True

    def finish(self) -> MediaResult:
        """Wait for every job, put every file in place, and give what was made (the same result
        on every call)."""
        if self.result is None:
            self.run.wait()
            prune(_pieces_folder(self.cache))
            self.put_made()
            later = [entry for key, entry in self.run.entries.items() if key not in self.made]
            self.written += sync_entries(later, self.out_dir, self.kept, self.fresh, self.cache.statuses)
            self.cache.remember()  # with the statuses of the files put in place (`MediaCache.statuses`)
            stats = MediaStats(self.run.stats.jobs, self.run.stats.reused, self.run.stats.made, self.written)
            stats.seconds = time.perf_counter() - self.started
            pdfs = _catalogue_pdfs(self.jobs, self.run.entries)
            self.result = MediaResult(self.products, self.report, stats, pdfs, self.site_cards)
        return self.result


def _report_problem(catalogue: Catalogue, job: Job, error: tuple[str, Message | str], report: Report) -> None:
    if job.kind != "photo":
        where = catalogue.product_files[job.product] if job.product else catalogue.root / SETTINGS_FILE
        report.add(where, 1, error[0], msg("field.at", path=job.kind, message=error[1]))
        return
    path = catalogue.product_files[job.product]
    index = job.image or 0
    try:
        line = load_yaml(path).line_of(("images", index, "src"))
    except LoadError:
        line = 1
    src = catalogue.products[job.product].images[index].src
    report.add(
        path, line, error[0], msg("field.at", path=f"images[{index + 1}].src", message=msg("image.named", src=src, problem=error[1]))
    )


def write_badges(out_dir: Path, languages: list[str]) -> int:
    """The star badges as files, for download and print; the number of files written."""
    written = 0
    for stars in (3, 4, 5):
        for status in (CertificateStatus.VALID, CertificateStatus.EXPIRED, CertificateStatus.REVOKED):
            for lang in languages:
                svg = badge_svg(stars, status, lang).encode()
                written += write_if_changed(out_dir / Urls.badge(stars, badge_kind(status), lang), svg)
    return written


def _assemble(catalogue: Catalogue, jobs: list[Job], entries: dict[str, Entry], under_way: Collection[str] = ()) -> dict[str, ProductMedia]:
    """Each product's media: of the jobs reused or made (`entries`), and of those still `under_way`
    (print files: their paths alone)."""
    media = {pid: ProductMedia() for pid in catalogue.products}
    for job in jobs:
        entry = entries.get(job.key)
        if job.product is None or (entry is None and job.key not in under_way):
            continue
        target, params = media[job.product], job.params
        if isinstance(params, PhotoJob) and entry is not None:
            target.photos.append(_photo(catalogue, job, entry.meta))
        elif isinstance(params, QrJob):
            target.qr[params.stem] = {kind: Urls.qr(params.stem, kind) for kind in ("svg", "png", "pdf")}
        elif isinstance(params, PosterJob):
            target.poster = params.path
        elif isinstance(params, CardJob):
            target.cards[params.lang] = params.path
    return media


def _catalogue_pdfs(jobs: list[Job], entries: dict[str, Entry]) -> dict[str, list[PrintFile]]:
    """The files of the printed catalogue made in each language (in the parts' order), by language."""
    made: dict[str, list[PrintFile]] = {}
    for job in jobs:
        entry = entries.get(job.key)
        if isinstance(job.params, CataloguePdfJob) and entry is not None:
            path = job.params.path
            made.setdefault(job.params.lang, []).append(PrintFile(path, (entry.folder / path).stat().st_size, job.params.part))
    return made


def _site_cards(jobs: list[Job], entries: dict[str, Entry]) -> dict[str, str]:
    """The site's share card made in each language, by language."""
    return {job.params.lang: job.params.path for job in jobs if isinstance(job.params, SiteCardJob) and job.key in entries}


def _photo(catalogue: Catalogue, job: Job, meta: Meta) -> Photo:
    """A made photo as pages show it; the photo job's meta lists its variants (`PhotoJob.run`)."""
    image = catalogue.products[job.product or ""].images[job.image or 0]
    variants = meta["variants"]
    og = meta["og"]
    assert isinstance(variants, list) and (og is None or isinstance(og, str))
    return Photo(image.alt, tuple(Variant(*v) for v in variants if isinstance(v, list)), og, image.focus)
