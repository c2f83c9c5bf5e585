"""The printed catalogue's parts: layout arithmetic, reading a QR code back from its SVG, and what
`catalogue_pdf` refuses, keeps and leaves out."""

from __future__ import annotations

import unicodedata
from dataclasses import replace
from datetime import date
from pathlib import Path

import pypdfium2
import pypdfium2.raw as pdfium_c
import pytest
from PIL import Image

from catalogue.makers.qr import encode, from_svg, product_url, to_svg
from catalogue.pages.i18n import format_size
from catalogue.printing.catalogue_layout import by_group, entry_pages, flow
from catalogue.printing.catalogue_pdf import CatalogueEntry, Cover, catalogue_pdf
from catalogue.printing.items import PrintItem
from catalogue.status import CertificateStatus
from catalogue.vocab import Group

from .conftest import REPO
from .qr_decode import decode

SITE = "https://ocop-laichau.example/"
DAY = date(2026, 11, 28)
COVER = Cover("Sản phẩm OCOP Lai Châu", "Lai Châu", SITE, DAY, demo=False)
HONEY_PHOTO = REPO / "products" / "images" / "mat-ong-pa-u" / "1.jpg"


def entry(pid: str, group: Group = Group.FOOD, name: str = "Mật ong Pa Ủ", **changes: object) -> CatalogueEntry:
    item = PrintItem(pid, name, 4, CertificateStatus.VALID, product_url(SITE, pid), None)
    made = CatalogueEntry(
        item, group, "Mật ong rừng.", "GCN-1", "UBND tỉnh Lai Châu", date(2025, 1, 2), date(2028, 1, 2),
        "Hợp tác xã Ong mật", "Bản Pa Ủ, xã Pa Ủ", "0912345678",
    )  # fmt: skip
    return replace(made, **changes)


def text_of(data: bytes) -> str:
    pages = [page.get_textpage().get_text_range() for page in pypdfium2.PdfDocument(data)]
    return " ".join(unicodedata.normalize("NFC", " ".join(pages)).split())


def images_of(data: bytes) -> list:
    return [image for page in pypdfium2.PdfDocument(data) for image in page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_IMAGE], max_depth=3)]


@pytest.mark.parametrize("pid", ["a", "mat-ong-pa-u", "du-lich-sinh-thai-long-ho-nam-hang", "x" * 40])
def test_a_code_read_back_from_its_svg_is_the_same_code(pid: str) -> None:
    matrix = encode(product_url(SITE, pid))
    read = from_svg(to_svg(matrix, matrix.text), matrix.text)
    assert read == matrix
    # Its digest (the kept print pieces' key of a code) is the one of the modules as encoded.
    assert read.modules_digest == encode(matrix.text).modules_digest
    assert read.modules_digest != encode(product_url(SITE, pid + "-2")).modules_digest


def test_an_svg_that_is_not_one_of_our_codes_is_refused() -> None:
    with pytest.raises(ValueError, match="not a QR code SVG"):
        from_svg('<svg xmlns="http://www.w3.org/2000/svg"><circle r="3"/></svg>', SITE)


def test_flow_fills_columns_then_pages_and_keeps_a_heading_with_its_first_row() -> None:
    heights = [1.0] * 5 + [1.0, 1.0] + [1.0] * 4
    keep = [False] * 5 + [True, False] + [False] * 4
    # A column holds 6 rows: the heading (index 5) would end the first column, so it starts the second.
    assert flow(heights, keep, 6.0, 2) == [[[0, 1, 2, 3, 4], [5, 6, 7, 8, 9, 10]]]
    assert flow([1.0] * 7, [False] * 7, 3.0, 2) == [[[0, 1, 2], [3, 4, 5]], [[6]]]
    assert flow([5.0, 1.0], [False, False], 3.0, 2) == [[[0], [1]]]  # too tall: a column of its own
    assert flow([], [], 3.0, 2) == [[[]]]


def test_groups_start_new_pages_two_entries_to_a_page_in_the_order_of_decision_148() -> None:
    entries = [entry("a", Group.TOURISM), entry("b"), entry("c", Group.BEVERAGES), entry("d"), entry("e")]
    groups = by_group(entries)
    assert list(groups) == list(Group)
    pages = entry_pages(groups, first_page=3)
    assert [(p.number, p.group, [e.item.id for e in p.entries], p.first_of_group) for p in pages] == [
        (3, Group.FOOD, ["b", "d"], True),
        (4, Group.FOOD, ["e"], False),
        (5, Group.BEVERAGES, ["c"], True),
        (6, Group.TOURISM, ["a"], True),
    ]


