"""Text that must fit a box: wrap to a few lines, shrink the font down to a floor, then cut with '…'."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..makers.fonts import PT, Weight, set_font
from ..textfit import fitting_prefix

if TYPE_CHECKING:
    from fpdf import FPDF

LEADING = 1.25  # line height in ems: Vietnamese stacks two marks on some capitals (Ẩ, Ữ)
ASCENT = 1.0  # first baseline below the top of the box, in ems
ELLIPSIS = "…"


@dataclass(frozen=True)
class Fitted:
    """Lines of text set in one weight and size; `height` is the box they take, in mm."""

    lines: tuple[str, ...]
    weight: Weight
    size_pt: float
    leading: float = LEADING

    @property
    def line_height(self) -> float:
        """Distance between baselines, mm."""
        return self.size_pt * PT * self.leading

    @property
    def height(self) -> float:
        """Height of all the lines, mm."""
        return len(self.lines) * self.line_height


def string_width(pdf: FPDF, text: str) -> float:
    """`pdf.get_string_width(text)`, remembered by font, size and text: fitting a printed
    catalogue's entries measures the same words and lines thousands of times, and fpdf2 copies
    its graphics state for each measure."""
    key = (pdf.font_family, pdf.font_style, pdf.font_size_pt, pdf.font_stretching, pdf.char_spacing, pdf.k, text)
    found = _WIDTHS.get(key)
    if found is None:
        if len(_WIDTHS) >= _MOST_WIDTHS:
            _WIDTHS.clear()
        found = _WIDTHS[key] = pdf.get_string_width(text)
    return found


_WIDTHS: dict[tuple[object, ...], float] = {}
_MOST_WIDTHS = 200_000  # about 40 MB


def wrap(pdf: FPDF, text: str, width: float, max_lines: int | None = None) -> list[str]:
    """Break `text` into lines no wider than `width` in the current font, between words where possible.

    With `max_lines`, stop once there are more lines than that (the caller only needs to know that
    the text does not fit), so a long text costs no more than the lines it could show.
    """
    limit = len(text) if max_lines is None else max_lines
    lines: list[str] = []
    line = ""
    for word in text.split():
        if len(lines) > limit:
            return lines
        candidate = f"{line} {word}" if line else word
        if string_width(pdf, candidate) <= width:
            line = candidate
            continue
        if line:
            lines.append(line)
            if string_width(pdf, word) <= width:
                line = word
                continue
        pieces = _cut_word(pdf, word, width)  # a word longer than the box is cut into pieces that fit
        line = next(pieces)
        for piece in pieces:
            if len(lines) > limit:
                return lines
            lines.append(line)
            line = piece
    if line:
        lines.append(line)
    return lines


def fit(
    pdf: FPDF, text: str, box: tuple[float, float], weight: Weight, sizes: tuple[float, float], max_lines: int, leading: float = LEADING
) -> Fitted:
    """Set `text` in a (width, height) box in at most `max_lines` lines.

    Tries the largest size of `sizes` (max, min) first and shrinks by half points; at the smallest
    size, text that still does not fit is cut and ends with an ellipsis.
    """
    width, height = box
    largest, smallest = sizes
    size = largest
    while True:
        set_font(pdf, weight, size)
        lines = wrap(pdf, text, width, max_lines)
        fitted = Fitted(tuple(lines), weight, size, leading)
        if len(lines) <= max_lines and fitted.height <= height + 1e-6:
            return fitted
        if size - 0.5 < smallest:
            break
        size -= 0.5
    room = max(1, min(max_lines, int((height + 1e-6) // fitted.line_height)))
    kept = lines[:room]
    kept[-1] = _ellipsize(pdf, kept[-1], width)
    return Fitted(tuple(kept), weight, size, leading)


def draw(pdf: FPDF, fitted: Fitted, x: float, y: float, align_width: float | None = None) -> None:
    """Draw the lines with the top of the first at `y`; centred in `align_width` when it is given."""
    set_font(pdf, fitted.weight, fitted.size_pt)
    baseline = y + fitted.size_pt * PT * ASCENT
    for line in fitted.lines:
        offset = (align_width - string_width(pdf, line)) / 2 if align_width else 0
        pdf.text(x + offset, baseline, line)
        baseline += fitted.line_height


def width(pdf: FPDF, fitted: Fitted) -> float:
    """Width of the widest line of `fitted`, mm (for right-aligned text)."""
    set_font(pdf, fitted.weight, fitted.size_pt)
    return max((string_width(pdf, line) for line in fitted.lines), default=0.0)


def _cut_word(pdf: FPDF, word: str, width: float) -> Iterator[str]:
    """`word` in pieces no wider than `width` (each at least one character), cutting after a '/'
    (or else a '-') when one falls in the second half of a piece.

    Each piece is found by `fitting_prefix` (catalogue/textfit.py), which measures about k log k characters for a piece
    of k, so cutting a word of n characters costs about n log n, however long it is.
    """
    rest = word
    while True:
        fits = fitting_prefix(rest, width, lambda piece: string_width(pdf, piece))
        if fits == len(rest):
            yield rest
            return
        cut = _soft_cut(rest, fits)
        yield rest[:cut]
        rest = rest[cut:]


def _soft_cut(word: str, fits: int) -> int:
    """Where to cut a word of which `fits` characters fit: after a '/' in the second half of
    them, or else after the last '/' or '-', or else at `fits`."""
    slash = word.rfind("/", 0, fits)
    soft = slash if slash > fits // 2 else max(slash, word.rfind("-", 0, fits))
    return soft + 1 if soft > 0 else fits


def _ellipsize(pdf: FPDF, line: str, width: float) -> str:
    """`line` with '…' at its end, shortened (at a word if it can) until it fits."""
    text = line.rstrip()
    while text and string_width(pdf, text + ELLIPSIS) > width:
        text = text[:-1].rstrip()
    return text + ELLIPSIS
