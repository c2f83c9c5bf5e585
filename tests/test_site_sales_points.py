"""The sales points page and each product page's "See it in person" section: on the built demo site, and
generated straight from the small base catalogue for the cases the demo does not have.

What each page should show is worked out here from catalogue.yaml read as plain YAML, not from the
catalogue package, so that a mistake in the package cannot agree with itself.
"""

from __future__ import annotations

import posixpath
from datetime import date
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup

from catalogue.pages.context import Site
from catalogue.pages.product import product_body
from catalogue.pages.sales_points import sales_points_page
from catalogue.validate import validate

from .conftest import REPO
from .site_fixture import TODAY, soup

POINTS = yaml.safe_load((REPO / "catalogue.yaml").read_text(encoding="utf-8"))["sales_points"]
PRODUCT_IDS = sorted(p.stem for p in (REPO / "products").glob("*.yaml"))
LANGUAGES = {"vi": "", "en": "en/"}


def ended(point: dict) -> bool:
    return isinstance(point.get("to"), date) and point["to"] < TODAY


def tel(phone: str) -> str:
    digits = "".join(c for c in phone if c.isdigit())
    return f"tel:+84{digits[1:]}"


def test_the_demo_has_points_of_every_kind_inside_and_outside_the_province() -> None:
    assert {p["kind"] for p in POINTS} == {"showroom", "sales-point", "fair-booth"}
    assert any("province" in p for p in POINTS) and any("commune" in p for p in POINTS)
    assert any(ended(p) for p in POINTS) and any(p.get("to") and not ended(p) for p in POINTS)
    assert all(len(p["products"]) >= 3 for p in POINTS)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_sales_points_page_lists_every_point(demo_site: Path, lang: str) -> None:
    folder = f"{LANGUAGES[lang]}sales-points/"
    page = soup(demo_site / folder / "index.html")
    sections = page.select("section.ocop-point")
    assert [s["id"] for s in sections] == [p["id"] for p in POINTS if not ended(p)] + [p["id"] for p in POINTS if ended(p)]
    for point in POINTS:
        section = page.select_one(f"section#{point['id']}")
        translated = point.get("translations", {}).get(lang, {})
        name = translated.get("name", point["name"])
        assert section.h3.get_text() == name
        assert point["address"] in section.get_text()
        if "phone" in point:
            assert section.select_one('a[href^="tel:"]')["href"] == tel(point["phone"])
        if "hours" in point:
            assert translated.get("hours", point["hours"]) in section.get_text()
        if "province" in point:
            assert point["province"] in section.get_text()
        else:
            assert section.select_one(f'a[href="../communes/{point["commune"]}/"]')  # en/sales-points/ to en/communes/ alike
        links = [posixpath.normpath(posixpath.join(folder, a["href"])) for a in section.select(".ocop-point__products a")]
        assert links == [f"{LANGUAGES[lang]}p/{product_id}" for product_id in point["products"]]
        times = [t["datetime"] for t in section.select("time")]
        assert times == [point[k].isoformat() for k in ("from", "to") if k in point]
        assert bool(section.select_one(".ocop-status--expired:not([hidden])")) is ended(point)
        assert section.has_attr("data-ocop-ends") is (not ended(point) and "to" in point), "a fair still on rechecks its end in the browser"


def test_ended_fairs_come_under_their_own_heading(demo_site: Path) -> None:
    page = soup(demo_site / "sales-points" / "index.html")
    past = [h for h in page.select("h2") if h.get_text() == "Hội chợ đã kết thúc"]
    assert len(past) == 1
    after = [s["id"] for s in past[0].find_all_next("section", class_="ocop-point")]
    assert after == [p["id"] for p in POINTS if ended(p)]
    for point in POINTS:
        if ended(point):
            note = page.select_one(f"section#{point['id']} .ocop-status").get_text()
            assert note == f"Đã kết thúc ngày {point['to'].strftime('%d/%m/%Y')}"


@pytest.mark.parametrize("product_id", PRODUCT_IDS)
def test_product_page_lists_exactly_the_points_that_carry_it(demo_site: Path, product_id: str) -> None:
    expected = [p["id"] for p in POINTS if product_id in p["products"] and not ended(p)]
    for lang, prefix in LANGUAGES.items():
        page = soup(demo_site / prefix / "p" / product_id / "index.html")
        section = page.select_one("section.ocop-in-person")
        if not expected:
            assert section is None
            continue
        assert section.h2.get_text() == ("Xem tận nơi" if lang == "vi" else "See it in person")
        links = [a["href"] for a in section.select("li a")]
        assert links == [f"../../sales-points/#{point_id}" for point_id in expected]
        targets = soup(demo_site / prefix / "sales-points" / "index.html")
        assert all(targets.select_one(f"section#{point_id}") for point_id in expected)


