"""The web media jobs: photo variants, QR code files and share cards, each a frozen dataclass of
its parameters that makes its files (see `catalogue.jobs.job`)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import ClassVar

from ..jobs.job import Files, Input, JobError, Meta
from ..makers.cards import ProductCard, SiteCard, product_card, site_card
from ..makers.images import PhotoError, make_og, make_variants, open_photo
from ..makers.qr import encode, to_png, to_svg
from ..makers.qr_pdf import qr_pdf
from ..urls import Urls

# Bump a kind's version when its output changes for the same inputs: the cache keys include it.
VERSIONS = {"photo": 1, "qr": 2, "card": 1, "site-card": 1}


@dataclass(frozen=True)
class PhotoJob:
    """Variants of one photo, and its link-preview image when it is a cover (`og`)."""

    kind: ClassVar[str] = "photo"
    source: Path
    stem: str
    og: bool

    def run(self, inputs: Mapping[str, Input]) -> tuple[Files, Meta]:
        """The variants as files; meta: each variant as [width, height, webp, jpeg] and the preview's path."""
        try:
            image = open_photo(self.source)
            variants, files = make_variants(image, self.stem)
            og = f"{self.stem}-og.jpg" if self.og else None
            if og:
                files[og] = make_og(image)
        except PhotoError as exc:
            raise JobError(exc.code, exc.message) from exc
        except (OSError, ValueError) as exc:  # decoded (as `--check` does) but refused by an encoder: a problem, not a traceback
            raise JobError("image-unreadable", f"cannot be made into web images ({exc}); export it again") from exc
        return files, {"variants": [[v.width, v.height, v.webp, v.jpeg] for v in variants], "og": og}


@dataclass(frozen=True)
class QrJob:
    """One code as SVG, PNG and PDF, at `<stem>.<format>`."""

    kind: ClassVar[str] = "qr"
    url: str
    stem: str

    def run(self, inputs: Mapping[str, Input]) -> tuple[Files, Meta]:
        """The three files; meta: the code's version and modules per side."""
        matrix = encode(self.url)
        stem = self.stem
        files = {
            Urls.qr(stem, "svg"): to_svg(matrix, self.url).encode(),
            Urls.qr(stem, "png"): to_png(matrix),
            Urls.qr(stem, "pdf"): qr_pdf(matrix),
        }
        return files, {"version": matrix.version, "modules": matrix.size}


@dataclass(frozen=True)
class CardJob:
    """A product's share card in one language (a product without photos)."""

    kind: ClassVar[str] = "card"
    lang: str
    card: ProductCard
    path: str

    def run(self, inputs: Mapping[str, Input]) -> tuple[Files, Meta]:
        """The card as a JPEG at `path`."""
        return {self.path: product_card(self.card).jpeg}, {}


@dataclass(frozen=True)
class SiteCardJob:
    """The site's share card in one language."""

    kind: ClassVar[str] = "site-card"
    lang: str
    card: SiteCard
    path: str

    def run(self, inputs: Mapping[str, Input]) -> tuple[Files, Meta]:
        """The card as a JPEG at `path`."""
        return {self.path: site_card(self.card).jpeg}, {}
