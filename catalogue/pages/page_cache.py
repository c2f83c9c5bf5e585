"""Product pages made by an earlier build, so that a rebuild after one edit makes only the pages
that edit touches.

A product page shows its product, its producer, the producer's other products (with their status),
their media, and what every page shares: the settings (sales points, office, site address), the
day, the maps, the share cards and the code (not the printed catalogue, whose size changes with
every edit: only listings link it). Its key is the fingerprint of exactly these; a page whose key
is the one stored is taken from the store, any other is made and stored. The store is one SQLite
file per language beside the media cache (`.cache/pages/`, about 12 KB a page).
A producer's page is kept the same way (when it fits on one page of cards), under the key of what
it shows: what every page shares, the producer and its products, each with its media.
The listings' product cards are kept there too, each under the key of what a card shows (the
product, its producer, their media, and what every page shares): a listing is made anew on every
build, but only the cards of edited products are.
tests/test_page_cache.py builds after edits of every kind and asserts that the pages are the
bytes a build from nothing makes.

A page the published site already holds is not even taken from the store. The renderer records,
once a site is published, the file each stored page became (`record_published`: opaque here, by
site, entry and key), and a rebuild on that site hands a page whose key is the one recorded to
the renderer as a `PublishedPage`: its path and that record, and a way to load it should the
renderer find the file changed (catalogue/render/shells.py).
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import pickle
import sqlite3
from collections.abc import Callable, Collection, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar

from markupsafe import Markup
from pydantic import BaseModel

from ..catalogue import Catalogue
from ..model import Product
from .context import Site
from .listings import PageFile

VERSION = 4  # 4: the files the pages became, by site (`published`)
T = TypeVar("T")


@dataclass(frozen=True)
class PageStore:
    """Where the product pages are kept (`folder`), for the code whose fingerprint is `code`; and the
    site they are published to (`site`: its folder, resolved; none for a copy whose pages are
    rewritten after they are made, the offline one), which already holds the pages of its last build
    (`previous`)."""

    folder: Path
    code: str
    site: str = ""
    previous: bool = False


@dataclass(frozen=True)
class PublishedPage:
    """A product's (or producer's) page that the published site holds as its last build wrote it,
    as far as the store knows: its source path, its entry in the store (`OpenStore.entry`) and key,
    the renderer's record of the file it became (`mark`), and `load`, which gives the page itself
    (from the store, or made again)."""

    path: str
    entry: str
    key: str
    mark: bytes
    load: Callable[[], PageFile]

    @property
    def url(self) -> str:
        """The page's folder on the site (`PageFile.url`)."""
        return PageFile(self.path, "", "").url


def store_file(folder: Path, lang: str) -> Path:
    """The store of `lang`'s pages in `folder`."""
    return folder / f"pages-{lang}.sqlite"


def page_loader(folder: Path, lang: str) -> Callable[[str, str], PageFile | None]:
    """`stored_page` from `lang`'s store in `folder`, as a function of the product and key (it
    pickles: the renderer's processes are handed it)."""
    return functools.partial(stored_page, store_file(folder, lang))


def stored_page(path: Path, entry: str, key: str) -> PageFile | None:
    """The page stored as `entry` (`OpenStore.entry`) under `key` in the store at `path` (read
    without writing: the renderer's processes ask for a page whose published file they found
    changed), or None."""
    try:
        database = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, timeout=2)
    except sqlite3.Error:
        return None
    try:
        row = database.execute("SELECT page FROM pages WHERE id = ? AND key = ?", (entry, key)).fetchone()
        page = pickle.loads(row[0]) if row else None  # our own file, in our own cache
    except Exception:  # unreadable, or written by another version
        return None
    finally:
        database.close()
    return page if isinstance(page, PageFile) else None


def record_published(store: PageStore, lang: str, marks: Mapping[str, tuple[str, str, bytes]]) -> None:
    """Once the site is published: what each stored page of `lang` became there, by entry (its
    key, source path and the renderer's mark), in place of what the last build recorded."""
    if not store.site:
        return
    rows = [(store.site, pid, key, path, mark) for pid, (key, path, mark) in marks.items()]
    with contextlib.closing(_Store(store_file(store.folder, lang))) as opened_store:
        opened_store.publish(store.site, rows)


