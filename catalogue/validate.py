"""Validation of a whole catalogue: every file, then the rules across files, every problem at once."""

from __future__ import annotations

import hashlib
import pickle
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any, Generic, TypeVar

from pydantic import BaseModel, ValidationError

from . import checks
from .catalogue import Catalogue
from .explain import dotted_number, findings
from .load import SETTINGS_FILE, Document, LoadError, StoredDocument, load_yaml, yaml_files
from .model import Producer, Product
from .old_forms import OLD_FORM, upgrade_settings
from .problems import Report, Severity
from .record_cache import RecordCache
from .sales_checks import check_sales_points
from .settings import Settings
from .status import today_in
from .todos import list_todos

M = TypeVar("M", bound=BaseModel)


@dataclass
class Loaded(Generic[M]):
    """A record that passed its model, with the document it came from."""

    record: M
    doc: Document
    key: str | None = None  # the record cache's key of what the file held (catalogue/record_cache.py), when a cache read it


def load_record(
    path: Path, model: type[M], report: Report, source: str | None = None, cache: RecordCache | None = None
) -> Loaded[M] | None:
    """Load and check one file against `model` (its text `source` instead of the file's, when given); problems go to `report`.

    With `cache`, a file read before with the same bytes gives what it gave then (catalogue/record_cache.py);
    a file whose digest the cache was given is not read again."""
    if cache is None:
        return _load_record(path, model, report, source)
    given = cache.digests.get(str(path)) if source is None else None
    key = cache.key(path, model, given) if given else ""
    known = cache.get(key) if key else None
    if known is None:  # what the file holds now decides, and what is read is kept under its own digest
        try:
            data = source.encode("utf-8", "surrogatepass") if source is not None else path.read_bytes()
        except OSError:
            return _load_record(path, model, report, source)
        key = cache.key(path, model, hashlib.sha256(data).digest())
        known = cache.get(key)
    if known is None:
        found = Report()
        loaded = _load_record(path, model, found, source)
        cache.put(key, _kept(loaded), found.problems)
        report.problems += found.problems
    else:
        report.problems += known[1]
        loaded = _taken(known[0])
    if loaded:
        loaded.key = key
    return loaded


# What the cache keeps of a record: the record, and its document pickled apart (its lines are read
# back only when a problem names one: unpickling every document was a third of a rebuild's validation).
_Kept = tuple[BaseModel, Path, bytes] | None


def _kept(loaded: Loaded[M] | None) -> _Kept:
    return (loaded.record, loaded.doc.path, pickle.dumps(loaded.doc, pickle.HIGHEST_PROTOCOL)) if loaded else None


def _taken(kept: _Kept) -> Loaded[Any] | None:
    return Loaded(kept[0], StoredDocument(kept[1], kept[2])) if kept else None


def _load_record(path: Path, model: type[M], report: Report, source: str | None = None) -> Loaded[M] | None:
    try:
        doc = load_yaml(path, source)
    except LoadError as exc:
        report.add(path, exc.line, exc.code, exc.message)
        return None
    checks.check_id_matches_file(doc, report)
    if model is Settings:
        for notice in upgrade_settings(doc):
            severity = Severity.WARNING if notice.code == OLD_FORM else Severity.ERROR
            report.add(path, doc.line_of(notice.loc), notice.code, notice.message, severity)
    try:
        record = model.model_validate(doc.data)
    except ValidationError as exc:
        for finding in findings(exc, model):
            written = doc.dotted_numbers.get(finding.loc)
            message = dotted_number(finding.loc, written) if written and finding.code == "wrong-type" else finding.message
            report.add(path, doc.line_of(finding.loc), finding.code, message)
        return None
    return Loaded(record, doc)


def settings_record(path: Path, report: Report, source: str | None = None) -> Loaded[Settings] | None:
    """The settings in `path` with their document, or None when the file is absent or has errors."""
    return load_record(path, Settings, report, source) if source is not None or path.exists() else None


def load_settings(path: Path, report: Report) -> Settings:
    """The settings in `path`, or the defaults when the file is absent or has errors."""
    loaded = settings_record(path, report)
    return loaded.record if loaded else Settings()


def validate(
    products_dir: Path,
    producers_dir: Path,
    settings_path: Path | None = None,
    today: date | None = None,
    sources: Mapping[Path, str] | None = None,
    records: RecordCache | None = None,
) -> tuple[Catalogue, Report]:
    """Check every file of a catalogue; return the valid records and the report of problems.

    The catalogue folder is the one holding `products_dir`: images must stay inside it, and
    `catalogue.yaml` there holds the settings unless `settings_path` says otherwise. `sources`
    maps files (as `<folder>/<name>`) to texts to check in place of what is on disk: the Excel
    import checks the files it is about to write. Lines still marked TODO are listed as such.
    With `records`, product and producer files read before are not read again (their cross-file
    checks still run); the cache is stored at the end.
    """
    sources = sources or {}
    report = Report()
    root = products_dir.parent
    settings_path = settings_path or root / SETTINGS_FILE
    settings_file = settings_record(settings_path, report, sources.get(settings_path))
    settings = settings_file.record if settings_file else Settings()
    today = today or today_in(settings.timezone)
    producer_files, product_files = yaml_files(producers_dir, sources), yaml_files(products_dir, sources)  # listed once: 2,000 paths
    producers = list(_load_all(producer_files, Producer, report, sources, records))
    products = list(_load_all(product_files, Product, report, sources, records))
    checks.check_unique(producers, report, "id")
    checks.check_unique(products, report, "id", "certificate.number", "gtin")
    checks.check_earlier_numbers(products, report)
    known_producers = {p.record.id for p in producers} | {path.stem for path in producer_files}
    for item in producers:
        checks.check_producer(item.record, item.doc, report)
    folders: dict[str, str] = {}  # the real path of each folder of the photos (image_files.py, `real_path`)
    for item in products:
        checks.check_product(item.record, item.doc, report, known_producers, settings, today, root, records and records.photos, folders)
    catalogue = Catalogue(settings, root)
    for item in producers:
        catalogue.producers.setdefault(item.record.id, item.record)
        catalogue.producer_files.setdefault(item.record.id, item.doc.path)
    for item in products:
        catalogue.products.setdefault(item.record.id, item.record)
        catalogue.product_files.setdefault(item.record.id, item.doc.path)
    catalogue.record_keys = {item.doc.path: item.key for item in [*producers, *products] if item.key}
    if settings_file:
        product_ids = {p.record.id for p in products} | {path.stem for path in product_files}
        check_sales_points(catalogue, settings_file.doc, report, product_ids, today)
    files = [*producer_files, *product_files, settings_path]
    list_todos(files, sources, report, records)
    if records:
        records.store()
    return catalogue, report


def _load_all(
    files: list[Path], model: type[M], report: Report, sources: Mapping[Path, str], records: RecordCache | None = None
) -> Iterator[Loaded[M]]:
    for path in files:
        loaded = load_record(path, model, report, sources.get(path), records)
        if loaded:
            yield loaded
