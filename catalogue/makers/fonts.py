"""The fonts of every PDF: Be Vietnam Pro, shipped by the `fontpkg-be-vietnam-pro` package.

It is made for Vietnamese (every precomposed letter with its tone mark, such as ậ, ữ, Ủ), so text
needs no shaping and extracts from the PDF exactly as written. It has no star glyph (U+2605):
stars are drawn as polygons (see `catalogue.makers.shapes`).
"""

from __future__ import annotations

import contextlib
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Literal

import fontpkg_be_vietnam_pro

if TYPE_CHECKING:  # fpdf takes about 0.4 s to import, and a web build whose print files are cached needs none of it
    from fpdf import FPDF

Weight = Literal["regular", "semibold", "bold"]

FAMILY = "BeVietnamPro"
FONT_DIR = Path(fontpkg_be_vietnam_pro.ROOT) / "files"
# fpdf2 knows only the styles B and I, so semi-bold is a family of its own.
_FACES: dict[Weight, tuple[str, str, str]] = {
    "regular": (FAMILY, "", "Regular"),
    "bold": (FAMILY, "B", "Bold"),
    "semibold": (f"{FAMILY}SemiBold", "", "SemiBold"),
}
# A fixed date keeps the bytes of a PDF a function of its inputs (the media cache relies on it).
REPRODUCIBLE_DATE = datetime(2025, 1, 1, tzinfo=UTC)
PT = 25.4 / 72  # millimetres per point


def font_file(weight: Weight = "regular") -> Path:
    """The TTF file of a weight."""
    return FONT_DIR / f"BeVietnamPro-{_FACES[weight][2]}.ttf"


def new_pdf(
    page: str | tuple[float, float] = "A4",
    title: str | None = None,
    weights: tuple[Weight, ...] = ("regular", "bold"),
    created: datetime = REPRODUCIBLE_DATE,
) -> FPDF:
    """An empty FPDF in millimetres with the given `weights` of Be Vietnam Pro added.

    `page` is a format name ("A4") or (width, height) in mm, portrait. Automatic page breaks are
    off (every layout places its own boxes), streams are compressed and the creation date is
    `created`, so the same inputs give the same bytes. fpdf2 embeds (a subset of) every font
    added, used or not, so add only the weights the document uses; choose one with `set_font`.
    """
    from fpdf import FPDF

    pdf = FPDF(orientation="portrait", unit="mm", format=page)
    pdf.set_auto_page_break(False)
    pdf.set_margin(0)
    pdf.set_compression(True)
    pdf.set_creation_date(created)
    pdf.set_creator("ocop-catalogue")
    pdf.set_lang("vi")
    if title:
        pdf.set_title(title)
    for weight in weights:
        family, style, _ = _FACES[weight]
        pdf.add_font(family, style, font_file(weight))
    return pdf


def load_fonts() -> None:
    """Load fpdf2 and every weight (about 0.25 s), so that drawing a PDF later finds them loaded:
    the media's processes do it while the build validates the catalogue (catalogue/jobs/run.py,
    `warm_pool`), before the printed catalogue's part, the labels and the poster an edit remakes."""
    with contextlib.suppress(Exception):  # a job that needs them reports what is wrong
        new_pdf(weights=tuple(_FACES))


def set_font(pdf: FPDF, weight: Weight, size_pt: float) -> None:
    """Select Be Vietnam Pro in `weight` at `size_pt` points."""
    family, style, _ = _FACES[weight]
    pdf.set_font(family, style, size_pt)
