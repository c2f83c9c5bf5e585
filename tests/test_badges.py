"""Star badges: accessible names in both languages, and expired or revoked never look valid."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest

from catalogue.makers.badges import badge_label, badge_svg
from catalogue.status import CertificateStatus as S

from .qr_decode import svg_to_image

NS = "{http://www.w3.org/2000/svg}"
GOLD = (255, 200, 61)


def gold_pixels(svg: str) -> int:
    image = svg_to_image(svg, 300)
    return sum(1 for pixel in image.get_flattened_data() if all(abs(a - b) < 30 for a, b in zip(pixel, GOLD, strict=True)))


@pytest.mark.parametrize(
    ("stars", "status", "lang", "label"),
    [
        (4, S.VALID, "vi", "OCOP 4 sao"),
        (4, S.VALID, "en", "OCOP 4-star"),
        (3, S.EXPIRING, "vi", "OCOP 3 sao"),
        (5, S.EXPIRED, "vi", "OCOP 5 sao – chứng nhận đã hết hạn"),
        (5, S.REVOKED, "en", "OCOP 5-star – certificate revoked"),
    ],
)
def test_accessible_label(stars: int, status: S, lang: str, label: str) -> None:
    svg = badge_svg(stars, status, lang)
    root = ET.fromstring(svg)
    assert badge_label(stars, status, lang) == label
    assert root.get("role") == "img" and root.get("aria-label") == label
    assert root.find(f"{NS}title").text == label
    assert len(root.findall(f"{NS}polygon")) == stars


@pytest.mark.parametrize("stars", [3, 4, 5])
def test_bright_stars_only_while_in_force(stars: int) -> None:
    assert gold_pixels(badge_svg(stars, S.VALID, "vi")) > 200 * stars
    assert gold_pixels(badge_svg(stars, S.EXPIRING, "en")) > 200 * stars
    for status in (S.EXPIRED, S.REVOKED):
        svg = badge_svg(stars, status, "vi")
        assert gold_pixels(svg) == 0
        assert "<line" in svg and "stroke-dasharray" in svg  # struck through, dashed outline
        assert "#0b6e4f" not in svg  # not the green of a valid badge
