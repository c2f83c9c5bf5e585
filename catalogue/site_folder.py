"""The folder a site is built into: which folders the build may replace, and how it replaces one.

The build replaces the old site: it swaps a whole new folder in its place, or, on top of a
previous site, moves the new and changed files over it and deletes the files the new site does not
have (catalogue/incremental.py). A wrong `--site-dir` would thus lose whatever was there, so the
build only ever replaces an empty folder or a site it made itself (one holding the manifest of
catalogue/published.py), and never the catalogue's own folders, whatever they hold. Either way
nothing touches the old site before the new one is complete.

The new site and MkDocs' work folder are made beside the target, on the same file system, so the
final renames work on a USB stick or a mounted web root as well (a rename cannot cross file
systems). The result is world-readable whatever the umask, for the web server that serves it.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Collection
from dataclasses import dataclass
from pathlib import Path

from .file_modes import make_world_readable, set_mode
from .messages import Message, msg
from .published import published_ids
from .site_census import Census, merge_known, staged
from .stamp import SiteDigest

REPO = Path(__file__).resolve().parent.parent


class SiteDirError(Exception):
    """A site folder the build may not replace; `message` is one line, worded when shown."""

    def __init__(self, message: Message) -> None:
        super().__init__(message.text("en"))
        self.message = message


def check_site_dir(site_dir: Path, products_dir: Path, producers_dir: Path, settings_path: Path | None = None) -> None:
    """Raise SiteDirError unless building into `site_dir` is safe: it is missing, empty or a site
    made by this build, and it is none of the catalogue's folders, nor holds or lies inside one."""
    target = site_dir.resolve()
    given = str(site_dir)
    relation = _catalogue_relation(target, products_dir, producers_dir, settings_path)
    if relation:
        raise SiteDirError(msg("site-dir.catalogue", folder=given, relation=relation))
    if not target.exists():
        return
    if not target.is_dir():
        raise SiteDirError(msg("site-dir.file", folder=given))
    if os.path.ismount(target):
        raise SiteDirError(msg("site-dir.mount", folder=given))
    if any(target.iterdir()) and published_ids(target) is None:
        raise SiteDirError(msg("site-dir.not-ours", folder=given))


def _catalogue_relation(target: Path, products_dir: Path, producers_dir: Path, settings_path: Path | None) -> Message | None:
    """How `target` meets the catalogue's own files, in words, or None when it does not."""
    products, producers = products_dir.resolve(), producers_dir.resolve()
    root = products.parent
    settings = (settings_path or root / "catalogue.yaml").resolve()
    named = {
        products: msg("site-dir.products"),
        producers: msg("site-dir.producers"),
        settings: msg("site-dir.settings"),
        root: msg("site-dir.root"),
        REPO: msg("site-dir.project"),
    }
    for path, name in named.items():
        if target == path:
            return msg("site-dir.is", name=name)
    for path in (products, producers):
        if target.is_relative_to(path):
            return msg("site-dir.inside", name=named[path])
    for path in (root, REPO, products, producers, settings):
        if path.is_relative_to(target):
            return msg("site-dir.holds", name=named[path])
    return None


