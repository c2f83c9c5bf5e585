"""Gzipped copies of the site's text files, written beside them (`page.html.gz`), so that a web
server sends them as they are (nginx's gzip_static) instead of compressing on every request.

Compressed once at level 9 with no name and no time in the header, so the same file always gives
the same bytes. A file that the rebuild left unchanged (catalogue/incremental.py) takes the
previous site's compressed copy, bytes and time, instead of being compressed again. Brotli is not
written: Debian's nginx has no module to serve it, and a host that compresses by itself (Netlify,
Cloudflare, GitHub Pages) ignores these files.
"""

from __future__ import annotations

import gzip
import os
from collections.abc import Collection
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from ..jobs.cache import clone_or_copy

SUFFIXES = (".html", ".css", ".js", ".json", ".svg", ".xml", ".csv", ".txt")


def precompress(site: Path, previous: Path | None = None, unchanged: Collection[str] = ()) -> int:
    """Write `<file>.gz` beside every text file under `site`; the number compressed.

    For a file whose path (relative to `site`, with `/`) is in `unchanged`, the `.gz` beside the
    same file under `previous` is copied with its times, when there is one."""
    files = [path for path in sorted(site.rglob("*")) if path.suffix in SUFFIXES and path.is_file()]

    def one(path: Path) -> int:
        target = path.with_name(path.name + ".gz")
        relative = path.relative_to(site).as_posix()
        if previous is not None and relative in unchanged and _reuse(previous / f"{relative}.gz", target):
            return 0
        target.write_bytes(gzip.compress(path.read_bytes(), compresslevel=9, mtime=0))
        return 1

    # zlib lets go of Python's lock while it compresses, and a new file waits on the file system:
    # threads keep every core busy.
    with ThreadPoolExecutor(max_workers=(os.cpu_count() or 1) + 2) as pool:
        return sum(pool.map(one, files))


def _reuse(old: Path, target: Path) -> bool:
    """Copy the previous site's compressed file `old` to `target` with its times; False when
    there is none."""
    try:
        times = old.lstat()
    except OSError:
        return False
    if not old.is_file() or old.is_symlink():
        return False
    clone_or_copy(old, target)
    os.utime(target, ns=(times.st_atime_ns, times.st_mtime_ns))
    return True
