"""The one module that knows MkDocs: it writes each language's docs folder and configuration,
and runs the MkDocs builds (one per language, in parallel processes)."""

from __future__ import annotations

import multiprocessing
import os
import subprocess
import sys
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from dataclasses import replace
from datetime import date
from pathlib import Path

import yaml
from markupsafe import escape

from .offline import SHIM_NAME, copy_shim
from .pages.generate import page_source
from .pages.i18n import status_texts, t
from .pages.listings import PageFile
from .settings import Settings

REPO = Path(__file__).resolve().parent.parent
LANGUAGE_NAMES = {"vi": "Tiếng Việt", "en": "English"}


class RenderError(Exception):
    """A MkDocs build that failed; the message holds its output."""


def theme_text(text: str) -> str:
    """Text from the data as the theme wants it: Material writes page titles and the site name
    into the page as they are (in the header, <title>, the navigation and the search results),
    treating them as HTML, so they are handed over escaped."""
    return str(escape(text))


def write_docs(pages: list[PageFile], docs_dir: Path, bodies_dir: Path, offline: bool = False) -> None:
    """Write every page's Markdown file under `docs_dir`; generated HTML bodies go to `bodies_dir`
    and are put in place by catalogue/mkdocs_hooks.py."""
    if offline:
        copy_shim(docs_dir)
    for page in pages:
        target = docs_dir / page.path
        target.parent.mkdir(parents=True, exist_ok=True)
        if page.markdown:
            target.write_text(page_source(replace(page, title=theme_text(page.title))), encoding="utf-8")
            continue
        body = bodies_dir / f"{page.path}.html"
        body.parent.mkdir(parents=True, exist_ok=True)
        body.write_text(page.body, encoding="utf-8")
        stub = PageFile(page.path, theme_text(page.title), "", {**page.meta, "ocop_body": f"{page.path}.html"})
        target.write_text(page_source(stub), encoding="utf-8")


def _nav(lang: str) -> list[dict[str, object]]:
    """Only the few index pages are in the navigation: Material writes the whole navigation into
    every page, so product pages in it would make build time and page size grow with the square
    of the catalogue."""
    return [
        {t(lang, "home"): "index.md"},
        {t(lang, "all_products"): "products/index.md"},
        {t(lang, "groups"): "groups/index.md"},
        {t(lang, "stars"): "stars/index.md"},
        {t(lang, "communes"): "communes/index.md"},
        {t(lang, "producers"): "producers/index.md"},
        {t(lang, "sales_points"): "sales-points/index.md"},
        {t(lang, "check"): "check/index.md"},
        {t(lang, "dashboard"): "dashboard/index.md"},
        {t(lang, "about"): [{t(lang, f"about_{n}"): f"about/{n}.md"} for n in ("ocop", "stars", "check", "data")]},
    ]


def mkdocs_config(settings: Settings, lang: str, work_dir: Path, offline: bool = False, *, today: date) -> dict[str, object]:
    """The configuration of one language's build for the day `today`; `offline` for the copy that works from file://."""
    root = "" if lang == "vi" else "../"
    alternate = [
        {
            "name": LANGUAGE_NAMES[code],
            "lang": code,
            # The language selector's links: relative, so that it works offline and from file://.
            # The head's absolute hreflang links come from ocop_roots (overrides/main.html).
            "prefix": root + ("" if code == "vi" else f"{code}/"),
            "link": root + ("" if code == "vi" else f"{code}/") or ".",
        }
        for code in settings.languages
    ]
    return {
        "INHERIT": str(REPO / "mkdocs.yml"),
        "site_name": theme_text(getattr(settings.site_name, lang)),
        "site_url": settings.site_url + ("" if lang == "vi" else f"{lang}/"),
        "docs_dir": str(work_dir / "docs"),
        "site_dir": str(work_dir / "site"),
        "hooks": [str(REPO / "catalogue" / "mkdocs_hooks.py")],
        "theme": {"name": "material", "custom_dir": str(REPO / "overrides"), "language": lang},
        # The folded fields are added by catalogue/mkdocs_hooks.py: searching without tone marks.
        "plugins": [{"search": {"lang": [lang], "fields": {"folded_title": {"boost": 1000}, "folded_text": {"boost": 1}}}}],
        "nav": _nav(lang),
        "not_in_nav": "/p/\n/products/page-*\n/groups/*/\n/communes/*/\n/stars/*/\n/producers/*/\n",
        "validation": {"nav": {"omitted_files": "info", "not_found": "warn"}, "links": {"unrecognized_links": "info"}},
        "extra": {
            "alternate": alternate,
            "ocop_roots": {code: settings.site_url + ("" if code == "vi" else f"{code}/") for code in settings.languages},
            "demo": settings.demo,
            "demo_text": t(lang, "demo"),
            "lang": lang,
            "ocop_bodies": str(work_dir / "bodies"),
            "ocop_offline": offline,
            "polyfills": [SHIM_NAME] if offline else [],
            # The build day goes with the page: the browser never dates a status earlier than it.
            "status_texts": status_texts(lang, settings.expiring_within_days, today, settings.timezone),
        },
    }


