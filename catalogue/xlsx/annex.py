"""Reading the table annexed to a recognition decision (phụ lục kèm theo quyết định công nhận).

Annexes differ from one decision to the next: title rows merged across the table above the header,
an STT column, headers worded and ordered in many ways ("Tên sản phẩm", "TÊN SẢN PHẨM", "Ten san
pham", "Hạng sao" or "Số sao", "Nhóm/bộ sản phẩm"), line breaks inside a header, section rows
("I. Nhóm thực phẩm") between the products. So a header is recognised by what it says once tone
marks, case, punctuation and spacing are set aside, and the header row is the row that names the
most known columns.
"""

from __future__ import annotations

import re
import zipfile
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

from openpyxl import load_workbook

from ..rules import fold_tone_marks
from .read import WorkbookError

# What each column may be headed, folded (no tone marks, lower case, words separated by one space).
HEADERS: dict[str, tuple[str, ...]] = {
    "stt": ("stt", "tt", "so tt", "so thu tu"),
    "name": ("ten san pham", "san pham", "ten san pham ocop", "ten sp", "san pham ocop"),
    "producer": (
        "chu the",
        "ten chu the",
        "chu the ocop",
        "ten chu the ocop",
        "chu the san xuat",
        "co so san xuat",
        "don vi",
        "ten don vi",
    ),
    "address": ("dia chi", "dia chi chu the", "dia chi san xuat"),
    "stars": ("hang sao", "so sao", "xep hang", "ket qua xep hang", "ket qua phan hang", "phan hang", "hang", "sao", "hang sao ocop"),
    "group": ("nhom san pham", "bo san pham", "nhom bo san pham", "nhom", "phan nhom", "nganh", "nhom nganh"),
    "decision": ("so quyet dinh", "quyet dinh", "so qd", "quyet dinh cong nhan"),
    "date": ("ngay quyet dinh", "ngay cong nhan", "ngay cap", "ngay ky", "ngay", "ngay ban hanh"),
    "certificate": ("so giay chung nhan", "so gcn", "giay chung nhan", "ma giay chung nhan", "so chung nhan"),
    "phone": ("dien thoai", "so dien thoai", "sdt", "dien thoai lien he"),
    "kind": ("hinh thuc", "hinh thuc cong nhan", "loai cong nhan"),
}
HEADER_ROWS = 30  # the header is looked for in the first rows only
_DECISION = re.compile(r"(\d+\s*/\s*Q[ĐD][\w\-–]*)", re.IGNORECASE)
_DATE_SLASH = re.compile(r"ng[aà]y\s*(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})", re.IGNORECASE)
_DATE_WORDS = re.compile(r"ng[aà]y\s*(\d{1,2})\s*th[aá]ng\s*(\d{1,2})\s*n[aă]m\s*(\d{4})", re.IGNORECASE)


def fold_header(text: Any) -> str:
    """A header as compared: 'Nhóm/bộ\\nsản phẩm' → 'nhom bo san pham'."""
    return " ".join(re.findall(r"[a-z0-9]+", fold_tone_marks(str(text)))) if text is not None else ""


def field_of(header: Any) -> str | None:
    """The column a header names: an exact wording first, else the longest wording it contains."""
    folded = fold_header(header)
    if not folded:
        return None
    for name, wordings in HEADERS.items():
        if folded in wordings:
            return name
    best, length = None, 0
    padded = f" {folded} "
    for name, wordings in HEADERS.items():
        for wording in wordings:
            if f" {wording} " in padded and len(wording) > length:
                best, length = name, len(wording)
    return best


@dataclass
class Entry:
    """One product row of the annex: its row number and what each recognised column says."""

    row: int
    values: dict[str, Any]
    section: str | None = None  # the section row above it ("I. Nhóm thực phẩm"), if any

    def text(self, name: str) -> str:
        """A column's value as trimmed text ('' when absent)."""
        value = self.values.get(name)
        if isinstance(value, float) and value.is_integer():
            value = int(value)
        return " ".join(str(value).split()) if value is not None else ""


