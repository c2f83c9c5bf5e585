"""Excel in and out: `python -m catalogue export-xlsx` and `import-xlsx` on the demo and on small catalogues."""

from __future__ import annotations

import re
import zipfile
from datetime import date, datetime
from pathlib import Path

import openpyxl
import pytest

from catalogue.cli import module_main
from catalogue.validate import validate
from catalogue.xlsx.sheets import PRODUCERS, PRODUCTS, SALES_POINTS

BOOK = "catalogue.xlsx"
REFUSED = "Không ghi tệp nào: {errors} lỗi, 0 cảnh báo. Sửa các ô trên trong bảng tính rồi nhập lại."


def snapshot(root: Path) -> dict[str, bytes]:
    """Every YAML file of a catalogue, by path."""
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*.y*ml"))}


def run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, list[str]]:
    status = module_main(argv)
    return status, capsys.readouterr().out.splitlines()


def column(sheet_title: str, header: str) -> str:
    """The letter of a column in the exported workbook."""
    sheet = {s.title: s for s in (PRODUCTS, PRODUCERS, SALES_POINTS)}[sheet_title]
    index = next(i for i, c in enumerate(sheet.columns) if c.header == header)
    return openpyxl.utils.get_column_letter(index + 1)


def row_of(ws: openpyxl.worksheet.worksheet.Worksheet, record_id: str) -> int:
    return next(cell.row for cell in ws["A"] if cell.value == record_id)


def edit(book: Path, sheet: str, record_id: str, changes: dict[str, object]) -> list[str]:
    """Change cells of a record's row by header; return the cells' names."""
    wb = openpyxl.load_workbook(book)
    ws = wb[sheet]
    row = row_of(ws, record_id)
    for header, value in changes.items():
        ws[f"{column(sheet, header)}{row}"] = value
    wb.save(book)
    return [f"{column(sheet, header)}{row}" for header in changes]


def add_row(book: Path, sheet: str, values: dict[str, object]) -> int:
    """Fill the first empty row of a sheet by header; return its number."""
    wb = openpyxl.load_workbook(book)
    ws = wb[sheet]
    row = next(cell.row for cell in ws["A"][1:] if cell.value is None)
    for header, value in values.items():
        ws[f"{column(sheet, header)}{row}"] = value
    wb.save(book)
    return row


def test_export_then_import_of_the_demo_changes_no_file(demo_copy: Path, capsys: pytest.CaptureFixture[str]) -> None:
    before = snapshot(demo_copy)
    status, out = run(["export-xlsx", BOOK], capsys)
    products, producers = len(list((demo_copy / "products").glob("*.yaml"))), len(list((demo_copy / "producers").glob("*.yaml")))
    assert (status, out) == (0, [f"Đã xuất {products} sản phẩm, {producers} chủ thể và 6 điểm bán vào {BOOK}"])
    status, out = run(["import-xlsx", BOOK], capsys)
    assert (status, out) == (0, [f"Bảng tính {BOOK} khớp với danh mục: không tệp nào thay đổi."])
    assert snapshot(demo_copy) == before


