"""CSV files made for spreadsheets: every cell of every CSV the build writes goes through `cell`.

The office opens these files in Excel, where a cell that begins with `=`, `+`, `-` or `@` is a
formula: a product name such as `=HYPERLINK("http://evil.example","Xem")` would run as one.
Following the OWASP advice on CSV injection (ASVS 1.2.10), such a text cell, and one that begins
with a tab, a carriage return or a NUL, is written with a leading apostrophe, which Excel takes as
"this is text". Digits that must stay as written (GTINs, tax codes: `Code`) get the same
apostrophe, because Excel would read them as numbers and drop their leading zeros. Programs
should read products.json, which holds the values as they are.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\0")
TEXT_MARK = "'"
_EXCEL_DIGITS = 11  # Excel shows a longer number in scientific notation (8.936E+12) and keeps only 15 digits


class Code(str):
    """Digits that are a code, not a number (a GTIN, a tax code): always kept as text in a spreadsheet."""

    __slots__ = ()


def cell(value: Any) -> str:
    """The text of one CSV cell: numbers as numbers, nothing as empty, text that a spreadsheet would
    take for a formula or a number with a leading apostrophe."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return str(value)  # a number, even a negative one, is not a formula
    text = str(value)
    if isinstance(value, Code) or text.startswith(FORMULA_STARTS) or _looks_like_a_long_number(text):
        return TEXT_MARK + text
    return text


def _looks_like_a_long_number(text: str) -> bool:
    """Digits Excel would turn into a number and show changed: with a leading 0, or too many to show."""
    return text.isascii() and text.isdigit() and ((len(text) > 1 and text[0] == "0") or len(text) > _EXCEL_DIGITS)


def csv_cells(columns: Sequence[str], row: Mapping[str, Any]) -> list[str]:
    """The cells of one row (missing fields empty), each through `cell`."""
    return [cell(row.get(name)) for name in columns]


def csv_bytes(columns: list[str], rows: Iterable[Mapping[str, Any]]) -> bytes:
    """A CSV file with a header line and one line per row (missing fields empty), every cell through
    `cell`; UTF-8 with a byte-order mark so that Excel reads Vietnamese, and CRLF line ends."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow([cell(name) for name in columns])
    for row in rows:
        writer.writerow(csv_cells(columns, row))
    return out.getvalue().encode("utf-8-sig")


def csv_line(cells: list[str]) -> str:
    """One line of a CSV file of `csv_bytes`, its cells made already (`cell`)."""
    out = io.StringIO()
    csv.writer(out, lineterminator="\r\n").writerow(cells)
    return out.getvalue()


def csv_from_lines(columns: list[str], lines: Iterable[str]) -> bytes:
    """`csv_bytes` of rows made already as lines (`csv_line`)."""
    return (csv_line([cell(name) for name in columns]) + "".join(lines)).encode("utf-8-sig")