def test_sales_points_are_in_the_navigation_and_on_the_home_page(demo_site: Path) -> None:
    for prefix, title in (("", "Điểm bán OCOP"), ("en/", "Sales points")):
        home = soup(demo_site / prefix / "index.html")
        nav = {a.get_text(strip=True): a["href"] for a in home.select("nav.md-nav--primary a[href]")}
        assert nav[title].rstrip("/").endswith("sales-points")
        assert home.select_one('.ocop-ways a[href="sales-points/"]').get_text() == title


def base_site(today: date) -> Site:
    catalogue, report = validate(Path("products"), Path("producers"), today=today)
    assert report.ok, report.to_text()
    return Site(catalogue, {}, today)


def test_an_ended_fair_leaves_the_product_page_but_stays_on_the_list_as_ended(base_catalogue: Path) -> None:
    # The base fair booth runs 2026-12-10 to 2026-12-14.
    for today, booth_listed in ((date(2026, 12, 14), True), (date(2026, 12, 15), False)):
        site = base_site(today)
        product = BeautifulSoup(product_body(site, site.catalogue.products["base-product"], "vi"), "html.parser")
        links = [a["href"] for a in product.select(".ocop-in-person li a")]
        assert links == ["../../sales-points/#base-showroom"] + (["../../sales-points/#base-fair-booth"] if booth_listed else [])
        details = [small.get_text() for small in product.select(".ocop-in-person li small")]
        assert details == ["Trung tâm giới thiệu và bán sản phẩm OCOP · xã Tả Lèng"] + (
            ["Gian hàng hội chợ · Hà Nội · Từ 10/12/2026 đến 14/12/2026"] if booth_listed else []
        )
        listing = BeautifulSoup(sales_points_page(site, "vi").body, "html.parser")
        booth = listing.select_one("section#base-fair-booth")
        assert (booth.select_one(".ocop-status:not([hidden])") is None) is booth_listed
        assert booth.has_attr("data-ocop-ends") is booth_listed, "only a fair still on needs the browser's recheck"
        assert bool(listing.find("h2", string="Hội chợ đã kết thúc")) is not booth_listed


def test_a_product_no_longer_in_force_is_not_sent_to_the_shops(base_catalogue: Path) -> None:
    site = base_site(date(2028, 6, 1))  # base-product's certificate ended on 2028-03-10
    product = BeautifulSoup(product_body(site, site.catalogue.products["base-product"], "en"), "html.parser")
    assert product.select_one(".ocop-in-person") is None
    listing = BeautifulSoup(sales_points_page(site, "en").body, "html.parser")
    item = listing.select_one('section#base-showroom li[data-ocop-id="base-product"]')
    assert item["data-ocop-status"] == "expired" and item.small.get_text() == "Expired on 10 Mar 2028"


def test_the_kind_is_left_out_when_the_name_says_it(base_catalogue: Path) -> None:
    text = (base_catalogue / "catalogue.yaml").read_text(encoding="utf-8")
    renamed = text.replace("name: Tả Lèng OCOP showroom", "name: Tả Lèng showroom").replace(
        "name: Gian hàng OCOP Lai Châu tại hội chợ Hà Nội", "name: Gian hàng hội chợ OCOP Lai Châu"
    )
    (base_catalogue / "catalogue.yaml").write_text(renamed, encoding="utf-8")
    site = base_site(TODAY)
    for lang, expected in (
        ("vi", ["Trung tâm giới thiệu và bán sản phẩm OCOP · xã Tả Lèng", "Hà Nội · Từ 10/12/2026 đến 14/12/2026"]),
        ("en", ["OCOP showroom · xã Tả Lèng", "Fair booth · Hà Nội · 10 Dec 2026 to 14 Dec 2026"]),
    ):
        product = BeautifulSoup(product_body(site, site.catalogue.products["base-product"], lang), "html.parser")
        assert [small.get_text() for small in product.select(".ocop-in-person li small")] == expected


def test_english_page_marks_vietnamese_left_untranslated(base_catalogue: Path) -> None:
    listing = BeautifulSoup(sales_points_page(base_site(TODAY), "en").body, "html.parser")
    showroom, booth = listing.select_one("section#base-showroom"), listing.select_one("section#base-fair-booth")
    assert showroom.h3.get_text() == "Tả Lèng OCOP showroom" and showroom.h3.span is None
    assert booth.h3.span["lang"] == "vi" and booth.h3.get_text() == "Gian hàng OCOP Lai Châu tại hội chợ Hà Nội"
    assert "10 Dec 2026 to 14 Dec 2026" in booth.get_text()


def test_a_catalogue_without_sales_points_says_so(base_catalogue: Path) -> None:
    (base_catalogue / "catalogue.yaml").write_text("site_url: https://ocop.test/\n", encoding="utf-8")
    site = base_site(TODAY)
    assert "Chưa có điểm bán nào." in sales_points_page(site, "vi").body
    assert "ocop-in-person" not in product_body(site, site.catalogue.products["base-product"], "vi")
