"""Benchmark: what the header search box downloads, and its time to first results in Chromium.

    .venv/bin/python tools/bench_search.py [--products 20000] [--site FOLDER] [--limit-mb 1] [--runs 5]

The header search's product index (data/search-<lang>.js, catalogue/pages/search.py) is a function
of the catalogue: it is computed from a synthetic catalogue of that many products, written once
into .cache/bench/ without photos, and its size printed raw and gzipped for each language. The
theme's own index (search/search_index.json) no longer holds product pages, producer pages or the
listings' cards; its size is read from a built site: the demo site built into a temporary folder,
or FOLDER (any built site, e.g. a synthetic one). Every page that uses its search box downloads
both; the script exits 1 when a language's total passes the limit (1 MB gzipped).

Then a product page of that site, served with the synthetic product index in place of its own, is
opened in Debian's Chromium with a 4× CPU slowdown (CDP Emulation.setCPUThrottlingRate; roughly a
mid-range phone), and at 1× for comparison, and "mat ong" typed into its search box (medians of 5
fresh pages): the time from the tap on the box to the product index ready, to the first products
when typing starts at once, and, the index ready, from a key to the products it finds.
"""

from __future__ import annotations

import argparse
import functools
import os
import statistics
import sys
import tempfile
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import ClassVar

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "tools"))

from bench_finder import TODAY, synthetic_site  # noqa: E402  (the same synthetic catalogue; the search index ignores its covers)

from catalogue.hosting.precompress import gzipped as served  # noqa: E402
from catalogue.pages.search import search_data  # noqa: E402
from catalogue.sitebuild import build_site  # noqa: E402
from catalogue.urls import Urls  # noqa: E402

QUERY = "mat ong"
KEY_MS = 120  # between keys: fast thumbs on a phone

# Installed before the page's scripts: when the box was tapped, and each key pressed; when the
# product index was ready, and when products were shown for each query.
_CLOCK = """
window.__tapped = null; window.__ready = null; window.__keys = []; window.__shown = {};
document.addEventListener("focusin", (event) => {
  if (window.__tapped === null && event.target.matches("input.md-search__input")) window.__tapped = performance.now();
}, true);
document.addEventListener("keydown", () => window.__keys.push(performance.now()), true);
new MutationObserver(() => {
  const box = document.querySelector(".ocop-search");
  if (!box) return;
  if (window.__ready === null && box.hasAttribute("data-ready")) window.__ready = performance.now();
  const query = box.getAttribute("data-query");
  if (query && !(query in window.__shown) && box.querySelector(".md-search-result__item")) window.__shown[query] = performance.now();
}).observe(document, { childList: true, subtree: true, attributes: true });
"""


def gzipped(data: bytes) -> int:
    """Bytes after gzip as the build compresses a script or JSON file for a host (catalogue/hosting/precompress.py)."""
    return len(served(data))


class _Handler(SimpleHTTPRequestHandler):
    """Quiet, and answers for the product indexes with the synthetic ones (the site is left as it is)."""

    replaced: ClassVar[dict[str, Path]] = {}

    def log_message(self, format: str, *args: object) -> None:
        pass

    def translate_path(self, path: str) -> str:
        found = self.replaced.get(path.split("?")[0].lstrip("/"))
        return str(found) if found else super().translate_path(path)


class _Server(ThreadingHTTPServer):
    def handle_error(self, request: object, client_address: object) -> None:
        pass  # the browser closing a page mid-transfer is not news


