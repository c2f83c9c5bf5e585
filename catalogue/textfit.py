"""How much of a text fits a width: one search shared by the PDF layouts (fpdf) and the share
cards (Pillow), which measure text in their own ways."""

from __future__ import annotations

from collections.abc import Callable


def fitting_prefix(text: str, width: float, measure: Callable[[str], float], most: int | None = None) -> int:
    """How many leading characters of `text` fit in `width` as `measure` sizes them (at least one).

    A prefix only grows wider as it grows longer, and measuring costs time in proportion to the
    length measured: so double the length until it no longer fits (never past `most`, a count
    known to be too many), then search between by halves. A piece of k characters costs about
    k log k characters measured, where trying every length would cost k².
    """
    limit = len(text) if most is None else max(1, min(len(text), most))
    fits, step = 1, 1
    while fits < limit:
        trial = min(limit, fits + step)
        if measure(text[:trial]) > width:
            break
        fits, step = trial, step * 2
    else:
        return fits
    low, high = fits, min(limit, fits + step) - 1  # the prefix of `low` fits; that of high + 1 does not
    while low < high:
        middle = (low + high + 1) // 2
        if measure(text[:middle]) <= width:
            low = middle
        else:
            high = middle - 1
    return low
