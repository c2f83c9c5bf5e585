"""Build the whole site: validate, make media, write pages, render each language, then swap the
new site in. Nothing touches the previous site until the new one is complete."""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
import time
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TextIO

from .exports import check_index_js, products_csv, products_json, products_schema, re_evaluation_csv, sales_points_json
from .media.build import build_media
from .media.cache import MediaCache
from .offline import rewrite_pages, shim
from .pages.context import Site
from .pages.finder import finder_data
from .pages.generate import all_pages
from .pages.kiosk import kiosk_page, kiosk_path
from .pages.redirects import digital_link_pages
from .problems import Report
from .render import build_languages
from .sitemap import robots_txt, sitemaps
from .status import today_in
from .validate import validate


@dataclass
class BuildSummary:
    """What a site build made."""

    products: int
    pages: int
    languages: list[str]
    seconds: float
    site_dir: Path

    def __str__(self) -> str:
        return (
            f"built {self.products} products, {self.pages} pages in {len(self.languages)} languages "
            f"({', '.join(self.languages)}) in {self.seconds:.1f} s into {self.site_dir}"
        )


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
) -> tuple[Report, BuildSummary | None]:
    """Build the site into `site_dir`; on any problem return the report and leave `site_dir` as it was.

    `offline` builds the copy that works from file:// (catalogue/offline.py); it raises
    OfflineError, before anything is made, when something it needs is missing.
    """
    started = time.perf_counter()
    if offline:
        shim()
    catalogue, report = validate(products_dir, producers_dir, settings_path, today)
    if not report.ok:
        return report, None
    if site_url:
        catalogue.settings = catalogue.settings.model_copy(update={"site_url": site_url})
    today = today or today_in(catalogue.settings.timezone)
    site_dir.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{site_dir.name}.new-", dir=site_dir.parent))
    work = Path(tempfile.mkdtemp(prefix="site-", dir=_work_root())).resolve()
    try:
        media = build_media(catalogue, staging, cache, today, stream=stream, link=True)
        report.problems += media.report.problems
        if not report.ok:
            return report, None
        site = Site(catalogue, media.products, today, media.catalogue_pdfs)
        built = build_languages(catalogue.settings, lambda lang: list(all_pages(site, lang)), work, offline, today=today)
        _assemble({lang: folder for lang, (folder, _) in built.items()}, staging)
        _write_sitemaps(catalogue.settings.site_url, {lang: paths for lang, (_, paths) in built.items()}, staging)
        _write_open_data(site, staging / "data")
        extra = digital_link_pages(catalogue) | {kiosk_path(lang): kiosk_page(site, lang) for lang in catalogue.settings.languages}
        for path, html in extra.items():
            (staging / path).parent.mkdir(parents=True, exist_ok=True)
            (staging / path).write_text(html, encoding="utf-8")
        if offline:
            rewrite_pages(staging)
        _swap(staging, site_dir)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
        shutil.rmtree(work, ignore_errors=True)
    count = sum(len(paths) for _, paths in built.values())
    return report, BuildSummary(len(catalogue.products), count, list(built), time.perf_counter() - started, site_dir)


def _write_open_data(site: Site, folder: Path) -> None:
    """data/: the open data, and the scripts of the finder and the certificate check."""
    catalogue, today = site.catalogue, site.today
    folder.mkdir(exist_ok=True)
    (folder / "products.json").write_text(products_json(catalogue, today), encoding="utf-8")
    (folder / "products.csv").write_bytes(products_csv(catalogue, today))
    (folder / "products.schema.json").write_text(products_schema(catalogue.settings.site_url), encoding="utf-8")
    (folder / "sales-points.json").write_text(sales_points_json(catalogue, today), encoding="utf-8")
    (folder / "re-evaluation.csv").write_bytes(re_evaluation_csv(catalogue, site.figures))
    for lang in catalogue.settings.languages:
        (folder / f"check-{lang}.js").write_text(check_index_js(catalogue, lang, today), encoding="utf-8")
        (folder / f"finder-{lang}.js").write_text(finder_data(site, lang), encoding="utf-8")


def _write_sitemaps(site_url: str, paths: dict[str, list[str]], staging: Path) -> None:
    """One sitemap for every language in place of MkDocs' one per language, and robots.txt."""
    languages = list(paths)
    for lang in languages:
        folder = staging if lang == "vi" else staging / lang
        for name in ("sitemap.xml", "sitemap.xml.gz"):
            (folder / name).unlink(missing_ok=True)
    others = [set(paths[lang]) for lang in languages[1:]]
    shared = [path for path in paths[languages[0]] if all(path in other for other in others)]
    for name, xml in sitemaps(site_url, shared, languages).items():
        (staging / name).write_text(xml, encoding="utf-8")
    (staging / "robots.txt").write_text(robots_txt(site_url), encoding="utf-8")


def _work_root() -> Path:
    root = Path("build")
    root.mkdir(exist_ok=True)
    return root


def _assemble(built: dict[str, Path], staging: Path) -> None:
    """Vietnamese at the root, other languages in /<lang>/, beside the shared media."""
    for lang, folder in built.items():
        target = staging if lang == "vi" else staging / lang
        target.mkdir(exist_ok=True)
        for entry in folder.iterdir():
            os.replace(entry, target / entry.name)


def _swap(staging: Path, site_dir: Path) -> None:
    """Put the new site in place of the old one with two renames."""
    old = None
    if site_dir.exists():
        old = site_dir.with_name(f".{site_dir.name}.old-{os.getpid()}")
        os.replace(site_dir, old)
    os.replace(staging, site_dir)
    if old:
        shutil.rmtree(old, ignore_errors=True)
