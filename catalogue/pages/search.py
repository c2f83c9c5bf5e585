"""The header search's product index: what the search box on every page offers besides the theme's.

The theme's search (lunr, in a web worker) downloads its whole index and indexes it in the
browser; with a page per product that was about 400 B a product, 8 MB at 20,000 products, fetched
by every page. So product pages and the listings made of product cards stay out of the theme's
index (front matter `search: {exclude: true}`), and the box offers products and producers from
this compact index instead (overrides/assets/ocop-search.js), loaded the first time the box is
used, with a link that sends the query on to the finder (all products, with facets). It is a
script rather than JSON so that it also loads from file:// at a fair.
"""

from __future__ import annotations

import json
import re
from typing import TypeVar

from ..languages import SOURCE
from ..model import Producer, Product
from ..places import province
from ..rules import fold_tone_marks
from ..translated import localized_text
from ..urls import Urls
from .context import Site, ordered
from .i18n import t
from .row_memo import compact, json_array, row_memo

PRODUCT_FIELDS = ("id", "name", "producer", "folded", "expires", "revoked")
T = TypeVar("T")
# Products a part holds: a phone reads 2,500 in about a tenth of a second (4x slower CPU), so the
# first products show while the later parts still load. The first part is smaller: it is asked for
# together with the head, and its products are the first a phone shows.
PART_SIZE = 2500
FIRST_PART_SIZE = 1000
PRODUCER_FIELDS = ("id", "name", "commune", "folded")
# Where a text splits into words: the same characters as in ocop-search.js and ocop-finder.js,
# whose /[\s,.;:()\/\-–]+/ this spells out: JavaScript's \s is not Python's (Python's has
# U+001C–U+001F and U+0085, JavaScript's U+FEFF).
_SPACES = "\t\n\v\f\r \u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff"
_SEPARATORS = re.compile("[" + _SPACES + r",.;:()/\-–]+")
# Other languages also search the Vietnamese name, as the finder does: it is what the package says.
VIETNAMESE_NAME = "name_vi"


def search_data(site: Site, lang: str) -> dict[str, str]:
    """The header search's index in `lang`, by site path: data/search-<lang>.js, `window.OCOP_SEARCH
    = JSON.parse("{...}")`, and its `parts` (data/search-<lang>-<n>.js from 1), each adding its
    products, in listing order, with `window.OCOP_SEARCH_PARTS[n] = JSON.parse("[...]")`.

    A product is a row of the values its `product_fields` name: id, name in `lang`, producer (a
    position in `producers`), its names folded (`searched`), its expiry and revocation days (or 0),
    for its status in the reader's today, worded by `statuses`, and in other languages than
    Vietnamese the Vietnamese name when it differs, or 0 (the row an earlier build made, when the
    product is as then: row_memo.py). A producer is id, name in `lang`,
    commune (a position in `communes`, the communes' names) and its name and commune folded.
    The folding is done here: done in the browser for 20,000 names it took a phone about a second.
    `paths` are templates from the language's root (`Urls.template`); `index` is the file a
    folder's path needs from file://; `synonyms` the settings' groups of synonyms.
    """
    catalogue = site.catalogue
    units = list(province().units)
    unit_index = {unit: i for i, unit in enumerate(units)}
    producers = sorted(catalogue.producers.values(), key=lambda p: p.id)
    producer_index = {p.id: i for i, p in enumerate(producers)}
    translated = lang != SOURCE
    listed = ordered(site, site.listed)
    products = row_memo(site).placed(
        "search",
        lang,
        listed,
        lambda product: _product_row(site, product, lang),
        PRODUCER,
        lambda product: producer_index[product.producer],
    )
    parts = split_parts(products)
    urls = site.urls
    head = {
        "product_fields": (*PRODUCT_FIELDS, VIETNAMESE_NAME) if translated else PRODUCT_FIELDS,
        "parts": len(parts),
        "producer_fields": PRODUCER_FIELDS,
        "producers": [_producer_row(site, p, lang, unit_index[p.commune]) for p in producers],
        "communes": [province().units[u].title for u in units],
        "paths": {
            "index": Urls.index_file(""),
            "product": Urls.template(lambda i: urls.within(urls.product(i, lang), lang), "id"),
            "producer": Urls.template(lambda i: urls.within(urls.producer(i, lang), lang), "id"),
            "finder": urls.within(urls.products(lang), lang),
        },
        "synonyms": catalogue.settings.synonyms,  # as in the finder's data (catalogue/synonyms.py)
        # Each product's status is worked out in the browser from its dates, and shown in these words.
        "statuses": {state: t(lang, "finder_" + state) for state in ("valid", "expiring", "expired", "revoked")},
    }
    files = {Urls.search_data(lang): "window.OCOP_SEARCH = " + parsed(head)}
    for number, part in enumerate(parts, start=1):
        added = f"(window.OCOP_SEARCH_PARTS = window.OCOP_SEARCH_PARTS || {{}})[{number}] = "
        files[Urls.search_data(lang, number)] = added + parsed_text(json_array(part))
    return files


PRODUCER = PRODUCT_FIELDS.index("producer")  # a position, put in each row as the file is made (row_memo.py)


def _product_row(site: Site, product: Product, lang: str) -> list[str | int | None]:
    """`product`'s row (see `search_data`), with None for its producer's position."""
    name = localized_text(product, "name", lang)
    translated = lang != SOURCE
    vietnamese = product.name if translated and product.name != name else ""
    revoked = product.certificate.revoked
    row: list[str | int | None] = [
        product.id,
        name,
        None,
        searched(name, vietnamese),
        site.catalogue.expires(product).isoformat(),
        revoked.date.isoformat() if revoked else 0,
    ]
    if translated:
        row.append(vietnamese or 0)
    return row


def split_parts(rows: list[T]) -> list[list[T]]:
    """The rows as the parts of the index: FIRST_PART_SIZE, then PART_SIZE each. There is always a
    first part, empty without products: the script asks for it before it has read the head."""
    first, rest = rows[:FIRST_PART_SIZE], rows[FIRST_PART_SIZE:]
    return [first, *(rest[i : i + PART_SIZE] for i in range(0, len(rest), PART_SIZE))]


def parsed(value: object) -> str:
    """`value` as a script expression and statement end: a string for JSON.parse rather than a
    literal, which a browser reads about twice as fast (the finder's data too)."""
    return parsed_text(compact(value))


def parsed_text(text: str) -> str:
    """`parsed` of a value written already as compact JSON `text`."""
    return "JSON.parse(" + json.dumps(text, ensure_ascii=False) + ");\n"


def _producer_row(site: Site, producer: Producer, lang: str, commune: int) -> list[str | int]:
    name = site.producer_name(producer, lang)
    return [producer.id, name, commune, searched(name, province().units[producer.commune].title)]


def searched(*texts: str) -> str:
    """Texts as the browser searches them: folded (`fold_tone_marks`), each word after a space, so
    that " " + a folded word typed finds a word that begins with it ("ong" in "mat ong", not in "duong")."""
    words = _SEPARATORS.split(fold_tone_marks(" ".join(texts)))
    return "".join(" " + word for word in words if word)
