"""MkDocs' output kept from earlier builds, so that a rebuild runs MkDocs only when what it reads
has changed.

What MkDocs reads for one language is its docs folder (the front matter of every page it renders,
the stand-ins of the placed bodies, the shells, the hand-written pages, Leaflet), the bodies it
puts in place, its configuration and the code (the theme, its overrides, the hooks, every
installed library: catalogue/stamp.py). After shells.py, none of these changes when a product is
edited but for its name in the navigation or its count in a search text: the pages' bodies are
put in place after MkDocs. So its output, before the bodies are put in place, is kept under the
fingerprint of all it read (`.cache/pages/rendered-<lang>-<key>/`), and a build whose fingerprint
is one kept copies that output instead of running MkDocs (but for the files the previous site
holds with the same bytes, which are kept there). A kept output is named by its key and
never changed in place, so a build running beside another one copies the output it asked for or
fails to copy (and renders). tests/test_page_cache.py asserts that the sites built so are the
bytes of a site built from nothing.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import shutil
import tempfile
from collections.abc import Collection, Iterable
from dataclasses import dataclass
from pathlib import Path

from ..incremental import Kept

VERSION = 2
_DONE = "complete"  # in a kept output's folder: its files' number and bytes, written last
_SITE = "site"


@dataclass(frozen=True)
class Renders:
    """Where MkDocs' output is kept (`folder`), for the code whose fingerprint is `code`."""

    folder: Path
    code: str

    def key(self, files: Iterable[tuple[str, str | Path]], config: str, work: Path) -> str:
        """The fingerprint of what MkDocs reads for one language: its docs and bodies (`files`, by
        path in the language's folder: text, or the path of a file copied as it is) and its
        configuration (`config`, naming the language's folder `work`, which is left out), and of
        the code."""
        digest = hashlib.sha256(f"{VERSION}\0{self.code}\0".encode())
        for name, content in files:
            data = content.read_bytes() if isinstance(content, Path) else content.encode("utf-8")
            digest.update(f"{name}\0".encode())
            digest.update(hashlib.sha256(data).digest())
        for shown in {str(work.resolve()), str(work)}:
            config = config.replace(shown, "{work}")
        digest.update(config.encode())
        return digest.hexdigest()

    def take(self, lang: str, key: str, site: Path, previous: Kept | None = None, needed: Collection[str] = ()) -> bool:
        """Copy into `site` the output kept for `lang` under `key`: whether there was one, whole.
        A file that the previous site holds with the same bytes (`previous`, this language's view
        of it) is named kept there instead, unless it is `needed` (read or written again after)."""
        kept = self._kept(lang, key)
        try:
            files = _files(kept / _SITE)
            if (kept / _DONE).read_text(encoding="ascii") != _size(files):
                return False  # files missing or changed since it was kept
            for path, full in files:
                if previous is None or path in needed or not previous.has_same(path, full):
                    target = site / path
                    target.parent.mkdir(parents=True, exist_ok=True)
                    shutil.copyfile(full, target)
            return True
        except OSError:  # none kept, unreadable, or removed by another build meanwhile: MkDocs renders it
            shutil.rmtree(site, ignore_errors=True)
            return False

    def keep(self, lang: str, key: str, site: Path) -> None:
        """Keep MkDocs' output in `site` for `lang` under `key` (a copy, before the bodies are put
        in place), in place of those kept before. A copy that cannot be made only costs the next
        build a MkDocs run."""
        target = self._kept(lang, key)
        with contextlib.suppress(OSError):
            self.folder.mkdir(parents=True, exist_ok=True)
            fresh = Path(tempfile.mkdtemp(prefix=f".rendered-{lang}-", dir=self.folder))
            try:
                shutil.copytree(site, fresh / _SITE, copy_function=shutil.copyfile)
                (fresh / _DONE).write_text(_size(_files(fresh / _SITE)), encoding="ascii")
                shutil.rmtree(target, ignore_errors=True)  # damaged, since MkDocs rendered it again
                os.replace(fresh, target)
            finally:
                shutil.rmtree(fresh, ignore_errors=True)
            for other in self.folder.glob(f"rendered-{lang}-" + "?" * len(key)):
                if other != target:
                    shutil.rmtree(other, ignore_errors=True)

    def _kept(self, lang: str, key: str) -> Path:
        return self.folder / f"rendered-{lang}-{key}"


def _files(folder: Path) -> list[tuple[str, str]]:
    """Every file under `folder` in a stable order: its path relative to `folder` (with `/`) and its full path."""
    found = []
    for parent, dirs, files in os.walk(folder):
        dirs.sort()
        relative = os.path.relpath(parent, folder).replace(os.sep, "/")
        for name in sorted(files):
            found.append((name if relative == "." else f"{relative}/{name}", os.path.join(parent, name)))
    return found


def _size(files: list[tuple[str, str]]) -> str:
    """The number of `files` (`_files`) and their bytes, as '<files> <bytes>'."""
    return f"{len(files)} {sum(os.path.getsize(full) for _, full in files)}"
