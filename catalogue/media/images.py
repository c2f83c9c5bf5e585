"""Photo variants for phones: WebP and JPEG at a few widths, plus a 1200×630 link-preview JPEG.

Every output is upright (EXIF orientation applied), in sRGB, flattened onto white, and carries
no metadata at all: phone photos hold GPS positions, and a producer's home must not leak.
"""

from __future__ import annotations

import io
import warnings
from dataclasses import dataclass
from pathlib import Path

from PIL import Image, ImageCms, ImageOps

WIDTHS = (320, 640, 1280)
OG_SIZE = (1200, 630)
MAX_PIXELS = 64_000_000  # a 48-megapixel phone photo passes; decompression bombs do not
WEBP_OPTIONS = {"quality": 78, "method": 2}
JPEG_OPTIONS = {"quality": 80, "optimize": True, "progressive": True}
_SRGB = ImageCms.createProfile("sRGB")
_TRANSPOSED_ORIENTATIONS = {5, 6, 7, 8}


class PhotoError(Exception):
    """A photo that cannot be turned into variants."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code, self.message = code, message


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
    """Decode a photo upright in sRGB RGB, at no less than `largest` pixels wide when it has them."""
    with warnings.catch_warnings():
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        try:
            image = Image.open(path)
        except (Image.DecompressionBombError, Image.DecompressionBombWarning):
            raise PhotoError("image-too-large", "is too large to decode safely") from None
        except OSError as exc:
            raise PhotoError("image-unreadable", f"cannot be read: {exc}") from None
    with image:
        width, height = image.size
        if width * height > MAX_PIXELS:
            raise PhotoError("image-too-large", f"has {width}×{height} pixels; the limit is {MAX_PIXELS // 1_000_000} megapixels")
        _draft(image, largest)
        try:
            image.load()
            upright = ImageOps.exif_transpose(image)
        except (OSError, SyntaxError, ValueError) as exc:
            raise PhotoError("image-truncated", f"is damaged or incomplete ({exc}); export it again") from None
        return _to_srgb(upright)


def _draft(image: Image.Image, largest: int) -> None:
    """Let the JPEG decoder scale down big photos while decoding (much faster, same quality)."""
    if image.format != "JPEG":
        return
    width, height = image.size
    if image.getexif().get(0x0112) in _TRANSPOSED_ORIENTATIONS:
        width, height = height, width
    scale = max(largest / width, OG_SIZE[0] / width, OG_SIZE[1] / height)
    if scale < 1:
        requested = (round(image.size[0] * scale), round(image.size[1] * scale))
        image.draft(image.mode if image.mode in ("RGB", "L", "CMYK") else "RGB", requested)


def _to_srgb(image: Image.Image) -> Image.Image:
    profile = image.info.get("icc_profile")
    if profile and image.mode in ("RGB", "CMYK"):
        source = ImageCms.ImageCmsProfile(io.BytesIO(profile))
        if "srgb" not in (ImageCms.getProfileDescription(source) or "").lower():
            image = ImageCms.profileToProfile(image, source, _SRGB, outputMode="RGB")
    if image.mode in ("RGBA", "LA", "PA") or (image.mode == "P" and "transparency" in image.info):
        rgba = image.convert("RGBA")
        flat = Image.new("RGB", rgba.size, (255, 255, 255))
        flat.paste(rgba, mask=rgba.getchannel("A"))
        return flat
    if image.mode in ("I", "I;16", "I;16B", "I;16L", "F"):
        image = image.point(lambda v: v / 256).convert("L") if image.mode != "F" else image.convert("L")
    return _clean(image.convert("RGB"))


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
