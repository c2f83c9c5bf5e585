"""What the finder should find, worked out from the YAML files (Vietnamese site), to check the
browser's results against: the words of a query each begin a word of the product's name, tags,
producer, places or summary, with or without tone marks; a term of the settings' synonyms also
stands for the other terms of its group, written with their marks."""

from __future__ import annotations

import re
import unicodedata
from typing import Any

import yaml

from catalogue.places import province

from .conftest import REPO

SETTINGS = yaml.safe_load((REPO / "catalogue.yaml").read_text(encoding="utf-8"))
SYNONYMS: list[list[str]] = SETTINGS["synonyms"]
_SEPARATORS = re.compile(r"[\s,.;:()/\-–]+")


def plain(text: str) -> str:
    """Lowercase without tone marks, written independently of catalogue.rules."""
    text = unicodedata.normalize("NFKD", text.lower()).replace("đ", "d")
    return "".join(c for c in text if not unicodedata.combining(c))


def words(text: str) -> list[str]:
    return [w for w in _SEPARATORS.split(unicodedata.normalize("NFC", text.lower())) if w]


def _has(text_words: list[str], phrase: list[str]) -> bool:
    """`phrase` begins at the start of a word of `text_words` (its last word may be the start of a word)."""
    n = len(phrase)
    for i in range(len(text_words) - n + 1):
        if text_words[i : i + n - 1] == phrase[:-1] and text_words[i + n - 1].startswith(phrase[-1]):
            return True
    return False


def searched_texts(product: dict[str, Any], producers: dict[str, dict[str, Any]]) -> list[str]:
    """What a product is searched by on the Vietnamese site."""
    producer = producers[product["producer"]]
    units = province().units
    places = [producer["name"], units[producer["commune"]].title]
    origin = (product.get("origin") or {}).get("commune")
    if origin:
        places.append(units[origin].title)
    return [product["name"], " ".join(product.get("tags") or []), " ".join(places), product["summary"]]


def matches(query: str, product: dict[str, Any], producers: dict[str, dict[str, Any]]) -> bool:
    """Whether the finder should find `product` for `query`."""
    texts = searched_texts(product, producers)
    exact = [words(t) for t in texts]
    folded = [[plain(w) for w in ws] for ws in exact]
    typed = words(query)
    i = 0
    while i < len(typed):
        group, size = None, 1
        for candidate in SYNONYMS:
            for term in candidate:
                n = len(words(term))
                if n >= size and [plain(w) for w in typed[i : i + n]] == [plain(w) for w in words(term)]:
                    group, size = candidate, n
        own = [plain(w) for w in typed[i : i + size]]
        others = [words(term) for term in group or [] if [plain(w) for w in words(term)] != own]
        if not any(_has(f, own) for f in folded) and not any(_has(e, o) for e in exact for o in others):
            return False
        i += size
    return True
