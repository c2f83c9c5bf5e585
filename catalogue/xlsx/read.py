"""Reading a workbook back: each known sheet's columns found by their headers, and its rows."""

from __future__ import annotations

import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from openpyxl import load_workbook
from openpyxl.utils import get_column_letter

from ..messages import Message, msg
from ..rules import fold_tone_marks
from .sheets import SHEETS, Column, Sheet


@dataclass(frozen=True)
class Place:
    """A cell of the workbook, as the office sees it: 'Sản phẩm', 'F7'."""

    sheet: str
    cell: str


@dataclass
class Row:
    """One row of a sheet: its number, and the value and place of each column found."""

    number: int
    values: dict[Column, Any]
    places: dict[Column, Place]
    formulas: set[Column] = field(default_factory=set)

    def is_empty(self) -> bool:
        """True when no cell of the row holds anything."""
        return all(value is None or (isinstance(value, str) and not value.strip()) for value in self.values.values())


@dataclass
class SheetRows:
    """The rows of one sheet, with the columns its header row names."""

    sheet: Sheet
    columns: list[Column]
    rows: list[Row]


@dataclass
class CellProblem:
    """A problem found while reading: where, what and its code."""

    place: Place | None
    message: Message
    code: str
    warning: bool = False


class WorkbookError(Exception):
    """The file is no workbook openpyxl can read."""


def _folded(text: Any) -> str:
    return " ".join(fold_tone_marks(str(text)).split()) if text is not None else ""


def read_workbook(path: Path) -> tuple[list[SheetRows], list[CellProblem]]:
    """The catalogue sheets of the workbook at `path` and the problems of its layout."""
    try:
        book = load_workbook(path, data_only=False)
    except (OSError, zipfile.BadZipFile, KeyError, ValueError) as error:
        raise WorkbookError(str(error)) from None
    found, notices = [], []
    for sheet in SHEETS:
        if sheet.title not in book.sheetnames:
            continue
        ws = book[sheet.title]
        by_header = {_folded(column.header): column for column in sheet.columns}
        columns: dict[int, Column] = {}
        for cell in next(ws.iter_rows(min_row=1, max_row=1), ()):
            if cell.value is None:
                continue
            column = by_header.get(_folded(cell.value))
            place = Place(sheet.title, cell.coordinate)
            if column is None:
                notices.append(CellProblem(place, msg("xlsx.unknown-column", header=str(cell.value)), "unknown-column", warning=True))
            elif column in columns.values():
                notices.append(CellProblem(place, msg("xlsx.duplicate-column", header=column.header), "duplicate-column"))
            else:
                columns[cell.column] = column
        if sheet.key not in columns.values():
            notices.append(CellProblem(Place(sheet.title, "A1"), msg("xlsx.no-id-column", header=sheet.key.header), "missing-column"))
            continue
        rows = []
        for number, cells in enumerate(ws.iter_rows(min_row=2), 2):
            row = Row(number, {}, {})
            for cell in cells:
                column = columns.get(cell.column)
                if column is None:
                    continue
                row.values[column] = cell.value
                row.places[column] = Place(sheet.title, f"{get_column_letter(cell.column)}{number}")
                if cell.data_type == "f":
                    row.formulas.add(column)
            if not row.is_empty():
                rows.append(row)
        found.append(SheetRows(sheet, list(columns.values()), rows))
    return found, notices
