"""The printed catalogue of the demo site: one entry per product in force, correct Vietnamese, codes
that decode at 300 dpi, contents and bookmarks that lead to the right pages, and a link from the site."""

from __future__ import annotations

import re
import unicodedata
from datetime import timedelta
from functools import cache
from pathlib import Path

import pypdfium2
import pypdfium2.raw as pdfium_c
import pytest
import zxingcpp

from catalogue.makers.qr import product_url
from catalogue.media_stage import plan
from catalogue.status import CertificateStatus
from catalogue.translated import localized_text
from catalogue.vocab import GROUP_LABELS, Group

from .site_fixture import TODAY, soup
from .test_site import CATALOGUE

LANGUAGES = ("vi", "en")
IN_FORCE = (CertificateStatus.VALID, CertificateStatus.EXPIRING)
SITE_URL = CATALOGUE.settings.site_url
A4_PT = (595.28, 841.89)


def in_force() -> dict[str, str]:
    """Product id → QR address of every product listed (not withdrawn) and in force on the test day."""
    return {p.id: product_url(SITE_URL, p.id) for p in CATALOGUE.listed_products(TODAY) if CATALOGUE.status(p, TODAY) in IN_FORCE}


def display_name(pid: str, lang: str) -> str:
    return localized_text(CATALOGUE.products[pid], "name", lang)


@cache
def codes_by_page(path: Path) -> tuple[tuple[str, ...], ...]:
    """The text of every QR code on each page, the pages rendered at 300 dpi in grey."""
    found = []
    for page in pypdfium2.PdfDocument(path):
        image = page.render(scale=300 / 72, grayscale=True).to_pil()
        found.append(tuple(code.text for code in zxingcpp.read_barcodes(image, formats=zxingcpp.BarcodeFormat.QRCode)))
    return tuple(found)


def page_texts(path: Path) -> list[str]:
    return [page.get_textpage().get_text_range() for page in pypdfium2.PdfDocument(path)]


def flat(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text).split())


@pytest.fixture(scope="module", params=LANGUAGES)
def book(request: pytest.FixtureRequest, demo_site: Path) -> tuple[str, Path]:
    return request.param, demo_site / "print" / f"catalogue-{request.param}.pdf"


def test_there_are_products_in_force_and_others(book: tuple[str, Path]) -> None:
    # The checks below mean something only if the demo has both kinds on the test day.
    assert 30 < len(in_force()) < len(CATALOGUE.products)


def test_every_code_decodes_at_300_dpi_to_exactly_the_products_in_force(book: tuple[str, Path]) -> None:
    _, path = book
    decoded = [text for page in codes_by_page(path) for text in page]
    assert sorted(decoded) == sorted(in_force().values())  # one code per product in force, none twice
    assert codes_by_page(path)[0] == codes_by_page(path)[1] == ()  # the cover and the contents have none


def test_one_entry_per_product_in_force_and_none_for_the_others(book: tuple[str, Path]) -> None:
    lang, path = book
    live = in_force()
    texts = page_texts(path)
    body = flat(" ".join(texts[2:]))
    for pid in CATALOGUE.products:
        name = display_name(pid, lang)
        if pid in live:
            # Each entry page carries at most two products, each with its name and its code.
            [page] = [n for n, codes in enumerate(codes_by_page(path)) if live[pid] in codes]
            assert name in flat(texts[page]), (pid, page)
        elif not any(name in display_name(other, lang) for other in live):
            assert name not in body, pid
    assert all(len(codes) <= 2 for codes in codes_by_page(path))


def test_vietnamese_text_extracts_exactly_with_its_tone_marks(demo_site: Path) -> None:
    texts = page_texts(demo_site / "print" / "catalogue-vi.pdf")
    assert all(unicodedata.is_normalized("NFC", text) for text in texts)
    text = flat(" ".join(texts))
    for words in ("Mật ong Pa Ủ", "Gạo Séng Cù Mường Than", "Giấy chứng nhận OCOP", "Số chứng nhận", "Chủ thể sản xuất", "Hiệu lực đến"):
        assert words in text
    assert "Sắp hết hạn" in text and "Còn hiệu lực" in text and "Đã hết hạn" not in text and "Đã bị thu hồi" not in text


def test_english_catalogue_uses_english_names_and_falls_back_to_vietnamese(demo_site: Path) -> None:
    text = flat(" ".join(page_texts(demo_site / "print" / "catalogue-en.pdf")))
    live = in_force()
    named = [pid for pid in live if display_name(pid, "en") != CATALOGUE.products[pid].name]
    assert named and all(display_name(pid, "en") in text for pid in named)
    assert "Pa Ủ honey" in text and "OCOP certificate" in text and "Valid until" in text and "Giấy chứng nhận" not in text
    unnamed = [pid for pid in live if pid not in named]
    assert all(CATALOGUE.products[pid].name in text for pid in unnamed)


