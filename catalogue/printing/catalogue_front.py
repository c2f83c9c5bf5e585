"""The front of the printed catalogue: the cover, then the contents by group with page numbers."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from ..makers.fonts import PT, set_font
from ..pages.i18n import format_date, t
from ..translated import term
from ..vocab import GROUP_LABELS, Group
from . import text
from .catalogue_layout import BODY_BOTTOM, MARGIN, PAGE_HEIGHT, PAGE_WIDTH
from .items import CatalogueEntry
from .stars import draw_star_row

if TYPE_CHECKING:
    from fpdf import FPDF

INK, GREY, GREEN, WHITE = (17, 17, 17), (85, 85, 85), (11, 110, 79), (255, 255, 255)
DEMO_FILL, DEMO_INK, DEMO_EDGE = (255, 244, 214), (74, 53, 0), (138, 83, 0)
BAND = 118.0  # mm of green at the top of the cover
COLUMNS, COLUMN_GAP = 2, 8.0
COLUMN_WIDTH = (PAGE_WIDTH - 2 * MARGIN - (COLUMNS - 1) * COLUMN_GAP) / COLUMNS
CONTENTS_TOP = 36.0
COLUMN_HEIGHT = BODY_BOTTOM - CONTENTS_TOP
NUMBER_ROOM = 10.0  # mm kept at the right of a column for page numbers
HEADING_GAP = 3.0


@dataclass(frozen=True)
class Cover:
    """What the cover says, in the catalogue's language; `data_date` is the day the statuses hold for."""

    site_name: str
    province: str
    site_url: str
    data_date: date
    demo: bool
    part: str = ""  # which part of a split catalogue this file is, in words ('' for the whole)


@dataclass(frozen=True)
class ContentsRow:
    """A line of the contents: a group heading, a product, or the note of an empty group."""

    lines: text.Fitted
    heading: bool
    target: str | None  # "group:<group>" or a product id: what its page number and link lead to

    @property
    def height(self) -> float:
        """Height it takes in a column, mm."""
        return self.lines.height + (HEADING_GAP if self.heading else 0)


def draw_cover(pdf: FPDF, cover: Cover, lang: str, entries: int) -> None:
    """The cover page: site name, title, province, date of the data, count, the demo notice and a status note."""
    width = PAGE_WIDTH - 2 * MARGIN
    pdf.set_fill_color(*GREEN)
    pdf.rect(0, 0, PAGE_WIDTH, BAND, style="F")
    draw_star_row(pdf, MARGIN, 34, 5, 12)
    pdf.set_text_color(*WHITE)
    name = text.fit(pdf, cover.site_name, (width, 30), "bold", (30, 20), 2)
    text.draw(pdf, name, MARGIN, 50)
    title = text.fit(pdf, t(lang, "print_title"), (width, 18), "regular", (17, 12), 2)
    text.draw(pdf, title, MARGIN, 54 + name.height)
    y = BAND + 14
    if cover.part:
        part = text.fit(pdf, cover.part, (width, 20), "bold", (18, 11), 2)
        pdf.set_text_color(*GREEN)
        text.draw(pdf, part, MARGIN, y)
        y += part.height + 3
    for line, weight, size in (
        (t(lang, "print_province", p=cover.province), "bold", 18),
        (t(lang, "print_data_date", date=format_date(cover.data_date, lang)), "regular", 13),
        (t(lang, "in_force", n=entries), "regular", 13),
    ):
        fitted = text.fit(pdf, line, (width, 12), weight, (size, 9), 1)
        pdf.set_text_color(*INK)
        text.draw(pdf, fitted, MARGIN, y)
        y += fitted.height + 3
    y += 6
    if cover.demo:
        y = _notice(pdf, t(lang, "print_demo_title"), t(lang, "print_demo"), y, (DEMO_FILL, DEMO_INK, DEMO_EDGE)) + 6
    _notice(pdf, None, t(lang, "print_status_note"), y, ((240, 245, 241), INK, GREEN))
    pdf.set_text_color(*GREEN)
    address = text.fit(pdf, cover.site_url, (width, 8), "semibold", (13, 9), 1)
    text.draw(pdf, address, MARGIN, PAGE_HEIGHT - 28, align_width=width)


def _notice(pdf: FPDF, title: str | None, body: str, y: float, colours: tuple[tuple[int, int, int], ...]) -> float:
    """A boxed notice across the page; return the y below it."""
    fill, ink, edge = colours
    x, width, pad = MARGIN, PAGE_WIDTH - 2 * MARGIN, 5.0
    heading = text.fit(pdf, title.upper(), (width - 2 * pad, 8), "bold", (12, 9), 1) if title else None
    words = text.fit(pdf, body, (width - 2 * pad, 20), "regular", (11.5, 9), 3)
    height = 2 * pad + words.height + (heading.height + 1 if heading else 0)
    pdf.set_fill_color(*fill)
    pdf.set_draw_color(*edge)
    pdf.set_line_width(0.6)
    pdf.rect(x, y, width, height, style="DF")
    pdf.set_text_color(*ink)
    top = y + pad
    if heading:
        text.draw(pdf, heading, x + pad, top)
        top += heading.height + 1
    text.draw(pdf, words, x + pad, top)
    return y + height


def contents_rows(pdf: FPDF, groups: dict[Group, list[CatalogueEntry]], lang: str) -> list[ContentsRow]:
    """Every group (the empty ones too, saying so) with its products under it, set to the column width."""
    rows = []
    room = (COLUMN_WIDTH - NUMBER_ROOM, 30)
    for group, entries in groups.items():
        label = f"{term(GROUP_LABELS[group], lang)} ({len(entries)})"
        rows.append(ContentsRow(text.fit(pdf, label, room, "semibold", (10, 8.5), 3), True, f"group:{group.value}" if entries else None))
        if not entries:
            rows.append(ContentsRow(text.fit(pdf, t(lang, "no_products"), room, "regular", (8.5, 8.5), 1), False, None))
        for entry in entries:
            rows.append(ContentsRow(text.fit(pdf, entry.item.display_name(lang), room, "regular", (8.5, 8.5), 1), False, entry.item.id))
    return rows


def draw_contents_page(pdf: FPDF, rows: list[ContentsRow], columns: list[list[int]], page_of: dict[str, int], lang: str) -> None:
    """One page of the contents: the title, then its columns of rows, each with a page number linked to it."""
    set_font(pdf, "bold", 20)
    pdf.set_text_color(*INK)
    pdf.text(MARGIN, 28, t(lang, "contents"))
    for number, column in enumerate(columns):
        x, y = MARGIN + number * (COLUMN_WIDTH + COLUMN_GAP), CONTENTS_TOP
        for index in column:
            row = rows[index]
            top = y + (HEADING_GAP if row.heading else 0)
            pdf.set_text_color(*(GREEN if row.heading else INK if row.target else GREY))
            text.draw(pdf, row.lines, x, top)
            if row.target:
                page = page_of[row.target]
                label = str(page)
                pdf.text(x + COLUMN_WIDTH - text.string_width(pdf, label), top + row.lines.size_pt * PT * text.ASCENT, label)
                pdf.link(x, top, COLUMN_WIDTH, row.lines.height, pdf.add_link(page=page))
            y += row.height
