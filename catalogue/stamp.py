"""The build stamp: a rebuild with nothing changed stops before it starts.

After a successful build, a stamp is kept in the cache folder (one per site folder): a fingerprint
of every input of the build, the media source files it read (each by size, modification time and
inode), the site folder as the build left it (every file by size, time and inode), and the build's
report and figures. The next build into the same folder first computes the fingerprint again; when
it is the same, every media source and every file of the site are as they were, it says so and
stops, leaving the site untouched. Anything else builds as before, so the stamp can only skip a
build whose result would have been the same site.

The fingerprint holds: the bytes of every product and producer file and of the settings file, the
build day (`today`), the options (site address, offline, products to unpublish), the paths of the
folders and the working directory (problems name files relative to it), the bytes of the code
(the `catalogue` package, the theme overrides, mkdocs.yml, the npm lock files) and the Python
version with the name and version of every installed library.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import pickle
import sys
import sysconfig
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from .load import LoadError, load_yaml, yaml_files
from .problems import Report
from .record_cache import store_pickle
from .status import DEFAULT_TIMEZONE, today_in

if TYPE_CHECKING:
    from .catalogue import Catalogue
    from .site_census import Status as _Status

REPO = Path(__file__).resolve().parent.parent
VERSION = 1
"""Raised whenever the stamp's own shape changes."""

_CODE = ("catalogue", "overrides", "mkdocs.yml", "package-lock.json", "node_modules/.package-lock.json", "pyproject.toml")
_SKIPPED_DIRS = {"__pycache__"}

Signature = tuple[int, int, int]
"""A file's size, modification time (ns) and inode."""


@dataclass(frozen=True)
class Inputs:
    """What a build is asked to do, before anything is read."""

    products_dir: Path
    producers_dir: Path
    settings_path: Path
    site_dir: Path
    today: date
    site_url: str | None = None
    offline: bool = False
    unpublish: tuple[str, ...] = ()


@dataclass(frozen=True)
class Stamp:
    """What a successful build leaves for the next one to compare with."""

    version: int
    key: str
    media: dict[str, Signature]
    site: str
    report: Report
    products: int
    pages: int
    languages: list[str]


def input_key(inputs: Inputs, digests: dict[str, bytes] | None = None) -> str:
    """The fingerprint of everything the build reads except the media sources; into `digests`,
    the SHA-256 of each file of the catalogue by path (catalogue/record_cache.py takes them)."""
    digest = hashlib.sha256()
    for part in (
        VERSION,
        code_digest(),
        os.getcwd(),
        *(str(path.resolve()) for path in (inputs.products_dir, inputs.producers_dir, inputs.settings_path, inputs.site_dir)),
        inputs.today.isoformat(),
        inputs.site_url or "",
        inputs.offline,
        sorted(inputs.unpublish),
    ):
        digest.update(repr(part).encode() + b"\0")
    for folder in (inputs.products_dir, inputs.producers_dir):
        for path in yaml_files(folder):
            _add_file(digest, path.name, path, digests)
    _add_file(digest, "settings", inputs.settings_path, digests)
    return digest.hexdigest()


def code_digest() -> str:
    """The fingerprint of the code: the project's files that shape the site, the Python version and
    every installed library (by the names of their metadata folders, which carry the version).
    Read again for every build: the preview builds again when the theme's files change."""
    digest = hashlib.sha256(sys.version.encode())
    for path in _files(REPO, _CODE):
        _add_file(digest, path.relative_to(REPO).as_posix(), path)
    for folder in sorted({sysconfig.get_paths()["purelib"], sysconfig.get_paths()["platlib"]}):
        with contextlib.suppress(OSError):
            names = sorted(name for name in os.listdir(folder) if name.endswith((".dist-info", ".egg-info")))
            digest.update("\n".join(names).encode() + b"\0")
    return digest.hexdigest()


def _files(root: Path, names: Iterable[str]) -> Iterator[Path]:
    """The files named (a folder stands for every file under it), in a stable order."""
    for name in names:
        path = root / name
        if path.is_file():
            yield path
        elif path.is_dir():
            for parent, dirs, files in os.walk(path):
                dirs[:] = sorted(d for d in dirs if d not in _SKIPPED_DIRS)
                for file in sorted(files):
                    yield Path(parent, file)


def _add_file(digest: hashlib._Hash, name: str, path: Path, digests: dict[str, bytes] | None = None) -> None:
    try:
        data = path.read_bytes()
    except OSError:
        data = None
    own = None if data is None else hashlib.sha256(data).digest()
    if own is not None and digests is not None:
        digests[str(path)] = own
    digest.update(name.encode() + b"\0" + (b"-" if own is None else b"+" + own))


