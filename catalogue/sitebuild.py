"""Build the whole site: validate, make media, write pages, render each language, then swap the
new site in. Nothing touches the previous site until the new one is complete."""

from __future__ import annotations

import functools
import os
import sys
import time
from collections.abc import Iterable, Mapping
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path
from typing import TextIO

from .catalogue import Catalogue
from .collector import fewer_collections, settle
from .dashboard import Dashboard
from .exports import (
    check_index_js,
    open_data_lines,
    products_csv,
    products_json,
    products_schema,
    re_evaluation_csv,
    sales_points_json,
)
from .hosting.host_files import host_files, script_hashes
from .hosting.precompress import compress_kept, compressed, gzipped, precompress
from .incremental import Kept, drop_unchanged, keep_unchanged
from .jobs.cache import DEFAULT_CACHE, MediaCache
from .jobs.run import warm_pool
from .load import SETTINGS_FILE
from .maps import maps_in_build
from .media_stage import MediaUnderWay, start_media
from .messages import msg, say
from .pages.context import Site
from .pages.finder import finder_data
from .pages.generate import all_pages
from .pages.kiosk import kiosk_page
from .pages.listings import PRINT_LINKS, print_links
from .pages.page_cache import PageStore, opened, page_loader, record_published, work_out_keys
from .pages.redirects import digital_link_pages
from .pages.row_memo import row_memo
from .pages.search import search_data
from .printing.warm import warm_up
from .problems import Report
from .published import MANIFEST, check_removed, manifest_json, published_ids
from .record_cache import RecordCache
from .render.build import Rendered, RenderError, build_languages
from .render.offline import rewrite_pages, shim
from .render.renders import Renders
from .render.shells import Marks, StoreChangedError, place_later
from .site_census import Census, census_files, take_census
from .site_folder import Workspace, check_site_dir
from .sitemap import robots_txt, sitemaps
from .stamp import VERSION, Inputs, Signature, Stamp, StampStore, code_digest, input_key, media_sources, site_digest
from .status import today_in
from .urls import Urls
from .validate import load_settings, validate

# How much lower the media's processes run than the build's others (`os.nice`): on two cores an
# edit's print files took the time of the pages, which the build waits for first.
MEDIA_NICE = 10


@dataclass
class BuildSummary:
    """What a site build made."""

    products: int
    pages: int
    languages: list[str]
    seconds: float
    site_dir: Path
    unchanged: bool = False  # nothing changed since the last build: the site was left as it was

    def __str__(self) -> str:
        return (
            f"built {self.products} products, {self.pages} pages in {len(self.languages)} languages "
            f"({', '.join(self.languages)}) in {self.seconds:.1f} s into {self.site_dir}"
        )


class BuildError(Exception):
    """The site could not be made (a file system error, a failed MkDocs run); the message is one
    line (a text, or a `Message` worded in the reader's language), and the previous site is untouched."""


