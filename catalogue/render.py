"""The one module that knows MkDocs: it writes each language's docs folder and configuration,
and runs the MkDocs builds (one per language, in parallel processes)."""

from __future__ import annotations

import multiprocessing
import os
import re
import socket
import subprocess
import sys
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any

import yaml
from markupsafe import Markup, escape

from .languages import language
from .offline import SHIM_NAME, copy_shim
from .pages.generate import page_source
from .pages.i18n import status_texts, t
from .pages.listings import PageFile
from .settings import Settings

REPO = Path(__file__).resolve().parent.parent
OVERRIDES = REPO / "overrides"
# MkDocs' log lines for errors: "ERROR    -  Config value 'theme': ...".
_ERROR_PREFIX = re.compile(r"^ERROR\s*-\s*")
# A traceback's frame line, and the module path before an exception's name.
_FRAME = re.compile(r'^File "(.+)", line (\d+)')
_EXCEPTION_MODULE = re.compile(r"^(?:\w+\.)+(?=\w+:)")


class RenderError(Exception):
    """A MkDocs build that failed; the message holds its output."""

    def __init__(self, lang: str, output: str) -> None:
        super().__init__(lang, output)  # both in args, so that it crosses from a worker process whole
        self.lang = lang
        self.output = output

    def __str__(self) -> str:
        return f"MkDocs build of '{self.lang}' failed:\n{self.output}"

    def summary(self) -> str:
        """One line for the user: MkDocs' error lines, or else the exception that ended its
        traceback, with the template file and line where it happened."""
        lines = [line.strip() for line in self.output.splitlines() if line.strip()]
        errors = [_ERROR_PREFIX.sub("", line) for line in lines if _ERROR_PREFIX.match(line)]
        if errors:
            return f"MkDocs could not build the '{self.lang}' pages: {'; '.join(errors)}"
        last = _EXCEPTION_MODULE.sub("", lines[-1]) if lines else "no output"
        places = [match for match in map(_FRAME.match, lines) if match and not match[1].endswith(".py") and not match[1].startswith("<")]
        where = f"{_shown(Path(places[-1][1]))}:{places[-1][2]}: " if places else ""
        return f"MkDocs could not build the '{self.lang}' pages: {where}{last}"


