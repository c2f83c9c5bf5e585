"""A content-addressed cache of job outputs (media and print files) under `.cache/media/`.

Each job's outputs are stored under the hash of everything that went into them (source bytes,
settings, code version), the way Material's social plugin keeps its cards: unchanged inputs find
their outputs and do no image or QR work.
"""

from __future__ import annotations

import contextlib
import dataclasses
import errno
import functools
import hashlib
import importlib.metadata
import json
import os
import pickle
import shutil
import sys
import tempfile
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from ..record_cache import store_pickle
from .job import Files, Meta

if TYPE_CHECKING:
    from ..incremental import Kept

try:
    import fcntl
except ImportError:  # Windows
    fcntl = None  # type: ignore[assignment]

# The Linux ioctl that makes a reflink; Python names it from 3.12 on.
_FICLONE = getattr(fcntl, "FICLONE", 0x40049409) if fcntl is not None and sys.platform == "linux" else None

DEFAULT_CACHE = Path(".cache") / "media"
# Files a build writes at once (cached media put in place, filled pages): thousands of small files,
# each a few system calls that leave Python's lock free.
FILE_THREADS = 8
# The libraries whose versions decide the bytes of the media (image encoders, the QR encoder, the
# PDF writer and the font it embeds): a new version of one of them makes every job again.
BYTE_MAKERS = ("pillow", "qrcode", "fpdf2", "fontpkg-be-vietnam-pro")


def digest(*parts: object) -> str:
    """A stable hex digest of JSON-able parts."""
    return hashlib.sha256(as_json(parts).encode()).hexdigest()


def as_json(value: object) -> str:
    """`value` as the keys write it (JSON with sorted keys): the text `digest` hashes for it."""
    return json.dumps(value, sort_keys=True, ensure_ascii=False, default=str)


def json_list(texts: Iterable[str]) -> str:
    """The JSON text of a list whose items are written already (`as_json`), as `as_json` writes it."""
    return "[" + ", ".join(texts) + "]"


@functools.cache
def library_versions() -> dict[str, str]:
    """The installed version of each library in BYTE_MAKERS ("missing" for one that is not installed)."""
    versions = {}
    for name in BYTE_MAKERS:
        try:
            versions[name] = importlib.metadata.version(name)
        except importlib.metadata.PackageNotFoundError:
            versions[name] = "missing"
    return versions


def job_key(*parts: object) -> str:
    """The cache key of a media job: its inputs and the versions of the libraries that make its bytes,
    so that two machines with different Pillow or fpdf2 never share an output made by the other."""
    return digest(*parts, library_versions())


def job_key_of(*texts: str) -> str:
    """`job_key` of parts written already (`as_json`): a part made of many items, such as the
    entries of a printed catalogue's part, can be written from the items' texts kept by an earlier
    build (catalogue/jobs/plan_memo.py). The same key as `job_key` of the parts themselves."""
    return hashlib.sha256(json_list([*texts, as_json(library_versions())]).encode()).hexdigest()


def plain(value: object) -> object:
    """`value` as JSON sees it, for a job's key: `dataclasses.asdict` without its deep copies
    (a dataclass as a dict of its fields, lists and tuples as lists, a dict's values made plain,
    anything else as it is). Planning a catalogue of 2,000 products asks this of 6,700 values."""
    if isinstance(value, (list, tuple)):
        return [plain(item) for item in value]
    if isinstance(value, dict):
        return {key: plain(item) for key, item in value.items()}
    names = _field_names(type(value))
    if names is not None:
        return {name: plain(getattr(value, name)) for name in names}
    return value


@functools.cache
def _field_names(kind: type) -> tuple[str, ...] | None:
    return tuple(field.name for field in dataclasses.fields(kind)) if dataclasses.is_dataclass(kind) else None


def file_digest(path: Path) -> str:
    """The SHA-256 of a file's bytes."""
    with path.open("rb") as handle:
        return hashlib.file_digest(handle, "sha256").hexdigest()


@dataclass(frozen=True)
class Entry:
    """The outputs of one job, kept in the cache."""

    folder: Path
    files: tuple[str, ...]
    meta: Meta


@dataclass
class _Index:
    """What one build found: each entry's files and meta by key, each photo's digest by signature."""

    # With the size and modification time of each file (as `statuses` found them), once a build put them in a site.
    entries: dict[str, tuple[tuple[str, ...], Meta] | tuple[tuple[str, ...], Meta, tuple[FileStatus, ...]]] = dataclasses.field(
        default_factory=dict
    )
    digests: dict[tuple[object, ...], str] = dataclasses.field(default_factory=dict)


