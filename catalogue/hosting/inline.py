"""The inline scripts of the built pages, by the hash a Content-Security-Policy allows them with.

The theme writes a few small scripts into every page (one of them names the page's depth, so there
is one per folder depth), and so do our templates; the Content-Security-Policy lists the SHA-256 of
each distinct one instead of allowing every inline script. JSON data islands
(`type="application/json"`, `application/ld+json`) are not run by the browser and need no hash.
"""

from __future__ import annotations

import base64
import hashlib
import re
from collections.abc import Iterable
from pathlib import Path

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


def site_hashes(pages: Iterable[Path]) -> set[str]:
    """The hashes of every inline script of these HTML files."""
    hashes: set[str] = set()
    for page in pages:
        hashes |= page_hashes(page.read_text(encoding="utf-8"))
    return hashes
