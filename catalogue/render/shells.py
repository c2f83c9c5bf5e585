"""Product pages at the speed of a template engine, each still the theme's own page.

MkDocs costs about 10 ms a page through the whole theme, and every product page of a language
is the same page but for a few values. So MkDocs renders one *shell* per language and shape: a
product page whose per-page values are tokens (its name in the path, title, description, head,
link preview, body). Each product page is then the shell with the tokens replaced by that
product's values, written as the theme writes them. The values are exactly the page's own
front matter and body, so the only way a filled page can differ from MkDocs' render is a value
the theme writes in a way this module does not: tests/test_shells.py renders a sample of products
through MkDocs and asserts that the filled pages are the same bytes.

A *shape* is all that makes the theme take another branch: the folder, the front matter's fixed
fields, which per-page values are empty, and whether the body has its own <h1> (the theme adds
one when it has not). Pages of one shape share one shell.

The values wait in a spool file (one record a page) while MkDocs runs, not in memory: at 20,000
products the bodies of three languages would hold about 1.5 GB.
"""

from __future__ import annotations

import json
import pickle
import re
import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from markupsafe import Markup, escape

from ..pages.listings import PageFile
from .config import theme_text

# Long enough that no product id (at most 40 characters) or path can be mistaken for a token.
_MARK = "ocopshellslot" + "q" * 32
_TOKEN = re.compile(f"{_MARK}([a-z_]+){_MARK}")
# Front matter fields that differ from page to page, written by the theme as they are (already
# HTML) or escaped (`| e`); the link preview's fields are all escaped (overrides/partials/ocop-preview.html).
_RAW_FIELDS = ("ocop_head", "ocop_id", "ocop_search")
_ESCAPED_FIELDS = ("description",)
_PREVIEW = "ocop_preview"
_PREVIEW_FIELDS = ("url", "title", "description", "image", "image_alt")
SHELL = "ocop_shell"  # the front matter flag of a page made from a shell (catalogue/pages/generate.py)


def token(name: str) -> str:
    """The placeholder of the value `name` in a shell."""
    return f"{_MARK}{name}{_MARK}"


def fillable(page: PageFile) -> bool:
    """Whether `page` is made from a shell: a generated page marked so, one file in a folder, and
    out of the theme's search index (which MkDocs would have filled with the shell's tokens)."""
    search = page.meta.get("search")
    excluded = isinstance(search, dict) and search.get("exclude") is True
    return bool(page.meta.get(SHELL)) and excluded and not page.markdown and "/" in page.path and not page.path.endswith("/index.md")


@dataclass(frozen=True)
class _Record:
    """One page waiting for its shell: which shell, where, and its values."""

    shape: int
    path: str
    values: dict[str, str]


class Shells:
    """The shell-made pages of one language: `take` them before MkDocs runs, `fill` them after."""

    def __init__(self, spool: Path) -> None:
        self.spool = spool
        self.shapes: dict[str, int] = {}
        self.shells: list[PageFile] = []

    def take(self, pages: list[PageFile]) -> list[PageFile]:
        """The pages MkDocs must render: those not made from a shell, and one shell per shape.
        The others are spooled to be filled in."""
        rendered = []
        self.spool.parent.mkdir(parents=True, exist_ok=True)
        with self.spool.open("wb") as spool:
            for page in pages:
                if not fillable(page):
                    rendered.append(page)
                    continue
                shape = self._shape(page)
                record = _Record(shape, page.path, _values(page))
                pickle.dump(record, spool, protocol=pickle.HIGHEST_PROTOCOL)
        return rendered + self.shells

    def _shape(self, page: PageFile) -> int:
        key = _shape_key(page)
        if key not in self.shapes:
            self.shapes[key] = len(self.shells)
            self.shells.append(_shell(page, len(self.shells)))
        return self.shapes[key]

    def fill(self, site: Path) -> int:
        """Write every spooled page into the rendered `site` from its shell, then remove the
        shells' own pages; the number of pages written."""
        templates = [_template(_output(site, shell.path)) for shell in self.shells]
        count = 0
        for record in _records(self.spool):
            target = _output(site, record.path)
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(fill(templates[record.shape], record.values))
            count += 1
        for shell in self.shells:
            shutil.rmtree(_output(site, shell.path).parent)
        self.spool.unlink()
        return count