def test_the_workbook_has_vietnamese_headers_lists_dates_and_text_cells(demo_copy: Path, capsys: pytest.CaptureFixture[str]) -> None:
    run(["export-xlsx", BOOK], capsys)
    wb = openpyxl.load_workbook(BOOK)
    assert wb.sheetnames == ["Hướng dẫn", "Sản phẩm", "Chủ thể", "Điểm bán", "Danh mục"]
    ws = wb["Sản phẩm"]
    assert [c.value for c in ws[1]][:6] == ["Mã sản phẩm", "Tên sản phẩm", "Nhóm", "Phân nhóm", "Số sao", "Chủ thể"]
    assert ws.freeze_panes == "B2"
    row = row_of(ws, "mat-ong-pa-u")
    issued = ws[f"{column('Sản phẩm', 'Ngày cấp')}{row}"]
    assert issued.value == datetime(2024, 1, 20) and issued.number_format == "DD/MM/YYYY"
    number = ws[f"{column('Sản phẩm', 'Số giấy chứng nhận')}{row}"]
    assert number.value == "GCN-OCOP-LC-2024-002" and number.number_format == "@"
    assert ws[f"{column('Sản phẩm', 'Nhóm')}{row}"].value == "thuc-pham — Thực phẩm"
    assert ws[f"{column('Sản phẩm', 'Xã vùng nguyên liệu')}{row}"].value == "pa-u — xã Pa Ủ (Mường Tè cũ)"
    gtin = ws[f"{column('Sản phẩm', 'Mã vạch GTIN')}{row_of(ws, 'cu-sam-lai-chau')}"]
    assert gtin.value == "8938523410018" and gtin.data_type == "s"
    lists = {re.match(r"[A-Z]+", str(dv.sqref))[0]: dv.formula1 for dv in ws.data_validations.dataValidation}
    assert lists[column("Sản phẩm", "Số sao")] == '"3,4,5"'
    assert lists[column("Sản phẩm", "Nhóm")] == "'Danh mục'!$A$2:$A$7"
    assert lists[column("Sản phẩm", "Chủ thể")] == "'Chủ thể'!$A$2:$A$5000"
    assert column("Sản phẩm", "Phân nhóm") in lists and column("Sản phẩm", "Xã vùng nguyên liệu") in lists
    producers = wb["Chủ thể"]
    phone = producers[f"{column('Chủ thể', 'Điện thoại')}{row_of(producers, 'cty-che-tam-duong')}"]
    assert phone.value == "0213 3875 268" and phone.number_format == "@"
    kinds = {dv.formula1 for dv in producers.data_validations.dataValidation}
    assert "'Danh mục'!$D$2:$D$5" in kinds
    choices = [c.value for c in wb["Danh mục"]["C"][1:] if c.value]
    assert "ban-bo — xã Bản Bo (Tam Đường cũ)" in choices and len(choices) == 38
    points = wb["Điểm bán"]
    assert points[f"A{row_of(points, 'hoi-cho-ocop-ha-noi-2026')}"].value == "hoi-cho-ocop-ha-noi-2026"
    assert points[f"{column('Điểm bán', 'Từ ngày')}{row_of(points, 'hoi-cho-ocop-ha-noi-2026')}"].value == datetime(2026, 12, 10)
    guide = "\n".join(str(c.value) for c in wb["Hướng dẫn"]["A"] if c.value)
    assert "kênh bán" in guide and "giữ nguyên trong tệp YAML" in guide


def test_one_edited_cell_changes_exactly_that_value_in_that_file(demo_copy: Path, capsys: pytest.CaptureFixture[str]) -> None:
    run(["export-xlsx", BOOK], capsys)
    before = snapshot(demo_copy)
    edit(Path(BOOK), "Sản phẩm", "mat-ong-pa-u", {"Số sao": 4})
    status, out = run(["import-xlsx", BOOK], capsys)
    assert (status, out) == (0, [f"Đã ghi 1 tệp từ {BOOK}:", "  đã sửa: products/mat-ong-pa-u.yaml (1 ô)"])
    after = snapshot(demo_copy)
    changed = [name for name in before if before[name] != after[name]]
    assert changed == ["products/mat-ong-pa-u.yaml"]
    old, new = before[changed[0]].decode().splitlines(), after[changed[0]].decode().splitlines()
    assert [(a, b) for a, b in zip(old, new, strict=True) if a != b] == [("stars: 3", "stars: 4")]