@fewer_collections()
def build_site(
    products_dir: Path,
    producers_dir: Path,
    site_dir: Path,
    settings_path: Path | None = None,
    site_url: str | None = None,
    today: date | None = None,
    cache: MediaCache | None = None,
    stream: TextIO = sys.stderr,
    offline: bool = False,
    unpublish: Iterable[str] = (),
    reuse: bool = False,
    known: tuple[Inputs, str] | None = None,
    known_digests: Mapping[str, bytes] | None = None,
) -> tuple[Report, BuildSummary | None]:
    """Build the site into `site_dir`; on any problem return the report and leave `site_dir` as it was.

    Before anything is made, it raises SiteDirError when `site_dir` may not be replaced
    (catalogue/site_folder.py) and OfflineError when the offline build lacks something. A product
    that the previous site published and whose file is gone is an error unless its id is in
    `unpublish`. BuildError when the site cannot be made, the previous one left in place.

    With `reuse`, a build whose inputs, code, media sources and site folder are all as the last
    build into `site_dir` left them does nothing and says so (`BuildSummary.unchanged`; see
    catalogue/stamp.py), and the files read by an earlier build are not read again
    (catalogue/record_cache.py); the stamps and the records are kept beside the media cache.
    Meanwhile the garbage collector runs less often (catalogue/collector.py). `known` is the inputs
    and their key (`input_key`) as the caller worked them out a moment before, taken when they are
    this build's inputs: the key reads every file of the catalogue (`known_digests`: the SHA-256
    of each, by path, as `input_key` gave them; the validation does not read those files again).
    """
    started = time.perf_counter()
    check_site_dir(site_dir, products_dir, producers_dir, settings_path)
    if offline:
        shim()
    settings_path = settings_path or products_dir.parent / SETTINGS_FILE
    unpublish = tuple(unpublish)
    stamps = StampStore.beside(cache.root if cache else DEFAULT_CACHE)
    today = today or _today(settings_path)
    inputs = Inputs(products_dir, producers_dir, settings_path, site_dir, today, site_url, offline, unpublish)
    digests: dict[str, bytes] = {}  # each file's, as the key read them: the validation takes them
    if not reuse:
        key = ""
    elif known and known[0] == inputs:
        key, digests = known[1], dict(known_digests or {})
    else:
        key = input_key(inputs, digests)
    kept = stamps.unchanged(inputs, key) if reuse else None
    if kept:
        summary = BuildSummary(kept.products, kept.pages, kept.languages, time.perf_counter() - started, site_dir, unchanged=True)
        return kept.report, summary
    stamps.forget(site_dir)
    stores = _Stores.beside(stamps, key, digests) if reuse else None
    # The media's processes start loading what they draw with while this one validates. They yield
    # the cores to this one and to the pages' processes: the web media of a rebuild are cached, and
    # the print files are needed only once the pages are made.
    pool = warm_pool(warm_up, nice=MEDIA_NICE)
    # A process of its own takes the census of the previous site meanwhile (catalogue/site_census.py):
    # the media's processes are free for the print files, and the census is there for the media.
    surveyor = ProcessPoolExecutor(max_workers=1) if pool and not offline and site_dir.is_dir() else None
    census = surveyor.submit(take_census, str(site_dir.resolve())) if surveyor else None
    try:
        return _build(inputs, cache, stream, started, pool, stores, census)
    finally:
        for processes in (pool, surveyor):
            if processes:
                processes.shutdown(cancel_futures=True)


@dataclass(frozen=True)
class _Stores:
    """What a build with `reuse` keeps for the next one: its stamp (under `key`), the records
    read and the pages made."""

    stamps: StampStore
    key: str
    records: RecordCache
    pages: PageStore

    @classmethod
    def beside(cls, stamps: StampStore, key: str, digests: Mapping[str, bytes]) -> _Stores:
        """The records and pages kept beside `stamps`, for the code as it is (`digests`: of the
        catalogue's files, as `input_key` read them for `key`)."""
        code = code_digest()
        records = RecordCache(stamps.root.with_name("records"), code, digests)
        return cls(stamps, key, records, PageStore(stamps.root.with_name("pages"), code))


