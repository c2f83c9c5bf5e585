"""Gzipped copies of the site's text files, written beside them (`page.html.gz`), so that a web
server sends them as they are (nginx's gzip_static) instead of compressing on every request.

Compressed once at level 9 with no name and no time in the header, so the same file always gives
the same bytes. Brotli is not written: Debian's nginx has no module to serve it, and a host that
compresses by itself (Netlify, Cloudflare, GitHub Pages) ignores these files.
"""

from __future__ import annotations

import gzip
from pathlib import Path

SUFFIXES = (".html", ".css", ".js", ".json", ".svg", ".xml", ".csv", ".txt")


def precompress(site: Path) -> int:
    """Write `<file>.gz` beside every text file under `site`; the number written."""
    written = 0
    for path in sorted(site.rglob("*")):
        if path.suffix in SUFFIXES and path.is_file():
            data = gzip.compress(path.read_bytes(), compresslevel=9, mtime=0)
            path.with_name(path.name + ".gz").write_bytes(data)
            written += 1
    return written
