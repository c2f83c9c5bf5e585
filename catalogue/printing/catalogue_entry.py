"""One product on half an A4 page of the printed catalogue.

The photo and the names, stars, status and summary share the top; below, the certificate, the
producer's contact and the product's QR code with its address, so that a reader can check the
certificate's status on the day they read it. Trade facts, when the product has them, fill the
room left under the certificate and the producer, as much of them as fits.
"""

from __future__ import annotations

import io
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PIL import Image

from ..jobs.cache import digest, plain
from ..languages import SOURCE
from ..makers.images import PhotoError
from ..makers.qr import encode
from ..makers.qr_pdf import draw_qr
from ..pages.i18n import format_date, format_phone, status_template, t
from ..status import CertificateStatus
from . import text
from .catalogue_layout import MARGIN, PAGE_WIDTH, SLOT_HEIGHT
from .fact_lines import draw_fact_lines
from .items import CatalogueEntry, check_lang
from .photo import MAX_PIXELS_WIDE, cover_jpeg
from .stars import draw_star_phrase, star_phrase

if TYPE_CHECKING:
    from fpdf import FPDF

WIDTH = PAGE_WIDTH - 2 * MARGIN
PHOTO = (88.0, 66.0)  # mm; 4:3, the shape of most product photos
TOP_PAD, GAP = 4.0, 6.0
QR_SIDE = 38.0  # mm with the quiet zone: over 1 mm modules, easy for a phone at reading distance
CERTIFICATE_WIDTH = 72.0
PRODUCER_WIDTH = WIDTH - CERTIFICATE_WIDTH - GAP - QR_SIDE - 2  # the code's own quiet zone does the rest
INK, GREY, GREEN, AMBER, PANEL, RULE = (17, 17, 17), (85, 85, 85), (11, 110, 79), (138, 83, 0), (232, 239, 233), (200, 206, 210)


def draw_entry(pdf: FPDF, entry: CatalogueEntry, lang: str, on: date, top: float) -> None:
    """Draw `entry` in the slot whose top is at `top`, its status as on the day `on` (the data's date)."""
    _photo(pdf, entry.item.photo, MARGIN, top + TOP_PAD)
    _heading(pdf, entry, lang, on, MARGIN + PHOTO[0] + GAP, top + TOP_PAD)
    band = top + TOP_PAD + PHOTO[1] + GAP
    pdf.set_draw_color(*RULE)
    pdf.set_line_width(0.2)
    pdf.line(MARGIN, band - GAP / 2, MARGIN + WIDTH, band - GAP / 2)
    below = max(_certificate(pdf, entry, lang, MARGIN, band), _producer(pdf, entry, lang, MARGIN + CERTIFICATE_WIDTH + GAP, band))
    _code(pdf, entry, lang, MARGIN + WIDTH - QR_SIDE, band)
    _trade(pdf, entry, lang, below + 1.5, top + SLOT_HEIGHT - 2)


def entry_key(entry: CatalogueEntry, lang: str, on: date, top: float) -> str:
    """What `draw_entry` draws, as a key for the pieces kept between builds (`kept_pieces`): the
    entry (its photo by path: the media cache names it by its content; its code by its modules),
    the language, the slot, and of the day only the status it gives in words: the daily rebuild
    draws again only the entries whose words count the days left."""
    code = entry.qr.modules_digest if entry.qr else None
    return digest("catalogue-entry", plain(replace(entry, qr=None)), code, lang, status_words(entry, lang, on), top)


def entry_photos(entry: CatalogueEntry) -> list[bytes]:
    """The images `draw_entry` puts on the page: its photo's JPEG when it has one that can be read."""
    photo = _photo_jpeg(entry.item.photo) if entry.item.photo else None
    return [photo[0]] if photo else []


def status_words(entry: CatalogueEntry, lang: str, on: date) -> str:
    """The certificate's status on `on` in the site's words: 'Còn hiệu lực', 'Sắp hết hạn (40 ngày nữa)'."""
    status = entry.item.status
    return status_template(status, lang).format(date=format_date(entry.expires, lang), days=(entry.expires - on).days)


def _heading(pdf: FPDF, entry: CatalogueEntry, lang: str, on: date, x: float, y: float) -> None:
    """Name (and the Vietnamese one under a translated name), stars, status and summary beside the photo."""
    width, bottom = MARGIN + WIDTH - x, y + PHOTO[1]
    check_lang(lang)
    shown = entry.item.localized_name(lang)
    name = text.fit(pdf, shown.text, (width, 22), "bold", (16, 11), 3)
    pdf.set_text_color(*INK)
    text.draw(pdf, name, x, y)
    y += name.height + 0.5
    if shown.lang != SOURCE:  # a translated name: the Vietnamese one, as on the package, under it
        original = text.fit(pdf, entry.item.name, (width, 9), "regular", (10, 8), 2)
        pdf.set_text_color(*GREY)
        text.draw(pdf, original, x, y)
        y += original.height
    phrase = star_phrase(pdf, entry.item.stars, lang, 11, width)
    draw_star_phrase(pdf, phrase, x, y + 1.5, GREEN)
    y += phrase.height + 2
    status = text.fit(pdf, status_words(entry, lang, on), (width, 9), "bold", (9.5, 8), 2)
    pdf.set_text_color(*(AMBER if entry.item.status is CertificateStatus.EXPIRING else GREEN))
    text.draw(pdf, status, x, y)
    y += status.height + 1.5
    room = bottom - y
    if room > 3:
        summary = text.fit(pdf, entry.summary_in(lang), (width, room), "regular", (9.5, 8), 5)
        pdf.set_text_color(*INK)
        text.draw(pdf, summary, x, y)


