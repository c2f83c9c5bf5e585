"""What a rebuild keeps: the files of the new site that equal the previous site's.

A new site is made in a folder of its own (catalogue/site_folder.py), so a failed build leaves the
previous one as it was. On top of a previous site, a rebuild stages only what is new or changed
(`Kept`) and publishing leaves every other file untouched. A build that makes the whole site anew
(the offline copy) gives each new file whose bytes equal the previous site's file at the same place
that file's modification time before the swap (`keep_unchanged`). Either way a sync to a host
(rsync, a CDN upload tool), which compares size and time, sends only what a change really touched.
Files copied from the media cache carry the cached file's time, so when both sites hold the same
cached file (same size, same time) its bytes are not read again.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

_CHUNK = 1 << 16


class Status(Protocol):
    """What a census of the site keeps of a file's `lstat` (catalogue/site_census.py)."""

    @property
    def st_size(self) -> int: ...
    @property
    def st_mtime_ns(self) -> int: ...
    @property
    def st_ino(self) -> int: ...


def keep_unchanged(new: Path, previous: Path) -> set[str]:
    """Give every file under `new` that equals the file at the same place under `previous` the
    previous file's access and modification times; their paths relative to `new` (with `/`)."""
    if not previous.is_dir():
        return set()
    return {path for path, file in _files(new) if _take_times(file, os.path.join(previous, path))}


def _files(folder: Path) -> Iterator[tuple[str, str]]:
    """Every file under `folder`: its path relative to `folder` (with `/`) and its full path."""
    for parent, _, files in os.walk(folder):
        relative = os.path.relpath(parent, folder)
        for name in files:
            yield (name if relative == "." else f"{relative}/{name}".replace(os.sep, "/")), os.path.join(parent, name)


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


@dataclass(frozen=True)
class Kept:
    """The files of the previous site (`previous`) that a rebuild keeps as they are, by their
    paths in the site (`paths`, with `/`, shared by every view).

    A rebuild on top of a previous site stages only the files that are new or changed: a writer
    asks first whether the previous site already holds the file it would write, and when it does
    the file is named here and not written at all. Publishing then moves the staged files over the
    previous site's and deletes what the new site no longer has (catalogue/site_folder.py), so a
    kept file keeps its bytes, its time and its inode, and nothing is written for it. A view made
    with `within` sees one folder of the site (a language's pages) under its own paths."""

    previous: Path
    paths: set[str] = field(default_factory=set)
    prefix: str = ""
    # What `lstat` said of each file of the previous site as the build began, by path, when it is
    # known (catalogue/site_census.py): asked instead of the file (an empty census is not known).
    census: dict[str, Status] = field(default_factory=dict, compare=False, repr=False)

    def within(self, folder: str) -> Kept:
        """This record seen from `folder` of the site ('' for the root, 'en/' for English)."""
        return Kept(self.previous, self.paths, self.prefix + folder, self.census)

    def fresh(self) -> Kept:
        """The same view with an empty record of its own (for work done elsewhere, whose paths kept
        are added to this one's afterwards), and without the census (it is not handed over)."""
        return Kept(self.previous, set(), self.prefix)

    def status(self, path: str) -> Status | None:
        """What `lstat` said of the previous site's file at `path` (this view's) as the build began,
        when the census is known; else None."""
        return self.census.get(self.prefix + path)

    def has_copy(self, path: str, source: os.stat_result) -> bool:
        """True, naming `path` kept, when the previous site holds a copy of a file with `source`'s
        size and time (a file copied from the media cache carries the cached file's time)."""
        old: Status | os.stat_result | None
        if self.census:
            old = self.status(path)
        else:
            try:
                old = os.stat(os.path.join(self.previous, self.prefix + path))
            except OSError:
                old = None
        if old is None or old.st_size != source.st_size or old.st_mtime_ns != source.st_mtime_ns:
            return False
        self.paths.add(self.prefix + path)
        return True

    def has_file(self, path: str, signature: tuple[int, int, int]) -> bool:
        """True, naming `path` kept, when the previous site's file there is the one a build wrote
        and recorded by its size, time and inode (`signature`): neither replaced nor rewritten since."""
        if self.signature(path) != signature:
            return False
        self.paths.add(self.prefix + path)
        return True

    def signature(self, path: str) -> tuple[int, int, int] | None:
        """The size, time and inode of the previous site's file at `path` (None when it has none)."""
        try:
            old = os.stat(os.path.join(self.previous, self.prefix + path))
        except OSError:
            return None
        return (old.st_size, old.st_mtime_ns, old.st_ino)

    def has_same(self, path: str, source: str) -> bool:
        """True, naming `path` kept, when the previous site holds there a file with the bytes of
        the file at `source`."""
        old = os.path.join(self.previous, self.prefix + path)
        try:
            if not os.path.isfile(old) or os.path.getsize(old) != os.path.getsize(source) or not same_bytes(old, source):
                return False
        except OSError:
            return False
        self.paths.add(self.prefix + path)
        return True

    def has_bytes(self, path: str, data: bytes) -> bool:
        """True, naming `path` kept, when the previous site holds exactly `data` there."""
        old = os.path.join(self.previous, self.prefix + path)  # strings: called for every page of a rebuild
        try:
            if os.stat(old).st_size != len(data):
                return False
            with open(old, "rb") as file:
                if file.read() != data:
                    return False
        except OSError:
            return False
        self.paths.add(self.prefix + path)
        return True


def drop_unchanged(staging: Path, kept: Kept) -> None:
    """Delete every file staged under `staging` that the previous site already holds with the same
    bytes, naming it kept instead."""
    for path, staged in list(_files(staging)):
        old = os.path.join(kept.previous, path)
        try:
            same = os.path.isfile(old) and os.path.getsize(old) == os.path.getsize(staged) and same_bytes(staged, old)
        except OSError:
            same = False
        if same:
            os.unlink(staged)
            kept.paths.add(path)
