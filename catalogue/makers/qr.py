"""QR codes that lead to a product's page (DESIGN.md §4, a contract).

A code encodes exactly `<site_url>p/<id>/` (and, for a product with a GTIN, the GS1 Digital
Link `<site_url>01/<gtin14>/`), with error correction M, a 4-module quiet zone, and the smallest
version the URL allows. The outputs are an SVG with one path, a 1-bit PNG of at least 1200 px for
print at 300 dpi, and a one-page vector PDF.
"""

from __future__ import annotations

import functools
import hashlib
import io
import math
import re
from dataclasses import dataclass

from ..model import Product
from ..rules import gtin14
from ..urls import Urls

QUIET_ZONE = 4
PNG_MIN_PIXELS = 1200
PNG_DPI = 300
_SVG_RUN = re.compile(r"M(\d+) (\d+)h(\d+)")  # a run's start and length (`to_svg`: then "v1h-<length>z")


def product_url(site_url: str, product_id: str) -> str:
    """The address a product's QR code encodes."""
    return site_url + Urls.product_page(product_id)


def digital_link_url(site_url: str, gtin: str) -> str:
    """The GS1 Digital Link address of a GTIN: `<site_url>01/<gtin14>/`."""
    return site_url + Urls.digital_link(gtin14(gtin))


def product_codes(site_url: str, product: Product) -> dict[str, str]:
    """Every code of a product, by file stem: `<id>` and, with a GTIN, `<id>-gs1`."""
    codes = {Urls.qr_stem(product.id): product_url(site_url, product.id)}
    if product.gtin:
        codes[Urls.qr_stem(product.id, gs1=True)] = digital_link_url(site_url, product.gtin)
    return codes


@dataclass(frozen=True)
class QrMatrix:
    """The modules of a QR code, quiet zone included: rows of booleans, True is dark."""

    text: str
    version: int
    rows: tuple[tuple[bool, ...], ...]

    @property
    def size(self) -> int:
        """Modules per side, quiet zone included."""
        return len(self.rows)

    @functools.cached_property
    def modules_digest(self) -> str:
        """A digest of the modules, row by row (a dark module is byte 1): what a key of a drawn
        code needs of it (catalogue/printing/kept_pieces.py)."""
        return _modules_digest(b"".join(bytes(row) for row in self.rows))

    def dark_runs(self) -> list[tuple[int, int, int]]:
        """Horizontal runs of dark modules as (row, first column, length)."""
        runs = []
        for y, row in enumerate(self.rows):
            x = 0
            while x < len(row):
                if row[x]:
                    start = x
                    while x < len(row) and row[x]:
                        x += 1
                    runs.append((y, start, x - start))
                else:
                    x += 1
        return runs


def _modules_digest(modules: bytes | bytearray) -> str:
    return hashlib.blake2b(modules).hexdigest()


def encode(text: str) -> QrMatrix:
    """Encode `text` with error correction M in the smallest version that holds it."""
    import qrcode  # only the media jobs encode: the pages and the open data need just the URLs
    import qrcode.constants

    code = qrcode.QRCode(version=None, error_correction=qrcode.constants.ERROR_CORRECT_M, border=QUIET_ZONE)
    code.add_data(text)
    code.make(fit=True)
    return QrMatrix(text, code.version, tuple(tuple(bool(m) for m in row) for row in code.get_matrix()))


def to_svg(matrix: QrMatrix, title: str | None = None) -> str:
    """A small SVG: one path of dark modules on a white square, sized in modules."""
    path = "".join(f"M{x} {y}h{n}v1h-{n}z" for y, x, n in matrix.dark_runs())
    size = matrix.size
    label = f"<title>{_escape(title)}</title>" if title else ""
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {size} {size}" width="{size * 8}" height="{size * 8}" '
        f'shape-rendering="crispEdges" role="img">{label}<rect width="{size}" height="{size}" fill="#fff"/>'
        f'<path d="{path}" fill="#000"/></svg>\n'
    )


@functools.lru_cache(maxsize=1024)
def from_svg(svg: str, text: str) -> QrMatrix:
    """The matrix of a code drawn by `to_svg`, whose URL is `text`.

    Reading a code back is a regular expression; encoding it again costs about 17 ms, which adds up
    to half a minute for a printed catalogue of 2,000 products. A code read lately is not read
    again (the labels of a part of the printed catalogue read the codes the part read). Raises
    ValueError for any other SVG.
    """
    view_box = re.search(r'viewBox="0 0 (\d+) \1"', svg)
    path = re.search(r'<path d="([^"]*)"', svg)
    if not view_box or not path:
        raise ValueError("not a QR code SVG written by to_svg")
    size = int(view_box.group(1))
    modules, dark = bytearray(size * size), b"\x01" * size  # row by row, as `modules_digest` reads them
    for x, y, length in _SVG_RUN.findall(path.group(1)):
        start = int(y) * size + int(x)
        modules[start : start + int(length)] = dark[: int(length)]
    version = (size - 2 * QUIET_ZONE - 17) // 4
    cells = tuple(map(bool, modules))
    matrix = QrMatrix(text, version, tuple(cells[start : start + size] for start in range(0, len(cells), size)))
    matrix.__dict__["modules_digest"] = _modules_digest(modules)  # the cached property, from the bytes at hand
    return matrix


def to_png(matrix: QrMatrix, min_pixels: int = PNG_MIN_PIXELS) -> bytes:
    """A 1-bit PNG with a whole number of pixels per module, at least `min_pixels` wide, 300 dpi."""
    from PIL import Image

    scale = math.ceil(min_pixels / matrix.size)
    small = Image.new("1", (matrix.size, matrix.size), 1)
    small.putdata([0 if dark else 1 for row in matrix.rows for dark in row])
    big = small.resize((matrix.size * scale, matrix.size * scale), Image.Resampling.NEAREST)
    out = io.BytesIO()
    big.save(out, "PNG", optimize=True, dpi=(PNG_DPI, PNG_DPI))
    return out.getvalue()


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
