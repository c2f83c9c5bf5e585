"""Print output: label sheets, QR PDFs and posters decode, read, fit and refuse what they must."""

from __future__ import annotations

import math
import unicodedata
from dataclasses import replace
from functools import cache
from pathlib import Path

import pypdfium2
import pypdfium2.raw as pdfium_c
import pytest
import yaml
from PIL import Image
from pydantic import ValidationError

from catalogue.label_sheet import PRESETS, PresetName
from catalogue.makers.qr import encode, product_url
from catalogue.makers.qr_pdf import MODULE_MM, qr_pdf
from catalogue.printing.items import PrintItem
from catalogue.printing.labels import LabelSheet, calibration_pdf, label_sheet_pdf, qr_module
from catalogue.printing.posters import poster_pdf
from catalogue.settings import Settings
from catalogue.status import CertificateStatus

from .conftest import REPO
from .qr_decode import decode, pdf_pages

SITE = "https://ocop-laichau.example/"
DPI = 300
MM_PER_PX = 25.4 / DPI
A4_PT, A5_PT = (595.28, 841.89), (419.53, 595.28)
SITE_NAME = "Sản phẩm OCOP Lai Châu"


@cache
def demo_items() -> tuple[PrintItem, ...]:
    """Every demo product as a print item, in force (valid or expiring, alternately)."""
    items = []
    for index, path in enumerate(sorted((REPO / "products").glob("*.yaml"))):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        names = {lang: text["name"] for lang, text in (data.get("translations") or {}).items() if text.get("name")}
        photo = path.parent / data["images"][0]["src"] if data.get("images") else None
        status = CertificateStatus.EXPIRING if index % 2 else CertificateStatus.VALID
        items.append(PrintItem(data["id"], data["name"], data["stars"], status, product_url(SITE, data["id"]), photo, names))
    return tuple(items)


def item(pid: str) -> PrintItem:
    return next(i for i in demo_items() if i.id == pid)


def first_items(count: int, sheet: LabelSheet) -> list[PrintItem]:
    """The first `count` demo items whose codes reach 0.5 mm modules on `sheet`, with the two named in the brief first."""
    wanted = [item("mat-ong-pa-u"), item("gao-seng-cu-muong-than")]
    rest = [i for i in demo_items() if i not in wanted and qr_module_or_none(sheet, i.url)]
    return (wanted + rest)[:count]


def qr_module_or_none(sheet: LabelSheet, url: str) -> float | None:
    try:
        return qr_module(sheet, encode(url))
    except ValueError:
        return None


@cache
def rendered(sheet_preset: str, count: int, lang: str) -> tuple[bytes, list[Image.Image], list[PrintItem]]:
    sheet = LabelSheet.from_preset(sheet_preset)
    items = first_items(count, sheet)
    data = label_sheet_pdf(items, sheet, lang)
    return data, pdf_pages(data, DPI), items


def page_text(data: bytes) -> str:
    """All the text of a PDF, NFC, with every run of white space (line breaks included) as one space."""
    text = " ".join(page.get_textpage().get_text_range() for page in pypdfium2.PdfDocument(data))
    return " ".join(unicodedata.normalize("NFC", text).split())


def page_sizes(data: bytes) -> list[tuple[float, float]]:
    return [page.get_size() for page in pypdfium2.PdfDocument(data)]


def symbol_box(code) -> tuple[int, int, int, int]:
    """Left, top, right, bottom pixels of a decoded symbol (its dark modules, without the quiet zone)."""
    corners = (code.position.top_left, code.position.top_right, code.position.bottom_right, code.position.bottom_left)
    xs, ys = [c.x for c in corners], [c.y for c in corners]
    return min(xs), min(ys), max(xs), max(ys)


def module_px(code, url: str) -> float:
    left, _, right, _ = symbol_box(code)
    return (right - left + 1) / (encode(url).size - 8)


