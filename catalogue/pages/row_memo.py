"""Each product's rows in the site's data files, kept from one build to the next as text.

The open data (products.json and products.csv), the finder's, the header search's and the
certificate check's scripts and the kiosk's tiles hold a row per product, and are made whole on
every build while the languages' pages are made. Working out every row (folding names for search,
writing dates as each language writes them, Excel-safe cells) took most of the ten seconds this
work takes after an edit at 20,000 products. A row shows only its product, the product's producer,
their media and what every page shares, which is what keys a product's cards
(catalogue/pages/page_cache.py, `card_keys`), so rows are kept under that key: after an edit only
the edited products' rows are worked out again.

Rows are kept as the text they take in their file (JSON, a CSV line, HTML), each one string with
its key in front: a first try kept them as Python values, and at 20,000 products the millions of
objects took seconds to load and slowed every garbage collection after. A row that refers to
another list of its file (the producer's position among the producers, which moves when one is
added) is kept in two parts around it, and the file puts the position in (`RowMemo.placed`).
Rows are kept for a site with a page store (`Site.pages`), in one file beside it
holding the rows this build used; without a store every row is made.
"""

from __future__ import annotations

import json
import pickle
from collections.abc import Callable
from typing import Any

from ..model import Product
from ..record_cache import store_pickle
from .context import Site

_FILE = "rows.pickle"
_MEMO = ("row_memo", "rows")
_KEY = 64  # characters: a key (a SHA-256 in hexadecimal) in front of each row
_GAP = "\0"  # between a row's parts around a position (JSON text holds no raw NUL: it writes \u0000)

# What the file holds besides the code's fingerprint: by (kind of row, language), each product's key and row.
_Rows = dict[tuple[str, str], dict[str, str]]


class RowMemo:
    """The rows of one build, taken from the last build's file where their key is the same."""

    def __init__(self, site: Site) -> None:
        self.site = site
        self.path = site.pages.folder / _FILE if site.pages else None
        self._old: _Rows = self._load() if self.path else {}
        self._new: _Rows = {}
        self._made = False
        self._key: dict[str, dict[str, str]] = {}  # each product's key, by language: several kinds of row share it

    def rows(self, kind: str, lang: str, products: list[Product], make: Callable[[Product], str]) -> list[str]:
        """The rows of `kind` in `lang` of `products`, in their order: each the one kept, or made by `make`."""
        if self.path is None:
            return [make(product) for product in products]
        keys = self._keys(lang)
        old, new = self._old.get((kind, lang), {}), self._new.setdefault((kind, lang), {})
        found = []
        for product in products:
            wanted = keys(product)
            kept = old.get(product.id)
            if kept is None or not kept.startswith(wanted):
                kept = wanted + make(product)
                self._made = True
            new[product.id] = kept
            found.append(kept[_KEY:])
        return found

    def placed(
        self,
        kind: str,
        lang: str,
        products: list[Product],
        make: Callable[[Product], list[Any]],
        slot: int,
        place: Callable[[Product], int],
    ) -> list[str]:
        """`rows` of JSON arrays, made by `make` with anything at `slot`, and kept without it: each
        row as JSON text with the product's `place` (a position in another list of the file) there."""
        kept = self.rows(kind, lang, products, lambda product: _split(make(product), slot))
        return [_joined(parts, place(product)) for product, parts in zip(products, kept, strict=True)]

    def store(self) -> None:
        """Keep the rows this build used for the next one (when any was made or dropped)."""
        if self.path is None or not self.site.pages:
            return
        same = self._new.keys() == self._old.keys() and all(len(rows) == len(self._old[kind]) for kind, rows in self._new.items())
        if self._made or not same:
            store_pickle(self.path, (self.site.pages.code, self._new))

    def _keys(self, lang: str) -> Callable[[Product], str]:
        """The key of a product's rows in `lang`, worked out once a build."""
        # Imported here: the page store's module imports the listings, which import the finder, which imports this one.
        from .page_cache import card_keys

        card, known = card_keys(self.site, lang), self._key.setdefault(lang, {})

        def key(product: Product) -> str:
            found = known.get(product.id)
            if found is None:
                found = known[product.id] = card(product)
            return found

        return key

    def _load(self) -> _Rows:
        assert self.path is not None and self.site.pages is not None
        try:
            code, rows = pickle.loads(self.path.read_bytes())  # our own file, beside our own store
        except Exception:  # absent, unreadable or from another version: every row is made
            return {}
        return rows if code == self.site.pages.code and isinstance(rows, dict) else {}


def kept_rows(memo: RowMemo | None, kind: str, lang: str, products: list[Product], make: Callable[[Product], str]) -> list[str]:
    """`RowMemo.rows` with `memo`, else every row made."""
    return memo.rows(kind, lang, products, make) if memo else [make(product) for product in products]


def row_memo(site: Site) -> RowMemo:
    """The rows of `site`'s build (one memo a build: the data files are made in one thread)."""
    memo = site.memo.get(_MEMO)
    if memo is None:
        memo = site.memo[_MEMO] = RowMemo(site)
    return memo  # type: ignore[no-any-return]


def compact(value: object) -> str:
    """`value` as compact JSON (the data files' form)."""
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def _split(row: list[Any], slot: int) -> str:
    """A row (a JSON array) without its value at `slot`, as its two parts around it."""
    return compact(row[:slot])[1:-1] + _GAP + compact(row[slot + 1 :])[1:-1]


def _joined(parts: str, value: int) -> str:
    """The row of `_split` with `value` at its slot, as JSON text."""
    middle = str(value)
    if not parts.startswith(_GAP):
        middle = "," + middle
    if not parts.endswith(_GAP):
        middle += ","
    return "[" + parts.replace(_GAP, middle, 1) + "]"


def paired(first: str, second: str) -> str:
    """Two JSON texts kept as one row (`apart` gives them back)."""
    return first + _GAP + second


def apart(row: str) -> tuple[str, str]:
    """The two JSON texts of a row kept by `paired`."""
    first, _, second = row.partition(_GAP)
    return first, second


def json_with(value: dict[str, Any], **arrays: list[str]) -> str:
    """`value` as compact JSON, but each field named in `arrays` an array of those JSON texts."""
    fields = (compact(name) + ":" + (json_array(arrays[name]) if name in arrays else compact(item)) for name, item in value.items())
    return "{" + ",".join(fields) + "}"


def json_array(items: list[str]) -> str:
    """A JSON array of items written already as JSON texts."""
    return "[" + ",".join(items) + "]"
