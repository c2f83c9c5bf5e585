"""Benchmark: the product finder's data size and its time to first results in Chromium.

    .venv/bin/python tools/bench_finder.py [--products 20000] [--site SITE] [--runs 5]

A synthetic catalogue of that many products is written once into .cache/bench/ without photos
(drawing and resizing 20,000 photos would take an hour); each product is given a cover whose file
name has the exact form and length the media pipeline writes (img/<id>/1-<hash>-320.webp), so the
data is the size it would be. Prints finder-<lang>.js raw and gzipped, in total and per product.

Then the demo site is built into a temporary folder (or a built site given with `--site` is copied
there), its finder data replaced by the synthetic one, and the all-products page opened in Debian's
Chromium with a query in the address: the time from navigation to the first results on screen (the
median of `--runs`, 5 by default), with and without a 4× CPU slowdown (roughly a mid-range phone),
and the time one more keystroke takes to search all products.
"""

from __future__ import annotations

import argparse
import functools
import hashlib
import os
import shutil
import statistics
import sys
import tempfile
import threading
from datetime import date
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from catalogue.hosting.precompress import gzipped as served  # noqa: E402
from catalogue.makers.images import Variant  # noqa: E402
from catalogue.media.plan import photo_stem  # noqa: E402
from catalogue.media_stage import Photo, ProductMedia  # noqa: E402
from catalogue.pages.context import Site  # noqa: E402
from catalogue.pages.finder import finder_data  # noqa: E402
from catalogue.sitebuild import build_site  # noqa: E402
from catalogue.urls import Urls  # noqa: E402
from catalogue.validate import validate  # noqa: E402
from demo.synth import write_catalogue  # noqa: E402

TODAY = date(2026, 11, 28)
QUERY = "?q=mat+ong"


def synthetic_site(products: int) -> Site:
    """The synthetic catalogue as the site sees it, with cover names as the media pipeline writes them."""
    root = REPO / ".cache" / "bench" / f"synth-finder-{products}"
    if not (root / "catalogue.yaml").exists():
        write_catalogue(root, products, seed=3, image_size=None)
    catalogue, report = validate(root / "products", root / "producers", today=TODAY)
    assert catalogue is not None and report.ok, report.to_text()
    media = {}
    for pid in catalogue.products:
        stem = photo_stem(pid, 0, hashlib.sha256(pid.encode()).hexdigest())
        variant = Variant(320, 240, f"{stem}-320.webp", f"{stem}-320.jpg")
        media[pid] = ProductMedia(photos=[Photo(None, (variant,), None)])
    return Site(catalogue, media, TODAY)


def sizes(scripts: dict[str, str], products: int) -> None:
    """Print each script's size, raw and gzipped."""
    for lang, script in scripts.items():
        raw = script.encode()
        packed = len(served(raw))  # as the build compresses it for a host
        print(
            f"finder-{lang}.js: {len(raw) / 1e6:.2f} MB raw, {packed / 1e6:.2f} MB gzipped "
            f"({len(raw) / products:.0f} B and {packed / products:.0f} B per product)"
        )


class _Handler(SimpleHTTPRequestHandler):
    """Quiet, and answers for the synthetic products' thumbnails with one of the demo's."""

    def log_message(self, format: str, *args: object) -> None:
        pass

    def translate_path(self, path: str) -> str:
        if path.startswith("/img/sp-"):
            return str(next(Path(self.directory).glob("img/*/1-*-320.webp")))
        return super().translate_path(path)


class _Server(ThreadingHTTPServer):
    def handle_error(self, request: object, client_address: object) -> None:
        pass  # the browser closing a page mid-transfer is not news


def first_results(folder: Path, throttle: int, runs: int = 5) -> tuple[float, float]:
    """Median ms from navigation to the first results, and of one more letter's search and new result cards."""
    from playwright.sync_api import sync_playwright

    server = _Server(("127.0.0.1", 0), functools.partial(_Handler, directory=str(folder)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    url = f"http://127.0.0.1:{server.server_address[1]}/products/{QUERY}"
    loads, keys = [], []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=["--no-sandbox", "--disable-gpu"])
        for _ in range(runs):
            page = browser.new_context().new_page()
            page.context.new_cdp_session(page).send("Emulation.setCPUThrottlingRate", {"rate": throttle})
            page.goto(url, wait_until="commit")
            page.wait_for_function("document.querySelector('#ocop-finder-count')?.textContent", timeout=120_000)
            loads.append(page.evaluate("performance.now()"))
            # One more letter, searched at once (the form's submit handler runs the search synchronously).
            keys.append(
                page.evaluate(
                    """() => {
                        const form = document.querySelector('form.ocop-finder'), t0 = performance.now();
                        form.elements.q.value = 'mat ong b';
                        form.dispatchEvent(new Event('submit', {cancelable: true}));
                        return performance.now() - t0;
                    }"""
                )
            )
            page.context.close()
        browser.close()
    server.shutdown()
    return statistics.median(loads), statistics.median(keys)


def main() -> None:
    """Measure the data, then the browser."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--products", type=int, default=20_000)
    parser.add_argument("--site", type=Path, help="a built site to copy and time (default: the demo, built)")
    parser.add_argument("--runs", type=int, default=5, help="pages opened at each CPU speed (the median is shown)")
    args = parser.parse_args()
    site = synthetic_site(args.products)
    scripts = {lang: finder_data(site, lang) for lang in ("vi", "en")}
    sizes(scripts, args.products)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "site"
        if args.site:  # hard links: the copy's finder data is replaced below, not written through
            shutil.copytree(args.site, folder, copy_function=os.link, symlinks=True)
        else:
            with open(os.devnull, "w") as quiet:
                report, summary = build_site(REPO / "products", REPO / "producers", folder, today=TODAY, stream=quiet)
            assert summary is not None, report.to_text()
        data = folder / Urls.finder_data("vi")
        data.unlink()
        data.write_text(scripts["vi"], encoding="utf-8")
        for throttle in (1, 4):
            load, key = first_results(folder, throttle, args.runs)
            print(f"CPU {throttle}x: first results {load:.0f} ms after navigation; a keystroke searches {args.products} in {key:.0f} ms")


if __name__ == "__main__":
    main()
