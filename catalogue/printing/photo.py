"""Product photos for print: cover-cropped to a box and re-encoded small enough for a light PDF."""

from __future__ import annotations

import io
from pathlib import Path

from PIL import Image, ImageOps

from ..makers.images import open_photo

MAX_PIXELS_WIDE = 1000  # about 200 dpi across a 128 mm poster photo: sharp in print, ~100 KB
JPEG_QUALITY = 82


def cover_jpeg(path: Path, box: tuple[float, float], max_width: int = MAX_PIXELS_WIDE) -> bytes:
    """The photo at `path` cropped around its centre to the (width, height) aspect of `box`, as a JPEG.

    It is at most `max_width` pixels wide and never enlarged. Raises `PhotoError` (from
    `catalogue.makers.images`) for a file that cannot be read.
    """
    image = open_photo(path, largest=max_width)
    aspect = box[0] / box[1]
    width = min(max_width, image.width, round(image.height * aspect))
    height = max(1, round(width / aspect))
    cropped = ImageOps.fit(image, (width, height), Image.Resampling.LANCZOS, centering=(0.5, 0.5))
    out = io.BytesIO()
    cropped.convert("RGB").save(out, "JPEG", quality=JPEG_QUALITY, optimize=True)
    return out.getvalue()
