"""Records read before: a file whose bytes were read and checked against its model by an earlier
build is not parsed and checked again.

Each entry is keyed by the file's bytes, its path, the model, the working directory (problems name
files relative to it) and the fingerprint of the code (catalogue/stamp.py), and holds what reading
the file gave: the record with its document, or nothing, and the problems found in it. The checks
across files (producers known, certificates unique, photos present, dates against today) still run
on every build. The entries a build did not use are dropped when it stores the cache.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import pickle
import tempfile
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from .problems import Problem

VERSION = 3  # 2: a record's document pickled apart (catalogue/validate.py); 3: keyed by the file's digest
_FILE = "records.pickle"
_PHOTOS = "photos.pickle"
_TODOS = "todo-lines.pickle"


class RecordCache:
    """The records of one catalogue's files by key, loaded from and stored into `folder`."""

    def __init__(self, folder: Path, code: str, digests: Mapping[str, bytes] | None = None) -> None:
        self.folder = folder
        # The SHA-256 of each file's bytes by path, when a moment ago the build read them for the
        # key of its inputs (catalogue/stamp.py, `input_key`): those files are not read again.
        self.digests = digests or {}
        self._salt = f"{VERSION}\0{code}\0{os.getcwd()}\0".encode()
        try:
            stored = pickle.loads((folder / _FILE).read_bytes())  # our own file, in our own cache
        except Exception:  # absent, unreadable or from another version: start afresh
            stored = {}
        self._old: dict[str, bytes] = stored if isinstance(stored, dict) else {}
        self._new: dict[str, bytes] = {}
        try:
            photos = pickle.loads((folder / _PHOTOS).read_bytes())
        except Exception:
            photos = set()
        self._old_photos: set[tuple[object, ...]] = photos if isinstance(photos, set) else set()
        todos = load_pickle(folder / _TODOS)
        known = todos[1] if isinstance(todos, tuple) and len(todos) == 2 and todos[0] == self._salt else None
        self._old_todos: dict[bytes, list[tuple[int, str]]] = known if isinstance(known, dict) else {}
        self._new_todos: dict[bytes, list[tuple[int, str]]] = {}
        self.photos: set[tuple[object, ...]] = set(self._old_photos)
        """The photos that decoded as the build will decode them, by path, size, times and inode
        (catalogue/image_files.py `resolve_image`); a changed or replaced file has another signature."""

    def key(self, path: Path, model: type, file_digest: bytes) -> str:
        """The key of reading the file at `path` whose bytes have the SHA-256 `file_digest` as `model`."""
        digest = hashlib.sha256(self._salt)
        digest.update(f"{model.__module__}.{model.__qualname__}\0{path}\0".encode())
        digest.update(file_digest)
        return digest.hexdigest()

    def get(self, key: str) -> tuple[Any, list[Problem]] | None:
        """What reading the file gave before: the record (or None) and its problems."""
        data = self._new.get(key) or self._old.get(key)
        if data is None:
            return None
        self._new[key] = data
        return pickle.loads(data)  # type: ignore[no-any-return]

    def todo_lines(self, file_digest: bytes) -> list[tuple[int, str]] | None:
        """The lines marked TODO (catalogue/todos.py) of a file whose bytes have the SHA-256
        `file_digest`, when a file with those bytes was looked through before."""
        lines = self._new_todos.get(file_digest)
        if lines is None:
            lines = self._old_todos.get(file_digest)
            if lines is not None:
                self._new_todos[file_digest] = lines
        return lines

    def keep_todo_lines(self, file_digest: bytes, lines: list[tuple[int, str]]) -> None:
        """Remember the lines marked TODO of the file whose bytes have the SHA-256 `file_digest`."""
        self._new_todos[file_digest] = lines

    def put(self, key: str, loaded: Any, problems: list[Problem]) -> None:
        """Remember what reading the file gave (as bytes at once: later changes to the record are not kept)."""
        self._new[key] = pickle.dumps((loaded, problems), protocol=pickle.HIGHEST_PROTOCOL)

    def store(self) -> None:
        """Write the entries used by this run; a cache that cannot be written only costs the next build time."""
        if self._new.keys() != self._old.keys():
            self._write(_FILE, self._new)
        if self.photos != self._old_photos:
            self._write(_PHOTOS, self.photos)
        if self._new_todos != self._old_todos:
            self._write(_TODOS, (self._salt, self._new_todos))

    def _write(self, name: str, value: object) -> None:
        store_pickle(self.folder / name, value)


def store_pickle(path: Path, value: object) -> None:
    """Write `value` pickled to `path` whole or not at all (a temporary file moved into place). Only a
    cache is kept this way: a file that cannot be written only costs the next build its shortcut."""
    with contextlib.suppress(OSError):
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".tmp-")
        try:
            with os.fdopen(handle, "wb") as out:
                pickle.dump(value, out, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(temporary, path)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise


def load_pickle(path: Path) -> object | None:
    """What `store_pickle` wrote to `path`, or None when there is none or it cannot be read (a
    cache's file, damaged or from another version, only costs the build its shortcut)."""
    try:
        with path.open("rb") as handle:
            return pickle.load(handle)  # our own file, in our own cache
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError, ValueError, TypeError):
        return None


def touch(path: Path) -> None:
    """Mark a cache's file as used now (its time), for a cleaning that deletes the files unused for long."""
    with contextlib.suppress(OSError):
        os.utime(path)