@pytest.mark.parametrize("status", [CertificateStatus.EXPIRED, CertificateStatus.REVOKED])
def test_a_product_not_in_force_is_refused(status: CertificateStatus) -> None:
    lapsed = entry("b")
    lapsed = replace(lapsed, item=replace(lapsed.item, status=status))
    with pytest.raises(ValueError, match=status.value):
        catalogue_pdf([entry("a"), lapsed], COVER, "vi")


def test_an_empty_catalogue_or_an_unknown_language_is_refused() -> None:
    with pytest.raises(ValueError, match="no products"):
        catalogue_pdf([], COVER, "vi")
    with pytest.raises(ValueError, match="language"):
        catalogue_pdf([entry("a")], COVER, "fr")


def test_same_inputs_same_bytes_and_no_demo_words_unless_demo() -> None:
    data = catalogue_pdf([entry("a"), entry("b", name="Gạo Séng Cù")], COVER, "vi")
    assert data == catalogue_pdf([entry("a"), entry("b", name="Gạo Séng Cù")], COVER, "vi")
    text = text_of(data)
    assert "Mật ong Pa Ủ" in text and "Gạo Séng Cù" in text and "0912 345 678" in text and "02/01/2028" in text
    assert "minh họa" not in text.lower()
    assert "Dữ liệu minh họa" in text_of(catalogue_pdf([entry("a")], replace(COVER, demo=True), "vi"))


def test_an_expiring_certificate_says_how_many_days_are_left_on_the_data_date() -> None:
    soon = entry("a", expires=date(2027, 1, 20))
    soon = replace(soon, item=replace(soon.item, status=CertificateStatus.EXPIRING))
    assert "Sắp hết hạn (53 ngày nữa)" in text_of(catalogue_pdf([soon], COVER, "vi"))
    assert "Expiring soon (in 53 days)" in text_of(catalogue_pdf([soon], COVER, "en"))


def test_english_falls_back_to_the_vietnamese_summary_and_producer() -> None:
    named = entry("a", summaries={"en": "Forest honey."}, producers={"en": "Pa U Bee Cooperative"})
    named = replace(named, item=replace(named.item, names={"en": "Pa Ủ honey"}))
    text = text_of(catalogue_pdf([named, entry("b", name="Gạo Séng Cù")], COVER, "en"))
    assert "Pa Ủ honey" in text and "Forest honey." in text and "Pa U Bee Cooperative" in text
    assert "Gạo Séng Cù" in text and "Mật ong rừng." in text and "Hợp tác xã Ong mật" in text


def test_a_long_name_is_cut_with_an_ellipsis_and_the_code_still_decodes() -> None:
    long = entry("a", name="Mật ong rừng nguyên chất thu hoạch từ đõ gỗ ven rừng nguyên sinh Pa Ủ " * 4)
    data = catalogue_pdf([long], COVER, "vi")
    assert "…" in text_of(data)
    page = pypdfium2.PdfDocument(data)[2].render(scale=300 / 72).to_pil()
    assert [code.text for code in decode(page)] == [long.item.url]


def test_photos_the_site_jpeg_as_it_is_a_big_original_made_small_and_a_missing_one_a_panel(tmp_path: Path) -> None:
    site_jpeg = tmp_path / "640.jpg"
    with Image.open(HONEY_PHOTO) as original:
        original.resize((640, 480)).save(site_jpeg, "JPEG", quality=80)
        original.save(tmp_path / "big.png")
    with_photo = entry("a")
    as_is = catalogue_pdf([replace(with_photo, item=replace(with_photo.item, photo=site_jpeg))], COVER, "vi")
    [image] = images_of(as_is)
    assert image.get_px_size() == (640, 480) and image.get_filters() == ["DCTDecode"]
    assert site_jpeg.read_bytes() in as_is  # embedded byte for byte, not decoded and encoded again
    big = catalogue_pdf([replace(with_photo, item=replace(with_photo.item, photo=tmp_path / "big.png"))], COVER, "vi")
    [image] = images_of(big)
    assert image.get_filters() == ["DCTDecode"] and image.get_px_size()[0] <= 1000
    damaged = tmp_path / "damaged.jpg"
    damaged.write_bytes(b"\xff\xd8 not a photo")
    for photo in (None, damaged, tmp_path / "missing.jpg"):
        assert images_of(catalogue_pdf([replace(with_photo, item=replace(with_photo.item, photo=photo))], COVER, "vi")) == []


@pytest.mark.parametrize(("size", "lang", "shown"), [(2_134_567, "vi", "2,1 MB"), (2_134_567, "en", "2.1 MB"), (3_000, "vi", "0,1 MB")])
def test_file_sizes_for_download_links(size: int, lang: str, shown: str) -> None:
    assert format_size(size, lang) == shown