def build_language(settings: Settings, lang: str, pages: list[PageFile], work_dir: Path, offline: bool = False, *, today: date) -> Path:
    """Write one language's docs and configuration under `work_dir` and build it; the site folder."""
    write_docs(pages, work_dir / "docs", work_dir / "bodies", offline)
    config = work_dir / "mkdocs.yml"
    data = mkdocs_config(settings, lang, work_dir, offline, today=today)
    config.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    command = [sys.executable, "-m", "mkdocs", "build", "--quiet", "--config-file", str(config)]
    result = subprocess.run(command, capture_output=True, text=True, check=False, env=_environment())
    if result.returncode != 0:
        raise RenderError(f"MkDocs build of '{lang}' failed:\n{result.stdout}{result.stderr}")
    return work_dir / "site"


_PAGES: Callable[[str], list[PageFile]] | None = None


def _build_in_worker(settings: Settings, lang: str, work_dir: Path, offline: bool, today: date) -> tuple[Path, list[str]]:
    assert _PAGES is not None
    pages = _PAGES(lang)
    return build_language(settings, lang, pages, work_dir, offline, today=today), [page.url for page in pages]


def build_languages(
    settings: Settings, pages: Callable[[str], list[PageFile]], work_dir: Path, offline: bool = False, *, today: date
) -> dict[str, tuple[Path, list[str]]]:
    """Build every language at once: each language's pages are written and built in a forked
    process of its own (the page function is inherited by fork, so nothing big is pickled).
    For each language: its site folder and the paths of its pages."""
    global _PAGES
    _PAGES = pages
    context = multiprocessing.get_context("fork")
    try:
        with ProcessPoolExecutor(max_workers=len(settings.languages), mp_context=context) as pool:
            futures = {lang: pool.submit(_build_in_worker, settings, lang, work_dir / lang, offline, today) for lang in settings.languages}
            return {lang: future.result() for lang, future in futures.items()}
    finally:
        _PAGES = None


def _environment() -> dict[str, str]:
    return {
        **os.environ,
        "NO_MKDOCS_2_WARNING": "1",
        "PYTHONPATH": os.pathsep.join(filter(None, [str(REPO), os.environ.get("PYTHONPATH")])),
    }


def serve(rebuild: Callable[[], None], site_dir: Path, watched: list[Path], host: str = "127.0.0.1", port: int = 8000) -> None:
    """Serve `site_dir` with live reload: `rebuild` runs whenever a watched file changes."""
    from mkdocs.livereload import LiveReloadServer

    server = LiveReloadServer(builder=rebuild, host=host, port=port, root=str(site_dir.resolve()))
    for path in watched:
        if path.exists():
            server.watch(str(path.resolve()))
    try:
        server.serve()
    except KeyboardInterrupt:
        pass
    finally:
        server.shutdown()
