"""Gzipped copies of the site's text files but its pages, written beside them (`finder-vi.js.gz`),
with zlib-ng at level 9, so that a web server sends them as they are (nginx's gzip_static)
instead of compressing on every request: the styles and scripts, which every page loads; the
finder's, the header search's and the certificate check's data, which a phone downloads whole to
search, under a budget of 1 MB at 20,000 products; the open data; the star badges. No name and
no time in the header, so the same file always gives the same bytes. zlib-ng's level 9 is within
1.5% of zlib's, in a third of its time.

Two kinds of file get no copy, because a server that compresses as it sends (nginx's `gzip on`
at the level deploy/nginx/ocop-site.conf sets, Netlify, Cloudflare, GitHub Pages) sends them as
small or smaller, and a copy is one more file to write, upload and keep in step:

- the pages (`.html`), which a site has thousands of (5,600 at 2,000 products in two languages):
  writing a copy of each took a tenth of a full build's time here. On the 427 pages of the demo
  site (27.9 KB each on average) ISA-L's level 3, which the copies used for speed, gave 7.3 KB a
  page; zlib's level 5, which the nginx configuration sets, gives 6.7 KB, 9% less, in 0.6 ms;
- the QR codes' SVG files (`qr/`, one or two a product, about 3 KB each).

A file that a rebuild keeps (catalogue/incremental.py) keeps its compressed copy too, bytes and
time. Brotli is not written: Debian's nginx has no module to serve it, and a host that compresses
by itself (Netlify, Cloudflare, GitHub Pages) ignores these files.
"""

from __future__ import annotations

import os
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from zlib_ng import gzip_ng

from ..incremental import Kept
from ..urls import QR

SUFFIXES = (".css", ".js", ".json", ".svg", ".xml", ".csv", ".txt")


def compressed(path: str) -> bool:
    """Whether the site keeps a gzipped copy of its file at `path` (relative to the site, with `/`):
    every text file but the pages and the QR codes (see above)."""
    return path.endswith(SUFFIXES) and not path.startswith(QR)


def gzipped(data: bytes) -> bytes:
    """`data` gzipped as the site's compressed copies are: at the highest level, with no name and
    no time in the header, so the same bytes always give the same file."""
    return gzip_ng.compress(data, compresslevel=9, mtime=0)


def precompress(site: Path) -> int:
    """Write `<file>.gz` beside every file under `site` that gets one (`compressed`) and has none
    yet; the number compressed."""
    files = []
    for folder, _, names in os.walk(site):
        present = set(names)
        relative = os.path.relpath(folder, site).replace(os.sep, "/")
        prefix = "" if relative == "." else f"{relative}/"
        files += [Path(folder, name) for name in names if compressed(prefix + name) and f"{name}.gz" not in present]

    def one(path: Path) -> int:
        _compress(path, path.with_name(path.name + ".gz"))
        return 1

    # zlib-ng lets go of Python's lock while it compresses, and a new file waits on the file system:
    # threads keep every core busy.
    with ThreadPoolExecutor(max_workers=(os.cpu_count() or 1) + 2) as pool:
        return sum(pool.map(one, files))


def compress_kept(site: Path, kept: Kept) -> int:
    """For every text file the previous site keeps (catalogue/incremental.py): keep its compressed
    copy too, or write one under `site` when the previous site has none; the number compressed."""
    written = 0
    for path in sorted(kept.paths):
        if not compressed(path):
            continue
        if os.path.isfile(os.path.join(kept.previous, f"{path}.gz")):
            kept.paths.add(f"{path}.gz")
            continue
        target = site / f"{path}.gz"
        target.parent.mkdir(parents=True, exist_ok=True)
        _compress(kept.previous / path, target)
        written += 1
    return written


def _compress(source: Path, target: Path) -> None:
    """Write `source` gzipped at `target` (`gzipped`)."""
    target.write_bytes(gzipped(source.read_bytes()))
