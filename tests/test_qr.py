"""QR codes: exact URLs, error correction M, 4-module quiet zone, smallest version, decodable."""

from __future__ import annotations

import io
import re

import pytest
from PIL import Image

from catalogue.makers.qr import digital_link_url, encode, product_url, to_png, to_svg

from .qr_decode import decode, svg_to_image

SITE = "https://ocop-laichau.example/"
# Bytes a version holds at error correction M in byte mode (ISO/IEC 18004 table).
BYTE_CAPACITY_M = {1: 14, 2: 26, 3: 42, 4: 62, 5: 84, 6: 106, 7: 122}


def byte_mode_version(text: str) -> int:
    return min(v for v, capacity in BYTE_CAPACITY_M.items() if capacity >= len(text.encode()))


def test_urls() -> None:
    assert product_url(SITE, "mat-ong-pa-u") == "https://ocop-laichau.example/p/mat-ong-pa-u/"
    assert digital_link_url(SITE, "8936000120016") == "https://ocop-laichau.example/01/08936000120016/"


@pytest.mark.parametrize("pid", ["abc", "gao-seng-cu-muong-than", "tra-shan-tuyet-co-thu-si-thau-chai-12345"])
def test_png_decodes_to_the_exact_url_at_m(pid: str) -> None:
    url = product_url(SITE, pid)
    matrix = encode(url)
    image = Image.open(io.BytesIO(to_png(matrix)))
    assert image.mode == "1" and image.width >= 1200 and image.width % matrix.size == 0
    assert image.info["dpi"] == pytest.approx((300, 300), abs=0.01)  # PNG stores dots per metre
    [found] = decode(image)
    assert found.text == url
    assert found.ec_level == "M"
    assert int(found.extra["Version"]) == matrix.version <= byte_mode_version(url)


def test_svg_is_one_path_with_a_quiet_zone_and_decodes() -> None:
    url = product_url(SITE, "mat-ong-pa-u")
    matrix = encode(url)
    svg = to_svg(matrix, url)
    assert svg.count("<path") == 1 and len(svg) < 6000
    xs = [int(x) for x in re.findall(r"M(\d+) ", svg)]
    ys = [int(y) for y in re.findall(r"M\d+ (\d+)h", svg)]
    assert min(xs) == 4 and min(ys) == 4  # four light modules before the first dark one
    assert max(ys) == matrix.size - 5
    [found] = decode(svg_to_image(svg))
    assert found.text == url


def test_gs1_digital_link_code_decodes() -> None:
    url = digital_link_url(SITE, "8936000120016")
    [found] = decode(Image.open(io.BytesIO(to_png(encode(url)))))
    assert found.text == url
