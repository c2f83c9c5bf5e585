"""QR codes in PDF, as vectors: on label sheets and posters, and as one-page files for packaging printers."""

from __future__ import annotations

from fpdf import FPDF
from fpdf.drawing import PaintedPath

from .fonts import new_pdf
from .qr import QrMatrix

MODULE_MM = 0.8  # a version-4 code with its quiet zone is 32.8 mm: the label size the print notes advise


def draw_qr(pdf: FPDF, matrix: QrMatrix, x: float, y: float, size_mm: float) -> None:
    """Draw `matrix` with its top-left corner at (x, y), `size_mm` wide, quiet zone included.

    A white square covers the whole code with its quiet zone, so the code reads on any background.
    The dark modules are one rectangle per horizontal run, all in a single filled path with no
    stroke: a renderer fills them in one pass, so no hairline seams appear between rows.
    """
    module = size_mm / matrix.size
    pdf.set_fill_color(255)
    pdf.rect(x, y, size_mm, size_mm, style="F")
    path = PaintedPath()
    path.style.fill_color = "#000000"
    path.style.stroke_color = None
    for row, column, length in matrix.dark_runs():
        path.rectangle(x + column * module, y + row * module, length * module, module)
    # The path is built here and never reused, so fpdf2 need not copy it.
    pdf.draw_path(path, copy=False)


def qr_pdf(matrix: QrMatrix, module_mm: float = MODULE_MM) -> bytes:
    """A one-page PDF exactly the size of the code (quiet zone included) and nothing else on it."""
    if module_mm <= 0:
        raise ValueError(f"module size must be positive, got {module_mm} mm")
    size = matrix.size * module_mm
    pdf = new_pdf((size, size), title=matrix.text, weights=())
    pdf.add_page()
    draw_qr(pdf, matrix, 0, 0, size)
    return bytes(pdf.output())
