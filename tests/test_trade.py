"""Trade facts (issue 15, part "trade"): checked with exact messages, shown on the product page under
"Dành cho nhà phân phối" / "For buyers", in the open data, in the finder's filter, the printed
catalogue and the posters."""

from __future__ import annotations

import csv
import io
import json
import unicodedata
from collections.abc import Callable
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any

import pypdfium2
import pytest
import yaml
from bs4 import BeautifulSoup

from catalogue.exports import csv_columns
from catalogue.makers.qr import encode, product_url
from catalogue.model import Product
from catalogue.pages.trade import trade_section
from catalogue.printing.catalogue_pdf import CatalogueEntry, Cover, catalogue_pdf
from catalogue.printing.items import PrintItem
from catalogue.printing.posters import PosterFacts, poster_pdf
from catalogue.status import CertificateStatus
from catalogue.trade_data import TRADE_COLUMNS
from catalogue.trade_text import certification_text, trade_lines
from catalogue.validate import validate
from catalogue.vocab import Group

from .conftest import REPO
from .qr_decode import decode, pdf_pages
from .site_fixture import TODAY
from .test_finder import decode_finder

BASE = "products/base-product.yaml"
SITE = "https://ocop-laichau.example/"
TRADE = """trade:
  capacity: 300 tấn mỗi năm
  minimum_order: 500 kg
  packaging: Túi 5 kg
  certifications:
    - {kind: vietgap, issuer: Chi cục Trồng trọt, number: VG-1, issued: 2023-01-02, expires: 2026-01-01}
    - {kind: organic, issuer: Tổ chức chứng nhận hữu cơ, expires: 2028-05-31}
  export_markets: [Nhật Bản, Hàn Quốc]
  wholesale: {name: Phòng kinh doanh, phone: "0912 345 678", zalo: "0912345678", email: ban-buon@ocop.test}
  translations:
    en: {capacity: 300 tonnes a year}
"""
TRADE_PRODUCTS = {
    path.stem
    for path in (REPO / "products").glob("*.yaml")
    if (data := yaml.safe_load(path.read_text(encoding="utf-8"))).get("trade") and not data.get("withdrawn")
}


def problems_with(base: Path, block: str) -> list[str]:
    """The problems of the base catalogue with `block` added at the end of its product."""
    path = base / BASE
    path.write_text(path.read_text(encoding="utf-8") + block, encoding="utf-8")
    _, report = validate(Path("products"), Path("producers"), today=TODAY)
    return [p.show("en") for p in report.problems]


def product_with(base: Path, block: str) -> Product:
    path = base / BASE
    data = yaml.safe_load(path.read_text(encoding="utf-8") + block)
    return Product.model_validate(data)


# The data format


def test_trade_facts_pass_and_are_read(base_catalogue: Path) -> None:
    assert problems_with(base_catalogue, TRADE) == []
    trade = product_with(base_catalogue, TRADE).trade
    assert trade is not None and trade.wholesale is not None
    assert [c.kind.value for c in trade.certifications] == ["vietgap", "organic"]
    assert trade.wholesale.phone == "0912345678" and trade.export_markets == ["Nhật Bản", "Hàn Quốc"]


@pytest.mark.parametrize(
    ("block", "problem"),
    [
        (
            "trade:\n  certifications:\n    - {kind: vietgap, issuer: Chi cục, issued: 2025-05-01, expires: 2024-05-01}\n",
            f"{BASE}:41: error: trade.certifications[1]: expires 2024-05-01 is before issued 2025-05-01; check the two dates [date-order]",
        ),
        (
            "trade:\n  certifications:\n    - {kind: vietgapp, issuer: Chi cục}\n",
            f"{BASE}:41: error: trade.certifications[1].kind: must be 'vietgap', 'globalgap', 'organic', 'geographical-indication', "
            "'haccp', 'iso-22000' or 'food-safety', got 'vietgapp'; did you mean 'vietgap'? [invalid-value]",
        ),
        (
            "trade:\n  certifications:\n    - {kind: haccp}\n",
            f"{BASE}:41: error: trade.certifications[1].issuer: required field is missing [missing-field]",
        ),
        (
            "trade:\n  wholesale: {name: Phòng kinh doanh}\n",
            f"{BASE}:40: error: trade.wholesale: a wholesale contact needs a phone, an email or a zalo number [missing-contact]",
        ),
        (
            "trade: {}\n",
            f"{BASE}:39: error: trade: trade is given but says nothing; write at least one of capacity, minimum_order, packaging, "
            "certifications, export_markets or wholesale, or leave trade out [empty-trade]",
        ),
        (
            "trade:\n  wholesale: {phone: '12345'}\n",
            f"{BASE}:40: error: trade.wholesale.phone: '12345' is not a Vietnamese phone number: expected a 10-digit mobile "
            "(09x xxx xxxx), an 11-digit landline (0213 xxxx xxx) or +84 followed by the number without its 0 [invalid-phone]",
        ),
        (
            "trade:\n  minimum_order: 5 kg\n  capcity: 3 tấn\n",
            f"{BASE}:41: error: trade.capcity: unknown field; did you mean 'capacity'? [unknown-field]",
        ),
    ],
    ids=["dates", "kind", "issuer", "contact", "empty", "phone", "typo"],
)
def test_bad_trade_facts_are_reported_exactly(base_catalogue: Path, block: str, problem: str) -> None:
    found = problems_with(base_catalogue, block)
    assert found == [problem]


