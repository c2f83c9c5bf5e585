"""Each product's rows in the site's data files, kept from one build to the next.

The open data (products.json and products.csv), the finder's, the header search's and the
certificate check's scripts hold a row per product, and are made whole on every build while the
languages' pages are made. Working out every row (folding names for search, writing dates as each
language writes them, Excel-safe cells) took about as long as making one language's pages after an
edit at 2,000 products, and ten seconds at 20,000: most of an edit's pages stage. A row shows
only its product, the product's producer, their media and what every page shares, which is what
keys a product's cards (catalogue/pages/page_cache.py, `card_keys`), so rows are kept under that
key: after an edit only the edited product's rows are worked out again.

A row that refers to another list of its file (the producer's position among the producers, which
moves when one is added) is kept with the producer's id, and the file puts the position in. Rows
are kept for a site with a page store (`Site.pages`), in one file beside it, holding the rows this
build used; without a store every row is made.
"""

from __future__ import annotations

import pickle
from collections.abc import Callable
from typing import Any, TypeVar

from ..model import Product
from ..record_cache import store_pickle
from .context import Site

T = TypeVar("T")
_FILE = "rows.pickle"
_MEMO = ("row_memo", "rows")

# What the file holds: the code's fingerprint, and by (kind of row, language) each product's key and row.
_Rows = dict[tuple[str, str], dict[str, tuple[str, Any]]]


class RowMemo:
    """The rows of one build, taken from the last build's file where their key is the same."""

    def __init__(self, site: Site) -> None:
        self.site = site
        self.path = site.pages.folder / _FILE if site.pages else None
        self._old: _Rows = self._load() if self.path else {}
        self._new: _Rows = {}
        self._keys: dict[str, Callable[[Product], str]] = {}
        self._made = False

    def row(self, kind: str, lang: str, product: Product, make: Callable[[], T]) -> T:
        """`product`'s row of `kind` in `lang`: the one kept, or made by `make`. Rows are shared:
        whoever uses one must not change it."""
        if self.path is None:
            return make()
        key = self._key(lang)(product)
        used = self._new.setdefault((kind, lang), {})
        kept = self._old.get((kind, lang), {}).get(product.id)
        if kept is not None and kept[0] == key:
            used[product.id] = kept
            return kept[1]  # type: ignore[no-any-return]
        made = make()
        used[product.id] = (key, made)
        self._made = True
        return made

    def store(self) -> None:
        """Keep the rows this build used for the next one (when any was made or dropped)."""
        if self.path is None:
            return
        same = self._new.keys() == self._old.keys() and all(len(rows) == len(self._old[kind]) for kind, rows in self._new.items())
        if self._made or not same:
            store_pickle(self.path, (self._code, self._new))

    @property
    def _code(self) -> str:
        return self.site.pages.code if self.site.pages else ""

    def _key(self, lang: str) -> Callable[[Product], str]:
        if lang not in self._keys:
            # Imported here: the page store's module imports the listings, which import the finder, which imports this one.
            from .page_cache import card_keys

            self._keys[lang] = card_keys(self.site, lang)
        return self._keys[lang]

    def _load(self) -> _Rows:
        assert self.path is not None
        try:
            code, rows = pickle.loads(self.path.read_bytes())  # our own file, beside our own store
        except Exception:  # absent, unreadable or from another version: every row is made
            return {}
        return rows if code == self._code and isinstance(rows, dict) else {}


def row_memo(site: Site) -> RowMemo:
    """The rows of `site`'s build (one memo a build: the data files are made in one thread)."""
    memo = site.memo.get(_MEMO)
    if memo is None:
        memo = site.memo[_MEMO] = RowMemo(site)
    return memo  # type: ignore[no-any-return]
