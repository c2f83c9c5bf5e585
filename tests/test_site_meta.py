"""Search engines and sharing: JSON-LD on every product page, Open Graph with a real 1200×630 JPEG."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PIL import Image

from catalogue.languages import html_lang
from catalogue.status import CertificateStatus
from catalogue.urls import Urls

from .site_fixture import TODAY, soup
from .test_site import CATALOGUE, PRODUCTS

LANGUAGES = CATALOGUE.settings.languages
PREFIXES = {lang: Urls.of(LANGUAGES).root(lang) for lang in LANGUAGES}  # '', 'en/', 'zh/'


@pytest.mark.parametrize("prefix", PREFIXES.values())
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
        assert ("offers" in data) is (product.price is not None and CATALOGUE.listed(product, TODAY))  # none for a product no longer made
        if "offers" in data:
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


def built_pages(site: Path) -> list[str]:
    """Every MkDocs page of the Vietnamese site, as its folder ('' for the home page)."""
    pages = []
    for path in site.rglob("index.html"):
        folder = path.parent.relative_to(site).as_posix()
        if folder.split("/")[0] not in (*LANGUAGES[1:], "01", "print", "data", "kiosk"):  # kiosk: a page of its own, not indexed
            pages.append("" if folder == "." else f"{folder}/")
    return sorted(pages)


def test_every_page_has_absolute_canonical_and_hreflang_links(demo_site: Path) -> None:
    root = CATALOGUE.settings.site_url
    pages = built_pages(demo_site)
    assert "p/mat-ong-pa-u/" in pages and "products/" in pages and "" in pages
    for path in pages:
        for prefix in PREFIXES.values():
            head = soup(demo_site / prefix / path / "index.html").head
            assert head.select_one('link[rel="canonical"]')["href"] == f"{root}{prefix}{path}"
            alternates = {link["hreflang"]: link["href"] for link in head.select('link[rel="alternate"][hreflang]')}
            want = {html_lang(lang): f"{root}{other}{path}" for lang, other in PREFIXES.items()}
            assert alternates == {**want, "x-default": f"{root}{path}"}, path


def test_one_sitemap_with_every_language(demo_site: Path) -> None:
    import xml.etree.ElementTree as ET

    root = CATALOGUE.settings.site_url
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}
    tree = ET.parse(demo_site / "sitemap.xml")
    entries = {
        url.findtext("s:loc", namespaces=ns): {link.get("hreflang"): link.get("href") for link in url.findall("x:link", ns)}
        for url in tree.getroot().findall("s:url", ns)
    }
    pages = built_pages(demo_site)
    assert set(entries) == {f"{root}{prefix}{p}" for p in pages for prefix in PREFIXES.values()}
    assert entries[f"{root}en/p/mat-ong-pa-u/"] == {
        "vi": f"{root}p/mat-ong-pa-u/",
        "en": f"{root}en/p/mat-ong-pa-u/",
        "zh-Hans": f"{root}zh/p/mat-ong-pa-u/",
        "x-default": f"{root}p/mat-ong-pa-u/",
    }
    for lang in LANGUAGES[1:]:
        assert not (demo_site / lang / "sitemap.xml").exists(), f"MkDocs' own sitemap of '{lang}' must be gone"
    assert (demo_site / "robots.txt").read_text(encoding="utf-8").endswith(f"Sitemap: {root}sitemap.xml\n")


def test_big_catalogues_get_a_sitemap_index(monkeypatch: pytest.MonkeyPatch) -> None:
    import xml.etree.ElementTree as ET

    from catalogue import sitemap

    monkeypatch.setattr(sitemap, "MAX_URLS", 10)
    paths = [f"p/product-{n}/" for n in range(12)]
    files = sitemap.sitemaps("https://x.example/", paths, ["vi", "en"])
    assert sorted(files) == ["sitemap-1.xml", "sitemap-2.xml", "sitemap-3.xml", "sitemap.xml"]
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    index = ET.fromstring(files["sitemap.xml"].encode())
    assert [loc.text for loc in index.iter(f"{{{ns['s']}}}loc")] == [f"https://x.example/sitemap-{n}.xml" for n in (1, 2, 3)]
    counts = [len(ET.fromstring(files[f"sitemap-{n}.xml"].encode()).findall("s:url", ns)) for n in (1, 2, 3)]
    assert counts == [10, 10, 4], "at most MAX_URLS addresses per file, both languages of a page together"


def test_sitemap_addresses_are_escaped_in_text_and_in_attributes() -> None:
    import xml.etree.ElementTree as ET

    from catalogue import sitemap

    hostile = 'https://x.example/a&b"<c>/'
    files = sitemap.sitemaps(hostile, ["p/"], ["vi", "en"])
    tree = ET.fromstring(files["sitemap.xml"].encode())  # parses: nothing broke out of its place
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}
    assert [loc.text for loc in tree.iter(f"{{{ns['s']}}}loc")] == [hostile + "p/", hostile + "en/p/"]
    assert {link.get("href") for link in tree.iter(f"{{{ns['x']}}}link")} == {hostile + "p/", hostile + "en/p/"}
