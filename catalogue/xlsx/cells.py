"""How a value of a YAML file sits in a cell, and how a cell's value goes back into YAML.

The export writes `cell_value(column, data)`; the import compares what the cell holds with that
same value (`same`) and touches the file only where they differ, so a workbook exported and
imported unchanged changes no byte. A cell that cannot be read as its column's kind gives a
`CellError`; a value that reads but is wrong (a sixth star, an unknown commune) goes to the file's
validation, which names it the same way `--check` does.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date, datetime
from typing import Any

from ..messages import Message, msg
from ..rules import fold_tone_marks
from . import choices
from .sheets import Column, Kind, Loc

MISSING: Any = type("Missing", (), {"__repr__": lambda self: "MISSING"})()
DELETE: Any = type("Delete", (), {"__repr__": lambda self: "DELETE"})()
LIST_SEPARATOR = "; "
_DAY = re.compile(r"(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})")
_ISO = re.compile(r"\d{4}-\d{2}-\d{2}")
_WHOLE = re.compile(r"[+-]?\d+")


class CellError(Exception):
    """A cell whose content cannot be read as its column's kind."""

    def __init__(self, message: Message, code: str) -> None:
        super().__init__(str(message))
        self.message, self.code = message, code


def value_at(data: Any, loc: Loc) -> Any:
    """The value at a field path of loaded YAML data, or MISSING."""
    for part in loc:
        if isinstance(part, int):
            if not isinstance(data, list) or part >= len(data):
                return MISSING
        elif not isinstance(data, dict) or part not in data:
            return MISSING
        data = data[part]
    return data


def cell_value(column: Column, data: Any) -> Any:
    """What the export writes in the cell of `column` for the record `data`."""
    value = value_at(data, column.path)
    if value is MISSING or value is None:
        return None
    kind = column.kind
    if kind is Kind.INT and isinstance(value, int) and not isinstance(value, bool):
        return value
    if kind is Kind.FLOAT and isinstance(value, int | float) and not isinstance(value, bool):
        return value
    if kind is Kind.DATE and isinstance(value, date):
        return value
    if kind is Kind.BOOL and isinstance(value, bool):
        return choices.YES if value else choices.NO
    if kind is Kind.CHOICE and column.choices:
        return choices.shown(column.choices, str(value))
    if kind is Kind.LIST and isinstance(value, list):
        return LIST_SEPARATOR.join(str(item) for item in value)
    return value.isoformat() if isinstance(value, date) else str(value)


def comparable(value: Any) -> Any:
    """A cell value reduced so that what was exported equals what is read back unchanged."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, str):
        text = unicodedata.normalize("NFC", value.replace("\r\n", "\n"))
        return text or None
    return value


def same(read: Any, exported: Any) -> bool:
    """True when a cell read back holds what the export wrote."""
    a, b = comparable(read), comparable(exported)
    return (a == b and type(a) is type(b)) or (isinstance(a, int | float) and isinstance(b, int | float) and a == b)


def from_cell(column: Column, raw: Any) -> Any:
    """The YAML value a cell means, DELETE for an empty cell; raises CellError when it cannot be read."""
    value = comparable(raw)
    if value is None or (isinstance(value, str) and not value.strip()):
        return DELETE
    reader = _READERS.get(column.kind, _text)
    return reader(column, value)


def _text(column: Column, value: Any) -> Any:
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, date):
        return value.isoformat()
    text = str(value)
    if column.kind is Kind.LONG and "\n" in text.strip() and not text.endswith("\n"):
        return text + "\n"  # Markdown of several lines ends with a line break, written as a `|` block
    return text.strip() if column.kind in (Kind.ID, Kind.TEXT) else text


def _int(column: Column, value: Any) -> Any:
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    if isinstance(value, float) and value.is_integer():
        return int(value)
    text = str(value).strip()
    return int(text) if _WHOLE.fullmatch(text) else text  # "50.000" goes on to validation, which says to write 50000


def _float(column: Column, value: Any) -> Any:
    if isinstance(value, int | float) and not isinstance(value, bool):
        return value
    try:
        return float(str(value).strip().replace(",", "."))
    except ValueError:
        raise CellError(msg("xlsx.not-a-number", value=str(value)), "invalid-value") from None


def _date(column: Column, value: Any) -> Any:
    if isinstance(value, date):
        return value
    text = str(value).strip()
    written = _DAY.fullmatch(text)
    try:
        if written:
            day, month, year = (int(part) for part in written.groups())
            return date(year, month, day)
        if _ISO.fullmatch(text):
            return date.fromisoformat(text)
    except ValueError:
        pass
    raise CellError(msg("xlsx.not-a-date", value=text), "invalid-date")


def _bool(column: Column, value: Any) -> Any:
    if isinstance(value, bool):
        return value
    word = fold_tone_marks(str(value).strip())
    if word in ("co", "x", "yes", "true", "1"):
        return True
    if word in ("khong", "no", "false", "0"):
        return False
    raise CellError(msg("xlsx.not-yes-no", value=str(value)), "invalid-value")


def _choice(column: Column, value: Any) -> Any:
    return choices.code_of(column.choices or "", _text(column, value))


def _list(column: Column, value: Any) -> Any:
    return [item.strip() for item in re.split(r"[;\n]", str(value)) if item.strip()]


_READERS = {Kind.INT: _int, Kind.FLOAT: _float, Kind.DATE: _date, Kind.BOOL: _bool, Kind.CHOICE: _choice, Kind.LIST: _list}
