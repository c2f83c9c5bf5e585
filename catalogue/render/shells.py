"""Pages at the speed of a template engine, each still the theme's own page.

MkDocs costs about 10 ms a page through the whole theme, and the pages outside the navigation
(product pages, producers' pages, a listing's later pages) are, within a folder, the same page
but for a few values: the theme writes the navigation into every page, marking the page's own
entry, and these pages have none. So MkDocs renders one *shell* per folder and shape: such a
page whose per-page values are tokens (its name in the path, title, description, head, link
preview, body). Each page is then its shell with the tokens replaced by its own values, written
as the theme writes them. The values are exactly the page's own front matter and body, so the
only way a filled page can differ from MkDocs' render is a value the theme writes in a way this
module does not: tests/test_shells.py renders the pages through MkDocs too and asserts that the
filled ones are the same bytes.

A page is filled only when it is generated HTML (not hand-written Markdown), outside the
navigation and out of the theme's search index (`search: {exclude: true}`: the index would hold
the shell's tokens in its place). A *shape* is all that makes the theme take another branch: the
folder, the front matter's fixed fields, which per-page values are empty, and whether the body
has its own <h1> (the theme adds one when it has not). Pages of one shape share one shell.

The pages MkDocs still renders one by one (those in the navigation) do not all need their body
either: a generated body that the theme's search plugin does not read (the page is out of the
index, or says what the index holds for it: `ocop_search`) is *placed*. MkDocs renders the page
with a stand-in (the body's first <h1>, which the search plugin takes for the entry's title, and
a comment no text from the data can make: the theme escapes all of it), and the body is put in its
place afterwards. The theme writes the body as it is, so the page is the same bytes, and what
MkDocs reads no longer changes with every edit of a product (catalogue/render/renders.py).

The values wait in a spool file (one record a page) while MkDocs runs, not in memory: at 20,000
products the bodies of three languages would hold about 1.5 GB.

Each stored page's file (a product's page, a producer's) is recorded once it is written (or found
kept): the digest of its shell as MkDocs rendered it, and its size, time and inode (`_Mark`, kept by
catalogue/pages/page_cache.py once the site is published). A rebuild whose store key for a page is
the one recorded gets a `PublishedPage` instead of the page: it is not read from the store, spooled, filled or compared,
but kept when its shell renders to the same digest and the published file is still the one
written (same size, time and inode, as rsync judges a file); else the page is read from the store
after all and filled as any other.
"""

from __future__ import annotations

import hashlib
import itertools
import json
import pickle
import re
import shutil
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, replace
from pathlib import Path
from typing import BinaryIO, NamedTuple

from markupsafe import Markup, escape

from ..hosting.inline import page_hashes
from ..incremental import Kept
from ..jobs.cache import FILE_THREADS
from ..pages.listings import PageFile
from ..pages.page_cache import PublishedPage
from ..urls import SOURCE_INDEX, Urls
from . import FIRST_H1
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


def token(name: str) -> str:
    """The placeholder of the value `name` in a shell."""
    return f"{_MARK}{name}{_MARK}"


def fillable(page: PageFile, nav: Collection[str]) -> bool:
    """Whether `page` is made from a shell: a generated page in a folder, with a title (without
    one MkDocs would name it after its file), whose source is not in the navigation (`nav`, the
    sources it links) and which is out of the theme's search index."""
    search = page.meta.get("search")
    excluded = isinstance(search, dict) and search.get("exclude") is True
    return excluded and not page.markdown and bool(page.title) and bool(_split(page.path)[0]) and page.path not in nav


def placeable(page: PageFile) -> bool:
    """Whether `page`'s body is put in place after MkDocs has rendered it with a stand-in: a
    generated body that the theme's search plugin does not read (the page is out of the index, or
    says what the index should hold for it)."""
    search = page.meta.get("search")
    excluded = isinstance(search, dict) and search.get("exclude") is True
    return not page.markdown and (excluded or bool(page.meta.get("ocop_search")))


def stand_in(body: str) -> str:
    """What MkDocs renders in place of a placed body: the body's first <h1> (the search plugin's
    title of the page; or a mark, for the theme's look for "<h1"), then a comment that no text
    from the data can make (the theme escapes every text it writes), with the same mark."""
    title = FIRST_H1.search(body)
    mark = "<h1" if "<h1" in body else ""
    return (title.group(0) if title else "") + f"<!--{token('placed')}{mark}-->"