def _rows(pdf: FPDF, rows: list[tuple[str, str]], x: float, y: float, widths: tuple[float, float]) -> float:
    """Label and value pairs, the label in grey on the left; return the y below the last."""
    label_width, value_width = widths
    for label, value in rows:
        label_text = text.fit(pdf, label, (label_width - 1.5, 8), "regular", (7.5, 6.5), 2)
        value_text = text.fit(pdf, value, (value_width, 12), "regular", (8.5, 7), 3)
        pdf.set_text_color(*GREY)
        text.draw(pdf, label_text, x, y + 0.3)
        pdf.set_text_color(*INK)
        text.draw(pdf, value_text, x + label_width, y)
        y += max(label_text.height, value_text.height) + 0.8
    return y


def _section_title(pdf: FPDF, title: str, x: float, y: float, width: float) -> float:
    fitted = text.fit(pdf, title, (width, 6), "semibold", (9.5, 8), 1)
    pdf.set_text_color(*GREEN)
    text.draw(pdf, fitted, x, y)
    return y + fitted.height + 1


def _certificate(pdf: FPDF, entry: CatalogueEntry, lang: str, x: float, y: float) -> float:
    y = _section_title(pdf, t(lang, "certificate"), x, y, CERTIFICATE_WIDTH)
    rows = [
        (t(lang, "cert_number"), entry.certificate_number),
        (t(lang, "issuer"), entry.issuer),
        (t(lang, "issued"), format_date(entry.issued, lang)),
        (t(lang, "expires"), format_date(entry.expires, lang)),
    ]
    return _rows(pdf, rows, x, y, (26.0, CERTIFICATE_WIDTH - 26.0))


def _producer(pdf: FPDF, entry: CatalogueEntry, lang: str, x: float, y: float) -> float:
    y = _section_title(pdf, t(lang, "producer"), x, y, PRODUCER_WIDTH)
    name = text.fit(pdf, entry.producer_in(lang), (PRODUCER_WIDTH, 9), "bold", (9, 7.5), 2)
    pdf.set_text_color(*INK)
    text.draw(pdf, name, x, y)
    rows = [(t(lang, "address"), entry.address), (t(lang, "phone"), format_phone(entry.phone))]
    return _rows(pdf, rows, x, y + name.height + 1, (18.0, PRODUCER_WIDTH - 18.0))


# Beside the QR code: the trade facts take the certificate's and the producer's columns together.
TRADE_WIDTH = CERTIFICATE_WIDTH + GAP + PRODUCER_WIDTH


def _trade(pdf: FPDF, entry: CatalogueEntry, lang: str, y: float, bottom: float) -> None:
    """'Dành cho nhà phân phối' and the trade facts under the certificate and the producer, while room lasts."""
    lines = entry.trade_in(lang)
    if not lines or y + 10 > bottom:
        return
    y = _section_title(pdf, t(lang, "trade"), MARGIN, y, TRADE_WIDTH)
    draw_fact_lines(pdf, lines, MARGIN, y, TRADE_WIDTH, bottom, (8, 6.5))


def _code(pdf: FPDF, entry: CatalogueEntry, lang: str, x: float, y: float) -> None:
    """The QR code, then 'scan for today's status' and the address it holds, centred under it."""
    draw_qr(pdf, entry.qr or encode(entry.item.url), x, y, QR_SIDE)
    below = y + QR_SIDE
    width = QR_SIDE + 4  # the text may reach over the code's quiet zone on either side
    call = text.fit(pdf, t(lang, "print_scan"), (width, 7), "semibold", (7, 6.5), 2)
    pdf.set_text_color(*INK)
    text.draw(pdf, call, x - 2, below, align_width=width)
    address = text.fit(pdf, entry.item.url.split("://", 1)[-1], (width, 6), "regular", (6, 5.5), 2)
    pdf.set_text_color(*GREY)
    text.draw(pdf, address, x - 2, below + call.height + 0.5, align_width=width)


def _photo(pdf: FPDF, path: Path | None, x: float, y: float) -> None:
    """The photo cropped to fill the box, or a plain panel when there is none or it cannot be read."""
    width, height = PHOTO
    photo = _photo_jpeg(path) if path else None
    if photo is None:
        pdf.set_fill_color(*PANEL)
        pdf.rect(x, y, width, height, style="F")
        return
    data, (pixels_wide, pixels_high) = photo
    scale = max(width / pixels_wide, height / pixels_high)
    shown_width, shown_height = pixels_wide * scale, pixels_high * scale
    with pdf.rect_clip(x, y, width, height):
        pdf.image(io.BytesIO(data), x=x + (width - shown_width) / 2, y=y + (height - shown_height) / 2, w=shown_width, h=shown_height)


def _photo_jpeg(path: Path) -> tuple[bytes, tuple[int, int]] | None:
    """The JPEG to embed and its size in pixels, or None for a file that cannot be read.

    The site's 640 px JPEG (what the media build passes) goes in as it is, with no decoding; any
    other file (a big original, a PNG) is first made a small JPEG, so that the PDF stays light.
    """
    try:
        with Image.open(path) as image:
            size, ready = image.size, image.format == "JPEG" and image.mode in ("RGB", "L") and image.width <= MAX_PIXELS_WIDE
        if ready:
            return path.read_bytes(), size
        data = cover_jpeg(path, PHOTO)
        with Image.open(io.BytesIO(data)) as small:
            return data, small.size
    except (OSError, PhotoError, Image.DecompressionBombError):
        return None
