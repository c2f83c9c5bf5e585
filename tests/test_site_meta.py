"""Search engines and sharing: JSON-LD on every product page, Open Graph with a real 1200×630 JPEG."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PIL import Image

from catalogue.status import CertificateStatus

from .site_fixture import TODAY, soup
from .test_site import CATALOGUE, PRODUCTS


@pytest.mark.parametrize("prefix", ["", "en/"])
def test_json_ld_and_open_graph_on_every_product_page(demo_site: Path, prefix: str) -> None:
    site_url = CATALOGUE.settings.site_url
    for product in PRODUCTS:
        page = soup(demo_site / prefix / "p" / product.id / "index.html")
        [script] = page.select('script[type="application/ld+json"]')
        data = json.loads(script.string)
        assert data["@type"] == "Product" and data["sku"] == product.id and data["url"] == f"{site_url}{prefix}p/{product.id}/"
        assert data["brand"]["name"] and data["manufacturer"]["telephone"].startswith("+84")
        cert = data["hasCertification"]
        assert cert["@type"] == "Certification" and cert["certificationIdentification"] == product.certificate.number
        assert cert["certificationRating"]["ratingValue"] == product.stars
        assert cert["expires"] == CATALOGUE.expires(product).isoformat()
        live = CATALOGUE.status(product, TODAY) in (CertificateStatus.VALID, CertificateStatus.EXPIRING)
        assert cert["certificationStatus"].endswith("CertificationActive" if live else "CertificationInactive")
        assert "aggregateRating" not in data
        assert ("offers" in data) is (product.price is not None)
        if product.price:
            assert data["offers"]["priceCurrency"] == "VND" and data["offers"]["price"] == str(product.price.low)
        og = {m["property"]: m["content"] for m in page.select("meta[property]")}
        assert og["og:url"] == data["url"] and og["og:type"] == "product"
        image = og["og:image"]
        assert image.startswith(site_url) and image.endswith(".jpg")
        with Image.open(demo_site / image.removeprefix(site_url)) as preview:
            assert (preview.format, preview.size) == ("JPEG", (1200, 630))
        assert page.select_one('link[rel="canonical"]')["href"] == data["url"]


def test_gs1_digital_link_paths_lead_to_the_product(demo_site: Path) -> None:
    with_gtin = [p for p in PRODUCTS if p.gtin]
    assert with_gtin
    for product in with_gtin:
        page = soup(demo_site / "01" / product.gtin.rjust(14, "0") / "index.html")
        target = f"../../p/{product.id}/"
        assert page.select_one('meta[http-equiv="refresh"]')["content"] == f"0; url={target}"
        assert page.select_one('link[rel="canonical"]')["href"] == f"{CATALOGUE.settings.site_url}p/{product.id}/"
        assert (demo_site / "01" / product.gtin.rjust(14, "0") / target / "index.html").resolve().is_file()


def test_every_product_page_has_the_report_contact_and_the_check_link(demo_site: Path) -> None:
    office = CATALOGUE.settings.office
    for product in PRODUCTS:
        section = soup(demo_site / "p" / product.id / "index.html").select_one(".ocop-certificate")
        assert office.name in section.select_one(".ocop-report").get_text()
        assert section.select_one('.ocop-report a[href^="tel:"]')["href"] == "tel:+84" + office.phone[1:]
        assert section.select_one('a[href="../../check/"]')