def quiet_zone_is_white(page: Image.Image, code, url: str) -> bool:
    """The band four modules wide around the symbol holds no dark pixel."""
    left, top, right, bottom = symbol_box(code)
    zone = 4 * module_px(code, url) - 1
    grey = page.convert("L")
    bands = [
        (left - zone, top - zone, right + zone, top - 2),
        (left - zone, bottom + 2, right + zone, bottom + zone),
        (left - zone, top, left - 2, bottom),
        (right + 2, top, right + zone, bottom),
    ]
    return all(grey.crop(tuple(round(v) for v in band)).getextrema()[0] >= 200 for band in bands)


@pytest.mark.parametrize(("preset", "count"), [("L7160", 25), ("L7651", 25)])
def test_every_label_code_decodes_to_its_url_at_300_dpi(preset: str, count: int) -> None:
    data, pages, items = rendered(preset, count, "vi")
    sheet = LabelSheet.from_preset(preset)
    assert len(items) == count
    assert len(page_sizes(data)) == len(pages) == math.ceil(count / sheet.per_page)
    found = [code for page in pages for code in decode(page)]
    assert sorted(code.text for code in found) == sorted(i.url for i in items)
    assert {code.text for code in found} == {i.url for i in items}


@pytest.mark.parametrize("preset", ["L7160", "L7651"])
def test_label_codes_have_big_enough_modules_and_a_quiet_zone(preset: str) -> None:
    _, pages, _ = rendered(preset, 25, "vi")
    sheet = LabelSheet.from_preset(preset)
    for page in pages:
        for code in decode(page):
            measured = module_px(code, code.text) * MM_PER_PX
            planned = qr_module(sheet, encode(code.text))
            assert planned >= 0.5
            assert measured == pytest.approx(planned, rel=0.03)
            assert quiet_zone_is_white(page, code, code.text)


def test_module_size_computed_from_the_default_geometry() -> None:
    sheet = LabelSheet()
    for i in demo_items():
        matrix = encode(i.url)
        module = qr_module(sheet, matrix)
        assert 0.5 <= module <= sheet.label_height / matrix.size
        dark = module * (matrix.size - 8)
        assert (sheet.label_height - dark) / 2 >= 2.0 - 1e-9  # the dark modules keep 2 mm from the edges


def test_a_code_too_small_for_the_sheet_is_refused_naming_the_sheet() -> None:
    long_url = product_url(SITE, "du-lich-sinh-thai-long-ho-nam-hang")
    assert encode(long_url).version == 5
    too_long = replace(item("mat-ong-pa-u"), url=long_url)
    with pytest.raises(ValueError, match="L7651"):
        label_sheet_pdf([too_long], LabelSheet.from_preset("L7651"), "vi")


def test_qr_pdf_is_the_code_alone_and_decodes_at_300_dpi() -> None:
    url = item("mat-ong-pa-u").url
    matrix = encode(url)
    data = qr_pdf(matrix)
    [(width, height)] = page_sizes(data)
    side_pt = matrix.size * MODULE_MM * 72 / 25.4
    assert width == pytest.approx(side_pt, abs=0.05) and height == pytest.approx(side_pt, abs=0.05)
    assert page_text(data) == ""
    [page] = pdf_pages(data, DPI)
    [code] = decode(page)
    assert code.text == url
    assert module_px(code, url) * MM_PER_PX == pytest.approx(MODULE_MM, rel=0.03)
    assert quiet_zone_is_white(page, code, url)


def test_label_text_keeps_vietnamese_tone_marks() -> None:
    data, _, _ = rendered("L7160", 25, "vi")
    text = page_text(data)
    for words in ("Mật ong Pa Ủ", "Gạo Séng Cù", "OCOP 3 sao", "OCOP 4 sao", "mat-ong-pa-u"):
        assert words in text


