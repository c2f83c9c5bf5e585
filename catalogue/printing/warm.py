"""What a media process loads before its first print file, while the build validates the catalogue
(catalogue/jobs/run.py, `warm_pool`): the fonts, and what drawing any document loads the first
time (fpdf2's writing of a page, a photo and the file; PIL's image formats; Babel's dates in each
language print is made in; the libraries' versions, which the kept pieces' keys hold). An edit
draws one part of the printed catalogue in each language, its labels and its poster, each in
little time once these are loaded: loaded here, they are loaded on a core that would otherwise
wait, not while the pages are made."""

from __future__ import annotations

import contextlib
import io
from datetime import date

from ..formats import format_date
from ..jobs.cache import library_versions
from ..makers.fonts import load_fonts, new_pdf, set_font
from .items import print_languages

_SAMPLE = "Mật ong rừng Lai Châu · OCOP 2026"


def warm_up() -> None:
    """Load what print jobs need (see the module); a problem is left for the job that meets it to report."""
    load_fonts()
    with contextlib.suppress(Exception):
        library_versions()
        for lang in print_languages():
            format_date(date(2026, 1, 1), lang)
        _draw_sample()


def _draw_sample() -> None:
    """A page with a line in each weight and a small photo, written out as a file."""
    from PIL import Image

    photo = io.BytesIO()
    Image.new("RGB", (8, 6), (11, 110, 79)).save(photo, "JPEG")
    pdf = new_pdf("A4", title=_SAMPLE, weights=("regular", "semibold", "bold"))
    pdf.add_page()
    for line, weight in enumerate(("regular", "semibold", "bold"), start=1):
        set_font(pdf, weight, 10)
        pdf.text(10, 10 * line, _SAMPLE)
    pdf.image(photo, x=10, y=40, w=8, h=6)
    pdf.output()