def media_sources(catalogue: Catalogue) -> dict[str, Signature]:
    """The signature of every photo file the catalogue's products name (resolved paths)."""
    from .image_files import real_path  # it loads Pillow: the command loads this module before it knows whether to build

    found: dict[str, Signature] = {}
    folders: dict[str, str] = {}  # each folder's real path, worked out once (`real_path`)
    for pid, product in catalogue.products.items():
        folder = catalogue.product_files[pid].parent
        for image in product.images:
            named = os.fspath(folder / image.src)
            try:
                path = real_path(named, folders)
            except (OSError, RuntimeError):  # gone since it was checked: as `os.path.realpath` names it
                path = os.path.realpath(named)
            found[path] = _signature(path)
    return found


def _signature(path: str) -> Signature:
    try:
        info = os.stat(path)
    except OSError:
        return (-1, -1, -1)
    return (info.st_size, info.st_mtime_ns, info.st_ino)


class SiteDigest:
    """The fingerprint of a site folder, given entry by entry in any order (`site_digest`'s own, for
    a walk that lists the folder anyway: publishing on top of a previous site, site_folder.py)."""

    def __init__(self) -> None:
        self.lines: list[str] = []

    def add(self, path: str, info: os.stat_result | _Status, folder: bool) -> None:
        """One entry: its path in the site (with `/`), what `lstat` says of it, whether it is a
        folder (not a link to one)."""
        kind = "d" if folder else "f"
        self.lines.append(f"{path}\0{kind}\0{info.st_mode}\0{info.st_size}\0{info.st_mtime_ns}\0{info.st_ino}\n")

    def hexdigest(self) -> str:
        """The fingerprint of the entries given, whatever their order."""
        digest = hashlib.sha256()
        for line in sorted(self.lines):
            digest.update(line.encode("utf-8", "surrogateescape"))
        return digest.hexdigest()


def site_digest(site_dir: Path) -> str:
    """The fingerprint of the site folder as it is: every file and folder by path, size, time and inode."""
    found = SiteDigest()
    stack = [(str(site_dir.resolve()), "")]
    while stack:
        folder, prefix = stack.pop()
        with os.scandir(folder) as entries:
            for entry in entries:
                inner = entry.is_dir(follow_symlinks=False)
                found.add(prefix + entry.name, entry.stat(follow_symlinks=False), inner)
                if inner:
                    stack.append((entry.path, f"{prefix}{entry.name}/"))
    return found.hexdigest()


def plain_today(settings_path: Path) -> date | None:
    """Today in the time zone the settings file names, read without validating the file; None when
    that is not plain (no file, a YAML error, no such zone): the build then reads the settings and
    reports what is wrong. Only a stamp's settings (whose bytes are in its key) passed validation."""
    try:
        data = load_yaml(settings_path).data
        zone = data.get("timezone", DEFAULT_TIMEZONE) if isinstance(data, dict) else None
        return today_in(zone) if isinstance(zone, str) else None
    except (LoadError, OSError, KeyError, ValueError):  # ZoneInfoNotFoundError is a KeyError
        return None


class StampStore:
    """The stamps of the sites built with one cache folder, one file per site folder."""

    def __init__(self, root: Path) -> None:
        self.root = root

    @classmethod
    def beside(cls, media_cache: Path) -> StampStore:
        """The stamps kept beside the media cache folder `media_cache`."""
        return cls(media_cache.parent / "build-stamps")

    def _file(self, site_dir: Path) -> Path:
        name = hashlib.sha256(str(site_dir.resolve()).encode()).hexdigest()[:32]
        return self.root / f"{name}.pickle"

    def unchanged(self, inputs: Inputs, key: str) -> Stamp | None:
        """The stamp of the last build into `inputs.site_dir` when nothing it read or wrote has changed since."""
        try:
            stamp = pickle.loads(self._file(inputs.site_dir).read_bytes())  # our own file, in our own cache
        except Exception:  # absent, unreadable or from another version: build
            return None
        if not isinstance(stamp, Stamp) or stamp.version != VERSION or stamp.key != key:
            return None
        if any(_signature(path) != signature for path, signature in stamp.media.items()):
            return None
        try:
            same_site = site_digest(inputs.site_dir) == stamp.site
        except OSError:
            return None
        return stamp if same_site else None

    def forget(self, site_dir: Path) -> None:
        """Drop the stamp of `site_dir` (before a build that may change it)."""
        with contextlib.suppress(OSError):
            self._file(site_dir).unlink()

    def keep(self, site_dir: Path, stamp: Stamp) -> None:
        """Store `stamp` for `site_dir`; a stamp that cannot be written only costs the next build its shortcut."""
        store_pickle(self._file(site_dir), stamp)