def fill(template: list[str], values: dict[str, str]) -> bytes:
    """A shell's parts (text, slot name, text, ...) with each slot's value, as MkDocs writes a page."""
    parts = [values[part] if i % 2 else part for i, part in enumerate(template)]
    return "".join(parts).encode("utf-8", errors="xmlcharrefreplace")


def _template(shell: Path) -> list[str]:
    """The rendered shell split at its tokens: text, slot name, text, ..."""
    html = shell.read_text(encoding="utf-8").replace(_BODY_H1, token("body"))
    # Each shell's name token has its own number of "_" (its file name differs from the others').
    return [part.rstrip("_") if i % 2 else part for i, part in enumerate(_TOKEN.split(html))]


# The body of a shell whose pages have their own <h1>: the theme looks for "<h1" in the body.
_BODY_H1 = f"<!--{token('body')}<h1-->"


def _values(page: PageFile) -> dict[str, str]:
    """The page's per-page values as the theme writes them."""
    meta = page.meta
    # MkDocs reads the body from a file, whose line ends Python's text mode turns into "\n".
    body = str(page.body).replace("\r\n", "\n").replace("\r", "\n")
    values = {"name": _name(page.path), "title": theme_text(page.title), "body": body}
    values |= {field: str(meta.get(field) or "") for field in _RAW_FIELDS}
    values |= {field: str(escape(meta.get(field) or "")) for field in _ESCAPED_FIELDS}
    preview = meta.get(_PREVIEW) or {}
    values |= {f"preview_{field}": str(escape(preview.get(field) or "")) for field in _PREVIEW_FIELDS}
    return values


def _name(path: str) -> str:
    return path.rsplit("/", 1)[1].removesuffix(".md")


def _shape_key(page: PageFile) -> str:
    """What the theme branches on: the folder, the fixed fields, which values are empty, the <h1>."""
    meta = {key: value for key, value in page.meta.items() if key not in (*_RAW_FIELDS, *_ESCAPED_FIELDS, _PREVIEW)}
    preview = page.meta.get(_PREVIEW)
    shape = {
        "folder": page.path.rsplit("/", 1)[0],
        "meta": meta,
        "present": {field: bool(page.meta.get(field)) for field in (*_RAW_FIELDS, *_ESCAPED_FIELDS)},
        "preview": None if preview is None else {key: bool(value) if key in _PREVIEW_FIELDS else value for key, value in preview.items()},
        "h1": "<h1" in str(page.body),
    }
    return json.dumps(shape, sort_keys=True, ensure_ascii=False, default=str)


def _shell(page: PageFile, number: int) -> PageFile:
    """The shell of `page`'s shape: its values replaced by tokens (empty ones kept empty)."""
    meta = dict(page.meta)
    for field in (*_RAW_FIELDS, *_ESCAPED_FIELDS):
        if meta.get(field):
            meta[field] = token(field)
    if meta.get(_PREVIEW):
        meta[_PREVIEW] = {
            key: (token(f"preview_{key}") if value else value) if key in _PREVIEW_FIELDS else value for key, value in meta[_PREVIEW].items()
        }
    folder = page.path.rsplit("/", 1)[0]
    body = _BODY_H1 if "<h1" in str(page.body) else token("body")
    # Each shape's shell in its own file; the name token stands for the page's file name.
    return PageFile(f"{folder}/{token('name' + '_' * number)}.md", token("title"), Markup(body), meta)


def _output(site: Path, source: str) -> Path:
    """Where MkDocs writes the page of a leaf source file 'p/x.md': site/p/x/index.html."""
    return site / source.removesuffix(".md") / "index.html"


def _records(spool: Path) -> Iterator[_Record]:
    with spool.open("rb") as file:
        while True:
            try:
                yield pickle.load(file)
            except EOFError:
                return