class MediaCache:
    """Job outputs by key, in a folder per key.

    What a build found is remembered beside the cache (`remember`): the next build reads each
    entry's record from there, not from its folder (a rebuild looks up every job; at 20,000
    products, 55,000 records), once its folder's record is seen to be still there; and the
    digest of each photo by its file's signature (`digest`), so that an unchanged photo is not
    read again (a phone's photo is a few megabytes)."""

    def __init__(self, root: Path = DEFAULT_CACHE) -> None:
        self.root = root
        self._known: _Index | None = None
        self._used = _Index()
        self._present: set[str] | None = None

    def _folder(self, key: str) -> str:
        """The folder of `key`'s outputs (a string, not a path: a rebuild looks up thousands)."""
        return os.path.join(self.root, key[:2], key)

    def get(self, key: str) -> Entry | None:
        """The cached outputs of `key`, if complete."""
        folder = self._folder(key)
        record = os.path.join(folder, "meta.json")
        known = self._used.entries.get(key)  # found or made by this build
        if known is not None:
            return Entry(Path(folder), known[0], known[1])
        known = self._index().entries.get(key)
        if known is None or key not in self._folders():
            try:
                with open(record, encoding="utf-8") as meta:
                    found = json.load(meta)
            except (OSError, ValueError):
                return None
            known = (tuple(found["files"]), found["meta"])
        self._used.entries[key] = known
        return Entry(Path(folder), known[0], known[1])

    def statuses(self, entry: Entry) -> tuple[FileStatus, ...]:
        """The size and modification time of each of `entry`'s files, in its order: asked of the
        files once, and remembered with the entry (a cached file is never written again: `put`
        makes a new folder). A rebuild puts every job's files in the site, 14,000 at 2,000 products."""
        key = entry.folder.name
        known = self._used.entries.get(key)
        if known is not None and len(known) == 3 and known[0] == entry.files:
            return known[2]  # type: ignore[return-value]
        folder = os.fspath(entry.folder)
        found = tuple(FileStatus.of(os.stat(os.path.join(folder, name))) for name in entry.files)
        self._used.entries[key] = (entry.files, entry.meta, found)
        return found

    def _folders(self) -> set[str]:
        """The keys whose folders the cache holds, listed once (each appears whole: `put`): a
        rebuild looks up every job of the catalogue, 5,500 at 2,000 products."""
        if self._present is None:
            present: set[str] = set()
            with contextlib.suppress(OSError), os.scandir(self.root) as shelves:
                for shelf in shelves:
                    if len(shelf.name) == 2 and shelf.is_dir():
                        with os.scandir(shelf.path) as entries:
                            present.update(entry.name for entry in entries if not entry.name.startswith("."))
            self._present = present
        return self._present

    def digest(self, path: Path) -> str:
        """The SHA-256 of a source file's bytes (`file_digest`), read again only when the file's
        path, size, times, inode or device differ from when it was last read."""
        info = os.stat(path)
        signature = (os.fspath(path), info.st_size, info.st_mtime_ns, info.st_ctime_ns, info.st_ino, info.st_dev)
        found = self._index().digests.get(signature) or file_digest(path)
        self._used.digests[signature] = found
        return found

    def remember(self) -> None:
        """Keep the records of the entries and the photos' digests this build found or made, for the next build."""
        if self._used != self._index():
            store_pickle(self._index_path(), self._used)

    def _index(self) -> _Index:
        if self._known is None:
            try:
                known = pickle.loads(self._index_path().read_bytes())  # our own file, beside our own cache
            except Exception:  # absent, unreadable or from another version: read the entries' own records
                known = None
            self._known = known if isinstance(known, _Index) else _Index()
        return self._known

    def _index_path(self) -> Path:
        return self.root.with_name(self.root.name + "-index.pickle")

    def put(self, key: str, files: Files, meta: Meta) -> Entry:
        """Store a job's outputs; the folder appears whole or not at all."""
        folder = Path(self._folder(key))
        folder.parent.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(dir=folder.parent, prefix=".tmp-"))
        try:
            for name, data in files.items():
                target = staging / name
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_bytes(data)
            (staging / "meta.json").write_text(json.dumps({"files": sorted(files), "meta": meta}, ensure_ascii=False), encoding="utf-8")
            if folder.exists():
                shutil.rmtree(folder)
            os.replace(staging, folder)
        except BaseException:
            shutil.rmtree(staging, ignore_errors=True)
            raise
        self._used.entries[key] = (tuple(sorted(files)), meta)
        if self._present is not None:
            self._present.add(key)
        return Entry(folder, tuple(sorted(files)), meta)


def sync_file(source: Path, target: Path) -> bool:
    """Copy `source` to `target` unless it is already there unchanged; True when it wrote.

    The copy is a reflink where the file system can make one (no data copied, yet a file of its
    own), never a hard link: editing a built site must not edit the cache.
    """
    stat = source.stat()
    try:
        current = target.stat()
        if current.st_size == stat.st_size and current.st_mtime_ns == stat.st_mtime_ns:
            return False
    except FileNotFoundError:
        target.parent.mkdir(parents=True, exist_ok=True)
    staging = target.with_name(f".{target.name}.tmp")
    try:
        copy_new(source, staging)
        os.replace(staging, target)
    except BaseException:
        staging.unlink(missing_ok=True)
        raise
    return True