@contextlib.contextmanager
def opened(site: Site, lang: str) -> Iterator[None]:
    """Keep `lang`'s store open while its pages are made (`stored_pages`, `Site.stored_card`): it is
    written as they are made, and closed with everything written when they are done."""
    if site.pages is None:
        yield
        return
    with contextlib.closing(_Store(store_file(site.pages.folder, lang))) as store:
        published = store.published(site.pages.site) if site.pages.site and site.pages.previous else {}
        site.stores[lang] = OpenStore(store, _Keys(site, lang, site.pages.code), published)
        try:
            yield
        finally:
            del site.stores[lang]
            store.drop(set(store.keys()) - site.catalogue.products.keys() - set(map(producer_entry, site.catalogue.producers)))


def stored_pages(site: Site, lang: str, make: Callable[[Product], PageFile]) -> Iterator[PageFile | PublishedPage]:
    """Every product's page in `lang`, in the catalogue's order: from the store when the product,
    its producer and all that the page shows are as when it was stored (a `PublishedPage` when
    the published site holds it as then), else made by `make`."""
    store = site.stores.get(lang)
    for product in site.catalogue.products.values():
        yield store.page(product, make) if store else make(product)


def stored_producer_page(site: Site, lang: str, producer_id: str, make: Callable[[], PageFile]) -> PageFile | PublishedPage:
    """A producer's page in `lang` (one page of cards) from the store when the producer, its
    products and all that the page shows are as when it was stored (a `PublishedPage` when the
    published site holds it as then), else made by `make`."""
    store = site.stores.get(lang)
    return store.producer_page(producer_id, make) if store else make()


def producer_entry(producer_id: str) -> str:
    """How the store names a producer's page beside the products' pages (named by their ids, which
    cannot hold a colon: catalogue/fields.py, `ID_PATTERN`)."""
    return f"producer:{producer_id}"


# Sets the keys of producers' pages apart from those of products' pages.
_PRODUCER_PAGE = b"producer page\0"


@dataclass
class OpenStore:
    """One language's open store, with the keys of its pages and cards."""

    store: _Store
    keys: _Keys
    published: dict[str, tuple[str, str, bytes]] = field(default_factory=dict)  # key, path and mark, by entry
    known: dict[str, str] = field(init=False)
    cards: dict[str, dict[str, tuple[str, str]]] = field(init=False, default_factory=dict)

    def __post_init__(self) -> None:
        self.known = self.store.keys()

    def page(self, product: Product, make: Callable[[Product], PageFile]) -> PageFile | PublishedPage:
        """The page of `product`: the one the published site holds, taken, or made (and stored)."""
        return self.entry(product.id, self.keys.page(product), lambda: make(product))

    def producer_page(self, producer_id: str, make: Callable[[], PageFile]) -> PageFile | PublishedPage:
        """The page of a producer (one page of cards): the one the published site holds, taken, or
        made (and stored)."""
        return self.entry(producer_entry(producer_id), self.keys.producer_page(producer_id), make)

    def entry(self, entry: str, key: str, make: Callable[[], PageFile]) -> PageFile | PublishedPage:
        """The page stored as `entry` (a product's id, or `producer_entry`) under `key`: the one the
        published site holds, taken, or made (and stored)."""
        if self.known.get(entry) == key:
            published = self.published.get(entry)
            if published is not None and published[0] == key:
                return PublishedPage(published[1], entry, key, published[2], lambda: self._page(entry, key, make))
        return self._page(entry, key, make)

    def _page(self, entry: str, key: str, make: Callable[[], PageFile]) -> PageFile:
        """The page stored as `entry` taken or made (and stored), with its entry and key."""
        page = self.store.page(entry) if self.known.get(entry) == key else None
        if page is None:
            page = make()
            self.store.put(entry, key, page)
        page.stored = (entry, key)
        return page

    def card(self, product: Product, variant: str, make: Callable[[], Markup]) -> Markup:
        """A card of `product`, taken or made (and stored)."""
        key = self.keys.card(product)
        if variant not in self.cards:  # read a kind of card when it is first asked for: the kiosk needs one kind
            self.cards[variant] = self.store.cards(variant)
        stored = self.cards[variant].get(product.id)
        if stored is not None and stored[0] == key:
            return Markup(stored[1])
        made = make()
        self.store.put_card(product.id, variant, key, str(made))
        return made


