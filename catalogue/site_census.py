"""Publishing on top of a previous site without walking it again.

Publishing moves the new site's staged files over the previous site, deletes what the new site no
longer has, and fingerprints every entry left for the next build's "nothing changed" check
(catalogue/stamp.py). That walk of the whole site (20,000 files at 2,000 products) cost a quarter of
a second at the very end of a rebuild. A build instead takes a *census* of the previous site while
one of its media processes is idle (at the start, while this process validates the catalogue), and
publishing works from it: only the entries it moves, creates or deletes, and the folders holding
them, are looked at again.

It does what `site_folder.merge` does, entry for entry; tests/test_site_folder.py publishes the
same sites both ways. A file that someone adds to the site while the build runs is left in place
and out of the fingerprint: the next build finds the site changed, builds, and deletes it then.
"""

from __future__ import annotations

import os
import shutil
from collections import defaultdict
from collections.abc import Collection, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import NamedTuple

from .file_modes import set_mode
from .stamp import SiteDigest

FOLDER, FOLDER_LINK, OTHER = "folder", "folder link", "other"  # a link to a folder is pruned as a folder


class Status(NamedTuple):
    """What the fingerprint takes of `lstat` (catalogue/stamp.py, `SiteDigest.add`): a census holds
    one an entry, and goes from process to process."""

    st_mode: int
    st_size: int
    st_mtime_ns: int
    st_ino: int

    @classmethod
    def of(cls, info: os.stat_result) -> Status:
        return cls(info.st_mode, info.st_size, info.st_mtime_ns, info.st_ino)


@dataclass(frozen=True)
class Known:
    """An entry of the site: its kind, and what `lstat` said of it (None: to be asked again)."""

    kind: str
    info: Status | None


Census = dict[str, Known]  # by path in the site, with `/`


def take_census(site: str) -> Census:
    """Every entry under the folder `site` (a previous site, as the build starts), by path."""
    found: Census = {}
    stack = [(site, "")]
    while stack:
        folder, prefix = stack.pop()
        with os.scandir(folder) as entries:
            for entry in entries:
                path = prefix + entry.name
                real_folder = entry.is_dir(follow_symlinks=False)
                kind = FOLDER if real_folder else FOLDER_LINK if entry.is_symlink() and entry.is_dir() else OTHER
                found[path] = Known(kind, Status.of(entry.stat(follow_symlinks=False)))
                if real_folder:
                    stack.append((entry.path, path + "/"))
    return found


def census_files(census: Census) -> dict[str, Status]:
    """What `lstat` said of each file (not a folder, nor a link to one) of the census, by path."""
    return {path: known.info for path, known in census.items() if known.kind == OTHER and known.info is not None}


class _Site:
    """The target's entries as publishing changes them: the census, brought up to date."""

    def __init__(self, target: Path, census: Census) -> None:
        self.target = target
        self.entries = dict(census)
        self.children: defaultdict[str, set[str]] = defaultdict(set)
        for path in census:
            self.children[_parent(path)].add(path)

    def put(self, path: str, kind: str) -> None:
        """`path` is now an entry of `kind`, to be looked at again; so is its folder."""
        self.entries[path] = Known(kind, None)
        self.children[_parent(path)].add(path)
        self.changed(_parent(path))

    def drop(self, path: str) -> None:
        """`path` is gone, and everything under it; its folder is to be looked at again."""
        self.entries.pop(path, None)
        self.children[_parent(path)].discard(path)
        for child in self.children.pop(path, set()):
            self.drop(child)
        self.changed(_parent(path))

    def changed(self, folder: str) -> None:
        if folder and folder in self.entries:
            self.entries[folder] = Known(self.entries[folder].kind, None)

    def info(self, path: str) -> Status:
        known = self.entries[path]
        return known.info if known.info is not None else Status.of(os.lstat(self.target / path))


def staged(staging: Path) -> Iterator[tuple[str, str, list[str], list[str]]]:
    """Each folder under `staging` (its own first), as its path, its site path as a prefix ('' for
    the root, 'en/p/' below), its folders and its files: what publishing moves into the site."""
    for parent, dirs, files in os.walk(staging):
        relative = os.path.relpath(parent, staging).replace(os.sep, "/")
        yield parent, "" if relative == "." else f"{relative}/", dirs, files


def merge_known(staging: Path, target: Path, kept: Collection[str], census: Census, digest: SiteDigest) -> None:
    """`site_folder.merge` of `staging` into `target`, whose entries before it were `census`."""
    site = _Site(target, census)
    wanted = set(kept)
    folders = {""}
    for parent, prefix, dirs, files in staged(staging):
        for name in dirs:
            path = prefix + name
            folders.add(path)
            _make_folder(site, path)
        for name in files:
            path = prefix + name
            if path in site.entries and site.entries[path].kind == FOLDER:
                shutil.rmtree(target / path)
                site.drop(path)
            os.replace(os.path.join(parent, name), target / path)
            site.put(path, OTHER)
            wanted.add(path)
    _prune(site, "", wanted, folders, digest)


def _make_folder(site: _Site, path: str) -> None:
    """A folder at `path` (0755), in place of a file or link there."""
    known = site.entries.get(path)
    if known is not None and known.kind == FOLDER:
        return
    if known is not None:
        os.unlink(site.target / path)
        site.drop(path)
    (site.target / path).mkdir()
    set_mode(str(site.target / path), 0o755)
    site.put(path, FOLDER)


def _prune(site: _Site, folder: str, wanted: set[str], folders: set[str], digest: SiteDigest) -> int:
    """`site_folder._prune` over the entries known: delete what is not wanted, give the digest
    what is left; the number of entries left in `folder`."""
    left = 0
    for path in sorted(site.children.get(folder, ())):
        kind = site.entries[path].kind
        if kind == OTHER:
            if path not in wanted:
                os.unlink(site.target / path)
                site.drop(path)
            else:
                digest.add(path, site.info(path), folder=False)
                left += 1
            continue
        inside = 0 if kind == FOLDER_LINK else _prune(site, path, wanted, folders, digest)
        if path not in folders and kind == FOLDER_LINK:
            os.unlink(site.target / path)
            site.drop(path)
        elif path not in folders and not inside:
            os.rmdir(site.target / path)
            site.drop(path)
        else:
            digest.add(path, site.info(path), folder=kind == FOLDER)
            left += 1
    return left


def _parent(path: str) -> str:
    return path.rpartition("/")[0]