# The product page's section


def section(product: Product, lang: str) -> BeautifulSoup:
    return BeautifulSoup(str(trade_section(product, TODAY, lang)), "html.parser")


def test_section_shows_every_fact_in_each_language(base_catalogue: Path) -> None:
    product = product_with(base_catalogue, TRADE)
    headings = {lang: section(product, lang).h2.get_text() for lang in ("vi", "en", "zh")}
    assert headings == {"vi": "Dành cho nhà phân phối", "en": "For buyers", "zh": "经销商信息"}
    page = section(product, "vi")
    rows = {dt.get_text(): dd for dt, dd in zip(page.find_all("dt"), page.find_all("dd"), strict=True)}
    assert list(rows) == [
        "Năng lực sản xuất", "Đơn hàng tối thiểu", "Quy cách đóng gói", "Chứng nhận khác", "Thị trường xuất khẩu", "Liên hệ bán buôn",
    ]  # fmt: skip
    certifications = [li.get_text() for li in rows["Chứng nhận khác"].find_all("li")]
    # The build day is 28/11/2026: the VietGAP certificate ended on 01/01/2026, the organic one is still valid.
    assert certifications == [
        "VietGAP · số VG-1 · Chi cục Trồng trọt · đã hết hạn ngày 01/01/2026",
        "Hữu cơ · Tổ chức chứng nhận hữu cơ · hiệu lực đến 31/05/2028",
    ]
    links = [a["href"] for a in rows["Liên hệ bán buôn"].find_all("a")]
    assert links == ["tel:+84912345678", "https://zalo.me/0912345678", "mailto:ban-buon@ocop.test"]
    english = section(product, "en")
    assert english.find("dd").get_text() == "300 tonnes a year"  # translated
    untranslated = english.find_all("dd")[1].find("span")
    assert untranslated["lang"] == "vi" and untranslated.get_text() == "500 kg"  # marked as Vietnamese


def test_no_trade_facts_no_section(base_catalogue: Path) -> None:
    assert str(trade_section(product_with(base_catalogue, ""), TODAY, "vi")) == ""


def test_demo_product_pages_show_the_section(demo_site: Path) -> None:
    assert len(TRADE_PRODUCTS) >= 4
    for pid in TRADE_PRODUCTS:
        page = BeautifulSoup((demo_site / "p" / pid / "index.html").read_text(encoding="utf-8"), "html.parser")
        assert page.select_one("section.ocop-trade h2").get_text() == "Dành cho nhà phân phối", pid
    english = BeautifulSoup((demo_site / "en" / "p" / "hat-mac-ca-truong-giang" / "index.html").read_text(encoding="utf-8"), "html.parser")
    assert "60 tonnes of nuts a year" in english.select_one("section.ocop-trade").get_text()
    plain = BeautifulSoup((demo_site / "p" / "mat-ong-pa-u" / "index.html").read_text(encoding="utf-8"), "html.parser")
    assert plain.select_one("section.ocop-trade") is None


# Open data


def test_open_data_appends_the_trade_fields(demo_site: Path) -> None:
    languages = ["vi", "en", "zh"]
    columns = csv_columns(languages)
    assert columns[-len(TRADE_COLUMNS) :] == TRADE_COLUMNS and columns[: -len(TRADE_COLUMNS)][-1] == "withdrawn_on"
    document = json.loads((demo_site / "data" / "products.json").read_text(encoding="utf-8"))
    records = {r["id"]: r for r in document["products"]}
    nuts = records["hat-mac-ca-truong-giang"]
    assert nuts["export_markets"] == ["Trung Quốc", "Hàn Quốc"] and nuts["wholesale_phone"] == "0914222333"
    assert nuts["certifications"][0] == {
        "kind": "haccp",
        "issuer": "Trung tâm Kỹ thuật Tiêu chuẩn Đo lường Chất lượng 1",
        "number": "HACCP-2025-0456",
        "issued": "2025-02-10",
        "expires": "2028-02-09",
    }
    assert records["mat-ong-pa-u"]["certifications"] == [] and records["mat-ong-pa-u"]["capacity"] is None
    rows = {r["id"]: r for r in csv.DictReader(io.StringIO((demo_site / "data" / "products.csv").read_text(encoding="utf-8-sig")))}
    assert list(next(iter(rows.values()))) == columns
    assert rows["hat-mac-ca-truong-giang"]["export_markets"] == "Trung Quốc; Hàn Quốc"
    assert rows["hat-mac-ca-truong-giang"]["wholesale_phone"] == "0914 222 333"
    assert rows["gao-seng-cu-muong-than"]["certifications"] == (
        "vietgap VG-LC-2024-031 (Trung tâm Khuyến nông tỉnh Lai Châu, 2024-03-20 – 2027-03-19); "
        "geographical-indication 00089 (Cục Sở hữu trí tuệ)"
    )
    schema = json.loads((demo_site / "data" / "products.schema.json").read_text(encoding="utf-8"))
    fields = schema["properties"]["products"]["items"]["properties"]
    assert fields["certifications"]["type"] == "array" and set(TRADE_COLUMNS) <= set(fields)