@dataclass(frozen=True)
class Placed:
    """A page rendered with a stand-in, waiting for its body: where it is written, and both."""

    path: str
    stand_in: str
    body: str


@dataclass(frozen=True)
class _Record:
    """One page waiting for its shell: which shell, where, and its values (and, for a product
    page, its product and store key)."""

    shape: int
    path: str
    values: dict[str, str]
    stored: tuple[str, str] | None = None


@dataclass(frozen=True)
class _Mark:
    """What a stored page's file was when a build wrote it (or found it kept): the digest of its
    shape and of its shell as MkDocs rendered it, and the file's size, time and inode."""

    shape: str
    shell: str
    signature: tuple[int, int, int]


@dataclass(frozen=True)
class _Known:
    """A stored page the published site holds (`PublishedPage`), waiting to be checked against
    its shell: which shell, where, its entry in the store and key, and its mark."""

    shape: int
    path: str
    entry: str
    key: str
    mark: _Mark


class StoreChangedError(Exception):
    """A page that the store held when the build began is gone from it: another build
    using the same store replaced it meanwhile."""


# Loads the page stored as an entry under a key (catalogue/pages/page_cache.py `stored_page`).
PageLoader = Callable[[str, str], PageFile | None]
# What each stored page became, by entry in the store: its key, source path and mark (pickled), as
# catalogue/pages/page_cache.py records them.
Marks = dict[str, tuple[str, str, bytes]]


class Filled(NamedTuple):
    """What `Shells.fill` did: the hashes of the inline scripts of the pages it wrote (by path in
    the site), what each stored page became (by entry in the store), and the placed bodies left
    for `place_later`."""

    scripts: dict[str, frozenset[str]]
    marks: Marks
    waiting: tuple[Placed, ...]