def _build(
    inputs: Inputs,
    cache: MediaCache | None,
    stream: TextIO,
    started: float,
    pool: ProcessPoolExecutor | None,
    stores: _Stores | None,
    census: Future[Census] | None = None,
) -> tuple[Report, BuildSummary | None]:
    """`build_site` once it is known that the site must be made: validate, make, publish, stamp
    (with the `census` of the previous site under way, if any)."""
    site_dir, offline = inputs.site_dir, inputs.offline
    records, pages = (stores.records, stores.pages) if stores else (None, None)
    catalogue, report = validate(inputs.products_dir, inputs.producers_dir, inputs.settings_path, inputs.today, records=records)
    settle()
    published = published_ids(site_dir.resolve())
    if published is not None:
        check_removed(published, inputs.products_dir, site_dir, inputs.unpublish, report)
    if not report.ok:
        return report, None
    if inputs.site_url:
        catalogue.settings = catalogue.settings.model_copy(update={"site_url": inputs.site_url})
    workspace = None
    try:
        # On top of a previous site only what changed is staged; the offline copy rewrites every
        # page for file:// and is made whole.
        workspace = Workspace.beside(site_dir, on_previous=not offline)
        kept = Kept(workspace.previous) if workspace.previous else None
        sources: dict[str, Signature] = {}  # the photos' signatures for the stamp, taken while the pages are made
        count, languages, marks = _make(
            catalogue, workspace, cache, inputs.today, stream, offline, report, kept, pages, pool, census, sources if stores else None
        )
        if count is None:
            return report, None
        published_digest = workspace.publish(kept.paths if kept else (), _taken(census) if workspace.previous else None)
        if pages and not offline:
            published = replace(pages, site=_site_id(site_dir))
            for lang, marked in marks.items():
                record_published(published, lang, marked)
    except OSError as error:
        shown = workspace.shown(error.filename) if workspace and error.filename else site_dir.as_posix()
        raise BuildError(f"{shown}: {error.strerror or error}") from error
    except RenderError as error:
        raise BuildError(error.summary()) from error
    except StoreChangedError as error:
        raise BuildError(msg("check.store-changed")) from error
    finally:
        if workspace:
            workspace.remove()
    products = len(catalogue.products)
    if stores:
        fingerprint = published_digest or site_digest(site_dir)
        stamp = Stamp(VERSION, stores.key, sources or media_sources(catalogue), fingerprint, report, products, count, languages)
        stores.stamps.keep(site_dir, stamp)
    return report, BuildSummary(products, count, languages, time.perf_counter() - started, site_dir)


def _taken(census: Future[Census] | None) -> Census | None:
    """The census of the previous site, or None when none was taken or it failed (a file removed
    while it was taken): publishing then walks the site."""
    if census is None:
        return None
    try:
        return census.result()
    except OSError:
        return None


def _today(settings_path: Path) -> date:
    """Today in the catalogue's time zone (the settings' errors are found and reported by the validation)."""
    return today_in(load_settings(settings_path, Report()).timezone)


def _make(
    catalogue: Catalogue,
    workspace: Workspace,
    cache: MediaCache | None,
    today: date,
    stream: TextIO,
    offline: bool,
    report: Report,
    kept: Kept | None = None,
    pages: PageStore | None = None,
    pool: ProcessPoolExecutor | None = None,
    census: Future[Census] | None = None,
    sources: dict[str, Signature] | None = None,
) -> tuple[int | None, list[str], dict[str, Marks]]:
    """Make the new site in the workspace's staging folder (but for the previous site's files that
    it `kept`, known from its `census` once that is taken, and with the product pages of earlier
    builds that are still right, from `pages`):
    the number of pages, the languages and what each product page became (to record once the site
    is published: catalogue/pages/page_cache.py), or None when media problems stop the build (they
    are added to `report`)."""
    staging = workspace.staging
    # The pages are made while the print files are drawn (media_stage.py, `start_media`).
    media = start_media(catalogue, staging, cache, today, stream=stream, kept=kept, fresh=True, pool=pool)
    if kept and census and census.done():  # the files of the previous site, without asking each again
        kept.census.update(census_files(_taken(census) or {}))
    met = len(media.report.problems)
    report.problems += media.report.problems
    settle()
    if not report.ok:
        return None, [], {}
    maps = maps_in_build(offline)
    if not offline and not maps:
        stream.write(say("check.no-leaflet") + "\n")
    if pages and not offline:  # the offline copy's pages are rewritten once made: none is taken as published
        pages = replace(pages, site=_site_id(workspace.target), previous=kept is not None)
    site = Site(catalogue, media.products, today, None, site_cards=media.site_cards, maps=maps, pages=pages)
    if pages:
        work_out_keys(site)
    figures = site.figures  # worked out once, here: the dashboard of each language's process and this one's CSV use them
    # Each language's pages are made as they are written: at 20,000 products a list of them would hold about 500 MB.
    # Each language's pages are made in a process of their own (as many at once as there are cores).
    make_pages = functools.partial(all_pages, site)
    views = {lang: kept.within(site.urls.root(lang)) for lang in catalogue.settings.languages} if kept else None
    extra: dict[str, str | bytes] = {}
    built = build_languages(
        catalogue.settings,
        make_pages,
        workspace.work,
        offline,
        today=today,
        workers=os.cpu_count() or 1,
        kept=views,
        meanwhile=lambda: _meanwhile(media, site, figures, extra, kept, compress=not offline, sources=sources),
        templates=(cache.root if cache else DEFAULT_CACHE).with_name("templates"),
        renders=Renders(pages.folder, pages.code) if pages else None,
        loader=functools.partial(page_loader, pages.folder) if pages else None,
        later={PRINT_LINKS},
    )
    _assemble(site.urls, {lang: rendered.site for lang, rendered in built.items()}, staging)
    _write_sitemaps(site.urls, catalogue.settings.site_url, {lang: rendered.paths for lang, rendered in built.items()}, staging)
    _write_new(staging, extra, kept)
    _write_new(staging, {MANIFEST.as_posix(): manifest_json(catalogue.products, today)}, kept)
    # The print files may still be being drawn: the home pages, which link them with their sizes,
    # wait for them, and so do the hosts' headers (which name the pages' inline scripts); the rest
    # of the site is finished meanwhile (a copy opened from file:// has neither headers nor
    # compressed files, and its pages are rewritten once all are made).
    if offline:
        if not _place_home_pages(site, built, staging, media, report, met, views):
            return None, [], {}
        rewrite_pages(staging)
        _keep_and_compress(workspace, kept, offline)
    else:
        memo = pages.folder / SCRIPTS_MEMO if pages else None
        waiting = {site.urls.root(lang) + record.path for lang, rendered in built.items() for record in rendered.waiting}
        hashes = script_hashes(staging, kept, memo, _hashed(site.urls, built), but=waiting)
        _keep_and_compress(workspace, kept, offline)
        if not _place_home_pages(site, built, staging, media, report, met, views):
            return None, [], {}
        hashes |= {script for rendered in built.values() for record in rendered.waiting for script in rendered.scripts[record.path]}
        _write_new(staging, host_files(hashes, catalogue.settings.languages), kept)
    return sum(len(rendered.paths) for rendered in built.values()), list(built), {lang: rendered.marks for lang, rendered in built.items()}


