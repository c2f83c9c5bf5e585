"""Where the printed catalogue puts things: A4 geometry, entries two to a page, contents in columns.

Pure arithmetic, no PDF: the page of every entry is known before anything is drawn, so the
contents (which come first) can print page numbers and link to pages not yet made.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from ..vocab import Group
from .items import CatalogueEntry

PAGE_WIDTH, PAGE_HEIGHT = 210.0, 297.0
MARGIN = 15.0
BODY_TOP, BODY_BOTTOM = 21.0, 283.0  # between the running head and the foot of a page
ENTRIES_PER_PAGE = 2
SLOT_HEIGHT = (BODY_BOTTOM - BODY_TOP) / ENTRIES_PER_PAGE


@dataclass(frozen=True)
class EntryPage:
    """A page of entries, all of one group; `number` counts from 1 like a PDF viewer does."""

    number: int
    group: Group
    entries: tuple[CatalogueEntry, ...]
    first_of_group: bool


def by_group(entries: Sequence[CatalogueEntry]) -> dict[Group, list[CatalogueEntry]]:
    """Every one of the six groups in the order of Decision 148, with its entries in the order given."""
    groups: dict[Group, list[CatalogueEntry]] = {group: [] for group in Group}
    for entry in entries:
        groups[entry.group].append(entry)
    return groups


def entry_pages(groups: dict[Group, list[CatalogueEntry]], first_page: int) -> list[EntryPage]:
    """The entries `ENTRIES_PER_PAGE` to a page from page `first_page`, each group starting a new page."""
    pages: list[EntryPage] = []
    for group, entries in groups.items():
        for start in range(0, len(entries), ENTRIES_PER_PAGE):
            chunk = tuple(entries[start : start + ENTRIES_PER_PAGE])
            pages.append(EntryPage(first_page + len(pages), group, chunk, start == 0))
    return pages


def flow(heights: Sequence[float], keep_with_next: Sequence[bool], column_height: float, columns: int) -> list[list[list[int]]]:
    """Rows of the given heights poured into columns, top to bottom, `columns` to a page.

    Returns, per page and per column, the indices of its rows. A row marked `keep_with_next` (a
    heading) moves to the next column rather than end one. A row taller than a column gets a
    column of its own.
    """
    pages: list[list[list[int]]] = [[[]]]
    used = 0.0
    for index, height in enumerate(heights):
        needed = height
        if keep_with_next[index] and index + 1 < len(heights):
            needed += heights[index + 1]
        column = pages[-1][-1]
        if column and used + needed > column_height + 1e-6:
            if len(pages[-1]) == columns:
                pages.append([])
            pages[-1].append([])
            column, used = pages[-1][-1], 0.0
        column.append(index)
        used += height
    return pages