class _Store:
    """One language's stored pages and cards. A store that cannot be read or written (damaged, or
    locked by another build for long) is opened afresh, or else left aside: the pages and cards are
    then made, not taken. They are written a batch at a time, each with its key, so a build that
    stops half way leaves only pages and cards that match their keys."""

    BATCH = 64

    def __init__(self, path: Path) -> None:
        self.database = _open(path)
        self.waiting: list[tuple[str, str, bytes]] = []
        self.waiting_cards: list[tuple[str, str, str, str]] = []

    def keys(self) -> dict[str, str]:
        """The key of each stored page, by entry (`OpenStore.entry`)."""
        return self._run(lambda database: dict(database.execute("SELECT id, key FROM pages"))) or {}

    def cards(self, variant: str) -> dict[str, tuple[str, str]]:
        """The key and markup of every stored card of one kind, by product."""
        query = "SELECT id, key, markup FROM cards WHERE variant = ?"
        rows = self._run(lambda database: database.execute(query, (variant,)).fetchall()) or []
        return {pid: (key, markup) for pid, key, markup in rows}

    def put_card(self, product_id: str, variant: str, key: str, markup: str) -> None:
        """Store a card made now with its key (written with the next batch of pages, or on closing)."""
        if self.database is not None:
            self.waiting_cards.append((product_id, variant, key, markup))

    def page(self, entry: str) -> PageFile | None:
        """The page stored as `entry`, if it can be read."""
        row = self._run(lambda database: database.execute("SELECT page FROM pages WHERE id = ?", (entry,)).fetchone())
        try:
            page = pickle.loads(row[0]) if row else None  # our own file, in our own cache
        except Exception:  # written by another version of a library: make the page again
            return None
        return page if isinstance(page, PageFile) else None

    def put(self, entry: str, key: str, page: PageFile) -> None:
        """Store a page made now as `entry`, with its key."""
        if self.database is not None:
            self.waiting.append((entry, key, pickle.dumps(page, pickle.HIGHEST_PROTOCOL)))
            if len(self.waiting) >= self.BATCH:
                self._write()

    def drop(self, entries: Collection[str]) -> None:
        """Forget the pages and cards of products (and producers) that are gone."""
        self._write()
        gone = [(entry,) for entry in entries]
        self._run(lambda database: database.executemany("DELETE FROM pages WHERE id = ?", gone))
        self._run(lambda database: database.executemany("DELETE FROM cards WHERE id = ?", gone))
        self._run(lambda database: database.commit())

    def published(self, site: str) -> dict[str, tuple[str, str, bytes]]:
        """What each stored page became on `site` when it was last published: key, path and mark, by entry."""
        query = "SELECT id, key, path, mark FROM published WHERE site = ?"
        rows = self._run(lambda database: database.execute(query, (site,)).fetchall()) or []
        return {pid: (key, path, mark) for pid, key, path, mark in rows}

    def publish(self, site: str, rows: list[tuple[str, str, str, str, bytes]]) -> None:
        """Record what the pages became on `site`, in place of what was recorded before."""
        self._run(lambda database: database.execute("DELETE FROM published WHERE site = ?", (site,)))
        self._run(lambda database: database.executemany("INSERT OR REPLACE INTO published VALUES (?, ?, ?, ?, ?)", rows))
        self._run(lambda database: database.commit())

    def close(self) -> None:
        """Write what waits, and close."""
        self._write()
        if self.database is not None:
            self.database.close()

    def _write(self) -> None:
        rows, self.waiting = self.waiting, []
        cards, self.waiting_cards = self.waiting_cards, []
        if rows:
            self._run(lambda database: database.executemany("INSERT OR REPLACE INTO pages VALUES (?, ?, ?)", rows))
        if cards:
            self._run(
                lambda database: database.executemany("INSERT OR REPLACE INTO cards (id, variant, key, markup) VALUES (?, ?, ?, ?)", cards)
            )
        if rows or cards:
            self._run(lambda database: database.commit())

    def _run(self, step: Callable[[sqlite3.Connection], T]) -> T | None:
        if self.database is None:
            return None
        try:
            return step(self.database)
        except sqlite3.Error:
            self.database.close()
            self.database = None
            return None


def _open(path: Path) -> sqlite3.Connection | None:
    """The store at `path`, made afresh when it is absent, damaged or of another version; None when
    it cannot be opened, or another build holds it locked."""
    for _ in range(2):
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            database = sqlite3.connect(path, timeout=2)
        except (sqlite3.Error, OSError):
            return None
        try:
            if database.execute("PRAGMA user_version").fetchone()[0] != VERSION:
                database.execute("DROP TABLE IF EXISTS pages")
                database.execute("DROP TABLE IF EXISTS cards")
                database.execute("DROP TABLE IF EXISTS published")
                database.execute(f"PRAGMA user_version = {VERSION}")
            database.execute("CREATE TABLE IF NOT EXISTS pages (id TEXT PRIMARY KEY, key TEXT NOT NULL, page BLOB NOT NULL)")
            database.execute(
                "CREATE TABLE IF NOT EXISTS cards"
                " (variant TEXT, id TEXT, key TEXT NOT NULL, markup TEXT NOT NULL, PRIMARY KEY (variant, id))"
            )
            database.execute(
                "CREATE TABLE IF NOT EXISTS published"
                " (site TEXT, id TEXT, key TEXT NOT NULL, path TEXT NOT NULL, mark BLOB NOT NULL, PRIMARY KEY (site, id))"
            )
            database.commit()
            return database
        except sqlite3.OperationalError:  # locked by another build for long: leave it to that one
            database.close()
            return None
        except sqlite3.DatabaseError:  # not a database (damaged): make it afresh
            database.close()
            with contextlib.suppress(OSError):
                path.unlink()
    return None


