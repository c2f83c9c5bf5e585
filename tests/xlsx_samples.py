"""Workbooks for the Excel tests, made with openpyxl as an office would fill them in."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font

# The annex of a provincial recognition decision as such annexes come: merged title rows, an STT
# column, headers in capitals or with line breaks and in an order of their own, a row of column
# numbers, and section rows naming the group of the products below them.
ANNEX_TITLE = [
    "ỦY BAN NHÂN DÂN TỈNH LAI CHÂU",
    "PHỤ LỤC",
    "DANH SÁCH SẢN PHẨM ĐƯỢC CÔNG NHẬN ĐẠT TIÊU CHUẨN OCOP NĂM 2025 (ĐỢT 1)",
    "(Kèm theo Quyết định số 1234/QĐ-UBND ngày 30/6/2025 của Ủy ban nhân dân tỉnh Lai Châu)",
]
ANNEX_HEADER = ["STT", "Tên chủ thể", "Địa chỉ", "TÊN SẢN PHẨM", "Nhóm/bộ\nsản phẩm", "Hạng\nsao", "Số điện  thoại"]
ANNEX_ROWS: list[list[object]] = [
    ["(1)", "(2)", "(3)", "(4)", "(5)", "(6)", "(7)"],
    [1, "HTX Thanh Xuân", "Bản Mường Than, xã Mường Than, tỉnh Lai Châu", "Gạo Séng Cù Mường Than", "Gạo, ngũ cốc", "4 sao", None],
    [
        2,
        "Hợp tác xã Nông sản Sơn Bình",
        "Bản Sân Bay, xã Bình Lư, tỉnh Lai Châu",
        "Miến dong sắn dây Sơn Bình",
        "Chế biến từ rau, củ, quả, hạt",
        "3 sao",
        "0912 345 001",
    ],
    [3, "Hộ kinh doanh Vàng Văn Thiện", "Khu phố 1, xã Mường Tè, tỉnh Lai Châu", "Mật ong hoa bạc hà Pa Ủ", None, "★★★", None],
    ["II", "NHÓM ĐỒ UỐNG", None, None, None, None, None],
    [4, "Công ty TNHH MTV Rượu Hồng Thu", "Bản Hồng Thu Mán, xã Hồng Thu", "Rượu ngô men lá Hồng Thu", None, 4, "0213 3999 004"],
    ["III", "NHÓM THỰC PHẨM (tiếp)", None, None, None, None, None],
    [5, "Tổ hợp tác chè Tả Lèng", "Bản Tả Lèng, huyện Tam Đường cũ", "Trà xanh Tả Lèng", "Chè", "3", None],
]


def write_annex(path: Path) -> Path:
    """The sample annex at `path`."""
    book = Workbook()
    ws = book.active
    ws.title = "Phụ lục"
    width = len(ANNEX_HEADER)
    for row, text in enumerate(ANNEX_TITLE, 1):
        ws.cell(row=row, column=1, value=text).font = Font(bold=True)
        ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=width)
    header_row = len(ANNEX_TITLE) + 2  # an empty row between the title and the table
    for column, text in enumerate(ANNEX_HEADER, 1):
        cell = ws.cell(row=header_row, column=column, value=text)
        cell.alignment = Alignment(wrap_text=True)
    for offset, values in enumerate(ANNEX_ROWS, 1):
        for column, value in enumerate(values, 1):
            ws.cell(row=header_row + offset, column=column, value=value)
        if isinstance(values[0], str) and values[0].isalpha():
            ws.merge_cells(start_row=header_row + offset, start_column=2, end_row=header_row + offset, end_column=width)
    ws.cell(row=header_row + len(ANNEX_ROWS) + 2, column=2, value="Tổng cộng: 5 sản phẩm")
    ws.cell(row=header_row + len(ANNEX_ROWS) + 3, column=2, value=datetime(2025, 6, 30))
    book.save(path)
    return path