# The finder


def test_finder_filter_finds_the_products_with_trade_facts(demo_site: Path, site_url: str, open_page: Callable[..., Any]) -> None:
    script = (demo_site / "data" / "finder-vi.js").read_text(encoding="utf-8")
    data = decode_finder(script)
    flags = {row[0]: row[data["fields"].index("trade")] for row in data["products"]}
    assert {pid for pid, flag in flags.items() if flag == 1} == TRADE_PRODUCTS
    page = open_page()
    page.clock.set_fixed_time(f"{TODAY.isoformat()}T12:00:00+07:00")
    page.goto(f"{site_url}/products/")
    page.locator("form.ocop-finder").wait_for(state="visible")
    assert page.locator("select[name=trade] option").all_inner_texts() == ["Tất cả", "Có thông tin cho nhà phân phối"]
    page.select_option("select[name=trade]", "1")
    page.wait_for_function("new URLSearchParams(document.querySelector('#ocop-finder-count').dataset.filter).get('trade') === '1'")
    found = page.locator(".ocop-finder__results li.ocop-card").evaluate_all("cards => cards.map(c => c.dataset.ocopId)")
    assert set(found) == TRADE_PRODUCTS and len(found) == len(TRADE_PRODUCTS)


# Print


def pdf_text(data: bytes) -> str:
    pages = [page.get_textpage().get_text_range() for page in pypdfium2.PdfDocument(data)]
    return " ".join(unicodedata.normalize("NFC", " ".join(pages)).split())


def demo_trade_lines(pid: str, lang: str) -> list[tuple[str, str]]:
    product = Product.model_validate(yaml.safe_load((REPO / "products" / f"{pid}.yaml").read_text(encoding="utf-8")))
    assert product.trade is not None
    return trade_lines(product.trade, TODAY, lang)


def test_printed_catalogue_entry_carries_the_trade_facts() -> None:
    item = PrintItem("gao-seng-cu-muong-than", "Gạo Séng Cù Mường Than", 4, CertificateStatus.VALID, product_url(SITE, "gao"), None)
    trade = {lang: tuple(demo_trade_lines("gao-seng-cu-muong-than", lang)) for lang in ("vi", "en")}
    entry = CatalogueEntry(
        item, Group.FOOD, "Gạo đặc sản.", "GCN-1", "UBND tỉnh Lai Châu", date(2024, 6, 14), date(2027, 6, 14),
        "Hợp tác xã Thanh Xuân", "Bản Mé, xã Mường Than", "0912345001", trade=trade,
    )  # fmt: skip
    cover = Cover("Sản phẩm OCOP Lai Châu", "Lai Châu", SITE, TODAY, demo=False)
    vi = pdf_text(catalogue_pdf([entry], cover, "vi"))
    for words in ("Dành cho nhà phân phối", "Năng lực sản xuất: 300 tấn gạo mỗi năm", "Đơn hàng tối thiểu: 500 kg", "VietGAP"):
        assert words in vi
    en = pdf_text(catalogue_pdf([entry], cover, "en"))
    assert "For buyers" in en and "Capacity: 300 tonnes of rice a year" in en
    bare = pdf_text(catalogue_pdf([replace(entry, trade={})], cover, "vi"))
    assert "Dành cho nhà phân phối" not in bare and "Hợp tác xã Thanh Xuân" in bare


def test_poster_shows_the_producer_phone_and_trade_facts_and_its_code_still_decodes() -> None:
    url = product_url(SITE, "hat-mac-ca-truong-giang")
    item = PrintItem("hat-mac-ca-truong-giang", "Hạt mắc ca sấy nứt vỏ Trường Giang", 4, CertificateStatus.VALID, url, None)
    facts = PosterFacts(("Điện thoại", "Công ty Trường Giang · 0913 111 222"), tuple(demo_trade_lines("hat-mac-ca-truong-giang", "vi")))
    data = poster_pdf(item, "Sản phẩm OCOP Lai Châu", None, facts)
    text = pdf_text(data)
    assert "Điện thoại: Công ty Trường Giang · 0913 111 222" in text and "Năng lực sản xuất: 60 tấn hạt mỗi năm" in text
    [page] = pdf_pages(data, 300)
    [code] = decode(page)
    assert code.text == url and encode(url).size > 0


def test_certification_words_in_english() -> None:
    product = Product.model_validate(yaml.safe_load((REPO / "products" / "hat-mac-ca-truong-giang.yaml").read_text(encoding="utf-8")))
    assert product.trade is not None
    words = certification_text(product.trade.certifications[0], TODAY, "en")
    assert words == "HACCP · no. HACCP-2025-0456 · Trung tâm Kỹ thuật Tiêu chuẩn Đo lường Chất lượng 1 · valid until 9 Feb 2028"