def test_english_labels_fall_back_to_the_vietnamese_name() -> None:
    named = item("mat-ong-pa-u")
    unnamed = replace(item("gao-seng-cu-muong-than"), names={})
    text = page_text(label_sheet_pdf([named, unnamed], LabelSheet(), "en"))
    assert named.names["en"] == "Pa Ủ honey" and "Pa Ủ honey" in text
    assert "Gạo Séng Cù" in text and "4-star" in text and "Mật ong Pa Ủ" not in text


def test_a_long_name_shrinks_then_ends_with_an_ellipsis() -> None:
    long = replace(item("mat-ong-pa-u"), name="Mật ong rừng nguyên chất thu hoạch từ đõ gỗ ven rừng nguyên sinh Pa Ủ " * 3)
    text = page_text(label_sheet_pdf([long], LabelSheet.from_preset("L7651"), "vi"))
    assert "…" in text and text.startswith("Mật ong rừng")


@pytest.mark.parametrize(("count", "preset"), [(1, "L7160"), (21, "L7160"), (22, "L7160"), (15, "L7163")])
def test_page_count_and_a4_size(count: int, preset: str) -> None:
    sheet = LabelSheet.from_preset(preset)
    items = [replace(demo_items()[0], id=f"san-pham-{n}", url=product_url(SITE, f"sp-{n}")) for n in range(count)]
    sizes = page_sizes(label_sheet_pdf(items, sheet, "vi"))
    assert len(sizes) == math.ceil(count / sheet.per_page)
    assert all(w == pytest.approx(A4_PT[0], abs=0.5) and h == pytest.approx(A4_PT[1], abs=0.5) for w, h in sizes)


def test_poster_is_a5_reads_in_vietnamese_and_its_big_code_decodes() -> None:
    poster = item("gao-seng-cu-muong-than")
    data = poster_pdf(poster, SITE_NAME)
    [(width, height)] = page_sizes(data)
    assert width == pytest.approx(A5_PT[0], abs=0.5) and height == pytest.approx(A5_PT[1], abs=0.5)
    text = page_text(data)
    for words in (poster.name, "Gạo Séng Cù", "Quét để xem chứng nhận", "Scan to check the certificate", "OCOP 4 sao", "4-star OCOP"):
        assert words in text
    assert poster.id in text and SITE_NAME in text and poster.names["en"] in text
    [page] = pdf_pages(data, DPI)
    [code] = decode(page)
    assert code.text == poster.url
    assert module_px(code, poster.url) * encode(poster.url).size * MM_PER_PX >= 60
    assert quiet_zone_is_white(page, code, poster.url)


def test_poster_photo_is_a_small_jpeg_and_a_missing_photo_is_a_panel() -> None:
    with_photo = item("mat-ong-pa-u")
    assert with_photo.photo is not None
    data = poster_pdf(with_photo, SITE_NAME)
    [image] = pypdfium2.PdfDocument(data)[0].get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_IMAGE])
    assert image.get_filters() == ["DCTDecode"] and image.get_px_size()[0] <= 1000
    assert len(data) < 200_000
    bare = poster_pdf(replace(with_photo, photo=None), SITE_NAME)
    assert list(pypdfium2.PdfDocument(bare)[0].get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_IMAGE])) == []


def test_an_unreadable_photo_gives_the_panel(tmp_path: Path) -> None:
    # The photo job reports a damaged file once; the poster is still made, with the neutral panel.
    damaged = tmp_path / "damaged.jpg"
    damaged.write_bytes(with_photo_bytes()[:2000])
    poster = replace(item("mat-ong-pa-u"), photo=damaged)
    data = poster_pdf(poster, SITE_NAME)
    assert data == poster_pdf(replace(poster, photo=None), SITE_NAME)


def with_photo_bytes() -> bytes:
    photo = item("mat-ong-pa-u").photo
    assert photo is not None
    return photo.read_bytes()


