"""Gzipped copies of the site's text files, written beside them (`page.html.gz`), so that a web
server sends them as they are (nginx's gzip_static) instead of compressing on every request.

Two kinds of file, two ways, each with no name and no time in the header, so the same file always
gives the same bytes:

- the pages, which a site has thousands of (`FAST`), with ISA-L (`isal`) at its level 3, for
  speed: on the 183 MB of text of 2,000 products in two languages, one core, zlib's level 6 took
  2.24 s for 41.5 MB and ISA-L's level 3 0.44 s for 45.6 MB (10% more bytes, about half a kilobyte
  a page);
- the few others (styles and scripts, which every page loads; the finder's, the header search's
  and the certificate check's data, which a phone downloads whole to search, under a budget of
  1 MB at 20,000 products; the open data; the star badges) with zlib-ng at level 9, for size.
  ISA-L's level 3 made the finder's data 27% larger than level 9, products.json 65%; zlib-ng's
  level 9 is within 1.5% of zlib's, in a third of its time.

The QR codes' SVG files (`qr/`, one or two a product, about 3 KB each) get no copy: a copy is one
more file to write for each (2,400 at 2,000 products, where creating a file can cost a
millisecond), and a server that compresses on the fly (nginx's `gzip on`, Netlify, Cloudflare,
GitHub Pages) sends them about as small.

A file that a rebuild keeps (catalogue/incremental.py) keeps its compressed copy too, bytes and
time. Brotli is not written: Debian's nginx has no module to serve it, and a host that compresses
by itself (Netlify, Cloudflare, GitHub Pages) ignores these files.
"""

from __future__ import annotations

import os
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from isal import igzip
from zlib_ng import gzip_ng

from ..incremental import Kept
from ..urls import QR

_LEVEL = 3  # ISA-L's highest level
FAST = (".html",)  # the kind of file a site has thousands of: compressed for speed, the others for size
SUFFIXES = (".html", ".css", ".js", ".json", ".svg", ".xml", ".csv", ".txt")


def compressed(path: str) -> bool:
    """Whether the site keeps a gzipped copy of its file at `path` (relative to the site, with `/`):
    every text file but the QR codes (see above)."""
    return path.endswith(SUFFIXES) and not path.startswith(QR)


def gzipped(data: bytes, name: str) -> bytes:
    """`data`, the file `name`, gzipped as the site's compressed copies are (fast for the `FAST`
    kinds, else at the highest level): no name and no time in the header, so the same bytes always
    give the same file."""
    if name.endswith(FAST):
        return igzip.compress(data, compresslevel=_LEVEL, mtime=0)
    return gzip_ng.compress(data, compresslevel=9, mtime=0)


def precompress(site: Path) -> int:
    """Write `<file>.gz` beside every text file under `site` that has none yet (the pages filled
    into their shells are compressed as they are written: catalogue/render/shells.py); the number
    compressed."""
    files = []
    for folder, _, names in os.walk(site):
        present = set(names)
        relative = os.path.relpath(folder, site).replace(os.sep, "/")
        prefix = "" if relative == "." else f"{relative}/"
        files += [Path(folder, name) for name in names if compressed(prefix + name) and f"{name}.gz" not in present]

    def one(path: Path) -> int:
        _compress(path, path.with_name(path.name + ".gz"))
        return 1

    # ISA-L and zlib-ng let go of Python's lock while they compress, and a new file waits on the file system:
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
    target.write_bytes(gzipped(source.read_bytes(), source.name))
