"""Product pages made by an earlier build, so that a rebuild after one edit makes only the pages
that edit touches.

A product page shows its product, its producer, the producer's other products (with their status),
their media, and what every page shares: the settings (sales points, office, site address), the
day, the maps, the share cards and the code (not the printed catalogue, whose size changes with
every edit: only listings link it). Its key is the fingerprint of exactly these; a page whose key
is the one stored is taken from the store, any other is made and stored. The store is one SQLite
file per language beside the media cache (`.cache/pages/`, about 12 KB a page).
tests/test_page_cache.py builds after edits of every kind and asserts that the pages are the
bytes a build from nothing makes.
"""

from __future__ import annotations

import contextlib
import hashlib
import pickle
import sqlite3
from collections.abc import Callable, Collection, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

from ..model import Product
from .context import Site
from .listings import PageFile

VERSION = 1
T = TypeVar("T")


@dataclass(frozen=True)
class PageStore:
    """Where the product pages are kept (`folder`), for the code whose fingerprint is `code`."""

    folder: Path
    code: str


def stored_pages(site: Site, lang: str, make: Callable[[Product], PageFile]) -> Iterator[PageFile]:
    """Every product's page in `lang`, in the catalogue's order: from the store when the product,
    its producer and all that the page shows are as when it was stored, else made by `make`."""
    products = site.catalogue.products.values()
    if site.pages is None:
        yield from map(make, products)
        return
    with contextlib.closing(_Store(site.pages.folder / f"pages-{lang}.sqlite")) as store:
        known = store.keys()
        keys = _Keys(site, lang, site.pages.code)
        for product in products:
            key = keys.page(product)
            page = store.page(product.id) if known.get(product.id) == key else None
            if page is None:
                page = make(product)
                store.put(product.id, key, page)
            yield page
        store.drop(known.keys() - site.catalogue.products.keys())


class _Store:
    """One language's stored pages. A store that cannot be read or written (damaged, or locked by
    another build for long) is opened afresh, or else left aside: the pages are then made, not
    taken. Pages are written a batch at a time, each with its key, so a build that stops half way
    leaves only pages that match their keys."""

    BATCH = 64

    def __init__(self, path: Path) -> None:
        self.database = _open(path)
        self.waiting: list[tuple[str, str, bytes]] = []

    def keys(self) -> dict[str, str]:
        """The key of each stored page, by product."""
        return self._run(lambda database: dict(database.execute("SELECT id, key FROM pages"))) or {}

    def page(self, product_id: str) -> PageFile | None:
        """The stored page of a product, if it can be read."""
        row = self._run(lambda database: database.execute("SELECT page FROM pages WHERE id = ?", (product_id,)).fetchone())
        try:
            page = pickle.loads(row[0]) if row else None  # our own file, in our own cache
        except Exception:  # written by another version of a library: make the page again
            return None
        return page if isinstance(page, PageFile) else None

    def put(self, product_id: str, key: str, page: PageFile) -> None:
        """Store a page made now with its key."""
        if self.database is not None:
            self.waiting.append((product_id, key, pickle.dumps(page, pickle.HIGHEST_PROTOCOL)))
            if len(self.waiting) >= self.BATCH:
                self._write()

    def drop(self, product_ids: Collection[str]) -> None:
        """Forget the pages of products that are gone."""
        self._write()
        self._run(lambda database: database.executemany("DELETE FROM pages WHERE id = ?", [(pid,) for pid in product_ids]))
        self._run(lambda database: database.commit())

    def close(self) -> None:
        """Write what waits, and close."""
        self._write()
        if self.database is not None:
            self.database.close()

    def _write(self) -> None:
        rows, self.waiting = self.waiting, []
        if rows:
            self._run(lambda database: database.executemany("INSERT OR REPLACE INTO pages VALUES (?, ?, ?)", rows))
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
            database.execute("CREATE TABLE IF NOT EXISTS pages (id TEXT PRIMARY KEY, key TEXT NOT NULL, page BLOB NOT NULL)")
            if database.execute("PRAGMA user_version").fetchone()[0] != VERSION:
                database.execute("DELETE FROM pages")
                database.execute(f"PRAGMA user_version = {VERSION}")
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
    """The keys of one language's product pages."""

    def __init__(self, site: Site, lang: str, code: str) -> None:
        self.site = site
        shared = hashlib.sha256(f"{VERSION}\0{code}\0{lang}\0{site.today.isoformat()}\0".encode())
        for part in (site.catalogue.settings.model_dump_json(), repr(site.maps), repr(sorted(site.site_cards.items()))):
            shared.update(part.encode() + b"\0")
        self.shared = shared.digest()
        self._products: dict[str, bytes] = {}

    def page(self, product: Product) -> str:
        """The key of `product`'s page: what every page shares, the product, its producer and the
        producer's products (this one among them), each with its media."""
        catalogue = self.site.catalogue
        digest = hashlib.sha256(self.shared)
        digest.update(self._product(product))
        producer = catalogue.producers.get(product.producer)
        digest.update(producer.model_dump_json().encode() if producer else b"-")
        for other in catalogue.products_of(product.producer):
            digest.update(self._product(other))
        return digest.hexdigest()

    def _product(self, product: Product) -> bytes:
        if product.id not in self._products:
            text = f"{product.model_dump_json()}\0{self.site.media.get(product.id)!r}"
            self._products[product.id] = hashlib.sha256(text.encode()).digest()
        return self._products[product.id]