@dataclass
class Workspace:
    """The temporary folders of one build, beside the target: `staging` becomes the new site (or
    holds what changes in `previous`, the target's previous site), `work` holds MkDocs' input and
    output."""

    target: Path
    staging: Path
    work: Path
    previous: Path | None = None

    @classmethod
    def beside(cls, site_dir: Path, on_previous: bool = False) -> Workspace:
        """Make the two folders next to `site_dir` (resolved, so a symbolic link's target is
        replaced). With `on_previous`, a site already in `site_dir` is the `previous` one."""
        target = site_dir.resolve()
        target.parent.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(prefix=f".{target.name}.new-", dir=target.parent))
        try:
            work = Path(tempfile.mkdtemp(prefix=f".{target.name}.work-", dir=target.parent))
        except OSError:
            shutil.rmtree(staging, ignore_errors=True)
            raise
        previous = target if on_previous and target.is_dir() and any(target.iterdir()) else None
        return cls(target, staging, work, previous)

    def shown(self, path: str | os.PathLike[str]) -> str:
        """A path for a message: a file of the new site as it will be named in the site folder,
        relative to the working directory when under it."""
        absolute = Path(os.path.abspath(path))
        if absolute.is_relative_to(self.staging):
            absolute = self.target / absolute.relative_to(self.staging)
        try:
            return absolute.relative_to(Path.cwd().resolve()).as_posix() or "."
        except ValueError:
            return absolute.as_posix()

    def publish(self, kept: Collection[str] = (), census: Census | None = None) -> str | None:
        """Make the new site readable by everyone and put it in place of the old one: by a swap,
        or on top of a `previous` site, by moving the staged files over it and deleting every file
        of the previous site that is neither staged nor `kept` (paths in the site, with `/`). On
        top of a previous site, the new one's fingerprint (catalogue/stamp.py, `site_digest`),
        taken on the way: that walk lists every folder of the site anyway; or, given a `census`
        of the previous site taken while the build ran, without walking it again
        (catalogue/site_census.py)."""
        make_world_readable(self.staging)
        if self.previous is None:
            swap(self.staging, self.target)
            return None
        digest = SiteDigest()
        if census is None:
            merge(self.staging, self.previous, kept, digest)
        else:
            merge_known(self.staging, self.previous, kept, census, digest)
        return digest.hexdigest()

    def remove(self) -> None:
        """Delete the temporary folders (after success or failure alike)."""
        shutil.rmtree(self.staging, ignore_errors=True)
        shutil.rmtree(self.work, ignore_errors=True)


def merge(staging: Path, target: Path, kept: Collection[str], digest: SiteDigest | None = None) -> None:
    """Move every file under `staging` to the same place under `target`, then delete every file
    under `target` that is neither one of them nor in `kept`, and the folders left empty; every
    entry left is given to `digest`.

    A file takes the place of the old one with one rename, so a reader sees either. Until the last
    rename, the site holds some new files beside old ones; a build that fails before never starts."""
    wanted = set(kept)
    folders = {""}
    for parent, prefix, dirs, files in staged(staging):
        for name in dirs:
            folders.add(prefix + name)
            _make_folder(target / (prefix + name))
        for name in files:
            destination = target / (prefix + name)
            if destination.is_dir() and not destination.is_symlink():
                shutil.rmtree(destination)
            os.replace(os.path.join(parent, name), destination)
            wanted.add(prefix + name)
    _prune(str(target), "", wanted, folders, digest or SiteDigest())


def _prune(folder: str, prefix: str, wanted: set[str], folders: set[str], digest: SiteDigest) -> int:
    """Delete every file under `folder` (its site path starting with `prefix`) that is not
    `wanted`, and the folders that are not among `folders` and are left empty (a link to a folder
    that is not among them: the link); give `digest` every entry left, a folder once what is in
    it is done. The number of entries left in `folder`. One listing a folder, with no path worked
    out twice: the whole previous site is walked after each rebuild."""
    with os.scandir(folder) as listing:
        entries = list(listing)
    left = 0
    for entry in entries:
        name = prefix + entry.name
        if not entry.is_dir():
            if name not in wanted:
                os.unlink(entry.path)
            else:
                digest.add(name, entry.stat(follow_symlinks=False), folder=False)
                left += 1
            continue
        link = entry.is_symlink()
        inside = 0 if link else _prune(entry.path, name + "/", wanted, folders, digest)
        if name not in folders and link:
            os.unlink(entry.path)
        elif name not in folders and not inside:
            os.rmdir(entry.path)
        else:
            digest.add(name, os.lstat(entry.path), folder=not link)
            left += 1
    return left


def _make_folder(path: Path) -> None:
    """A folder at `path` (0755), in place of a file there."""
    if path.is_dir() and not path.is_symlink():
        return
    if path.exists() or path.is_symlink():
        path.unlink()
    path.mkdir()
    set_mode(str(path), 0o755)


def swap(staging: Path, target: Path) -> None:
    """Put `staging` in place of `target` with two renames; on failure the old site goes back."""
    old = None
    if target.exists():
        old = target.with_name(f".{target.name}.old-{os.getpid()}")
        os.replace(target, old)
    try:
        os.replace(staging, target)
    except OSError:
        if old:
            os.replace(old, target)
        raise
    if old:
        shutil.rmtree(old, ignore_errors=True)
