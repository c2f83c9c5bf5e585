"""Decoding helpers for tests: a real QR decoder (zxing-cpp) on PNG, SVG and PDF pages."""

from __future__ import annotations

import io

import fontpkg_be_vietnam_pro
import pypdfium2
import resvg_py
import zxingcpp
from PIL import Image

FONT_DIR = str(fontpkg_be_vietnam_pro.ROOT / "files")


def decode(image: Image.Image) -> list[zxingcpp.Barcode]:
    """Every QR code zxing-cpp finds in an image."""
    return zxingcpp.read_barcodes(image.convert("L"), formats=zxingcpp.BarcodeFormat.QRCode)


def svg_to_image(svg: str, width: int = 600) -> Image.Image:
    """Rasterise an SVG with resvg, an independent renderer, on white."""
    png = bytes(resvg_py.svg_to_bytes(svg_string=svg, width=width, background="#ffffff", font_dirs=[FONT_DIR]))
    return Image.open(io.BytesIO(png)).convert("RGB")


def pdf_pages(data: bytes, dpi: int = 300) -> list[Image.Image]:
    """Every page of a PDF rasterised at `dpi` with PDFium."""
    document = pypdfium2.PdfDocument(data)
    return [page.render(scale=dpi / 72).to_pil() for page in document]
