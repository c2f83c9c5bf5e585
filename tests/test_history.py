"""Certificate history and withdrawn products on the built demo site.

The demo renews gao-seng-cu-muong-than (one earlier certificate), upgrades mien-dong-binh-lu from 3
to 4 stars (two earlier certificates, with decision links) and withdraws ruou-sam-lai-chau on
2026-09-30, before the build day of the session's demo site.
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

import pytest

from catalogue.dashboard import dashboard
from catalogue.media_stage import plan
from catalogue.rules import fold_code
from catalogue.status import IN_FORCE

from .site_fixture import TODAY, soup
from .test_site import CATALOGUE

RENEWED, UPGRADED, WITHDRAWN = "gao-seng-cu-muong-than", "mien-dong-binh-lu", "ruou-sam-lai-chau"
PREFIXES = {"vi": "", "en": "en/"}


def check_data(site: Path, lang: str) -> dict[str, Any]:
    """window.OCOP_CHECK of data/check-<lang>.js."""
    text = (site / "data" / f"check-{lang}.js").read_text(encoding="utf-8")
    assert text.startswith("window.OCOP_CHECK = ") and text.endswith(";\n")
    return json.loads(text.removeprefix("window.OCOP_CHECK = ").removesuffix(";\n"))


def records(fields: list[str], rows: list[list[Any]]) -> list[dict[str, Any]]:
    return [dict(zip(fields, row, strict=True)) for row in rows]


@pytest.mark.parametrize("lang", PREFIXES)
def test_check_index_holds_the_earlier_numbers_with_what_replaced_them(demo_site: Path, lang: str) -> None:
    data = check_data(demo_site, lang)
    earlier = records(data["earlier_fields"], data["earlier"])
    day = {"vi": {"2024-06-14": "14/06/2024", "2022-07-30": "30/07/2022", "2024-07-30": "30/07/2024", "2019-07-30": "30/07/2019"}}
    day["en"] = {"2024-06-14": "14 Jun 2024", "2022-07-30": "30 Jul 2022", "2024-07-30": "30 Jul 2024", "2019-07-30": "30 Jul 2019"}
    assert [(e["number"], e["product"], e["stars"], e["next_number"], e["next_issued_text"]) for e in earlier] == [
        ("GCN-OCOP-LC-2021-015", RENEWED, 4, "GCN-OCOP-LC-2024-012", day[lang]["2024-06-14"]),
        ("GCN-OCOP-LC-2019-021", UPGRADED, 3, "GCN-OCOP-LC-2022-012", day[lang]["2022-07-30"]),
        ("GCN-OCOP-LC-2022-012", UPGRADED, 3, "GCN-OCOP-LC-2024-040", day[lang]["2024-07-30"]),
    ]
    assert earlier[1]["issued_text"] == day[lang]["2019-07-30"]
    assert all(e["key"] == fold_code(e["number"]) for e in earlier)
    products = {p["id"]: p for p in records(data["fields"], data["products"])}
    assert set(products) == set(CATALOGUE.products)  # a withdrawn product is still found
    assert products[UPGRADED]["number"] == "GCN-OCOP-LC-2024-040" and products[UPGRADED]["stars"] == 4
    gone = products[WITHDRAWN]
    assert gone["withdrawn_on"] == {"vi": "30/09/2026", "en": "30 Sep 2026"}[lang]
    assert gone["withdrawn_reason"] == "Công ty ngừng sản xuất rượu sâm để tập trung vào sâm tươi và trà hoa sâm."
    assert [p for p in products.values() if p["withdrawn_on"]] == [gone]


HISTORY = {
    "vi": (
        "Lịch sử chứng nhận",
        [
            ["GCN-OCOP-LC-2024-040 Mới nhất", "30/07/2024 – 30/07/2027", "4 sao", "Nâng hạng 1390/QĐ-UBND"],
            ["GCN-OCOP-LC-2022-012 Được thay thế ngày 30/07/2024", "30/07/2022 – 30/07/2025", "3 sao", "Công nhận lại Văn bản quyết định"],
            ["GCN-OCOP-LC-2019-021 Được thay thế ngày 30/07/2022", "30/07/2019 – 30/07/2022", "3 sao", "Công nhận mới"],
        ],
    ),
    "en": (
        "Certificate history",
        [
            ["GCN-OCOP-LC-2024-040 Latest", "30 Jul 2024 – 30 Jul 2027", "4-star", "Upgrade 1390/QĐ-UBND"],
            ["GCN-OCOP-LC-2022-012 Replaced on 30 Jul 2024", "30 Jul 2022 – 30 Jul 2025", "3-star", "Renewal Decision document"],
            ["GCN-OCOP-LC-2019-021 Replaced on 30 Jul 2022", "30 Jul 2019 – 30 Jul 2022", "3-star", "New"],
        ],
    ),
}


@pytest.mark.parametrize("lang", PREFIXES)
def test_product_page_lists_the_certificate_history(demo_site: Path, lang: str) -> None:
    article = soup(demo_site / PREFIXES[lang] / "p" / UPGRADED / "index.html").select_one("article.ocop-product")
    section = article.select_one("section.ocop-history")
    title, rows = HISTORY[lang]
    assert section.h2.get_text() == title
    assert [[cell.get_text(" ", strip=True) for cell in row.find_all(["th", "td"])] for row in section.select("tbody tr")] == rows
    assert [a["href"] for a in section.select("a")] == [
        "https://laichau.example/van-ban/1390-qd-ubnd-2024",
        "https://laichau.example/van-ban/1205-qd-ubnd-2022",
    ]
    # Right after the certificate, which links the current decision too.
    assert section.find_previous_sibling()["class"] == ["ocop-certificate"]
    decision = article.select_one(".ocop-certificate a[href^='https://laichau.example/']")
    assert decision.get_text() == "1390/QĐ-UBND"


def test_the_renewed_product_lists_its_first_certificate(demo_site: Path) -> None:
    section = soup(demo_site / "p" / RENEWED / "index.html").select_one("section.ocop-history")
    numbers = [row.th.contents[0].strip() for row in section.select("tbody tr")]
    assert numbers == ["GCN-OCOP-LC-2024-012", "GCN-OCOP-LC-2021-015"]
    assert "Bao bì in trước một lần công nhận lại hoặc nâng hạng" in section.p.get_text()


def test_no_history_section_without_an_earlier_certificate(demo_site: Path) -> None:
    assert soup(demo_site / "p" / "mat-ong-pa-u" / "index.html").select_one(".ocop-history") is None


NOTICE = {
    "vi": (
        "Sản phẩm không còn trong danh mục từ ngày 30/09/2026. Lý do: Công ty ngừng sản xuất rượu sâm để tập trung vào sâm tươi "
        "và trà hoa sâm. Trang này được giữ lại để mã QR đã in trên bao bì vẫn mở được; danh mục không còn giới thiệu sản phẩm "
        "này và nơi mua."
    ),
    "en": (
        "This product left the catalogue on 30 Sep 2026. Reason: Công ty ngừng sản xuất rượu sâm để tập trung vào sâm tươi và trà "
        "hoa sâm. This page stays so that the QR codes printed on its packaging still open it; the catalogue no longer lists the "
        "product or where to buy it."
    ),
}


@pytest.mark.parametrize("lang", PREFIXES)
def test_a_withdrawn_products_page_says_so_near_the_top_and_points_to_no_shop(demo_site: Path, lang: str) -> None:
    article = soup(demo_site / PREFIXES[lang] / "p" / WITHDRAWN / "index.html").select_one("article.ocop-product")
    notice = article.select_one(".ocop-product__head").find_next_sibling()
    assert notice["class"] == ["ocop-withdrawn"] and notice["role"] == "note" and notice["data-ocop-withdrawn"] == "2026-09-30"
    assert " ".join(notice.get_text(" ", strip=True).split()) == NOTICE[lang]
    if lang == "en":
        assert notice.select_one('span[lang="vi"]').get_text().startswith("Công ty ngừng sản xuất")
    assert article.select(".ocop-channels, .ocop-in-person") == []
    # The certificate itself is unchanged: packages made before the withdrawal are genuine.
    assert article["data-ocop-status"] == "valid" and "GCN-OCOP-LC-2025-035" in article.select_one(".ocop-certificate").get_text()


def test_other_pages_do_not_show_the_withdrawal_notice(demo_site: Path) -> None:
    assert soup(demo_site / "p" / RENEWED / "index.html").select_one(".ocop-withdrawn") is None


def site_pages(site: Path) -> list[Path]:
    """Every HTML page but the withdrawn product's own pages and the GS1 Digital Link redirects to them."""
    own = {site / prefix / "p" / WITHDRAWN for prefix in ("", *(f"{lang}/" for lang in CATALOGUE.settings.languages[1:]))}
    return [page for page in site.rglob("*.html") if page.parent not in own and "01" not in page.relative_to(site).parts[:2]]


