"""Benchmark: what a phone downloads for the first view of product pages of a built site.

    .venv/bin/python tools/bench_page.py SITE [--pages 20] [--limit-kb 120]

The site folder (any build: the demo's `site/`, or a synthetic catalogue's kept by
`tools/bench_scale.py --keep-site DIR`) is served by Debian's nginx with the repository's
configuration (tests/nginx_server.py: the gzipped copies, the headers). A sample of its product
pages, spread over the catalogue and over its languages, is opened in Debian's Chromium as
Lighthouse's phone (412 x 823, 1.75 pixels per CSS pixel; `--scale` for another) with an empty
cache. Every response that arrives until the page has loaded and the network has been quiet for
half a second is counted at the size it crossed the network (its compressed body), by kind: the
HTML, styles, scripts, images, data and the rest, and the headers of all of them apart (HTTP/1.1
from nginx here; HTTP/2, which hosts use, compresses headers repeated from one response to the
next to a few bytes). Nothing is scrolled or typed: the
first view. Prints each page's total and the part the budget counts (the HTML, styles, scripts
and cover photo), then the median and the largest of both, and exits 1 when a page's budgeted
part passes the limit (120 KB by default, the issue's). Photos of the first screen after the
cover, the QR code, icons and headers are counted in the total only.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

import tests.conftest  # noqa: E402, F401  (the test helpers import each other through it)
from tests.nginx_server import serving  # noqa: E402

# Lighthouse's phone (a Moto G Power): what "Lighthouse mobile" in the issue measures.
PHONE = {"width": 412, "height": 823}
SCALE = 1.75
CORE = ("html", "css", "js", "cover")
KINDS = {"document": "html", "stylesheet": "css", "script": "js", "image": "images", "font": "fonts", "fetch": "data", "xhr": "data"}


def product_pages(site: Path, count: int) -> list[str]:
    """Site paths of `count` product pages spread evenly over every language's product folders."""
    folders = sorted(path.parent for path in site.glob("**/p/*/index.html") if "assets" not in path.parts)
    if not folders:
        sys.exit(f"bench_page: no product page (p/<id>/index.html) under {site}")
    step = max(1, len(folders) // count)
    return [folder.relative_to(site).as_posix() + "/" for folder in folders[::step][:count]]


def first_view(browser: object, url: str, scale: float) -> Counter[str]:
    """Bytes received for the first view of `url` on a fresh phone, by kind."""
    context = browser.new_context(viewport=PHONE, device_scale_factor=scale, is_mobile=True, has_touch=True)  # type: ignore[attr-defined]
    page = context.new_page()
    session = context.new_cdp_session(page)
    session.send("Network.enable")
    session.send("Network.setCacheDisabled", {"cacheDisabled": True})
    kinds: dict[str, str] = {}
    headers: dict[str, int] = {}
    sizes: Counter[str] = Counter()

    def received(event: dict[str, object]) -> None:
        kind = KINDS.get(str(event["type"]).lower(), "other")
        url = str(event["response"]["url"])  # type: ignore[index]
        # The product's first photo (the page asks for it first, at high priority) is the cover.
        if kind == "images" and "/img/" in url and "cover" not in kinds.values():
            kind = "cover"
        kinds[str(event["requestId"])] = kind
        # What had arrived when the response began: its status line and headers.
        headers[str(event["requestId"])] = int(event["response"]["encodedDataLength"])  # type: ignore[index]

    def finished(event: dict[str, object]) -> None:
        request = str(event["requestId"])
        head = headers.get(request, 0)
        sizes.update({kinds.get(request, "other"): int(event["encodedDataLength"]) - head, "headers": head})  # type: ignore[call-overload]

    session.on("Network.responseReceived", received)
    session.on("Network.loadingFinished", finished)
    page.goto(url, wait_until="load")
    page.wait_for_load_state("networkidle")
    page.wait_for_timeout(500)
    context.close()
    return sizes


def main() -> int:
    """Measure and print; 1 when a page passes the limit."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("site", type=Path, help="a built site folder")
    parser.add_argument("--pages", type=int, default=20, help="product pages to open (default: 20)")
    parser.add_argument("--limit-kb", type=float, default=120, help="the budget of one first view (default: 120 KB)")
    parser.add_argument("--scale", type=float, default=SCALE, help=f"the phone's pixels per CSS pixel (default: {SCALE}, Lighthouse's)")
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

    site = args.site.resolve()
    paths = product_pages(site, args.pages)
    totals: list[float] = []
    cores: list[float] = []
    with tempfile.TemporaryDirectory(prefix="bench-page-") as work, sync_playwright() as playwright, serving(site, Path(work)) as origin:
        browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=["--no-sandbox"])
        try:
            for path in paths:
                sizes = first_view(browser, f"{origin}/{path}", args.scale)
                total = sum(sizes.values()) / 1000
                totals.append(total)
                parts = ", ".join(f"{kind} {size / 1000:.1f}" for kind, size in sorted(sizes.items()))
                core = sum(sizes[kind] for kind in CORE) / 1000
                cores.append(core)
                print(f"/{path}: {total:.1f} KB; HTML, CSS, scripts and cover {core:.1f} KB ({parts})")
        finally:
            browser.close()
    print(f"{len(totals)} product pages, first view on a phone: median {statistics.median(totals):.1f} KB, largest {max(totals):.1f} KB")
    print(f"HTML, CSS, scripts and cover photo (the issue's budget): median {statistics.median(cores):.1f} KB, largest {max(cores):.1f} KB")
    over = [core for core in cores if core > args.limit_kb]
    if over:
        print(f"{len(over)} pages over the budget of {args.limit_kb:.0f} KB")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