def test_an_edit_in_the_settings_keeps_their_comments(demo_copy: Path, capsys: pytest.CaptureFixture[str]) -> None:
    run(["export-xlsx", BOOK], capsys)
    before = (demo_copy / "catalogue.yaml").read_text(encoding="utf-8")
    edit(Path(BOOK), "Điểm bán", "diem-ocop-than-uyen", {"Giờ mở cửa": "7:00–17:00 hằng ngày"})
    status, _ = run(["import-xlsx", BOOK], capsys)
    after = (demo_copy / "catalogue.yaml").read_text(encoding="utf-8")
    assert status == 0
    assert after == before.replace("hours: 7:30–17:30, thứ Hai đến Chủ nhật", "hours: 7:00–17:00 hằng ngày")
    assert "# Where to see the products in person." in after and after.startswith("# yaml-language-server:")


def test_cells_written_another_way_for_the_same_value_change_nothing(demo_copy: Path, capsys: pytest.CaptureFixture[str]) -> None:
    run(["export-xlsx", BOOK], capsys)
    before = snapshot(demo_copy)
    edit(Path(BOOK), "Sản phẩm", "mat-ong-pa-u", {"Ngày cấp": "20/01/2024", "Nhóm": "thuc-pham", "Xã vùng nguyên liệu": "Pa Ủ"})
    status, out = run(["import-xlsx", BOOK], capsys)
    assert (status, out[-1]) == (0, f"Bảng tính {BOOK} khớp với danh mục: không tệp nào thay đổi.")
    assert snapshot(demo_copy) == before


NEW_PRODUCT = {
    "Mã sản phẩm": "tra-shan-tuyet-ta-leng",
    "Tên sản phẩm": "Trà Shan tuyết Tả Lèng",
    "Nhóm": "thuc-pham — Thực phẩm",
    "Phân nhóm": "che — Chè (Thực phẩm)",
    "Số sao": 3,
    "Chủ thể": "htx-ta-leng",
    "Số giấy chứng nhận": "GCN-OCOP-LC-2025-101",
    "Ngày cấp": datetime(2025, 6, 30),
    "Cơ quan cấp": "UBND tỉnh Lai Châu",
    "Số quyết định": "1234/QĐ-UBND",
    "Hình thức công nhận": "new — Công nhận mới",
    "Tóm tắt": "Trà Shan tuyết: búp hái từ cây chè cổ thụ ở Tả Lèng",
    "Mô tả": "Chè hái một tôm hai lá.\nSao bằng chảo gang.",
    "Giá từ (đồng)": 120000,
    "Đơn vị giá": "gói 100 g",
    "Xã vùng nguyên liệu": "ta-leng — xã Tả Lèng (Tam Đường cũ)",
    "Vĩ độ": 22.38,
    "Kinh độ": 103.48,
    "Từ khoá": "chè; Tả Lèng",
}
NEW_PRODUCER = {
    "Mã chủ thể": "htx-ta-leng",
    "Tên chủ thể": "Hợp tác xã chè Tả Lèng",
    "Loại hình": "cooperative — Hợp tác xã",
    "Địa chỉ": "Bản Tả Lèng, xã Tả Lèng, tỉnh Lai Châu",
    "Xã, phường": "ta-leng — xã Tả Lèng (Tam Đường cũ)",
    "Điện thoại": "0912 345 009",
}


