"""Photo variants for phones: WebP and JPEG at a few widths, plus a 1200×630 link-preview JPEG.

Every output is upright (EXIF orientation applied), in sRGB, flattened onto white, and carries
no metadata at all: phone photos hold GPS positions, and a producer's home must not leak.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from pathlib import Path

from PIL import Image, ImageOps

from ..image_files import ImageFileError
from ..image_files import open_photo as decode_photo

WIDTHS = (320, 640, 960, 1280)  # 960: a phone of 412 CSS px at 1.75x (Lighthouse's) wants 721 px for a cover
OG_SIZE = (1200, 630)
WEBP_OPTIONS = {"quality": 78, "method": 2}
JPEG_OPTIONS = {"quality": 80, "optimize": True, "progressive": True}

# A photo that cannot be used; the same error as `--check` raises, so the two cannot disagree.
PhotoError = ImageFileError


@dataclass(frozen=True)
class Variant:
    """One size of a photo, in both formats."""

    width: int
    height: int
    webp: str
    jpeg: str


def variant_widths(source_width: int) -> list[int]:
    """The widths to make for a photo: the standard ones below its width, never upscaled."""
    return sorted({*(w for w in WIDTHS if w < source_width), min(source_width, WIDTHS[-1])})


def open_photo(path: Path, largest: int = WIDTHS[-1]) -> Image.Image:
    """Decode a photo upright in sRGB RGB, at no less than `largest` pixels wide (and the link
    preview's size) when it has them; raises PhotoError. `--check` runs the same decoding
    (`catalogue.image_files.probe_photo`) at a small size."""
    return decode_photo(path, (max(largest, OG_SIZE[0]), OG_SIZE[1]))


def _clean(image: Image.Image) -> Image.Image:
    """The same pixels with no metadata attached."""
    image.info = {}
    return image


def _encode(image: Image.Image, kind: str) -> bytes:
    out = io.BytesIO()
    if kind == "webp":
        image.save(out, "WEBP", **WEBP_OPTIONS)
    else:
        image.save(out, "JPEG", **JPEG_OPTIONS)
    return out.getvalue()


def make_variants(image: Image.Image, stem: str) -> tuple[list[Variant], dict[str, bytes]]:
    """Resize `image` to every variant width (each from the next larger one) and encode them."""
    files: dict[str, bytes] = {}
    variants: list[Variant] = []
    current = image
    for width in reversed(variant_widths(image.width)):
        height = max(1, round(image.height * width / image.width))
        if current.size != (width, height):
            current = _clean(current.resize((width, height), Image.Resampling.LANCZOS, reducing_gap=2.0))
        names = (f"{stem}-{width}.webp", f"{stem}-{width}.jpg")
        files[names[0]], files[names[1]] = _encode(current, "webp"), _encode(current, "jpeg")
        variants.append(Variant(width, height, *names))
    return sorted(variants, key=lambda v: v.width), files


def make_og(image: Image.Image) -> bytes:
    """A 1200×630 JPEG for link previews (Zalo, Facebook): the photo cover-cropped to 1.91:1."""
    og = ImageOps.fit(image, OG_SIZE, Image.Resampling.LANCZOS, centering=(0.5, 0.45))
    return _encode(_clean(og), "jpeg")
