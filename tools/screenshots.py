"""Screenshots for the office's guide (docs/huong-dan/img/), taken from a built demo site.

    make site                                   # or: .venv/bin/python build_site.py --site-dir DIR
    .venv/bin/python tools/screenshots.py [--site-dir site] [--out docs/huong-dan/img]

serves the built site on a free local port, opens it in Debian's Chromium (/usr/bin/chromium) through
Playwright, and writes small PNGs: the dashboard's targets (desktop), a product page on a phone, and
the certificate check finding an earlier certificate number. Each picture is reduced to a palette
of colours and optimised, so that all of them together stay well under 2 MB; run it again after a
change to those pages and commit the PNGs. tests/test_guide.py checks that every picture the guide
shows exists and stays small.
"""

from __future__ import annotations

import argparse
import functools
import io
import sys
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

from PIL import Image

CHROMIUM = "/usr/bin/chromium"
ROOT = Path(__file__).resolve().parent.parent
COLOURS = 64  # a palette this size keeps text and badges crisp at a fraction of full colour's bytes


@dataclass(frozen=True)
class Shot:
    """One picture: the page, the browser's size, what to do before taking it, and what to keep."""

    name: str
    path: str
    viewport: dict[str, int]
    width: int  # of the PNG written, in pixels
    mobile: bool = False
    prepare: Callable[[Any], None] | None = None
    clip_to: str | None = None  # a CSS selector: keep only that element


def _check_old_number(page: Any) -> None:
    """Type an earlier certificate number of the demo's Bình Lư noodles into the check page."""
    page.fill("#ocop-check-input", "GCN-OCOP-LC-2019-021")
    page.click("form.ocop-check button")
    page.wait_for_timeout(500)


SHOTS = (
    Shot("bang-theo-doi", "dashboard/", {"width": 1000, "height": 900}, 760, clip_to="#targets"),
    Shot("san-pham-dien-thoai", "p/mien-dong-binh-lu/", {"width": 390, "height": 844}, 390, mobile=True),
    Shot("kiem-tra-giay-chung-nhan", "check/", {"width": 390, "height": 844}, 390, mobile=True, prepare=_check_old_number),
)


class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass


@contextmanager
def serve(folder: Path) -> Iterator[str]:
    """The site in `folder` at http://127.0.0.1:<free port>/ while the block runs."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(folder)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


def small_png(raw: bytes, width: int) -> bytes:
    """A screenshot scaled to `width` and reduced to a palette of COLOURS, optimised."""
    with Image.open(io.BytesIO(raw)) as shot:
        picture = shot.convert("RGB")
    if picture.width != width:
        picture = picture.resize((width, round(picture.height * width / picture.width)), Image.Resampling.LANCZOS)
    out = io.BytesIO()
    picture.quantize(COLOURS, method=Image.Quantize.MEDIANCUT).save(out, "PNG", optimize=True)
    return out.getvalue()


def take(site: Path, out: Path) -> list[tuple[Path, int]]:
    """Every shot of SHOTS from the site in `site`, written into `out`; (file, bytes) of each."""
    from playwright.sync_api import sync_playwright

    out.mkdir(parents=True, exist_ok=True)
    written = []
    with serve(site) as base, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"])
        try:
            for shot in SHOTS:
                context = browser.new_context(viewport=shot.viewport, is_mobile=shot.mobile, has_touch=shot.mobile, locale="vi-VN")
                page = context.new_page()
                page.goto(base + shot.path, wait_until="networkidle")
                if shot.prepare:
                    shot.prepare(page)
                raw = page.locator(shot.clip_to).screenshot() if shot.clip_to else page.screenshot()
                path = out / f"{shot.name}.png"
                path.write_bytes(small_png(raw, shot.width))
                written.append((path, path.stat().st_size))
                context.close()
        finally:
            browser.close()
    return written


def main(argv: list[str] | None = None) -> int:
    """Take the guide's screenshots; print each file and its size."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--site-dir", type=Path, default=ROOT / "site", help="a built site (default: site)")
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "huong-dan" / "img", help="where the PNGs go")
    args = parser.parse_args(argv)
    if not (args.site_dir / "index.html").is_file():
        print(f"screenshots.py: error: {args.site_dir} holds no built site; run `make site` first", file=sys.stderr)
        return 1
    total = 0
    for path, size in take(args.site_dir, args.out):
        total += size
        print(f"{path.name}: {size / 1024:.0f} KiB")
    print(f"total: {total / 1024:.0f} KiB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
