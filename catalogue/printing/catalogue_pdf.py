"""The printed catalogue: an A4 PDF with a cover, the contents by group, then every product in force.

Each group starts a new page and takes its products two to a page (see `catalogue_layout`). The
PDF has bookmarks for the contents, the groups and the products, and its contents link to pages.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from ..makers.fonts import new_pdf
from ..pages.i18n import format_date, t
from ..translated import term
from ..vocab import GROUP_LABELS
from . import text
from .catalogue_entry import draw_entry, entry_key, entry_photos
from .catalogue_front import COLUMN_HEIGHT, COLUMNS, Cover, contents_rows, draw_contents_page, draw_cover
from .catalogue_layout import BODY_TOP, MARGIN, PAGE_HEIGHT, PAGE_WIDTH, SLOT_HEIGHT, EntryPage, by_group, entry_pages, flow
from .items import CatalogueEntry, check_lang, require_in_force
from .kept_pieces import KeptPieces, number_glyphs

if TYPE_CHECKING:
    from fpdf import FPDF

__all__ = ["CatalogueEntry", "Cover", "catalogue_pdf"]

INK, GREY, GREEN, RULE = (17, 17, 17), (85, 85, 85), (11, 110, 79), (200, 206, 210)


def catalogue_pdf(entries: Sequence[CatalogueEntry], cover: Cover, lang: str, kept: KeptPieces | None = None) -> bytes:
    """The whole catalogue in `lang` ('vi' or 'en'), its statuses as on `cover.data_date`.

    Entries keep the order given within their group. Only products in force may appear: an
    expired or revoked entry is a ValueError, and so is an empty list. With `kept`, an entry drawn
    by an earlier build the same way is put back as it was drawn (the same bytes).
    """
    check_lang(lang)
    require_in_force([entry.item for entry in entries], "catalogue entries")
    if not entries:
        raise ValueError("catalogue: no products in force to print")
    pdf = new_pdf("A4", title=f"{cover.site_name}: {t(lang, 'print_title')}", weights=("regular", "semibold", "bold"))
    pdf.set_lang(lang)
    number_glyphs(pdf)
    kept = kept or KeptPieces(None)
    groups = by_group(entries)
    if cover.part:  # a part's contents list its own groups, not the others as empty
        groups = {group: members for group, members in groups.items() if members}
    rows = contents_rows(pdf, groups, lang)
    contents = flow([row.height for row in rows], [row.heading for row in rows], COLUMN_HEIGHT, COLUMNS)
    pages = entry_pages(groups, first_page=2 + len(contents))
    page_of = {f"group:{page.group.value}": page.number for page in pages if page.first_of_group}
    page_of |= {entry.item.id: page.number for page in pages for entry in page.entries}
    total = 1 + len(contents) + len(pages)
    pdf.add_page()
    draw_cover(pdf, cover, lang, len(entries))
    for index, columns in enumerate(contents):
        pdf.add_page()
        if index == 0:
            pdf.start_section(t(lang, "contents"))
        draw_contents_page(pdf, rows, columns, page_of, lang)
        _foot(pdf, cover, lang, total)
    for page in pages:
        _entry_page(pdf, page, cover, lang, total, kept)
    return kept.output(pdf)


def _entry_page(pdf: FPDF, page: EntryPage, cover: Cover, lang: str, total: int, kept: KeptPieces) -> None:
    pdf.add_page()
    group = term(GROUP_LABELS[page.group], lang)
    if page.first_of_group:
        pdf.start_section(group)
    _running_head(pdf, group, cover.site_name)
    for slot, entry in enumerate(page.entries):
        top = BODY_TOP + slot * SLOT_HEIGHT
        pdf.start_section(entry.item.display_name(lang), level=1)
        if slot:
            pdf.set_draw_color(*GREEN)
            pdf.set_line_width(0.4)
            pdf.line(MARGIN, top, PAGE_WIDTH - MARGIN, top)
        kept.draw(
            pdf,
            entry_key(entry, lang, cover.data_date, top),
            lambda: draw_entry(pdf, entry, lang, cover.data_date, top),  # noqa: B023 (called at once)
            lambda: entry_photos(entry),  # noqa: B023
        )
    _foot(pdf, cover, lang, total)


def _running_head(pdf: FPDF, group: str, site_name: str) -> None:
    """The group's name on the left and the site's on the right, over a green rule."""
    width = PAGE_WIDTH - 2 * MARGIN
    name = text.fit(pdf, site_name, (width * 0.4, 5), "regular", (8, 7), 1)
    heading = text.fit(pdf, group.upper(), (width * 0.58, 5), "semibold", (9, 7), 1)
    pdf.set_text_color(*GREEN)
    text.draw(pdf, heading, MARGIN, 9)
    pdf.set_text_color(*GREY)
    text.draw(pdf, name, PAGE_WIDTH - MARGIN - text.width(pdf, name), 9.4)
    pdf.set_draw_color(*GREEN)
    pdf.set_line_width(0.5)
    pdf.line(MARGIN, 15, PAGE_WIDTH - MARGIN, 15)


def _foot(pdf: FPDF, cover: Cover, lang: str, total: int) -> None:
    """Date of the data (and 'demo data') on the left, 'page / pages' on the right."""
    words = t(lang, "print_data_date", date=format_date(cover.data_date, lang))
    if cover.demo:
        words += f" · {t(lang, 'print_demo_title')}"
    y = PAGE_HEIGHT - 11
    pdf.set_draw_color(*RULE)
    pdf.set_line_width(0.2)
    pdf.line(MARGIN, y - 2.5, PAGE_WIDTH - MARGIN, y - 2.5)
    left = text.fit(pdf, words, (120, 5), "regular", (7.5, 6.5), 1)
    pdf.set_text_color(*GREY)
    text.draw(pdf, left, MARGIN, y)
    number = text.fit(pdf, f"{pdf.page} / {total}", (40, 5), "semibold", (8, 8), 1)
    pdf.set_text_color(*INK)
    text.draw(pdf, number, PAGE_WIDTH - MARGIN - text.width(pdf, number), y)
