"""Label-and-text lines drawn while there is room: the trade facts of a catalogue entry and the
contact and trade facts of a poster (catalogue/pages/trade.py words them for the page and print).

A line that does not fit the room left is not drawn, nor any after it: the product page, which
the QR code opens, has them all. Lines come in order of importance, so the first ones stay.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from ..makers.fonts import PT
from . import text

if TYPE_CHECKING:
    from fpdf import FPDF

INK = (17, 17, 17)


def draw_fact_lines(
    pdf: FPDF, lines: Sequence[tuple[str, str]], x: float, y: float, width: float, bottom: float, sizes: tuple[float, float] = (8.5, 7)
) -> float:
    """Draw "label: text" for each pair from `y` down, at most two lines each, stopping at the first
    that would pass `bottom`; return the y below the last drawn."""
    for label, value in lines:
        fitted = text.fit(pdf, f"{label}: {value}", (width, 2 * sizes[0] * PT * text.LEADING), "regular", sizes, 2)
        if y + fitted.height > bottom + 1e-6:
            break
        pdf.set_text_color(*INK)
        text.draw(pdf, fitted, x, y)
        y += fitted.height + 0.6
    return y