@pytest.mark.parametrize("status", [CertificateStatus.EXPIRED, CertificateStatus.REVOKED])
def test_products_not_in_force_get_no_labels_and_no_posters(status: CertificateStatus) -> None:
    lapsed = replace(item("mat-ong-pa-u"), status=status)
    with pytest.raises(ValueError, match=status.value):
        label_sheet_pdf([item("gao-seng-cu-muong-than"), lapsed], LabelSheet(), "vi")
    with pytest.raises(ValueError, match=status.value):
        poster_pdf(lapsed, SITE_NAME)


def test_same_inputs_give_the_same_bytes() -> None:
    items = first_items(3, LabelSheet())
    assert label_sheet_pdf(items, LabelSheet(), "vi") == label_sheet_pdf(list(items), LabelSheet(), "vi")
    assert poster_pdf(item("mat-ong-pa-u"), SITE_NAME) == poster_pdf(item("mat-ong-pa-u"), SITE_NAME)
    assert qr_pdf(encode(SITE)) == qr_pdf(encode(SITE))
    assert calibration_pdf(LabelSheet()) == calibration_pdf(LabelSheet())


@pytest.mark.parametrize("preset", sorted(PRESETS))
def test_calibration_page_outlines_every_label(preset: str) -> None:
    sheet = LabelSheet.from_preset(preset)
    data = calibration_pdf(sheet)
    [(width, height)] = page_sizes(data)
    assert width == pytest.approx(A4_PT[0], abs=0.5) and height == pytest.approx(A4_PT[1], abs=0.5)
    text = page_text(data)
    assert preset in text and "100 mm" in text and str(sheet.per_page) in text.split()


def test_presets_fit_a4_and_match_the_preset_names() -> None:
    assert set(PRESETS) == set(PresetName.__args__)
    for name, numbers in PRESETS.items():
        sheet = LabelSheet.from_preset(name)
        assert {key: getattr(sheet, key) for key in numbers} == numbers
    assert LabelSheet() == LabelSheet.from_preset("L7160")


def test_preset_with_an_override() -> None:
    sheet = LabelSheet.model_validate({"preset": "L7163", "top": 16.0})
    assert (sheet.columns, sheet.rows, sheet.label_width, sheet.top) == (2, 7, 99.1, 16.0)
    assert sheet == LabelSheet.from_preset("L7163", top=16.0)
    assert LabelSheet.model_validate(sheet.model_dump(mode="json")) == sheet  # how the media cache passes it on
    assert Settings.model_validate({"labels": {"preset": "L7651"}}).labels.per_page == 65


def test_unknown_preset_is_an_error() -> None:
    with pytest.raises(ValidationError) as error:
        LabelSheet.model_validate({"preset": "L7136"})
    assert error.value.errors()[0]["loc"] == ("preset",)


@pytest.mark.parametrize(
    "fields",
    [
        {"columns": 4},  # 4 × 66.04 mm across
        {"preset": "L7651", "rows": 14},
        {"preset": None, "left": 20.0},
        {"label_width": 70.0},  # wider than the column pitch
        {"row_pitch": 30.0},
    ],
)
def test_geometry_off_the_page_or_overlapping_is_invalid(fields: dict) -> None:
    with pytest.raises(ValidationError) as error:
        LabelSheet.model_validate(fields)
    assert [e["type"] for e in error.value.errors()] == ["invalid-value"]
    with pytest.raises(ValidationError) as error:
        Settings.model_validate({"labels": fields})
    assert error.value.errors()[0]["loc"] == ("labels",)


class CountingPdf:
    """A PDF in Be Vietnam Pro whose width measurements are counted (calls and characters measured)."""

    def __init__(self) -> None:
        from catalogue.makers.fonts import new_pdf, set_font

        self.pdf = new_pdf(weights=("regular", "bold"))
        set_font(self.pdf, "bold", 14)
        self.calls = self.chars = 0
        measure = self.pdf.get_string_width

        def counting(value: str, *args: object, **kwargs: object) -> float:
            self.calls += 1
            self.chars += len(value)
            return measure(value, *args, **kwargs)

        self.pdf.get_string_width = counting  # type: ignore[method-assign]


