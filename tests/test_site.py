"""The built demo site: product pages in both languages, index pages, text and links."""

from __future__ import annotations

import posixpath
import re
from pathlib import Path

import pytest

from catalogue.model import Product
from catalogue.pages.i18n import format_phone
from catalogue.pages.product import FIRST_SCREEN_PHOTOS
from catalogue.status import CertificateStatus
from catalogue.translated import localized_text, translation
from catalogue.validate import validate

from .conftest import REPO
from .site_fixture import TODAY, soup

CATALOGUE, _ = validate(REPO / "products", REPO / "producers", today=TODAY)
PRODUCTS = list(CATALOGUE.products.values())


def english_name(product: Product) -> str:
    return localized_text(product, "name", "en")


@pytest.mark.parametrize("product", PRODUCTS, ids=lambda p: p.id)
def test_product_pages_in_both_languages(demo_site: Path, product: Product) -> None:
    producer = CATALOGUE.producers[product.producer]
    for lang, prefix, name in (("vi", "", product.name), ("en", "en/", english_name(product))):
        page = soup(demo_site / prefix / "p" / product.id / "index.html")
        article = page.select_one("article.ocop-product")
        assert article["data-ocop-id"] == product.id
        assert article["data-ocop-stars"] == str(product.stars)
        assert article["data-ocop-status"] == CATALOGUE.status(product, TODAY).value
        assert article["data-ocop-expires"] == CATALOGUE.expires(product).isoformat()
        assert article.h1.get_text() == name
        assert page.html["lang"] == lang
        assert product.certificate.number in article.select_one(".ocop-certificate").get_text()
        call = article.select_one(".ocop-producer a.ocop-call")
        assert call["href"] == f"tel:+84{producer.phone[1:]}" and format_phone(producer.phone) in call.get_text()
        assert article.select_one(".ocop-badge")["aria-label"].startswith("OCOP ")
        pictures = article.select(".ocop-gallery img")
        assert len(pictures) == len(product.images)
        for index, img in enumerate(pictures):
            assert img["width"] and img["height"] and img.parent.source["type"] == "image/webp"
            # The phone's first screen (the cover and the row under it) loads at once, the rest lazily.
            assert img.get("loading") == (None if index < FIRST_SCREEN_PHOTOS else "lazy")
            assert (img.get("fetchpriority") == "high") == (index == 0)
        qr = article.select_one(".ocop-qr img")
        assert posixpath.basename(qr["src"]) == f"{product.id}.svg"
        assert {a.get_text() for a in article.select(".ocop-qr a[download]")} >= {"SVG", "PNG", "PDF"}


def test_expired_and_revoked_pages_say_so_in_words(demo_site: Path) -> None:
    for product in PRODUCTS:
        status = CATALOGUE.status(product, TODAY)
        text = soup(demo_site / "p" / product.id / "index.html").select_one(".ocop-status").get_text()
        if status is CertificateStatus.EXPIRED:
            assert text.startswith("Đã hết hạn từ ") and "không còn là sản phẩm OCOP" in text
        elif status is CertificateStatus.REVOKED:
            assert text.startswith("Đã bị thu hồi từ 10/05/2026")
        badge = soup(demo_site / "p" / product.id / "index.html").select_one(".ocop-badge")
        assert ("#ffc83d" in str(badge)) is (status in (CertificateStatus.VALID, CertificateStatus.EXPIRING))


def test_vietnamese_formats(demo_site: Path) -> None:
    page = soup(demo_site / "p" / "gao-seng-cu-muong-than" / "index.html")
    assert "14/06/2024" in page.select_one(".ocop-certificate").get_text()
    # Babel's (CLDR's) Vietnamese money: a no-break space keeps the amount and the đồng sign on one line.
    assert "45.000\xa0₫ – 50.000\xa0₫" in page.select_one(".ocop-price").get_text()
    english = soup(demo_site / "en" / "p" / "gao-seng-cu-muong-than" / "index.html")
    assert "14 Jun 2024" in english.select_one(".ocop-certificate").get_text()
    assert "₫45,000 – ₫50,000" in english.select_one(".ocop-price").get_text()  # English puts the sign first
    chinese = soup(demo_site / "zh" / "p" / "gao-seng-cu-muong-than" / "index.html")
    assert "2024年6月14日" in chinese.select_one(".ocop-certificate").get_text()
    assert "₫45,000 – ₫50,000" in chinese.select_one(".ocop-price").get_text()  # prices stay in đồng, never ¥


