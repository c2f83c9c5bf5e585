"""The inline scripts of the built pages, by the hash a Content-Security-Policy allows them with.

The theme writes a few small scripts into every page (one of them names the page's depth, so there
is one per folder depth), and so do our templates; the Content-Security-Policy lists the SHA-256 of
each distinct one instead of allowing every inline script. JSON data islands
(`type="application/json"`, `application/ld+json`) are not run by the browser and need no hash.
"""

from __future__ import annotations

import base64
import hashlib
import os
import pickle
import re
from collections.abc import Mapping
from pathlib import Path

from ..incremental import Status
from ..record_cache import store_pickle

_SCRIPT = re.compile(r"<script\b([^>]*)>(.*?)</script\s*>", re.IGNORECASE | re.DOTALL)
_TYPE = re.compile(r"""\btype\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))""", re.IGNORECASE)
_SRC = re.compile(r"\bsrc\s*=", re.IGNORECASE)
# The types a browser runs (the HTML standard's JavaScript MIME types, and modules).
_RUN = {"", "module", "text/javascript", "application/javascript", "text/ecmascript", "application/ecmascript"}


def script_hash(text: str) -> str:
    """The base64 SHA-256 of a script's text, as a policy's 'sha256-…' source names it."""
    return base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii")


def inline_scripts(page: str) -> list[str]:
    """The texts of the inline scripts a browser would run in the HTML `page`."""
    found = []
    for match in _SCRIPT.finditer(page):
        attributes, text = match.group(1), match.group(2)
        if _SRC.search(attributes):
            continue
        kind = _TYPE.search(attributes)
        value = next((group for group in kind.groups() if group is not None), "") if kind else ""
        if value.strip().lower() in _RUN:
            found.append(text)
    return found


def page_hashes(page: str) -> set[str]:
    """The hashes of the inline scripts of one page."""
    return {script_hash(text) for text in inline_scripts(page)}


# A page file as a rebuild finds it again: its place in the site, size, time and inode (a kept page,
# or a staged one moved into the site, keeps all four).
_Signature = tuple[str, int, int, int]


class ScriptHashes:
    """The inline scripts' hashes of each page, remembered by its file's signature in `memo` (a
    pickle beside the product pages' store), so that a rebuild reads only the pages it made, and
    not even those hashed as they were written (`hashed`, by place in the site)."""

    def __init__(self, memo: Path | None = None, hashed: Mapping[str, frozenset[str]] | None = None) -> None:
        self.memo = memo
        self.hashed = hashed or {}
        try:
            known = pickle.loads(memo.read_bytes()) if memo else {}  # our own file, in our own cache
        except Exception:  # absent, unreadable or from another version
            known = {}
        self.known: dict[_Signature, frozenset[str]] = known if isinstance(known, dict) else {}
        self.seen: dict[_Signature, frozenset[str]] = {}

    def of(self, name: str, path: str | Path, known: Status | None = None) -> frozenset[str]:
        """The hashes of the page at `path`, whose place in the site is `name` (what `lstat` said
        of it as the build began: `known`, when a census of the site is)."""
        info = known or os.stat(path)
        signature = (name, info.st_size, info.st_mtime_ns, info.st_ino)
        hashes = self.hashed[name] if name in self.hashed else self.known.get(signature)
        if hashes is None:
            with open(path, encoding="utf-8") as page:
                hashes = frozenset(page_hashes(page.read()))
        self.seen[signature] = hashes
        return hashes

    def save(self) -> None:
        """Remember the pages met this time (and only those)."""
        if self.memo:
            store_pickle(self.memo, self.seen)