@pytest.mark.parametrize("length", [100, 800, 4800])
def test_a_long_word_is_cut_into_full_lines_that_fit(length: int) -> None:
    from catalogue.printing.text import wrap

    counting = CountingPdf()
    word = ("Chè" * length)[:length]
    lines = wrap(counting.pdf, word, 40)
    assert "".join(lines) == word
    assert all(counting.pdf.get_string_width(line) <= 40 for line in lines)
    # every line but the last is as long as the box allows: one more character would not fit
    assert all(counting.pdf.get_string_width(line + word[0]) > 40 for line in lines[:-1])


def test_cutting_a_long_word_costs_about_n_log_n_width_measurements() -> None:
    """Deterministic, not timed: the cubic version made 177,332 calls measuring 51 million
    characters for one fit of 800 characters, and never finished 4,800."""
    from catalogue.printing.text import fit, wrap

    costs = {}
    for length in (1200, 4800):
        counting = CountingPdf()
        lines = wrap(counting.pdf, "x" * length, 40)
        costs[length] = (counting.calls, counting.chars, len(lines), len(lines[0]))
    (calls_1, chars_1, _, _), (calls_4, chars_4, lines_4, k) = costs[1200], costs[4800]
    # A line of k characters is found in about 2 log2 k measurements of at most 2k characters each.
    per_line = 2 * math.log2(k) + 2
    assert calls_4 <= lines_4 * per_line
    assert chars_4 <= lines_4 * per_line * 2 * k
    assert calls_4 <= 4.2 * calls_1 and chars_4 <= 4.2 * chars_1  # linear in the length, for a given box
    counting = CountingPdf()
    fitted = fit(counting.pdf, "x" * 4800, (128, 20), "bold", (22, 14), 2)
    assert fitted.lines[-1].endswith("…") and len(fitted.lines) == 2
    assert counting.calls < 1000  # one layout call does not wrap the lines it cannot show


def slow_wrap(pdf, text: str, width: float) -> list[str]:
    """The former wrapping, one character at a time (cubic in the length of a word): the oracle."""

    def longest_prefix(word: str) -> int:
        cut = len(word) - 1
        while cut > 1 and pdf.get_string_width(word[:cut]) > width:
            cut -= 1
        slash = word.rfind("/", 0, cut)
        soft = slash if slash > cut // 2 else max(slash, word.rfind("-", 0, cut))
        return soft + 1 if soft > 0 else cut

    lines: list[str] = []
    line = ""
    for word in text.split():
        candidate = f"{line} {word}" if line else word
        if pdf.get_string_width(candidate) <= width:
            line = candidate
            continue
        if line:
            lines.append(line)
        line = word
        while pdf.get_string_width(line) > width and len(line) > 1:
            cut = longest_prefix(line)
            lines.append(line[:cut])
            line = line[cut:]
    if line:
        lines.append(line)
    return lines


@pytest.mark.parametrize(
    "text",
    [
        "https://truyxuat.example.vn/lai-chau/tra-shan-tuyet-ta-leng/lo-2026-03",
        "Mật ong rừng nguyên chất thu hoạch từ đõ gỗ ven rừng nguyên sinh Pa Ủ",
        "GCN-OCOP-LC-2026-007/QĐ-UBND-tỉnh-Lai-Châu-và-Sở-Nông-nghiệp Chè Shan tuyết " + "Tả" * 40,
        "W" * 30 + " i " + "ắ" * 70 + " /x/" + "-" * 20,
    ],
)
@pytest.mark.parametrize("width", [4, 25, 60])
def test_wrapping_gives_the_same_lines_as_before(text: str, width: float) -> None:
    from catalogue.printing.text import wrap

    pdf = CountingPdf().pdf
    assert wrap(pdf, text, width) == slow_wrap(pdf, text, width)