def test_missing_english_falls_back_to_vietnamese_marked_as_such(demo_site: Path) -> None:
    untranslated = [p for p in PRODUCTS if not translation(p, "name", "en")]
    assert untranslated
    for product in untranslated:
        head = soup(demo_site / "en" / "p" / product.id / "index.html").select_one(".ocop-product__head")
        assert head.h1.span["lang"] == "vi" and head.h1.get_text() == product.name
        assert "Vietnamese only" in head.get_text()


def test_language_switch_lands_on_the_same_product(demo_site: Path) -> None:
    for prefix, other in (("", "en/p/mat-ong-pa-u/"), ("en/", "p/mat-ong-pa-u/")):
        page_dir = f"{prefix}p/mat-ong-pa-u/"
        links = {a["hreflang"]: a["href"] for a in soup(demo_site / page_dir / "index.html").select("a.md-select__link")}
        targets = {lang: posixpath.normpath(posixpath.join(page_dir, href)) + "/" for lang, href in links.items()}
        assert other in targets.values()
        assert page_dir in targets.values()


def test_products_are_not_in_the_navigation(demo_site: Path) -> None:
    page = soup(demo_site / "p" / "mat-ong-pa-u" / "index.html")
    nav_links = [a["href"] for a in page.select("nav.md-nav--primary a[href]")]
    assert 5 <= len(nav_links) < 20
    assert not any("/p/" in href or href.startswith("../p") for href in nav_links)


def test_no_english_left_in_the_vietnamese_site(demo_site: Path) -> None:
    material = (REPO / ".venv").glob("lib/python*/site-packages/material/templates/partials/languages/en.html")
    english = re.findall(r'": "([^"]{6,})"', next(material).read_text(encoding="utf-8"))
    phrases = [e for e in english if " " in e and "#" not in e] + ["Made with", "Skip to content", "Page not found"]
    for path in [
        demo_site / "index.html",
        demo_site / "products" / "index.html",
        demo_site / "p" / "mat-ong-pa-u" / "index.html",
        demo_site / "404.html",
    ]:
        text = path.read_text(encoding="utf-8")
        assert [p for p in phrases if p in text] == [], path


def test_heading_anchors_keep_vietnamese_letters(demo_site: Path) -> None:
    ids = [h["id"] for h in soup(demo_site / "about" / "stars" / "index.html").select("h2[id]")]
    ids += [h["id"] for h in soup(demo_site / "about" / "ocop" / "index.html").select("h2[id]")]
    assert any(i.startswith("d") for i in ids), ids
    assert all(re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", i) for i in ids), ids


def test_demo_notice_on_every_page(demo_site: Path) -> None:
    for path in (demo_site / "index.html", demo_site / "en" / "index.html", demo_site / "p" / "mat-ong-pa-u" / "index.html"):
        assert soup(path).select_one(".ocop-demo")


def test_producer_page_lists_only_its_certified_products(demo_site: Path) -> None:
    for producer_id in CATALOGUE.producers:
        page = soup(demo_site / "producers" / producer_id / "index.html")
        listed = {li["data-ocop-id"] for li in page.select("li.ocop-card")}
        assert listed == {p.id for p in CATALOGUE.products_of(producer_id) if CATALOGUE.listed(p, TODAY)}
        assert "Chỉ các sản phẩm dưới đây được chứng nhận OCOP" in page.get_text()


def test_home_page_counts_and_featured(demo_site: Path) -> None:
    page = soup(demo_site / "index.html")
    live = [
        p for p in CATALOGUE.listed_products(TODAY) if CATALOGUE.status(p, TODAY) in (CertificateStatus.VALID, CertificateStatus.EXPIRING)
    ]
    assert page.select_one(".ocop-counts strong").get_text() == str(len(live))
    featured = {li["data-ocop-id"] for li in page.select("li.ocop-card")}
    assert featured == {p.id for p in live if p.featured}


def test_group_commune_and_star_pages(demo_site: Path) -> None:
    for product in CATALOGUE.listed_products(TODAY):
        producer = CATALOGUE.producers[product.producer]
        for folder in (f"groups/{product.group.value}", f"stars/{product.stars}", f"communes/{producer.commune}"):
            ids = {li["data-ocop-id"] for li in soup(demo_site / folder / "index.html").select("li.ocop-card")}
            assert product.id in ids, folder