def clone_or_copy(source: Path, target: Path) -> os.stat_result:
    """Write a copy of `source` at `target`: a reflink (FICLONE: copy on write, shared blocks) on
    file systems that have them (Btrfs, XFS), else a copy made by the kernel (copy_file_range) where
    it can, else by Python; the source's status. Each file is opened once; a pair of file systems
    that cannot clone is not asked again."""
    with source.open("rb") as src, target.open("wb") as dst:
        status = os.fstat(src.fileno())
        if _FICLONE is not None:
            pair = (status.st_dev, os.fstat(dst.fileno()).st_dev)
            if pair not in _CANNOT_CLONE:
                try:
                    fcntl.ioctl(dst.fileno(), _FICLONE, src.fileno())
                    return status
                except OSError:  # not supported here (ext4, tmpfs, across file systems): copy instead
                    _CANNOT_CLONE.add(pair)
        if _COPY_RANGE is not None and status.st_size and _kernel_copy(src.fileno(), dst.fileno(), status.st_size):
            return status
        src.seek(0)
        dst.seek(0)
        dst.truncate()
        shutil.copyfileobj(src, dst, _COPY_CHUNK)
    return status


def _kernel_copy(source: int, target: int, size: int) -> bool:
    """Copy `size` bytes between two open files in the kernel; False when it cannot (then nothing
    or a part was written, and the caller copies the whole file again)."""
    left = size
    try:
        while left > 0:
            done = os.copy_file_range(source, target, left)
            if done == 0:
                return False
            left -= done
    except OSError as error:
        if error.errno in (errno.EXDEV, errno.ENOSYS, errno.EINVAL, errno.EOPNOTSUPP, errno.EPERM):
            return False
        raise
    return True


_CANNOT_CLONE: set[tuple[int, int]] = set()  # (source, target) devices where a reflink failed
_COPY_CHUNK = 1 << 20
_COPY_RANGE = getattr(os, "copy_file_range", None)  # Linux


def copy_new(source: Path, target: Path) -> bool:
    """Copy `source` to `target`, a new file in a folder of this build's own, with the cached
    file's time (by which the next run sees it unchanged; not its mode, which follows the umask,
    and the site sets its own); True."""
    status = clone_or_copy(source, target)
    os.utime(target, ns=(status.st_atime_ns, status.st_mtime_ns))
    return True


class FileStatus(NamedTuple):
    """A file's size and modification time (ns), named as `os.stat` names them: what says that a
    copy of it is the same file (catalogue/incremental.py, `Kept.has_copy`)."""

    st_size: int
    st_mtime_ns: int

    @classmethod
    def of(cls, info: os.stat_result) -> FileStatus:
        """The status of a file from what `stat` said of it."""
        return cls(info.st_size, info.st_mtime_ns)


def sync_entries(
    entries: Iterable[Entry],
    out_dir: Path,
    kept: Kept | None = None,
    fresh: bool = False,
    statuses: Callable[[Entry], Sequence[FileStatus]] | None = None,
) -> int:
    """Put the outputs of every cached job into `out_dir`, but for those the previous site already
    holds (`kept`, catalogue/incremental.py); the number of files written. With `fresh`, `out_dir`
    is a new folder of the build's own (its staging folder), which nobody reads while it is
    written: each copy is written in place, without a temporary file to keep it whole.

    What the previous site holds is sorted out first, in this thread, from each cached file's
    status (`statuses`: `MediaCache.statuses` remembers them; else each file is asked) and the
    previous site's (`kept`); the copies are then made several at once (a copy waits on the file
    system, not on Python)."""
    copies = []
    for entry in entries:
        if kept is None:
            copies += [(entry.folder / name, out_dir / name) for name in entry.files]
            continue
        folder = os.fspath(entry.folder)
        found = statuses(entry) if statuses else [FileStatus.of(os.stat(os.path.join(folder, name))) for name in entry.files]
        for name, status in zip(entry.files, found, strict=True):
            if not kept.has_copy(name, status):
                copies.append((entry.folder / name, out_dir / name))
    copy = sync_file
    if fresh:
        copy = copy_new
        for folder in sorted({target.parent for _, target in copies}):
            folder.mkdir(parents=True, exist_ok=True)
    with ThreadPoolExecutor(max_workers=FILE_THREADS) as pool:
        return sum(pool.map(lambda pair: copy(*pair), copies))


def write_if_changed(target: Path, data: bytes) -> bool:
    """Write `data` to `target` unless it already holds exactly that; True when it wrote."""
    if target.exists() and target.stat().st_size == len(data) and target.read_bytes() == data:
        return False
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(data)
    return True
