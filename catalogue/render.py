"""The one module that knows MkDocs: it writes each language's docs folder and configuration,
and runs the MkDocs builds (one per language, in parallel processes)."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import yaml

from .pages.generate import page_source
from .pages.i18n import t
from .pages.listings import PageFile
from .settings import Settings

REPO = Path(__file__).resolve().parent.parent
LANGUAGE_NAMES = {"vi": "Tiếng Việt", "en": "English"}


class RenderError(Exception):
    """A MkDocs build that failed; the message holds its output."""


def write_docs(pages: list[PageFile], docs_dir: Path) -> None:
    """Write every page's Markdown file under `docs_dir`."""
    for page in pages:
        target = docs_dir / page.path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(page_source(page), encoding="utf-8")


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
        {t(lang, "about"): [{t(lang, f"about_{n}"): f"about/{n}.md"} for n in ("ocop", "stars", "check")]},
    ]


def mkdocs_config(settings: Settings, lang: str, docs_dir: Path, site_dir: Path) -> dict[str, object]:
    """The configuration of one language's build."""
    root = "" if lang == "vi" else "../"
    alternate = [
        {
            "name": LANGUAGE_NAMES[code],
            "lang": code,
            # Relative to the site root, so that the selector works offline and no page asks another
            # host for anything; absolute hreflang links per page belong with the search-engine work.
            "prefix": root + ("" if code == "vi" else f"{code}/"),
            "link": root + ("" if code == "vi" else f"{code}/") or ".",
        }
        for code in settings.languages
    ]
    return {
        "INHERIT": str(REPO / "mkdocs.yml"),
        "site_name": getattr(settings.site_name, lang),
        "site_url": settings.site_url + ("" if lang == "vi" else f"{lang}/"),
        "docs_dir": str(docs_dir),
        "site_dir": str(site_dir),
        "theme": {"name": "material", "custom_dir": str(REPO / "overrides"), "language": lang},
        "plugins": [{"search": {"lang": [lang]}}],
        "nav": _nav(lang),
        "not_in_nav": "/p/\n/products/page-*\n/groups/*/\n/communes/*/\n/stars/*/\n/producers/*/\n",
        "validation": {"nav": {"omitted_files": "info", "not_found": "warn"}, "links": {"unrecognized_links": "info"}},
        "extra": {"alternate": alternate, "demo": settings.demo, "demo_text": t(lang, "demo"), "lang": lang},
    }


def build_language(settings: Settings, lang: str, pages: list[PageFile], work_dir: Path) -> Path:
    """Write one language's docs and configuration under `work_dir` and build it; the site folder."""
    docs_dir, site_dir = work_dir / "docs", work_dir / "site"
    write_docs(pages, docs_dir)
    config = work_dir / "mkdocs.yml"
    config.write_text(
        yaml.safe_dump(mkdocs_config(settings, lang, docs_dir, site_dir), allow_unicode=True, sort_keys=False), encoding="utf-8"
    )
    command = [sys.executable, "-m", "mkdocs", "build", "--quiet", "--config-file", str(config)]
    result = subprocess.run(command, capture_output=True, text=True, check=False, env=_environment())
    if result.returncode != 0:
        raise RenderError(f"MkDocs build of '{lang}' failed:\n{result.stdout}{result.stderr}")
    return site_dir


def build_languages(settings: Settings, pages: dict[str, list[PageFile]], work_dir: Path) -> dict[str, Path]:
    """Build every language at once (each MkDocs build is a separate process)."""
    with ThreadPoolExecutor(max_workers=len(pages)) as pool:
        futures = {lang: pool.submit(build_language, settings, lang, lang_pages, work_dir / lang) for lang, lang_pages in pages.items()}
        return {lang: future.result() for lang, future in futures.items()}


def _environment() -> dict[str, str]:
    import os

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
