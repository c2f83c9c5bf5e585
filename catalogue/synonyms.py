"""Synonyms for the finder: words that people use for the same thing (chè and trà, mắc ca and macadamia).

A list of groups in the settings (`synonyms:` in catalogue.yaml); a query that names one term of
a group also finds products that use another. The browser does the matching
(overrides/assets/ocop-finder.js) from the groups shipped in data/finder-<lang>.js. A term is
recognised without tone marks ("che" is "chè"), and its synonyms are then looked for with the
marks as the list writes them, so that "chè" finds "trà" but not "sơn tra".
"""

from __future__ import annotations

import re
import unicodedata
from typing import Annotated

from pydantic import AfterValidator, Field, StrictStr

from .fields import fail
from .rules import fold_tone_marks

TERM_MAX = 40
# Letters (with their marks) and digits, in words separated by single spaces or hyphens.
_TERM = re.compile(r"^[^\W_]+(?:[ -][^\W_]+)*$")

DEFAULT_SYNONYMS: list[list[str]] = [
    ["chè", "trà"],
    ["mắc ca", "macadamia"],
    ["sơn tra", "táo mèo"],
    ["lợn", "heo"],
]


def _term(value: str) -> str:
    text = unicodedata.normalize("NFC", value).strip()
    if not text or len(text) > TERM_MAX or not _TERM.match(text):
        raise fail("invalid-value", "synonyms.term", got=value, max=TERM_MAX)
    return text.lower()


def _groups(groups: list[list[str]]) -> list[list[str]]:
    seen: dict[str, int] = {}
    for number, group in enumerate(groups, start=1):
        if len({fold_tone_marks(term) for term in group}) < 2:
            raise fail("invalid-value", "synonyms.alone", group=number, got=", ".join(group))
        for term in group:
            key = fold_tone_marks(term)
            if key in seen and seen[key] != number:
                raise fail("invalid-value", "synonyms.twice", term=term, first=seen[key], second=number)
            seen[key] = number
    return groups


Term = Annotated[StrictStr, AfterValidator(_term)]
Synonyms = Annotated[list[list[Term]], AfterValidator(_groups)]


def synonyms_field() -> object:
    """The `synonyms` setting's field, with its default list and description."""
    return Field(
        default_factory=lambda: [list(group) for group in DEFAULT_SYNONYMS],
        description="Groups of words that mean the same thing to a shopper, for the finder: "
        "`synonyms: [[chè, trà], [mắc ca, macadamia]]`. A query with one term of a group also finds "
        "products named with another. Each group has two terms or more; a term (letters and digits, "
        f"words separated by spaces, at most {TERM_MAX} characters) belongs to one group only. "
        "The default: " + "; ".join(", ".join(group) for group in DEFAULT_SYNONYMS) + ".",
    )
