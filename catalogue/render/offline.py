"""The offline copy of the site, for a USB stick at a fair: opened with file://, no request leaves
the machine.

On a web server a link to a folder opens its index.html; from file:// it opens a directory
listing. So every relative link to a folder gets 'index.html' added, in the pages and in the
search index. The theme's search runs in a web worker, which file:// pages cannot start: the
iframe-worker shim (npm, see package.json) runs it in an iframe instead.
"""

from __future__ import annotations

import re
from pathlib import Path

from ..urls import Urls

REPO = Path(__file__).resolve().parents[2]
SHIM = REPO / "node_modules" / "iframe-worker" / "shim" / "index.js"
SHIM_NAME = "assets/iframe-worker-shim.js"

# href, src and action attributes, and the address in a meta refresh.
_ATTRIBUTE = re.compile(r'(\s(?:href|src|action)=")([^"]*)(")|(content="0; url=)([^"]*)(")')
_SCHEME = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*:")


class OfflineError(Exception):
    """Something the offline build needs is missing."""


def shim() -> Path:
    """The iframe-worker shim, or an error saying how to install it."""
    if not SHIM.is_file():
        raise OfflineError(
            "the offline build needs node_modules/iframe-worker (the theme's search cannot start a web worker from file://): "
            "run `npm ci` in the project folder, or `make offline`"
        )
    return SHIM


def file_link(link: str) -> str:
    """A link that works from file://: 'p/x/' → 'p/x/index.html', '..' → '../index.html',
    'p/x/#a' → 'p/x/index.html#a'; absolute addresses, anchors and file links unchanged."""
    if not link or link.startswith(("#", "/", "?")) or _SCHEME.match(link):
        return link
    cut = min((i for i in (link.find("#"), link.find("?")) if i >= 0), default=len(link))
    path, rest = link[:cut], link[cut:]
    if path in (".", "..") or path.endswith(("/.", "/..")):
        return Urls.index_file(f"{path}/") + rest
    if path.endswith("/"):
        return Urls.index_file(path) + rest
    return link


def file_links(html: str) -> str:
    """Every folder link of a page made to work from file://."""

    def fix(match: re.Match[str]) -> str:
        if match.group(1):
            return match.group(1) + file_link(match.group(2)) + match.group(3)
        return match.group(4) + file_link(match.group(5)) + match.group(6)

    return _ATTRIBUTE.sub(fix, html)


def rewrite_pages(site: Path) -> int:
    """Make the links of every page under `site` work from file://; how many pages changed."""
    changed = 0
    for page in site.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        fixed = file_links(html)
        if fixed != html:
            page.write_text(fixed, encoding="utf-8")
            changed += 1
    return changed
