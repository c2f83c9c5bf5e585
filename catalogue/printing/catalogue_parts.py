"""How the printed catalogue is cut into files, so that none passes about 20 MB.

A reader at a fair wants one download with one contents and one print job, so a catalogue that
fits one file stays one file. A larger one is split by group (what a stand or a buyer looks for:
food, beverages, handicrafts…), and a group too large for one file by commune, whole communes
in the place list's order, so that each part still reads as a piece of the map. A single commune
too large for a file is cut in name order.

The cut is made when the jobs are planned, before any photo is made, from a budget per entry: the
site's 640 px JPEG of a cover photo (the print variant) is at most about 90 KB, and the entry's
text and vector QR code about 5 KB more. tools/bench_print.py prints the measured bytes per entry.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TypeVar

from ..languages import t
from ..places import province
from ..translated import term
from ..vocab import GROUP_LABELS, Group

PART_LIMIT = 20_000_000  # bytes: what a phone on mobile data or a fair's laptop still opens comfortably
FIXED_BYTES = 1_000_000  # the embedded fonts (three weights), the cover and the contents
ENTRY_BYTES = 100_000  # one product: its photo, text and code (see above)
MAX_ENTRIES = (PART_LIMIT - FIXED_BYTES) // ENTRY_BYTES
LISTED_COMMUNES = 3  # a part of more communes is named by its first and last

Product = TypeVar("Product")


@dataclass(frozen=True)
class CataloguePart:
    """One file of the printed catalogue: the whole (no group), one group, or some communes of a group.

    `communes` are commune ids in the place list's order (empty: every commune of the group);
    `number` counts the group's parts from 1, `of` is how many it has.
    """

    group: Group | None = None
    communes: tuple[str, ...] = ()
    number: int = 1
    of: int = 1

    @property
    def slug(self) -> str | None:
        """What the file name adds to `catalogue-<lang>`: None, `thuc-pham`, `thuc-pham-2`."""
        if self.group is None:
            return None
        return self.group.value if self.of == 1 else f"{self.group.value}-{self.number}"

    def label(self, lang: str) -> str:
        """The part in words in `lang`: '' for the whole, 'Thực phẩm', 'Thực phẩm (2/3): Mường Than, Tam Đường'."""
        if self.group is None:
            return ""
        group = term(GROUP_LABELS[self.group], lang)
        if self.of == 1:
            return group
        return t(lang, "print_part", group=group, n=self.number, of=self.of, communes=_communes(self.communes, lang))


WHOLE = CataloguePart()  # the catalogue in one file


def split_catalogue(
    products: Sequence[Product], group_of: Callable[[Product], Group], commune_of: Callable[[Product], str], limit: int = MAX_ENTRIES
) -> list[tuple[CataloguePart, list[Product]]]:
    """The parts and their products, each keeping the order given; every part holds at most `limit`."""
    if len(products) <= limit:
        return [(WHOLE, list(products))] if products else []
    made: list[tuple[CataloguePart, list[Product]]] = []
    for group in Group:
        members = [product for product in products if group_of(product) == group]
        if not members:
            continue
        if len(members) <= limit:
            made.append((CataloguePart(group), members))
            continue
        pieces = _by_commune(members, commune_of, limit)
        made += [(CataloguePart(group, communes, number, len(pieces)), chunk) for number, (communes, chunk) in enumerate(pieces, 1)]
    return made


def _by_commune(members: list[Product], commune_of: Callable[[Product], str], limit: int) -> list[tuple[tuple[str, ...], list[Product]]]:
    """Whole communes packed in place-list order into pieces of at most `limit`; a commune above it alone, cut."""
    order = {commune: index for index, commune in enumerate(province().units)}
    found: dict[str, list[Product]] = {}  # each commune's products, in one pass: a province has a hundred communes
    for product in members:
        found.setdefault(commune_of(product), []).append(product)
    pieces: list[tuple[tuple[str, ...], list[Product]]] = []
    for commune in sorted(found, key=lambda c: (order.get(c, len(order)), c)):
        own = found[commune]
        if pieces and len(pieces[-1][1]) + len(own) <= limit:
            pieces[-1] = ((*pieces[-1][0], commune), pieces[-1][1] + own)
            continue
        pieces += [((commune,), own[start : start + limit]) for start in range(0, len(own), limit)]
    return pieces


def _communes(ids: tuple[str, ...], lang: str) -> str:
    units = province().units
    names = [units[commune].name if commune in units else commune for commune in ids]
    if len(names) <= LISTED_COMMUNES:
        return ", ".join(names)
    return t(lang, "print_part_range", first=names[0], last=names[-1], n=len(names))
