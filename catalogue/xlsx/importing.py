"""`python -m catalogue import-xlsx FILE`: a workbook applied back to the catalogue's files.

A row whose id has a file changes that file where a cell differs from what the export would write
(so an unchanged workbook changes nothing); a row with a new id becomes a new file. Every file to
write is then checked exactly as `--check` checks it, from its new text, before anything is
written; each problem is named by its sheet and cell (`catalogue.xlsx!Sản phẩm!F7: error: …`),
and nothing is written if there is one error.
"""

from __future__ import annotations

import os
import re
import tempfile
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from pydantic import BaseModel
from ruamel.yaml.comments import CommentedSeq

from ..fields import ID_PATTERN
from ..load import LoadError, load_yaml
from ..messages import Message, msg
from ..model import Producer, Product
from ..problems import Problem, display_path
from ..sales_points import SalesPoint
from ..validate import validate
from . import yaml_edit
from .cells import CellError, cell_value, from_cell, same
from .files import SALES_POINTS_KEY, CataloguePaths, Record, read_document, records
from .read import CellProblem, Place, Row, SheetRows, read_workbook
from .sheets import SALES_POINTS, Column, Loc, Sheet

MODELS: dict[str, type[BaseModel]] = {"product": Product, "producer": Producer, "sales_point": SalesPoint}
_ID = re.compile(ID_PATTERN)


@dataclass(frozen=True)
class Issue:
    """One problem of an import: where (a cell, or a file and line), how bad, what, and its code."""

    where: str
    message: Message | str
    code: str
    warning: bool = False

    def text(self, lang: str) -> str:
        """`catalogue.xlsx!Sản phẩm!F7: error: … [code]` in the reader's language."""
        words = self.message.text(lang) if isinstance(self.message, Message) else str(self.message)
        return f"{self.where}: {'warning' if self.warning else 'error'}: {words} [{self.code}]"


@dataclass
class Plan:
    """What an import would write, and every problem found on the way."""

    book: str
    texts: dict[Path, str] = field(default_factory=dict)
    new: list[Path] = field(default_factory=list)
    new_points: list[str] = field(default_factory=list)
    cells_changed: dict[Path, int] = field(default_factory=dict)
    issues: list[Issue] = field(default_factory=list)
    places: dict[Path, dict[Loc, Place]] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        """True when nothing stops the import."""
        return not any(not issue.warning for issue in self.issues)

    def at(self, place: Place | None) -> str:
        """How a cell is named in a message: FILE!SHEET!CELL."""
        return f"{self.book}!{place.sheet}!{place.cell}" if place else self.book

    def add(self, place: Place | None, message: Message, code: str, warning: bool = False) -> None:
        """Record a problem found at a cell."""
        self.issues.append(Issue(self.at(place), message, code, warning))


def plan_import(book: Path, paths: CataloguePaths, today: date | None = None) -> Plan:
    """Read the workbook and work out every file to write, checked; raises read.WorkbookError
    or files.CatalogueFileError when the workbook or a catalogue file cannot be read at all."""
    plan = Plan(display_path(book))
    sheets, notices = read_workbook(book)
    for notice in notices:
        _notice(plan, notice)
    settings = read_document(paths.settings) if paths.settings.exists() else None
    documents: dict[Path, tuple[Any, str]] = {}  # file → (its whole data, the first line of a new file)
    for rows in sheets:
        _apply_sheet(plan, rows, paths, settings, documents)
    for path, (data, header) in documents.items():
        text = header + yaml_edit.dump(data)
        if path in plan.new or text != path.read_text(encoding="utf-8"):
            plan.texts[path] = text  # a cell written another way for the same value ('20/12/2024' for a date) changes nothing
    if plan.texts:
        _check(plan, paths, today)
    return plan


def _notice(plan: Plan, notice: CellProblem) -> None:
    plan.add(notice.place, notice.message, notice.code, notice.warning)


def _apply_sheet(plan: Plan, rows: SheetRows, paths: CataloguePaths, settings: Any, documents: dict[Path, tuple[Any, str]]) -> None:
    sheet = rows.sheet
    existing = {str(record.data.get("id")): record for record in records(paths, sheet)}
    seen: dict[str, int] = {}
    for row in rows.rows:
        record_id = _row_id(plan, sheet, row, seen)
        if record_id is None:
            continue
        record = existing.get(record_id)
        is_new = record is None
        record = record or _new_record(plan, sheet, record_id, paths, settings, documents)
        if record is None:
            continue
        changes = _changes(plan, sheet, rows, row, record)
        if not (changes or is_new):
            continue
        # only now is the file read round-trip (comments and layout), and the changes made in it
        target = record.data if is_new else _editable(record, settings, documents)
        places = plan.places.setdefault(record.path, {})
        places[record.loc] = places[(*record.loc, "id")] = row.places[sheet.key]
        for column, value, place in changes:
            yaml_edit.set_value(target, column.path, value, MODELS[sheet.record])
            places[(*record.loc, *column.path)] = place
        documents.setdefault(record.path, (settings if sheet is SALES_POINTS else target, ""))
        plan.cells_changed[record.path] = plan.cells_changed.get(record.path, 0) + len(changes)