def test_cover_says_site_province_date_and_demo(book: tuple[str, Path]) -> None:
    lang, path = book
    cover = flat(page_texts(path)[0])
    assert CATALOGUE.settings.demo
    expected = {
        "vi": ("Sản phẩm OCOP Lai Châu", "Tỉnh Lai Châu", "Dữ liệu ngày 28/11/2026", "DỮ LIỆU MINH HỌA", f"{len(in_force())} sản phẩm"),
        "en": ("Lai Châu OCOP products", "Lai Châu province", "Data as of 28 Nov 2026", "DEMO DATA", f"{len(in_force())} products"),
    }[lang]
    for words in expected:
        assert words in cover
    assert SITE_URL in cover


def test_contents_lists_the_six_groups_and_the_page_of_each_product(book: tuple[str, Path]) -> None:
    lang, path = book
    texts = page_texts(path)
    contents = [page for page in texts if page.startswith(("Mục lục", "Contents"))]
    assert contents and contents[0].startswith("Mục lục" if lang == "vi" else "Contents")
    listed = flat(" ".join(contents))
    live = in_force()
    for group in Group:
        members = sum(1 for pid in live if CATALOGUE.products[pid].group == group)
        assert f"{GROUP_LABELS[group][lang]} ({members})" in listed
    # A product line is its name, then the number of its page (PDFium puts it on the same line or the
    # next); that page holds the product's code.
    text = "\n".join(line.strip() for page in contents for line in page.splitlines())
    numbers = {name: int(number) for name, number in re.findall(r"^(.+?)\s+(\d+)$", re.sub(r"\n(?=\d+$)", " ", text, flags=re.M), re.M)}
    for pid, url in live.items():
        page = numbers[display_name(pid, lang)]
        assert url in codes_by_page(path)[page - 1], pid


def test_bookmarks_follow_the_groups_in_order_with_every_product(book: tuple[str, Path]) -> None:
    lang, path = book
    document = pypdfium2.PdfDocument(path)
    marks = [(mark.level, mark.get_title(), mark.get_dest().get_index()) for mark in document.get_toc()]
    groups = [title for level, title, _ in marks if level == 0][1:]
    live = in_force()
    expected = [GROUP_LABELS[g][lang] for g in Group if any(CATALOGUE.products[pid].group == g for pid in live)]
    assert groups == expected
    products = [(title, page) for level, title, page in marks if level == 1]
    assert sorted(title for title, _ in products) == sorted(display_name(pid, lang) for pid in live)
    for title, page in products:
        [pid] = [pid for pid in live if display_name(pid, lang) == title]
        assert live[pid] in codes_by_page(path)[page]


def test_pages_are_a4_and_photos_are_small_jpegs(book: tuple[str, Path]) -> None:
    _, path = book
    document = pypdfium2.PdfDocument(path)
    assert all(page.get_size() == pytest.approx(A4_PT, abs=0.5) for page in document)
    images = [image for page in document for image in page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_IMAGE], max_depth=3)]
    assert len(images) == len([pid for pid in in_force() if CATALOGUE.products[pid].images])
    assert all(image.get_filters() == ["DCTDecode"] and image.get_px_size()[0] <= 1000 for image in images)
    assert path.stat().st_size < 100_000 * len(in_force())


def test_catalogue_is_made_again_only_when_the_day_or_the_data_changes() -> None:
    today, again = plan(CATALOGUE, TODAY), plan(CATALOGUE, TODAY)
    tomorrow = {job.key for job in plan(CATALOGUE, TODAY + timedelta(days=1))}
    assert [job.key for job in today] == [job.key for job in again]
    books = [job for job in today if job.kind == "catalogue-pdf"]
    assert [job.params.path for job in books] == ["print/catalogue-vi.pdf", "print/catalogue-en.pdf"]
    assert all(job.key not in tomorrow for job in books)  # the date of the data is printed on every page
    assert all(job.key in tomorrow for job in today if job.kind in ("photo", "qr"))
    # It reads the photo and QR jobs' outputs, so it waits for them.
    assert set(books[0].needs) <= {job.key for job in today if job.kind in ("photo", "qr")}


def test_home_pages_link_both_catalogues_with_their_sizes(demo_site: Path) -> None:
    for lang, home in (("vi", demo_site / "index.html"), ("en", demo_site / "en" / "index.html")):
        links = soup(home).select("ul.ocop-print a[href$='.pdf']")
        assert [link["hreflang"] for link in links] == [lang, *(other for other in LANGUAGES if other != lang)]
        for link in links:
            target = (home.parent / link["href"]).resolve()
            assert target == (demo_site / "print" / f"catalogue-{link['hreflang']}.pdf").resolve() and target.is_file()
            assert re.search(r"\(PDF, \d+[,.]\d MB\)", link.parent.get_text())
