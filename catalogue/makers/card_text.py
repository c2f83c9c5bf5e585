"""Text that must fit a box on a share card (Pillow, pixels): wrap, shrink down to a floor, then cut with '…'.

Every step measures whole lines with the font (a C call) and stops as soon as the box is full, so
a name of any length costs a few dozen measurements per size tried: a word too long for a line is
cut by a binary search, never character by character.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from PIL import ImageFont

from ..textfit import fitting_prefix
from .fonts import Weight, font_file

ELLIPSIS = "…"
MIN_ADVANCE = 0.15  # ems: narrower than any letter of Be Vietnam Pro (ı, l and . are about 0.25)
LEADING = 1.22  # line height in ems: Vietnamese stacks two marks on some capitals (Ẩ, Ữ)
_WORD = re.compile(r"\S+")


@lru_cache(maxsize=64)
def font(weight: Weight, size: int) -> ImageFont.FreeTypeFont:
    """Be Vietnam Pro in `weight` at `size` pixels (the font the PDFs use, made for Vietnamese).

    Pillow lays text out with libraqm when it has it (about thirty times faster to measure) and
    else with its basic engine, which is enough too: text is NFC, every Vietnamese letter one glyph.
    """
    return ImageFont.truetype(str(font_file(weight)), size)


@dataclass(frozen=True)
class Fitted:
    """Lines set in one weight and size; `line_height` is the distance between their tops, px."""

    lines: tuple[str, ...]
    weight: Weight
    size: int

    @property
    def font(self) -> ImageFont.FreeTypeFont:
        """The font the lines were measured in."""
        return font(self.weight, self.size)

    @property
    def line_height(self) -> int:
        """Distance between the tops of two lines, px."""
        return round(self.size * LEADING)

    @property
    def height(self) -> int:
        """Height of all the lines, px."""
        return len(self.lines) * self.line_height


def fit(text: str, weight: Weight, box: tuple[int, int], sizes: tuple[int, int], max_lines: int, step: int = 4) -> Fitted:
    """Set `text` in a (width, height) box in at most `max_lines` lines.

    Uses the largest of `sizes` (largest, smallest), stepping down by `step` pixels, at which the
    whole text fits (found by halving: a smaller size never holds less); at the smallest size,
    text that still does not fit is cut and ends with '…'.
    """
    candidates = list(range(sizes[0], sizes[1] - 1, -step)) or [sizes[0]]
    best = _attempt(text, weight, box, candidates[0], max_lines)
    if best.complete:
        return best.fitted
    low, high = 1, len(candidates) - 1
    while low <= high:  # candidates[low - 1] did not fit; the smallest that was tried and fits is best
        middle = (low + high) // 2
        attempt = _attempt(text, weight, box, candidates[middle], max_lines)
        if attempt.complete:
            best, high = attempt, middle - 1
        else:
            low = middle + 1
    if best.complete:
        return best.fitted
    smallest = best if best.fitted.size == candidates[-1] else _attempt(text, weight, box, candidates[-1], max_lines)
    lines = list(smallest.fitted.lines)
    lines[-1] = ellipsize(lines[-1], font(weight, candidates[-1]), box[0])
    return Fitted(tuple(lines), weight, candidates[-1])


@dataclass(frozen=True)
class _Attempt:
    fitted: Fitted
    complete: bool


def _attempt(text: str, weight: Weight, box: tuple[int, int], size: int, max_lines: int) -> _Attempt:
    rows = max(1, min(max_lines, int(box[1] // round(size * LEADING))))
    lines, complete = wrap(text, font(weight, size), box[0], rows)
    return _Attempt(Fitted(tuple(lines), weight, size), complete)


def wrap(text: str, face: ImageFont.FreeTypeFont, width: int, max_lines: int) -> tuple[list[str], bool]:
    """Break `text` into at most `max_lines` lines no wider than `width`, between words where
    possible; also whether the whole text fitted."""
    most = _most_characters(face, width)
    lines: list[str] = []
    line = ""
    for match in _WORD.finditer(text):
        word = match.group()
        candidate = f"{line} {word}" if line else word
        if len(candidate) <= most and face.getlength(candidate) <= width:
            line = candidate
            continue
        if line:
            lines.append(line)
        line = word
        while len(line) > 1 and (len(line) > most or face.getlength(line) > width):  # a word longer than the line: cut it
            if len(lines) == max_lines:
                return lines, False
            cut = longest_prefix(line, face, width)
            lines.append(line[:cut])
            line = line[cut:]
        if len(lines) == max_lines:
            return lines, False
    if line:
        lines.append(line)
    return lines, True


def _most_characters(face: ImageFont.FreeTypeFont, width: float) -> int:
    """More characters than a line `width` wide can hold: no letter is narrower than MIN_ADVANCE
    ems, so longer text needs no measuring (measuring costs time in proportion to its length)."""
    return int(width / (face.size * MIN_ADVANCE)) + 1


def longest_prefix(text: str, face: ImageFont.FreeTypeFont, width: float) -> int:
    """How many characters of `text` fit in `width` (at least one), never parting a letter from its mark."""
    low = fitting_prefix(text, width, face.getlength, _most_characters(face, width))
    while low > 1 and low < len(text) and unicodedata.combining(text[low]):
        low -= 1
    return low


def ellipsize(line: str, face: ImageFont.FreeTypeFont, width: float) -> str:
    """`line` cut so that it and a closing '…' fit in `width`."""
    room = width - face.getlength(ELLIPSIS)
    kept = line[: longest_prefix(line, face, room)] if face.getlength(line) > room else line
    return kept.rstrip() + ELLIPSIS