def test_new_rows_become_new_files_in_the_house_style_that_pass_check(demo_copy: Path, capsys: pytest.CaptureFixture[str]) -> None:
    run(["export-xlsx", BOOK], capsys)
    add_row(Path(BOOK), "Sản phẩm", NEW_PRODUCT)
    add_row(Path(BOOK), "Chủ thể", NEW_PRODUCER)
    status, out = run(["import-xlsx", BOOK], capsys)
    assert status == 0, out
    assert out == [
        f"Đã ghi 2 tệp từ {BOOK}:",
        "  tệp mới: products/tra-shan-tuyet-ta-leng.yaml",
        "  tệp mới: producers/htx-ta-leng.yaml",
    ]
    assert (demo_copy / "products" / "tra-shan-tuyet-ta-leng.yaml").read_text(encoding="utf-8") == (
        "# yaml-language-server: $schema=../schema/product.schema.json\n"
        "id: tra-shan-tuyet-ta-leng\n"
        "name: Trà Shan tuyết Tả Lèng\n"
        "group: thuc-pham\n"
        "category: che\n"
        "stars: 3\n"
        "producer: htx-ta-leng\n"
        "certificate:\n"
        "  number: GCN-OCOP-LC-2025-101\n"
        "  issued: 2025-06-30\n"
        "  issuer: UBND tỉnh Lai Châu\n"
        "  decision: 1234/QĐ-UBND\n"
        "  kind: new\n"
        'summary: "Trà Shan tuyết: búp hái từ cây chè cổ thụ ở Tả Lèng"\n'
        "description: |\n"
        "  Chè hái một tôm hai lá.\n"
        "  Sao bằng chảo gang.\n"
        "price: {from: 120000, unit: gói 100 g}\n"
        "origin:\n"
        "  commune: ta-leng\n"
        "  coordinates: [22.38, 103.48]\n"
        "tags: [chè, Tả Lèng]\n"
    )
    assert (demo_copy / "producers" / "htx-ta-leng.yaml").read_text(encoding="utf-8").endswith('phone: "0912 345 009"\n')
    _, report = validate(demo_copy / "products", demo_copy / "producers")
    assert report.ok, report.to_text()


def test_a_new_sales_point_row_joins_the_settings_list(demo_copy: Path, capsys: pytest.CaptureFixture[str]) -> None:
    run(["export-xlsx", BOOK], capsys)
    add_row(
        Path(BOOK),
        "Điểm bán",
        {
            "Mã điểm bán": "diem-ocop-binh-lu",
            "Tên điểm bán": "Điểm bán OCOP Bình Lư",
            "Loại": "sales-point — Điểm bán sản phẩm OCOP",
            "Địa chỉ": "Khu 3, xã Bình Lư",
            "Xã, phường": "binh-lu",
            "Sản phẩm bày bán": "mien-dong-binh-lu; hong-tra-tam-duong",
        },
    )
    status, out = run(["import-xlsx", BOOK], capsys)
    assert status == 0, out
    assert out[-1] == "  điểm bán mới trong catalogue.yaml: diem-ocop-binh-lu"
    text = (demo_copy / "catalogue.yaml").read_text(encoding="utf-8")
    assert text.endswith(
        "  - id: diem-ocop-binh-lu\n"
        "    name: Điểm bán OCOP Bình Lư\n"
        "    kind: sales-point\n"
        "    address: Khu 3, xã Bình Lư\n"
        "    commune: binh-lu\n"
        "    products:\n"
        "      - mien-dong-binh-lu\n"
        "      - hong-tra-tam-duong\n"
    )


def check_message(base: Path, field: str, line: str) -> str:
    """What --check says of a product file with `line` in place of its `field` line: the import must say the same."""
    path = base / "products" / "base-product.yaml"
    original = path.read_text(encoding="utf-8")
    old = next(x for x in original.splitlines() if x.startswith(f"{field}:") or x.startswith(f"  {field}:"))
    path.write_text(original.replace(old + "\n", line + "\n", 1), encoding="utf-8")
    try:
        _, report = validate(base / "products", base / "producers")
    finally:
        path.write_text(original, encoding="utf-8")
    [problem] = report.errors
    return f"{problem.message} [{problem.code}]"