@dataclass
class Annex:
    """The annex: its sheet, the header row, its entries and what the title rows say."""

    sheet: str
    header_row: int
    columns: dict[str, int]
    entries: list[Entry] = field(default_factory=list)
    decision: str | None = None
    day: date | None = None


def read_annex(path: Path) -> Annex | None:
    """The first sheet of the workbook that has a header row naming the products; None if none has."""
    try:
        book = load_workbook(path, data_only=True, read_only=False)
    except (OSError, zipfile.BadZipFile, KeyError, ValueError) as error:
        raise WorkbookError(str(error)) from None
    for ws in book.worksheets:
        rows = [list(row) for row in ws.iter_rows(values_only=True)]
        found = _header(rows)
        if found is None:
            continue
        header_row, columns = found
        annex = Annex(ws.title, header_row + 1, columns)
        title = " ".join(str(value) for row in rows[:header_row] for value in row if value is not None)
        annex.decision, annex.day = decision_in(title), date_in(title)
        annex.entries = _entries(rows, header_row, columns)
        return annex
    return None


def _header(rows: list[list[Any]]) -> tuple[int, dict[str, int]] | None:
    best: tuple[int, dict[str, int]] | None = None
    for index, row in enumerate(rows[:HEADER_ROWS]):
        columns: dict[str, int] = {}
        for position, value in enumerate(row):
            name = field_of(value) if isinstance(value, str) else None
            if name and name not in columns:
                columns[name] = position
        if "name" in columns and len(columns) >= 2 and (best is None or len(columns) > len(best[1])):
            best = (index, columns)
    return best


def _entries(rows: list[list[Any]], header_row: int, columns: dict[str, int]) -> list[Entry]:
    entries, section = [], None
    for index in range(header_row + 1, len(rows)):
        row = rows[index]
        values = {name: row[position] if position < len(row) else None for name, position in columns.items()}
        filled = {name for name, value in values.items() if value is not None and str(value).strip()}
        if not filled or filled <= {"stt"} or _is_column_numbers(values):
            continue  # an empty row, or the row of column numbers (1) (2) (3) under the header
        if "name" not in filled or (filled <= {"stt", "name"} and not str(values.get("stt") or "").strip().isdigit()):
            # a section row ("I | Nhóm thực phẩm"): its words may name the group of the rows below
            section = " ".join(str(value) for value in row if value is not None and str(value).strip())
            continue
        entries.append(Entry(index + 1, values, section))
    return entries


def _is_column_numbers(values: dict[str, Any]) -> bool:
    texts = [str(value).strip(" ()") for value in values.values() if value is not None]
    return bool(texts) and all(text.isdigit() for text in texts) and "name" in values and str(values["name"]).strip(" ()").isdigit()


def decision_in(text: str) -> str | None:
    """The decision number a text names: 'Quyết định số 1234/QĐ-UBND ngày…' → '1234/QĐ-UBND'."""
    found = _DECISION.search(text)
    return re.sub(r"\s+", "", found.group(1)).replace("QD", "QĐ").rstrip("-–") if found else None


def date_in(text: str) -> date | None:
    """The date a text gives after 'ngày': 'ngày 30/6/2025' or 'ngày 30 tháng 6 năm 2025'."""
    for pattern in (_DATE_SLASH, _DATE_WORDS):
        found = pattern.search(text)
        if found:
            day, month, year = (int(part) for part in found.groups())
            try:
                return date(year, month, day)
            except ValueError:
                return None
    return None


def as_date(value: Any) -> date | None:
    """A date cell, or a text such as 30/06/2025."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    return date_in(f"ngày {value}") if value else None


def stars_of(value: Any) -> int | None:
    """3, 4 or 5 from '4 sao', '4', 4, '★★★★', '4*'; None when the cell says no such thing."""
    if isinstance(value, int | float) and not isinstance(value, bool):
        number = int(value) if float(value).is_integer() else None
    else:
        text = str(value or "")
        digits = re.search(r"\d", text)
        number = int(digits.group(0)) if digits else text.count("★") or None
    return number if number in (3, 4, 5) else None