def _editable(record: Record, settings: Any, documents: dict[Path, tuple[Any, str]]) -> Any:
    """The record's data read round-trip, where a change keeps the file's comments and layout."""
    if record.loc:
        return settings[SALES_POINTS_KEY][record.loc[1]]
    if record.path not in documents:
        documents[record.path] = (read_document(record.path), "")
    return documents[record.path][0]


def _row_id(plan: Plan, sheet: Sheet, row: Row, seen: dict[str, int]) -> str | None:
    """The row's id, or None (with the problem recorded) when it has none, a bad one or a repeated one."""
    place = row.places.get(sheet.key)
    value = row.values.get(sheet.key)
    if sheet.key in row.formulas:
        plan.add(place, msg("xlsx.formula"), "formula")
        return None
    text = "" if value is None else str(value).strip()
    if not text:
        plan.add(place, msg("xlsx.no-id", header=sheet.key.header), "missing-id")
        return None
    if not (3 <= len(text) <= 40 and _ID.match(text)):
        plan.add(place, msg("xlsx.bad-id", value=text), "invalid-id")
        return None
    if text in seen:
        plan.add(place, msg("xlsx.duplicate-id", value=text, row=seen[text]), "duplicate-id")
        return None
    seen[text] = row.number
    return text


def _new_record(
    plan: Plan, sheet: Sheet, record_id: str, paths: CataloguePaths, settings: Any, documents: dict[Path, tuple[Any, str]]
) -> Record | None:
    """A record for a row whose id has no file yet: a new file, or a new item of the sales points."""
    data, header = yaml_edit.new_document(sheet.record)
    data["id"] = record_id
    if sheet is SALES_POINTS:
        if settings is None:
            return None
        points = settings.get(SALES_POINTS_KEY)
        if points is None:
            points = settings[SALES_POINTS_KEY] = CommentedSeq()
        points.append(data)
        plan.new_points.append(record_id)
        return Record(paths.settings, data, (SALES_POINTS_KEY, len(points) - 1))
    path = paths.folder(sheet) / f"{record_id}.yaml"
    plan.new.append(path)
    documents[path] = (data, header)
    return Record(path, data)


def _changes(plan: Plan, sheet: Sheet, rows: SheetRows, row: Row, record: Record) -> list[tuple[Column, Any, Place]]:
    """The cells of the row that differ from the record: (column, new value, cell)."""
    changes = []
    for column in rows.columns:
        if column is sheet.key:
            continue
        place, raw = row.places[column], row.values.get(column)
        if column in row.formulas:
            plan.add(place, msg("xlsx.formula"), "formula")
            continue
        if same(raw, cell_value(column, record.data)):
            continue
        try:
            value = from_cell(column, raw)
        except CellError as error:
            plan.add(place, error.message, error.code)
            continue
        changes.append((column, value, place))
    return changes


def _check(plan: Plan, paths: CataloguePaths, today: date | None) -> None:
    """Check the catalogue as it would be after writing, and name each problem of a file to write by its cell."""
    _, report = validate(paths.products, paths.producers, paths.settings, today, sources=plan.texts)
    files = {display_path(path): path for path in plan.texts}
    for problem in report.sorted():
        path = files.get(problem.file)
        if path is None:
            continue  # a file the import does not write: --check shows its problems
        place = _place_of(problem, path, plan)
        where = plan.at(place) if place else f"{problem.file}:{problem.line}"
        plan.issues.append(Issue(where, problem.message, problem.code, problem.severity == "warning"))


def _place_of(problem: Problem, path: Path, plan: Plan) -> Place | None:
    """The cell that wrote the line of a problem, or the id cell of the record that holds it."""
    try:
        lines = load_yaml(path, plan.texts[path]).lines
    except LoadError:
        return None
    places = plan.places.get(path, {})
    at_line = sorted((loc for loc, line in lines.items() if line == problem.line), key=len, reverse=True)
    for loc in at_line:
        for end in range(len(loc), -1, -1):
            if loc[:end] in places:
                return places[loc[:end]]
    return places.get(())  # a product's or producer's file is one record: its id cell


def write_files(texts: Mapping[Path, str]) -> None:
    """Write each file's text, through a temporary file renamed into place."""
    for path, text in texts.items():
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
        try:
            with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as out:
                out.write(text)
            if path.exists():
                os.chmod(temporary, path.stat().st_mode & 0o777)
            else:
                os.chmod(temporary, 0o644)
            os.replace(temporary, path)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise
