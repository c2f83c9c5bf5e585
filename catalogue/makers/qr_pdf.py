"""QR codes in PDF, as vectors: on label sheets and posters, and as one-page files for packaging printers."""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

from .fonts import new_pdf
from .qr import QrMatrix

if TYPE_CHECKING:
    from fpdf import FPDF

MODULE_MM = 0.8  # a version-4 code with its quiet zone is 32.8 mm: the label size the print notes advise


def draw_qr(pdf: FPDF, matrix: QrMatrix, x: float, y: float, size_mm: float) -> None:
    """Draw `matrix` with its top-left corner at (x, y), `size_mm` wide, quiet zone included.

    A white square covers the whole code with its quiet zone, so the code reads on any background.
    The dark modules are one rectangle per horizontal run, all in a single filled path with no
    stroke: a renderer fills them in one pass, so no hairline seams appear between rows. The path
    is drawn once per code in module units (`module_path`) and placed by a transformation, so the
    label sheets of every language and the printed catalogue reuse one drawing of each code.
    """
    pdf.set_fill_color(255)
    pdf.rect(x, y, size_mm, size_mm, style="F")
    scale = pdf.k * size_mm / matrix.size  # points per module; PDF's y axis points up, fpdf2's down
    left, top = x * pdf.k, (pdf.h - y) * pdf.k
    # fpdf2 has no public call for a prepared path; `_out` writes operators into the current page.
    pdf._out(f"q {scale:.4f} 0 0 {-scale:.4f} {left:.4f} {top:.4f} cm 0 g {module_path(matrix)} f Q")


@lru_cache(maxsize=4096)
def module_path(matrix: QrMatrix) -> str:
    """The PDF path operators of the dark runs of `matrix`, one module a unit, rows counted down.

    Building the same path through fpdf2's drawing objects costs about 15 ms a code, most of the
    time of a label sheet; these operators are a few hundred short strings.
    """
    return " ".join(f"{column} {row} {length} 1 re" for row, column, length in matrix.dark_runs())


def qr_pdf(matrix: QrMatrix, module_mm: float = MODULE_MM) -> bytes:
    """A one-page PDF exactly the size of the code (quiet zone included) and nothing else on it."""
    if module_mm <= 0:
        raise ValueError(f"module size must be positive, got {module_mm} mm")
    size = matrix.size * module_mm
    pdf = new_pdf((size, size), title=matrix.text, weights=())
    pdf.add_page()
    draw_qr(pdf, matrix, 0, 0, size)
    return bytes(pdf.output())