class _Keys:
    """The keys of one language's product and producer pages, and of its cards."""

    def __init__(self, site: Site, lang: str, code: str) -> None:
        self.site = site
        shared = hashlib.sha256(f"{VERSION}\0{code}\0{lang}\0{site.today.isoformat()}\0".encode())
        for part in (site.catalogue.settings.model_dump_json(), repr(site.maps), repr(sorted(site.site_cards.items()))):
            shared.update(part.encode() + b"\0")
        self.shared = shared.digest()
        self._cards: dict[str, str] = {}

    def page(self, product: Product) -> str:
        """The key of `product`'s page: what every page shares, the product, its producer and the
        producer's products (this one among them), each with its media."""
        catalogue = self.site.catalogue
        digest = hashlib.sha256(self.shared)
        digest.update(self._product(product))
        digest.update(self._producer(product.producer))
        for other in catalogue.products_of(product.producer):
            digest.update(self._product(other))
        return digest.hexdigest()

    def producer_page(self, producer_id: str) -> str:
        """The key of a producer's page: what every page shares, the producer and its products,
        each with its media."""
        catalogue = self.site.catalogue
        digest = hashlib.sha256(self.shared + _PRODUCER_PAGE)
        digest.update(self._producer(producer_id))
        for product in catalogue.products_of(producer_id):
            digest.update(self._product(product))
        return digest.hexdigest()

    def card(self, product: Product) -> str:
        """The key of `product`'s cards: what every page shares, the product and its producer,
        each with its media."""
        if product.id not in self._cards:
            digest = hashlib.sha256(self.shared)
            digest.update(self._product(product))
            digest.update(self._producer(product.producer))
            self._cards[product.id] = digest.hexdigest()
        return self._cards[product.id]

    def _producer(self, producer_id: str) -> bytes:
        return _digests(self.site)[1].get(producer_id, b"-")

    def _product(self, product: Product) -> bytes:
        return _digests(self.site)[0][product.id]


def card_keys(site: Site, lang: str) -> Callable[[Product], str]:
    """The key of what a card of a product shows in `lang` (the product and its producer, each with
    its media, and what every page shares) for a site with a store (`site.pages`): it also keys the
    product's rows in the site's data files (catalogue/pages/row_memo.py)."""
    assert site.pages is not None
    return _Keys(site, lang, site.pages.code).card


def work_out_keys(site: Site) -> None:
    """Work out what the keys of every language's pages and cards are made of (each product with
    its media, each producer) now, once: the processes that make the languages' pages, forked
    after this, then all start with it (at 20,000 products each would take about a second)."""
    _digests(site)


def _digests(site: Site) -> tuple[dict[str, bytes], dict[str, bytes]]:
    """The digest of each product with its media, and of each producer, by id (worked out once a build)."""
    digests = site.memo.get(_DIGESTS)
    if digests is None:
        catalogue = site.catalogue
        products = {
            pid: hashlib.sha256(
                f"{_record(catalogue, catalogue.product_files.get(pid), product)}\0{site.media.get(pid)!r}".encode()
            ).digest()
            for pid, product in catalogue.products.items()
        }
        producers = {
            pid: hashlib.sha256(_record(catalogue, catalogue.producer_files.get(pid), one).encode()).digest()
            for pid, one in catalogue.producers.items()
        }
        digests = site.memo[_DIGESTS] = (products, producers)
    return digests


def _record(catalogue: Catalogue, path: Path | None, record: BaseModel) -> str:
    """What stands for a record in a key: the record cache's key of its file (what the file held,
    read by this code), or else the record itself as JSON (a tenth of a second for every record of
    2,000 products)."""
    key = catalogue.record_keys.get(path) if path else None
    return f"file {key}" if key else record.model_dump_json()


_DIGESTS = ("page_cache", "digests")
