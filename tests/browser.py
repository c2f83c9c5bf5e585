"""Helpers for the browser tests: a local web server for the built site, Debian's Chromium, axe-core.

The tests run a real browser on the built demo site. Nothing is downloaded at test time: the browser is
Debian's Chromium (`apt-get install chromium`), driven by Python Playwright (the `test` extra), and the
accessibility engine is axe-core from npm (`npm ci`, pinned in package-lock.json).
"""

from __future__ import annotations

import functools
import os
import sys
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest

from .conftest import REPO

CHROMIUM = Path("/usr/bin/chromium")
AXE = REPO / "node_modules" / "axe-core" / "axe.min.js"
CHROMIUM_ARGS = [
    "--no-sandbox",  # CI runs as root, where Chromium's sandbox refuses to start
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",  # no update checks, safe-browsing lists, …: the request log stays local
    "--disable-component-update",
    "--disable-sync",
]

PHONE: dict[str, Any] = {
    "viewport": {"width": 390, "height": 844},
    "device_scale_factor": 2,
    "is_mobile": True,
    "has_touch": True,
}
DESKTOP: dict[str, Any] = {"viewport": {"width": 1280, "height": 800}}

# Impacts that fail the accessibility test; axe's "minor" and "moderate" findings are only printed.
BLOCKING_IMPACTS = ("serious", "critical")


def skip_or_fail(reason: str) -> None:
    """Skip the test, or fail it under CI=true: in CI the browser tests must never be silently skipped."""
    if os.environ.get("CI") == "true":
        pytest.fail(f"{reason} (CI=true: browser tests are not allowed to be skipped)", pytrace=False)
    pytest.skip(reason)


def missing_tools() -> str | None:
    """Why the browser tests cannot run here, or None when everything they need is installed."""
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "Python Playwright is not installed: run `make test`, which installs requirements/test.txt"
    if not CHROMIUM.is_file():
        return f"{CHROMIUM} is missing: install Debian's browser with `apt-get install chromium`"
    if not AXE.is_file():
        return f"{AXE.relative_to(REPO)} is missing: run `npm ci` at the repository root (or `make test`)"
    return None


class _SiteHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:  # the log would drown pytest's output
        pass

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        """As static hosts do, an address that is not in the site gets the site's 404 page, at that
        address: the language's own (en/404.html under /en/), else the root's."""
        page = self._not_found_page() if code == 404 else None
        if page is None:
            super().send_error(code, message, explain)
            return
        body = page.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def _not_found_page(self) -> Path | None:
        root = Path(self.directory)
        first = self.path.split("?", 1)[0].lstrip("/").split("/", 1)[0]
        language = root / first / "404.html"
        if first.isalpha() and language.is_file():
            return language
        return root / "404.html" if (root / "404.html").is_file() else None


class _Server(ThreadingHTTPServer):
    def handle_error(self, request: Any, client_address: Any) -> None:
        """A page closed while a file was on its way is normal in tests; anything else is printed."""
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


@contextmanager
def serve(folder: Path) -> Iterator[str]:
    """Serve `folder` over HTTP on 127.0.0.1 with a free port, in a thread; yield the origin (no trailing slash).
    Addresses that are not in the folder get its 404 page, as on a static host."""
    handler = functools.partial(_SiteHandler, directory=str(folder))
    server = _Server(("127.0.0.1", 0), handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, name="demo-site-server", daemon=True)
    thread.start()
    try:
        host, port = server.server_address[:2]
        yield f"http://{host}:{port}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


def outside_requests(urls: list[str], origin: str) -> list[str]:
    """The requested URLs that would leave the machine: anything not on `origin` and not data:/blob:."""
    return [url for url in urls if not (url == origin or url.startswith(origin + "/") or url.startswith(("data:", "blob:")))]


def settle(page: Any) -> None:
    """Load every lazy image now (as scrolling through the page would), then wait for the network to be idle."""
    page.evaluate("() => document.querySelectorAll('img[loading=lazy]').forEach((img) => { img.loading = 'eager'; })")
    page.wait_for_load_state("networkidle")
    page.wait_for_function("() => Array.from(document.images).every((img) => img.complete)")
    # Decoded too, or a full-page screenshot can paint the images far below the screen as blank boxes.
    page.evaluate("() => Promise.all(Array.from(document.images).map((img) => img.decode().catch(() => null)))")