class Shells:
    """The shell-made pages of one language: `take` them before MkDocs runs, `fill` them after.
    `load` reads a stored page, for a published one whose file changed."""

    def __init__(self, spool: Path, nav: Collection[str], load: PageLoader | None = None) -> None:
        self.spool = spool
        self.nav = nav
        self.load = load
        self.shapes: dict[str, int] = {}
        self.digests: list[str] = []  # each shape's digest, in the shells' order
        self.shells: list[PageFile] = []
        self.placed: list[str] = []  # the paths in the site of the pages rendered with a stand-in

    def take(self, pages: Iterable[PageFile | PublishedPage]) -> list[PageFile]:
        """The pages MkDocs must render: those not made from a shell, and one shell per shape.
        The others are spooled to be filled in."""
        rendered = []
        self.spool.parent.mkdir(parents=True, exist_ok=True)
        with self.spool.open("wb") as spool:
            for page in pages:
                if isinstance(page, PublishedPage):
                    known = self._known(page)
                    if known is not None:
                        pickle.dump(known, spool, protocol=pickle.HIGHEST_PROTOCOL)
                        continue
                    page = page.load()  # the first of its shape: its shell is made from it
                if not fillable(page, self.nav):
                    rendered.append(self._placed(page, spool) if placeable(page) else page)
                    continue
                shape = self._shape(page)
                record = _Record(shape, page.path, _values(page), page.stored)
                pickle.dump(record, spool, protocol=pickle.HIGHEST_PROTOCOL)
        return rendered + self.shells

    def _known(self, page: PublishedPage) -> _Known | None:
        """`page` to check once its shell is rendered, when a page of its shape is spooled already."""
        try:
            mark = pickle.loads(page.mark)  # our own record, in our own store
        except Exception:
            return None
        if not isinstance(mark, _Mark) or mark.shape not in self.digests:
            return None
        return _Known(self.digests.index(mark.shape), page.path, page.entry, page.key, mark)

    def _placed(self, page: PageFile, spool: BinaryIO) -> PageFile:
        """`page` with a stand-in for its body, which is spooled to be put in its place."""
        body = _text(page.body)
        instead = stand_in(body)
        self.placed.append(Urls.index_file(page.url))
        pickle.dump(Placed(self.placed[-1], instead, body), spool, protocol=pickle.HIGHEST_PROTOCOL)
        return replace(page, body=Markup(instead))

    def read_again(self) -> set[str]:
        """The paths in the rendered site that `fill` reads or writes over: the shells' pages and
        the pages rendered with a stand-in."""
        return {_output_path(shell.path) for shell in self.shells} | set(self.placed)

    def _shape(self, page: PageFile) -> int:
        key = _shape_key(page)
        if key not in self.shapes:
            self.shapes[key] = len(self.shells)
            self.digests.append(hashlib.sha256(key.encode()).hexdigest())
            self.shells.append(_shell(page, len(self.shells)))
        return self.shapes[key]

    def fill(self, site: Path, kept: Kept | None = None, host: bool = False, later: Collection[str] = ()) -> Filled:
        """Write every spooled page into the rendered `site`, from its shell or in place of its
        stand-in, but for those the previous site already holds (`kept`, seen from this language's
        folder), then remove the shells' own pages. A placed body holding one of the slots `later`
        (an HTML comment, whose value is not known yet) is handed back instead, to be put in place
        by `place_later` once it is. With `host`, the inline scripts of each page
        written are hashed (catalogue/hosting: this process holds its bytes now, so they are not
        read again), and each stored page's file is marked. Those hashes, by the page's path in
        `site`, and the marks, by entry in the store."""
        waiting: list[Placed] = []
        templates = [_template(_output(site, shell.path)) for shell in self.shells]
        shells = [hashlib.sha256("\0".join(parts).encode()).hexdigest() for parts in templates]
        scripts: dict[str, frozenset[str]] = {}
        marks: Marks = {}

        def note(entry: str, key: str, path: str, made: _Mark) -> None:
            if host:
                marks[entry] = (key, path, pickle.dumps(made, pickle.HIGHEST_PROTOCOL))

        def mark(record: _Record, signature: tuple[int, int, int]) -> None:
            if record.stored:
                note(*record.stored, record.path, _Mark(self.digests[record.shape], shells[record.shape], signature))

        def write(page: tuple[str, bytes, _Record | None]) -> None:
            path, data, record = page
            target = site / path
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(data)
            if host:
                scripts[path] = frozenset(page_hashes(data.decode("utf-8")))
            if record:
                written = target.stat()
                mark(record, (written.st_size, written.st_mtime_ns, written.st_ino))

        def new(record: _Record | Placed | _Known) -> tuple[str, bytes, _Record | None] | None:
            """The page to write, or None when the previous site holds it (a placed page's
            stand-in is then deleted)."""
            if isinstance(record, _Known):
                path = _output_path(record.path)
                if kept is not None and record.mark.shell == shells[record.shape] and kept.has_file(path, record.mark.signature):
                    note(record.entry, record.key, record.path, record.mark)
                    return None
                record = self._reload(record)
            if isinstance(record, Placed):
                if any(slot in record.body for slot in later):
                    waiting.append(record)
                    return None
                data, held = _placed_page(site, record, {}, kept)
                return None if held else (record.path, data, None)
            page = (_output_path(record.path), fill(templates[record.shape], record.values), record)
            if kept is None or not kept.has_bytes(page[0], page[1]):
                return page
            if (signature := kept.signature(page[0])) is not None:
                mark(record, signature)
            return None

        # Compared here, written by a few threads (a new folder and file wait on the file system,
        # not on Python; so does compressing), a batch at a time, so that at most one batch of
        # pages is held in memory.
        records = _records(self.spool)
        with ThreadPoolExecutor(max_workers=FILE_THREADS) as pool:
            for batch in iter(lambda: list(itertools.islice(records, BATCH)), []):
                list(pool.map(write, [page for page in map(new, batch) if page]))
        for shell in self.shells:
            shutil.rmtree(_output(site, shell.path).parent)
        self.spool.unlink()
        return Filled(scripts, marks, tuple(waiting))

    def _reload(self, known: _Known) -> _Record:
        """The record of a published page whose file changed (or whose shell did): its page read
        from the store."""
        page = self.load(known.entry, known.key) if self.load else None
        if page is None:  # another build replaced it in the store meanwhile
            raise StoreChangedError(known.path)
        return _Record(known.shape, page.path, _values(page), (known.entry, known.key))


BATCH = 256  # pages held in memory at once while they are written


def fill(template: list[str], values: dict[str, str]) -> bytes:
    """A shell's parts (text, slot name, text, ...) with each slot's value, as MkDocs writes a page."""
    parts = [values[part] if i % 2 else part for i, part in enumerate(template)]
    return "".join(parts).encode("utf-8", errors="xmlcharrefreplace")


