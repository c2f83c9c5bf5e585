"""The OCOP star phrase, 'OCOP ★★★★ 4 sao': Be Vietnam Pro has no ★, so the stars are polygons."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..makers.fonts import PT, set_font
from ..makers.shapes import star_points
from .items import stars_words
from .text import ASCENT, LEADING, string_width

if TYPE_CHECKING:
    from fpdf import FPDF

GOLD = (245, 184, 0)
GOLD_EDGE = (122, 92, 0)  # an outline, so that the stars stay visible from a black-and-white printer
STAR_ADVANCE = 1.0  # ems taken by one star
MAX_STARS = 5
STAR_MIDDLE = 0.36  # ems above the baseline: the stars sit on the text's x-height


def draw_star_row(pdf: FPDF, x: float, cy: float, stars: int, em: float) -> None:
    """`stars` gold stars with a thin dark outline side by side from `x`, one `em` apart, centred on `cy`."""
    pdf.set_fill_color(*GOLD)
    pdf.set_draw_color(*GOLD_EDGE)
    pdf.set_line_width(max(0.06, em * 0.05))
    for i in range(stars):
        pdf.polygon(star_points(x + STAR_ADVANCE * em * (i + 0.5), cy, 0.46 * em), style="DF")


@dataclass(frozen=True)
class StarPhrase:
    """'OCOP', the stars and '4 sao' (or '4-star'): on one line, or stars above the words."""

    stars: int
    words: str
    size_pt: float
    lines: int

    @property
    def height(self) -> float:
        """Height it takes, mm."""
        return self.lines * self.size_pt * PT * LEADING


def star_phrase(pdf: FPDF, stars: int, lang: str, size_pt: float, width: float) -> StarPhrase:
    """The phrase for a box `width` mm wide: one line at up to 1 pt smaller, else two lines.

    The choice is made for five stars, so that every label of a sheet has the same layout.
    """
    words = stars_words(stars, lang)
    for size in (size_pt, size_pt - 0.5, size_pt - 1):
        set_font(pdf, "bold", size)
        head = string_width(pdf, "OCOP ")
        set_font(pdf, "regular", size)
        if head + MAX_STARS * STAR_ADVANCE * size * PT + string_width(pdf, " " + stars_words(MAX_STARS, lang)) <= width:
            return StarPhrase(stars, words, size, 1)
    return StarPhrase(stars, words, size_pt, 2)


def draw_star_phrase(pdf: FPDF, phrase: StarPhrase, x: float, y: float, ink: tuple[int, int, int]) -> None:
    """Draw the phrase with its top at `y`: the words in `ink`, 'OCOP' in bold."""
    em = phrase.size_pt * PT
    baseline = y + em * ASCENT
    pdf.set_text_color(*ink)
    if phrase.lines == 2:
        draw_star_row(pdf, x, baseline - STAR_MIDDLE * em, phrase.stars, em)
        set_font(pdf, "bold", phrase.size_pt)
        pdf.text(x, baseline + em * LEADING, f"OCOP {phrase.words}")
        return
    set_font(pdf, "bold", phrase.size_pt)
    pdf.text(x, baseline, "OCOP")
    cursor = x + string_width(pdf, "OCOP ")
    draw_star_row(pdf, cursor, baseline - STAR_MIDDLE * em, phrase.stars, em)
    set_font(pdf, "regular", phrase.size_pt)
    pdf.text(cursor + phrase.stars * STAR_ADVANCE * em, baseline, " " + phrase.words)