def test_a_withdrawn_product_is_on_no_other_page(demo_site: Path) -> None:
    pages = site_pages(demo_site)
    for required in ("products/index.html", "kiosk/index.html", "en/kiosk/index.html", "dashboard/index.html", "index.html"):
        assert demo_site / required in pages
    for required in ("producers/cty-sam-lai-chau/index.html", "groups/do-uong/index.html", "sales-points/index.html"):
        assert demo_site / required in pages
    assert [page for page in pages if WITHDRAWN in page.read_text(encoding="utf-8")] == []
    for lang in PREFIXES:
        assert WITHDRAWN not in (demo_site / "data" / f"finder-{lang}.js").read_text(encoding="utf-8")
    assert WITHDRAWN not in (demo_site / "data" / "re-evaluation.csv").read_text(encoding="utf-8-sig")
    sales_points = json.loads((demo_site / "data" / "sales-points.json").read_text(encoding="utf-8"))
    assert all(WITHDRAWN not in point["products"] for point in sales_points["sales_points"])


def test_the_home_page_counts_only_listed_products_in_force(demo_site: Path) -> None:
    listed = [p for p in CATALOGUE.listed_products(TODAY) if CATALOGUE.status(p, TODAY) in IN_FORCE]
    assert WITHDRAWN not in {p.id for p in listed} and CATALOGUE.status(CATALOGUE.products[WITHDRAWN], TODAY) in IN_FORCE
    count = soup(demo_site / "index.html").select_one(".ocop-counts strong").get_text()
    assert count == str(len(listed))