def place_later(
    site: Path, waiting: Iterable[Placed], late: Mapping[str, str], kept: Kept | None = None, host: bool = False
) -> dict[str, frozenset[str]]:
    """Put in place the placed bodies that `Shells.fill` handed back, with the `late` values now
    known in their slots, as it would have (but for the pages the previous site holds: `kept`);
    with `host`, the hashes of their inline scripts (written or kept), by path in `site`."""
    scripts = {}
    for record in waiting:
        data, held = _placed_page(site, record, late, kept)
        if not held:
            (site / record.path).write_bytes(data)
        if host:
            scripts[record.path] = frozenset(page_hashes(data.decode("utf-8")))
    return scripts


def _placed_page(site: Path, placed: Placed, late: Mapping[str, str], kept: Kept | None) -> tuple[bytes, bool]:
    """The page of a placed body, to write over its stand-in, and whether the previous site holds
    it as it is (`kept`): its stand-in is then deleted."""
    data = _place(site / placed.path, placed, late)
    if kept is not None and kept.has_bytes(placed.path, data):
        (site / placed.path).unlink()
        return data, True
    return data, False


def _place(page: Path, placed: Placed, late: Mapping[str, str]) -> bytes:
    """The page MkDocs rendered with a stand-in, with the body in its place (and the `late` values
    in the body's slots)."""
    html = page.read_text(encoding="utf-8")
    if html.count(placed.stand_in) != 1:
        raise ValueError(f"{page}: the theme did not write the body's stand-in once")
    body = placed.body
    for slot, value in late.items():
        body = body.replace(slot, value)
    return html.replace(placed.stand_in, body).encode("utf-8", errors="xmlcharrefreplace")


def _text(body: Markup | str) -> str:
    """A body as MkDocs reads it: from a file, whose line ends Python's text mode turns into "\n"."""
    return str(body).replace("\r\n", "\n").replace("\r", "\n")


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
    values = {"name": _name(page.path), "title": theme_text(page.title), "body": _text(page.body)}
    values |= {field: str(meta.get(field) or "") for field in _RAW_FIELDS}
    values |= {field: str(escape(meta.get(field) or "")) for field in _ESCAPED_FIELDS}
    preview = meta.get(_PREVIEW) or {}
    values |= {f"preview_{field}": str(escape(preview.get(field) or "")) for field in _PREVIEW_FIELDS}
    return values


def _split(path: str) -> tuple[str, str, str]:
    """A page's source path as its folder, its name and the rest: 'p/x.md' → ('p', 'x', '.md'),
    'producers/x/index.md' → ('producers', 'x', '/index.md')."""
    stem = path.removesuffix(".md")
    rest = ".md"
    index = "/" + SOURCE_INDEX
    if path.endswith(index):
        stem, rest = path.removesuffix(index), index
    folder, name = stem.rsplit("/", 1) if "/" in stem else ("", stem)
    return folder, name, rest


def _name(path: str) -> str:
    return _split(path)[1]


def _shape_key(page: PageFile) -> str:
    """What the theme branches on: the folder, the fixed fields, which values are empty, the <h1>."""
    meta = {key: value for key, value in page.meta.items() if key not in (*_RAW_FIELDS, *_ESCAPED_FIELDS, _PREVIEW)}
    preview = page.meta.get(_PREVIEW)
    shape = {
        "folder": _split(page.path)[::2],
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
    folder, _, rest = _split(page.path)
    body = _BODY_H1 if "<h1" in str(page.body) else token("body")
    # Each shape's shell in its own file; the name token stands for the page's name.
    return PageFile(f"{folder}/{token('name' + '_' * number)}{rest}", token("title"), Markup(body), meta)


def _output(site: Path, source: str) -> Path:
    """Where MkDocs writes the page of the source 'p/x.md' or 'p/x/index.md': site/p/x/index.html."""
    return site / _output_path(source)


def _output_path(source: str) -> str:
    """The path in the site of the page of the source 'p/x.md' or 'p/x/index.md': 'p/x/index.html'."""
    folder = source.removesuffix("/" + SOURCE_INDEX).removesuffix(".md")
    return Urls.index_file(folder + "/")


def _records(spool: Path) -> Iterator[_Record | Placed]:
    with spool.open("rb") as file:
        while True:
            try:
                yield pickle.load(file)
            except EOFError:
                return