def _hashed(urls: Urls, built: dict[str, Rendered]) -> dict[str, frozenset[str]]:
    """The hashes of the inline scripts of the pages hashed as they were written, by path in the site."""
    return {urls.root(lang) + path: hashes for lang, rendered in built.items() for path, hashes in rendered.scripts.items()}


def _place_home_pages(
    site: Site, built: dict[str, Rendered], staging: Path, media: MediaUnderWay, report: Report, met: int, views: dict[str, Kept] | None
) -> bool:
    """Wait for the print files, then put in place the bodies that link them (the home pages), in
    the assembled site; False when a print file could not be made (the problems are in `report`)."""
    made = media.finish()
    report.problems += made.report.problems[met:]
    if not report.ok:
        return False
    for lang, rendered in built.items():
        links = {PRINT_LINKS: print_links(made.catalogue_pdfs, site.urls, lang)}
        folder, view = staging / site.urls.root(lang), views[lang] if views else None
        rendered.scripts.update(place_later(folder, rendered.waiting, links, view, host=True))
    return True


def _site_id(site_dir: Path) -> str:
    """The site folder as the page store records what was published there."""
    return str(site_dir.resolve())


def _write_new(staging: Path, files: dict[str, str | bytes], kept: Kept | None) -> None:
    """Stage `files` (by site path), but for those the previous site already holds (`kept`): the
    digital-link pages alone are one a product, and after an edit all but one are as they were."""
    for path, content in files.items():
        data = content.encode("utf-8") if isinstance(content, str) else content
        if kept and kept.has_bytes(path, data):
            continue
        (staging / path).parent.mkdir(parents=True, exist_ok=True)
        (staging / path).write_bytes(data)