def test_a_withdrawn_product_gets_no_label_poster_or_printed_catalogue_entry(demo_site: Path) -> None:
    jobs = plan(CATALOGUE, TODAY)
    [labels] = [job for job in jobs if job.kind == "labels"]
    assert WITHDRAWN not in {item.id for item in labels.params.items}
    assert WITHDRAWN not in {job.product for job in jobs if job.kind == "poster"}
    for job in (job for job in jobs if job.kind == "catalogue-pdf"):
        assert WITHDRAWN not in {planned.entry.item.id for planned in job.params.entries}
    assert WITHDRAWN in {job.product for job in jobs if job.kind == "qr"}  # its page keeps its code
    assert not (demo_site / "print" / "posters" / f"{WITHDRAWN}.pdf").exists()
    assert (demo_site / "qr" / f"{WITHDRAWN}.svg").exists()


def test_a_withdrawn_product_is_in_no_dashboard_figure() -> None:
    figures = dashboard(CATALOGUE, TODAY)
    total = next(p for p in figures.targets if p.key == "total")
    assert total.achieved == sum(1 for p in CATALOGUE.listed_products(TODAY) if CATALOGUE.status(p, TODAY) in IN_FORCE)
    assert total.achieved == sum(1 for p in CATALOGUE.products.values() if CATALOGUE.status(p, TODAY) in IN_FORCE) - 1
    rows = figures.re_evaluation + figures.not_inspected + figures.not_passed
    assert WITHDRAWN not in {row.product.id for row in rows}


def test_a_withdrawn_product_stays_in_the_open_data_and_the_sitemap(demo_site: Path) -> None:
    products = json.loads((demo_site / "data" / "products.json").read_text(encoding="utf-8"))["products"]
    by_id = {record["id"]: record for record in products}
    assert by_id[WITHDRAWN]["withdrawn_on"] == "2026-09-30"
    assert [record["id"] for record in products if record["withdrawn_on"]] == [WITHDRAWN]
    rows = list(csv.DictReader(io.StringIO((demo_site / "data" / "products.csv").read_bytes().decode("utf-8-sig"))))
    assert {row["id"]: row["withdrawn_on"] for row in rows}[WITHDRAWN] == "2026-09-30"
    schema = json.loads((demo_site / "data" / "products.schema.json").read_text(encoding="utf-8"))
    assert schema["properties"]["products"]["items"]["properties"]["withdrawn_on"]["format"] == "date"
    sitemap = (demo_site / "sitemap.xml").read_text(encoding="utf-8")
    site_url = CATALOGUE.settings.site_url
    assert f"<loc>{site_url}p/{WITHDRAWN}/</loc>" in sitemap and f"<loc>{site_url}en/p/{WITHDRAWN}/</loc>" in sitemap