@pytest.mark.parametrize(
    ("header", "value", "field", "yaml_line"),
    [
        ("Số sao", 6, "stars", "stars: 6"),
        ("Xã vùng nguyên liệu", "ta-tong-cu — xã cũ", "commune", "  commune: ta-tong-cu"),
        ("Giá từ (đồng)", "150.000", "price", "price: {from: '150.000', to: 200000, unit: hộp 200 g}"),
    ],
)
def test_a_wrong_value_is_named_by_its_cell_with_the_check_message(
    base_catalogue: Path, capsys: pytest.CaptureFixture[str], header: str, value: object, field: str, yaml_line: str
) -> None:
    run(["export-xlsx", BOOK], capsys)
    expected = check_message(base_catalogue, field, yaml_line)
    before = snapshot(base_catalogue)
    [cell] = edit(Path(BOOK), "Sản phẩm", "base-product", {header: value})
    status, out = run(["import-xlsx", BOOK], capsys)
    assert status == 1
    assert out == [
        f"{BOOK}!Sản phẩm!{cell}: error: {expected}",
        "Không ghi tệp nào: 1 lỗi, 0 cảnh báo. Sửa các ô trên trong bảng tính rồi nhập lại.",
    ]
    assert snapshot(base_catalogue) == before


def test_a_bad_date_and_a_duplicate_id_are_named_by_cell_and_nothing_is_written(
    base_catalogue: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    run(["export-xlsx", BOOK], capsys)
    before = snapshot(base_catalogue)
    [date_cell] = edit(Path(BOOK), "Sản phẩm", "base-product", {"Ngày cấp": "31/06/2025"})
    row = add_row(Path(BOOK), "Sản phẩm", {"Mã sản phẩm": "base-product", "Tên sản phẩm": "Bản sao"})
    new_row = add_row(Path(BOOK), "Sản phẩm", {"Mã sản phẩm": "San pham moi", "Tên sản phẩm": "Sai mã"})
    status, out = run(["import-xlsx", BOOK], capsys)
    assert status == 1
    assert out == [
        f"{BOOK}!Sản phẩm!{date_cell}: error: '31/06/2025' không phải là ngày; nhập ngày dạng 30/06/2025 (hoặc 2025-06-30)"
        " vào ô kiểu ngày [invalid-date]",
        f"{BOOK}!Sản phẩm!A{row}: error: mã 'base-product' đã có ở dòng 2; mỗi mã chỉ một dòng [duplicate-id]",
        f"{BOOK}!Sản phẩm!A{new_row}: error: 'San pham moi' không dùng được làm mã: chỉ chữ thường không dấu, số và dấu gạch ngang,"
        " 3–40 ký tự, ví dụ mat-ong-pa-u [invalid-id]",
        REFUSED.format(errors=3),
    ]
    assert snapshot(base_catalogue) == before


def test_a_new_row_missing_a_required_field_is_named_by_its_id_cell(base_catalogue: Path, capsys: pytest.CaptureFixture[str]) -> None:
    run(["export-xlsx", BOOK], capsys)
    row = add_row(Path(BOOK), "Sản phẩm", {**NEW_PRODUCT, "Chủ thể": "base-producer", "Tóm tắt": None})
    status, out = run(["import-xlsx", BOOK, "--lang", "en"], capsys)
    assert status == 1
    assert out[0].startswith(f"{BOOK}!Sản phẩm!A{row}: error: summary:") and out[0].endswith("[missing-field]")
    assert out[-1] == "No file written: 1 errors, 0 warnings. Fix the cells above in the workbook and import it again."
    assert not (base_catalogue / "products" / "tra-shan-tuyet-ta-leng.yaml").exists()


HOSTILE = ['=HYPERLINK("https://evil.example/","Bấm")', "+SUM(1,2)", "-2+3", "@cmd", "<script>alert(1)</script> & <b>"]


def test_hostile_text_is_never_a_formula_and_round_trips(base_catalogue: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = base_catalogue / "products" / "base-product.yaml"
    text = path.read_text(encoding="utf-8")
    text = text.replace("summary: Chè Shan tuyết hái từ cây chè cổ thụ ở Tả Lèng, sao tay.\n", f"summary: '{HOSTILE[0]}'\n")
    text += "tags: [" + ", ".join(f"'{t}'" for t in HOSTILE[1:]) + "]\n"
    path.write_text(text, encoding="utf-8")
    _, report = validate(base_catalogue / "products", base_catalogue / "producers")
    assert report.ok, report.to_text()
    before = snapshot(base_catalogue)
    run(["export-xlsx", BOOK], capsys)
    with zipfile.ZipFile(BOOK) as book:
        sheets = [book.read(name).decode() for name in book.namelist() if name.startswith("xl/worksheets/")]
    assert not any("<f>" in sheet or "<f " in sheet for sheet in sheets)  # no cell is a formula
    ws = openpyxl.load_workbook(BOOK)["Sản phẩm"]
    summary = ws[f"{column('Sản phẩm', 'Tóm tắt')}2"]
    assert (summary.value, summary.data_type, summary.quotePrefix) == (HOSTILE[0], "s", True)
    status, out = run(["import-xlsx", BOOK], capsys)
    assert (status, snapshot(base_catalogue)) == (0, before), out


def test_a_formula_typed_into_a_cell_is_refused(base_catalogue: Path, capsys: pytest.CaptureFixture[str]) -> None:
    run(["export-xlsx", BOOK], capsys)
    [cell] = edit(Path(BOOK), "Sản phẩm", "base-product", {"Tên sản phẩm": '=A1&"x"'})
    status, out = run(["import-xlsx", BOOK], capsys)
    assert (status, out[0]) == (
        1,
        f"{BOOK}!Sản phẩm!{cell}: error: ô chứa công thức; chỉ ghi giá trị (chép rồi dán dạng giá trị) [formula]",
    )


def test_a_cleared_optional_cell_removes_its_line(base_catalogue: Path, capsys: pytest.CaptureFixture[str]) -> None:
    run(["export-xlsx", BOOK], capsys)
    edit(Path(BOOK), "Sản phẩm", "base-product", {"Ngày hết hạn": None, "Vĩ độ": None, "Kinh độ": None})
    status, _ = run(["import-xlsx", BOOK], capsys)
    text = (base_catalogue / "products" / "base-product.yaml").read_text(encoding="utf-8")
    assert status == 0 and "expires:" not in text and "coordinates" not in text and "  commune: ta-leng\n" in text


def test_a_file_that_is_not_a_workbook_is_one_line(base_catalogue: Path, capsys: pytest.CaptureFixture[str]) -> None:
    Path("sai.xlsx").write_text("không phải bảng tính", encoding="utf-8")
    status, out = run(["import-xlsx", "sai.xlsx"], capsys)
    assert status == 1 and len(out) == 1 and out[0].startswith("sai.xlsx: error: không mở được bảng tính:")
    assert out[0].endswith("[unreadable-workbook]")


def test_an_unknown_column_is_left_out_with_a_warning(base_catalogue: Path, capsys: pytest.CaptureFixture[str]) -> None:
    run(["export-xlsx", BOOK], capsys)
    wb = openpyxl.load_workbook(BOOK)
    wb["Chủ thể"]["Z1"] = "Ghi chú của văn phòng"
    wb["Chủ thể"]["Z2"] = "gọi lại tuần sau"
    wb.save(BOOK)
    status, out = run(["import-xlsx", BOOK], capsys)
    assert status == 0
    assert (
        out[0] == f"{BOOK}!Chủ thể!Z1: warning: cột 'Ghi chú của văn phòng' không thuộc bảng tính danh mục nên được bỏ qua [unknown-column]"
    )


def test_dates_read_back_as_dates() -> None:
    from catalogue.xlsx.cells import from_cell
    from catalogue.xlsx.sheets import Column, Kind

    day = Column("Ngày", ("issued",), Kind.DATE)
    assert from_cell(day, datetime(2025, 6, 30)) == date(2025, 6, 30)
    assert from_cell(day, "30/6/2025") == date(2025, 6, 30)
    assert from_cell(day, "2025-06-30") == date(2025, 6, 30)