def _meanwhile(
    media: MediaUnderWay,
    site: Site,
    figures: Dashboard,
    extra: dict[str, str | bytes],
    kept: Kept | None,
    compress: bool,
    sources: dict[str, Signature] | None = None,
) -> None:
    """What this process does while the pages are made: the media made so far into the new site,
    and the files that MkDocs does not render into `extra`; with `compress`, with the compressed
    copies of those that the previous site (`kept`) does not hold as they are
    (catalogue/hosting/precompress.py: written with them, they need not be compressed once the
    pages are done); into `sources`, the photos' signatures for the build's stamp (stamp.py)."""
    media.put_made()
    if sources is not None:
        sources.update(media_sources(site.catalogue))
    made = _unrendered(site, figures)
    for path, content in list(made.items()) if compress else ():
        data = content.encode("utf-8") if isinstance(content, str) else content
        if compressed(path) and not (kept and kept.has_bytes(path, data)):
            made[f"{path}.gz"] = gzipped(data)
    extra.update(made)


def _unrendered(site: Site, figures: Dashboard) -> dict[str, str | bytes]:
    """The files that MkDocs does not render, by site path: the open data and the scripts (see
    `open_data`; the dashboard's `figures` for the re-evaluation list), the digital-link pages and
    the kiosk pages. They are made while MkDocs renders."""
    files = open_data(site, figures) | digital_link_pages(site.catalogue)
    for lang in site.catalogue.settings.languages:
        with opened(site, lang):  # the kiosk's cards are the listings' (catalogue/pages/page_cache.py)
            files[Urls.index_file(site.urls.kiosk(lang))] = kiosk_page(site, lang)
    row_memo(site).store()
    return files


# The inline scripts of the pages (catalogue/hosting/inline.py), remembered beside the product pages' store.
SCRIPTS_MEMO = "inline-scripts.pickle"


def _keep_and_compress(workspace: Workspace, kept: Kept | None, offline: bool) -> None:
    """Set apart what the previous site keeps, and write the compressed copies the new site needs."""
    staging = workspace.staging
    if kept:
        drop_unchanged(staging, kept)
        precompress(staging)
        compress_kept(staging, kept)
    elif offline:  # made whole; a copy opened from file:// has no server to send compressed files
        keep_unchanged(staging, workspace.target)
    else:  # a first build
        precompress(staging)


def open_data(site: Site, figures: Dashboard) -> dict[str, str | bytes]:
    """The open data (with the dashboard's `figures` for the re-evaluation list), and the scripts of
    the finder, the header search and the certificate check, by site path."""
    catalogue, today = site.catalogue, site.today
    memo = row_memo(site)
    json_lines, csv_lines = open_data_lines(catalogue, today, memo)
    files: dict[str, str | bytes] = {
        Urls.products_json(): products_json(catalogue, today, json_lines),
        Urls.products_csv(): products_csv(catalogue, today, csv_lines),
        Urls.products_schema(): products_schema(catalogue.settings.site_url, catalogue.settings.languages),
        Urls.sales_points_json(): sales_points_json(catalogue, today),
        Urls.re_evaluation_csv(): re_evaluation_csv(catalogue, figures, memo),
    }
    for lang in catalogue.settings.languages:
        files[Urls.check_data(lang)] = check_index_js(catalogue, lang, today, site.browser_paths(lang), memo)
        files[Urls.finder_data(lang)] = finder_data(site, lang)
        files.update(search_data(site, lang))
    return files


def _write_sitemaps(urls: Urls, site_url: str, paths: dict[str, list[str]], staging: Path) -> None:
    """One sitemap for every language in place of MkDocs' one per language, and robots.txt."""
    languages = list(paths)
    for lang in languages:
        for name in urls.sitemaps(lang):
            (staging / name).unlink(missing_ok=True)
    others = [set(paths[lang]) for lang in languages[1:]]
    shared = [path for path in paths[languages[0]] if all(path in other for other in others)]
    for name, xml in sitemaps(site_url, shared, languages).items():
        (staging / name).write_text(xml, encoding="utf-8")
    (staging / Urls.robots()).write_text(robots_txt(site_url), encoding="utf-8")


def _assemble(urls: Urls, built: dict[str, Path], staging: Path) -> None:
    """The first language at the root, each other in its folder, beside the shared media."""
    for lang, folder in built.items():
        target = staging / urls.root(lang)
        target.mkdir(exist_ok=True)
        for entry in folder.iterdir():
            os.replace(entry, target / entry.name)
