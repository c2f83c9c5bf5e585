"""`python -m catalogue export-xlsx FILE`: the catalogue as a workbook for the office.

Sheets: "Hướng dẫn" (how to use it), "Sản phẩm", "Chủ thể", "Điểm bán" (one row per record, the
columns of `sheets.py`), and "Danh mục" (the drop-down lists: codes with their Vietnamese names).
Text cells are written as text (format '@', never as a formula, whatever they begin with), dates
as real dates, and every choice column offers its list.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.cell.cell import Cell
from openpyxl.comments import Comment
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter, quote_sheetname
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from ..messages import say
from . import choices
from .cells import cell_value
from .files import CataloguePaths, records
from .sheets import GUIDE, LISTS, SHEETS, Column, Kind, Sheet

TEXT_FORMAT = "@"
DATE_FORMAT = "DD/MM/YYYY"
NUMBER_FORMAT = "#,##0"
DECIMAL_FORMAT = "0.000000"
SPARE_ROWS = 500  # rows below the data that still carry the drop-down lists and formats, for new records
HEADER_FILL = PatternFill("solid", fgColor="DDEBF7")
GUIDE_LINES = 14  # xlsx.guide.1 … xlsx.guide.14 in catalogue/messages


def write_workbook(paths: CataloguePaths, out: Path, lang: str = "vi") -> dict[str, int]:
    """Write the catalogue's workbook to `out`; return the number of rows of each sheet.

    Raises files.CatalogueFileError when a catalogue file cannot be read."""
    rows = {sheet.title: [cell_row(sheet, record.data) for record in records(paths, sheet)] for sheet in SHEETS}
    book = Workbook()
    _guide(book.active, lang)
    list_ranges = _lists(book)
    for sheet in SHEETS:
        _sheet(book.create_sheet(sheet.title), sheet, rows[sheet.title], list_ranges)
    book.move_sheet(LISTS, offset=len(SHEETS))
    book.active = 1  # open on the products
    out.parent.mkdir(parents=True, exist_ok=True)
    book.save(out)
    return {title: len(values) for title, values in rows.items()}


def cell_row(sheet: Sheet, data: Any) -> list[Any]:
    """The cells of one record, in the sheet's column order."""
    return [cell_value(column, data) for column in sheet.columns]


def put(cell: Cell, value: Any, column: Column) -> None:
    """Write a value with its column's format; text stays text, even '=1+1' or '0912…'."""
    cell.value = value
    if isinstance(value, str):
        cell.data_type = "s"  # openpyxl makes a formula of a text starting with '='; this one never is
        cell.quotePrefix = value[:1] in ("=", "+", "-", "@")
    cell.number_format = _format(column)
    if column.kind is Kind.LONG:
        cell.alignment = Alignment(wrap_text=True, vertical="top")


def _format(column: Column) -> str:
    return {Kind.DATE: DATE_FORMAT, Kind.INT: NUMBER_FORMAT, Kind.FLOAT: DECIMAL_FORMAT}.get(column.kind, TEXT_FORMAT)


def _sheet(ws: Worksheet, sheet: Sheet, rows: list[list[Any]], list_ranges: dict[str, str]) -> None:
    last_row = len(rows) + 1 + SPARE_ROWS
    for index, column in enumerate(sheet.columns, 1):
        header = ws.cell(row=1, column=index, value=column.header)
        header.font = Font(bold=True)
        header.fill = HEADER_FILL
        header.alignment = Alignment(wrap_text=True, vertical="center")
        if column.note:
            header.comment = Comment(column.note, "OCOP")
        letter = get_column_letter(index)
        ws.column_dimensions[letter].width = column.width
        ws.column_dimensions[letter].number_format = _format(column)
        validation = _validation(column, list_ranges)
        if validation is not None:
            validation.add(f"{letter}2:{letter}{last_row}")
            ws.add_data_validation(validation)
    for row_number, values in enumerate(rows, 2):
        for index, (column, value) in enumerate(zip(sheet.columns, values, strict=True), 1):
            put(ws.cell(row=row_number, column=index), value, column)
    # the spare rows get the formats too, so that a phone typed in a new row stays text
    for row_number in range(len(rows) + 2, last_row + 1):
        for index, column in enumerate(sheet.columns, 1):
            ws.cell(row=row_number, column=index).number_format = _format(column)
    ws.freeze_panes = "B2"
    ws.auto_filter.ref = f"A1:{get_column_letter(len(sheet.columns))}{max(len(rows) + 1, 2)}"
    ws.row_dimensions[1].height = 32


def _validation(column: Column, list_ranges: dict[str, str]) -> DataValidation | None:
    """The drop-down list of a column: a warning (not a refusal) for a value outside it, so that a
    clerk can still type; the import says what is wrong."""
    if column.kind is Kind.CHOICE and column.choices:
        formula = list_ranges[column.choices]
    elif column.path == ("stars",):
        formula = '"3,4,5"'
    elif column.kind is Kind.BOOL:
        formula = f'"{choices.YES},{choices.NO}"'
    elif column.refers_to and column.kind is not Kind.LIST:
        formula = f"{quote_sheetname(column.refers_to)}!$A$2:$A$5000"
    else:
        return None
    return DataValidation(
        type="list",
        formula1=formula,
        allow_blank=True,
        showErrorMessage=True,
        errorStyle="warning",
        errorTitle=column.header,
        error="Chọn một giá trị trong danh sách (trang Danh mục).",
    )


def _lists(book: Workbook) -> dict[str, str]:
    """The "Danh mục" sheet: one column per drop-down list; returns each list's cell range."""
    ws = book.create_sheet(LISTS)
    ranges = {}
    for index, name in enumerate(choices.LISTS, 1):
        letter = get_column_letter(index)
        header = ws.cell(row=1, column=index, value=_LIST_TITLES[name])
        header.font = Font(bold=True)
        options = [choices.shown(name, code) for code in choices.choices(name)]
        for row, option in enumerate(options, 2):
            ws.cell(row=row, column=index, value=option).number_format = TEXT_FORMAT
        ws.column_dimensions[letter].width = 48
        ranges[name] = f"{quote_sheetname(LISTS)}!${letter}$2:${letter}${len(options) + 1}"
    ws.freeze_panes = "A2"
    return ranges


_LIST_TITLES = {
    "group": "Nhóm sản phẩm",
    "category": "Phân nhóm",
    "commune": "Xã, phường",
    "producer_kind": "Loại hình chủ thể",
    "certificate_kind": "Hình thức công nhận",
    "sales_point_kind": "Loại điểm bán",
}


def _guide(ws: Worksheet, lang: str) -> None:
    ws.title = GUIDE
    ws.column_dimensions["A"].width = 120
    title = ws.cell(row=1, column=1, value=say("xlsx.guide.title", lang))
    title.font = Font(bold=True, size=14)
    for line in range(1, GUIDE_LINES + 1):
        cell = ws.cell(row=line + 2, column=1, value=say(f"xlsx.guide.{line}", lang))
        cell.alignment = Alignment(wrap_text=True, vertical="top")
        cell.data_type = "s"
