"""What a rebuild keeps: the files of the new site that equal the previous site's.

A new site is still made whole in a folder of its own and swapped in (catalogue/site_folder.py),
so a failed build leaves the previous one as it was. Before the swap, every new file whose bytes
equal the file at the same place in the previous site takes over that file's modification time:
a sync to a host (rsync, a CDN upload tool) compares size and time, and then sends only what a
change really touched. Files copied from the media cache carry the cached file's time, so when
both sites hold the same cached file (same size, same time) its bytes are not read again.
"""

from __future__ import annotations

import os
from pathlib import Path

_CHUNK = 1 << 16


def keep_unchanged(new: Path, previous: Path) -> set[str]:
    """Give every file under `new` that equals the file at the same place under `previous` the
    previous file's access and modification times; their paths relative to `new` (with `/`)."""
    if not previous.is_dir():
        return set()
    kept: set[str] = set()
    for parent, _, files in os.walk(new):
        relative = os.path.relpath(parent, new)
        for name in files:
            path = name if relative == "." else f"{relative}/{name}".replace(os.sep, "/")
            if _take_times(os.path.join(parent, name), os.path.join(previous, path)):
                kept.add(path)
    return kept


def _take_times(new: str, old: str) -> bool:
    """True, having set `new`'s times to `old`'s, when both are regular files with equal bytes."""
    try:
        before = os.lstat(old)
    except OSError:
        return False
    now = os.lstat(new)
    if not os.path.isfile(old) or os.path.islink(old) or before.st_size != now.st_size:
        return False
    if before.st_mtime_ns != now.st_mtime_ns and not same_bytes(new, old):
        return False
    os.utime(new, ns=(before.st_atime_ns, before.st_mtime_ns), follow_symlinks=False)
    return True


def same_bytes(first: str | Path, second: str | Path) -> bool:
    """True when the two files (of equal size) hold the same bytes."""
    with open(first, "rb") as one, open(second, "rb") as other:
        while True:
            chunk = one.read(_CHUNK)
            if chunk != other.read(_CHUNK):
                return False
            if not chunk:
                return True