def timings(folder: Path, page_path: str, throttle: int, runs: int = 5) -> dict[str, float]:
    """Medians in ms over `runs` fresh pages, each with an empty cache: from the tap on the search
    box to its product index ready ('ready'); typing QUERY right after the tap, a key every
    KEY_MS, from the tap to the first product on screen ('first'); and once the index is ready,
    from a key to the products for the query it made ('key', the median over QUERY's letters)."""
    from playwright.sync_api import sync_playwright

    server = _Server(("127.0.0.1", 0), functools.partial(_Handler, directory=str(folder)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    url = f"http://127.0.0.1:{server.server_address[1]}/{page_path}"
    found: dict[str, list[float]] = {"ready": [], "first": [], "key": []}
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=["--no-sandbox", "--disable-gpu"])
        for _ in range(runs):
            context = browser.new_context(viewport={"width": 1280, "height": 800})
            context.add_init_script(_CLOCK)
            page = context.new_page()
            page.context.new_cdp_session(page).send("Emulation.setCPUThrottlingRate", {"rate": throttle})
            page.goto(url, wait_until="load")
            page.wait_for_load_state("networkidle")
            # Keys from the keyboard itself: Playwright's waits between a click and typing (for
            # the panel's animation to settle) are not the page's.
            page.locator("input.md-search__input").focus()
            page.keyboard.type(QUERY, delay=KEY_MS)
            page.wait_for_function(f"window.__ready !== null && {QUERY!r} in window.__shown", timeout=120_000)
            first = page.evaluate("Math.min(...Object.values(window.__shown)) - window.__tapped")
            found["ready"].append(page.evaluate("window.__ready - window.__tapped"))
            found["first"].append(first)
            # Now ready: clear the box, then each key of the query to the products for it.
            page.keyboard.press("Control+a")
            page.keyboard.press("Backspace")
            page.wait_for_function("document.querySelector('.ocop-search').getAttribute('data-query') === ''")
            page.evaluate("window.__keys = []; window.__shown = {}")
            for end in range(1, len(QUERY) + 1):
                page.keyboard.type(QUERY[end - 1])
                typed = QUERY[:end].strip()
                page.wait_for_function(
                    f"{typed!r} in window.__shown || document.querySelector('.ocop-search').getAttribute('data-query') === {typed!r}"
                )
            delays = page.evaluate(
                f"""() => {{ const q = {QUERY!r}, out = [];
                    for (let end = 1; end <= q.length; end++) {{
                      const typed = q.slice(0, end).trim();
                      if (q[end - 1] !== " " && typed in window.__shown) out.push(window.__shown[typed] - window.__keys[end - 1]);
                    }}
                    return out; }}"""
            )
            found["key"].append(statistics.median(delays))
            context.close()
        browser.close()
    server.shutdown()
    return {name: statistics.median(values) for name, values in found.items()}


def main() -> None:
    """Measure the data, then the browser."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--products", type=int, default=20_000)
    parser.add_argument("--site", type=Path, help="a built site to read the theme's index from and to time (default: the demo, built)")
    parser.add_argument("--limit-mb", type=float, default=1.0)
    parser.add_argument("--runs", type=int, default=5, help="pages opened at each CPU speed (the median is shown)")
    args = parser.parse_args()
    site = synthetic_site(args.products)
    with tempfile.TemporaryDirectory() as tmp:
        folder = args.site
        if folder is None:
            folder = Path(tmp) / "site"
            with open(os.devnull, "w") as quiet:
                report, summary = build_site(REPO / "products", REPO / "producers", folder, today=TODAY, stream=quiet)
            assert summary is not None, report.to_text()
        languages = [lang for lang in ("vi", "en", "zh") if (folder / Urls.search_data(lang)).is_file()]
        urls = Urls.of(languages)
        over = False
        for lang in languages:
            files = search_data(site, lang)
            for path, text in files.items():
                synthetic = Path(tmp) / Path(path).name
                synthetic.write_text(text, encoding="utf-8")
                _Handler.replaced[path] = synthetic
            head = gzipped(files[Urls.search_data(lang)].encode())
            parts = [gzipped(text.encode()) for path, text in files.items() if path != Urls.search_data(lang)]
            raw = sum(len(text.encode()) for text in files.values())
            packed = head + sum(parts)
            theme = (folder / urls.root(lang) / "search" / "search_index.json").read_bytes()
            total = packed + gzipped(theme)
            over |= total > args.limit_mb * 1e6
            print(
                f"{lang}: product index at {args.products} products: {raw / 1e6:.2f} MB raw, {packed / 1e6:.3f} MB gzipped "
                f"({packed / args.products:.1f} B a product; head {head / 1e3:.0f} kB and {len(parts)} parts of at most "
                f"{max(parts, default=0) / 1e3:.0f} kB); "
                f"theme index: {len(theme) / 1e3:.0f} kB raw, {gzipped(theme) / 1e3:.1f} kB gzipped; "
                f"a page's search downloads {total / 1e6:.3f} MB gzipped (limit {args.limit_mb} MB)"
            )
        product = next((folder / "p").iterdir()).name
        for throttle in (1, 4):
            found = timings(folder, f"p/{product}/", throttle, args.runs)
            print(
                f"CPU {throttle}x, {args.products} products: index ready {found['ready']:.0f} ms after the tap on the search box; "
                f"typing {QUERY!r} at once, first products {found['first']:.0f} ms after the tap; "
                f"then a key to its products {found['key']:.0f} ms"
            )
    sys.exit(1 if over else 0)


if __name__ == "__main__":
    main()