def image_width(locator: Any) -> int:
    """The natural width of a (possibly lazy) image once it has loaded; 0 when it failed to load."""
    return locator.evaluate(
        """(img) => img.complete ? img.naturalWidth : new Promise((resolve) => {
            img.addEventListener("load", () => resolve(img.naturalWidth), { once: true });
            img.addEventListener("error", () => resolve(0), { once: true });
        })"""
    )


# The page is wider than the screen when the document scrolls sideways; the elements named are those
# whose right edge passes the screen's right edge (the deepest ones first: usually the culprits).
_OVERFLOW = """(screenWidth) => {
    const limit = Math.min(window.innerWidth, screenWidth);
    const wide = [];
    for (const el of document.querySelectorAll("body *")) {
        const box = el.getBoundingClientRect();
        if (box.width === 0 || box.right <= limit + 0.5) continue;
        if (getComputedStyle(el).visibility === "hidden") continue;
        let name = el.tagName.toLowerCase();
        if (el.id) name += "#" + el.id;
        if (typeof el.className === "string" && el.className.trim()) name += "." + el.className.trim().split(/\\s+/).join(".");
        wide.push(`${name} (right edge ${Math.round(box.right)}px)`);
    }
    return {
        scrollWidth: document.documentElement.scrollWidth,
        innerWidth: window.innerWidth,
        limit: limit,
        wide: wide.reverse().slice(0, 8),
    };
}"""


def horizontal_overflow(page: Any, screen_width: int) -> str | None:
    """None when the page does not scroll sideways on a screen `screen_width` CSS pixels wide, else what is too wide.

    A mobile browser may widen its layout viewport to fit an overflowing page (then innerWidth grows with
    the page and `scrollWidth <= innerWidth` holds trivially), so the limit is the smaller of innerWidth
    and the screen's own width.
    """
    found = page.evaluate(_OVERFLOW, screen_width)
    if found["scrollWidth"] <= found["limit"]:
        return None
    return (
        f"{page.url}: document.documentElement.scrollWidth = {found['scrollWidth']}px > {found['limit']}px"
        f" (window.innerWidth = {found['innerWidth']}px); too wide: " + "; ".join(found["wide"])
    )


def run_axe(page: Any) -> dict[str, list[dict[str, Any]]]:
    """Inject axe-core into the page, run it on the whole document; return its "violations" and its
    "incomplete" results (the checks axe could not decide, to be reviewed by a person)."""
    page.add_script_tag(path=str(AXE))
    results = page.evaluate("() => axe.run(document, { resultTypes: ['violations', 'incomplete'] })")
    return {"violations": results["violations"], "incomplete": results["incomplete"]}


def describe_violations(url: str, violations: list[dict[str, Any]], targets: int = 4) -> str:
    """One line per violation: id, impact, help text, help URL and the first few target selectors."""
    lines = []
    for violation in violations:
        nodes = violation["nodes"]
        selectors = [" ".join(str(part) for part in node["target"]) for node in nodes[:targets]]
        more = f" (+{len(nodes) - targets} more)" if len(nodes) > targets else ""
        lines.append(
            f"{url}: [{violation['impact']}] {violation['id']}: {violation['help']} ({violation['helpUrl']})\n"
            f"    {len(nodes)} node(s): " + " | ".join(selectors) + more
        )
        if nodes and nodes[0].get("failureSummary"):
            lines.append("    " + nodes[0]["failureSummary"].replace("\n", "\n    "))
    return "\n".join(lines)


@pytest.fixture(scope="session")
def site_url(demo_site: Path) -> Iterator[str]:
    """The origin of a local web server for the built demo site (http://127.0.0.1:<free port>)."""
    with serve(demo_site) as origin:
        yield origin


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    """Debian's Chromium, headless, driven by Playwright's sync API."""
    reason = missing_tools()
    if reason:
        skip_or_fail(reason)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


def new_page(browser: Any, **options: Any) -> Any:
    """A page in a fresh browser context, with a 10 s default timeout."""
    context = browser.new_context(**options)
    context.set_default_timeout(10_000)
    return context.new_page()


@pytest.fixture
def open_page(browser: Any) -> Iterator[Callable[..., Any]]:
    """open_page(**context_options) -> a new page in a fresh browser context, closed after the test."""
    pages: list[Any] = []

    def open_(**options: Any) -> Any:
        pages.append(new_page(browser, **options))
        return pages[-1]

    yield open_
    for page in pages:
        page.context.close()
