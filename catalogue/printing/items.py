"""What a label, a poster or the printed catalogue shows of one product, independent of the catalogue's models."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from ..languages import available, printed, t
from ..media.qr import QrMatrix
from ..status import IN_FORCE, CertificateStatus
from ..vocab import Group


@dataclass(frozen=True)
class PrintItem:
    """One product as printed: its QR code leads to `url`; `photo` is the cover photo, if any."""

    id: str
    name: str
    name_en: str | None
    stars: int
    status: CertificateStatus
    url: str
    photo: Path | None = None

    def display_name(self, lang: str) -> str:
        """The name in `lang`: the English name for 'en' when there is one, else the Vietnamese."""
        check_lang(lang)
        return self.name_en if lang == "en" and self.name_en else self.name


@dataclass(frozen=True)
class CatalogueEntry:
    """One product in the printed catalogue: the label's facts, its certificate and its producer.

    `qr` is the code already made for the site, read back (see `catalogue.media.qr.from_svg`);
    without it the code is encoded again from `item.url`.
    """

    item: PrintItem
    group: Group
    summary: str
    summary_en: str | None
    certificate_number: str
    issuer: str
    issued: date
    expires: date
    producer: str
    producer_en: str | None
    address: str
    phone: str
    qr: QrMatrix | None = None

    def summary_in(self, lang: str) -> str:
        """The summary in `lang`, falling back to the Vietnamese one."""
        check_lang(lang)
        return self.summary_en if lang == "en" and self.summary_en else self.summary

    def producer_in(self, lang: str) -> str:
        """The producer's name in `lang`, falling back to the Vietnamese one."""
        check_lang(lang)
        return self.producer_en if lang == "en" and self.producer_en else self.producer


def print_languages() -> tuple[str, ...]:
    """The languages print can be made in: their words files say `print: true` (the PDFs' font,
    Be Vietnam Pro, has no glyphs for scripts other than Latin)."""
    return tuple(printed(available()))


def check_lang(lang: str) -> None:
    """Refuse a language that print output cannot be made in."""
    if lang not in print_languages():
        raise ValueError(f"language must be one of {', '.join(repr(code) for code in print_languages())}, got {lang!r}")


def stars_words(stars: int, lang: str) -> str:
    """'4 sao' or '4-star', the words after 'OCOP' and the drawn stars."""
    check_lang(lang)
    return t(lang, "star_n", n=stars)


def require_in_force(items: list[PrintItem] | tuple[PrintItem, ...], what: str) -> None:
    """Refuse any item whose certificate is expired or revoked: print must never advertise it."""
    for item in items:
        if item.status not in IN_FORCE:
            raise ValueError(f"{item.id}: the certificate is {item.status.value}; {what} are only made for products in force")