def _shown(path: Path) -> str:
    """`path` relative to the working directory when it lies under it."""
    try:
        return path.relative_to(Path.cwd()).as_posix()
    except ValueError:
        return path.as_posix()


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
    spoken = language(lang)
    root = "" if lang == "vi" else "../"
    alternate = [
        {
            "name": language(code).name,
            "lang": code,
            "hreflang": language(code).html,
            # The language selector's links: relative, so that it works offline and from file://.
            # The head's absolute hreflang links come from ocop_roots (overrides/main.html).
            "prefix": root + ("" if code == "vi" else f"{code}/"),
            "link": root + ("" if code == "vi" else f"{code}/") or ".",
        }
        for code in settings.languages
    ]
    return {
        "INHERIT": str(REPO / "mkdocs.yml"),
        "site_name": theme_text(settings.site_name.of(lang)),
        "site_url": settings.site_url + ("" if lang == "vi" else f"{lang}/"),
        "docs_dir": str(work_dir / "docs"),
        "site_dir": str(work_dir / "site"),
        "hooks": [str(REPO / "catalogue" / "mkdocs_hooks.py")],
        "theme": {"name": "material", "custom_dir": str(OVERRIDES), "language": spoken.theme},
        # The folded fields are added by catalogue/mkdocs_hooks.py: searching without tone marks.
        "plugins": [{"search": {"lang": [spoken.search], "fields": {"folded_title": {"boost": 1000}, "folded_text": {"boost": 1}}}}],
        "nav": _nav(lang),
        "not_in_nav": "/p/\n/products/page-*\n/groups/*/\n/communes/*/\n/stars/*/\n/producers/*/\n",
        "validation": {"nav": {"omitted_files": "info", "not_found": "warn"}, "links": {"unrecognized_links": "info"}},
        "extra": {
            "alternate": alternate,
            "ocop_roots": {code: settings.site_url + ("" if code == "vi" else f"{code}/") for code in settings.languages},
            "demo": settings.demo,
            "demo_text": t(lang, "demo"),
            "lang": lang,
            # <html lang> (overrides/partials/language.html) and the head's hreflang links: 'zh-Hans', not the theme's 'zh'.
            "ocop_html_lang": spoken.html,
            "ocop_hreflang": {code: language(code).html for code in settings.languages},
            "ocop_words": {key: t(lang, key) for key in ("not_found_title", "not_found_text", "not_found_home")},
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
        raise RenderError(lang, result.stdout + result.stderr)
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


def check_address(host: str, port: int) -> None:
    """Raise OSError now, before a long first build, when the preview could not listen there."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    with socket.socket(family, socket.SOCK_STREAM) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as the server itself does
        probe.bind((host, port))


def serve(
    rebuild: Callable[[], list[str]], problems: list[str], site_dir: Path, watched: list[Path], host: str = "127.0.0.1", port: int = 8000
) -> None:
    """Serve `site_dir` with live reload: `rebuild` runs whenever a watched file changes and
    returns the problems of a failed build (none when it built); `problems` are the first build's."""
    server = _preview_server(rebuild, problems, host=host, port=port, root=str(site_dir.resolve()))
    for path in watched:
        if path.exists():
            server.watch(str(path.resolve()))
    try:
        server.serve()
    except KeyboardInterrupt:
        pass
    finally:
        server.shutdown()


def _preview_server(rebuild: Callable[[], list[str]], problems: list[str], **options: Any) -> Any:
    from mkdocs.livereload import LiveReloadServer

    class PreviewServer(LiveReloadServer):
        """MkDocs' live-reload server, which shows the problems of a failed rebuild over every
        page it serves until a rebuild succeeds, instead of silently keeping the old site.

        A rebuild never raises here, so browsers reload after a failed one too (MkDocs' server
        reloads them only after a build that did not raise)."""

        def __init__(self) -> None:
            self.problems = problems
            super().__init__(builder=self.rebuild, **options)
            self.error_handler = self.error_page

        def rebuild(self) -> None:
            self.problems = rebuild()

        def _inject_js_into_html(self, content: bytes, epoch: int) -> bytes:
            content = super()._inject_js_into_html(content, epoch)
            if not self.problems:
                return content
            overlay = problems_overlay(self.problems).encode()
            end = content.rfind(b"</body>")
            end = len(content) if end < 0 else end
            return content[:end] + overlay + content[end:]

        def error_page(self, code: int) -> bytes | None:
            # A missing page (or no site yet, when the first build failed) still reloads and
            # shows the problems.
            if code != 404:
                return None
            page = Path(self.root) / "404.html"
            content = page.read_bytes() if page.is_file() else b"<!doctype html><title>404</title><body><h1>404 Not Found</h1></body>"
            return self._inject_js_into_html(content, self._visible_epoch)

    return PreviewServer()


def problems_overlay(problems: list[str]) -> str:
    """The box over a previewed page that lists the problems of the last rebuild, escaped."""
    return Markup(
        '<div id="ocop-preview-problems" role="alert" style="position:fixed;top:0;left:0;right:0;z-index:100000;'
        "max-height:60vh;overflow:auto;margin:0;padding:1rem;background:#fff4f4;color:#5c0011;"
        'border-bottom:4px solid #b00020;font:14px/1.45 system-ui,sans-serif">'
        '<p style="margin:0 0 .5rem"><strong>{}</strong></p>'
        '<pre style="margin:0;white-space:pre-wrap;font:13px/1.45 monospace">{}</pre></div>'
    ).format(_OVERLAY_TITLE, "\n".join(problems))


# Read by the programme office first: Vietnamese, then English.
_OVERLAY_TITLE = (
    "Lần dựng trang mới nhất bị lỗi: trang đang xem là bản dựng trước đó (nếu có). Sửa các lỗi dưới đây rồi lưu tệp, "
    "trang sẽ tự tải lại. / The last rebuild failed: what you see is the previous build, if any. "
    "Fix these problems and save: the page reloads by itself."
)
