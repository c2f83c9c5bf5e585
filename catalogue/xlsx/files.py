"""Where the workbook's records live: one file per product and per producer, and the sales points
as items of the `sales_points` list in the settings file."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ruamel.yaml.error import YAMLError

from ..load import SETTINGS_FILE, LoadError, load_yaml, yaml_files
from ..messages import Message, msg
from ..problems import display_path
from . import yaml_edit
from .sheets import PRODUCTS, SALES_POINTS, Loc, Sheet

SALES_POINTS_KEY = "sales_points"


@dataclass(frozen=True)
class CataloguePaths:
    """The folders and the settings file of one catalogue."""

    products: Path
    producers: Path
    settings: Path

    @classmethod
    def of(cls, products: Path, producers: Path, settings: Path | None) -> CataloguePaths:
        """The paths as the command line gives them (settings beside the products folder by default)."""
        return cls(products, producers, settings or products.parent / SETTINGS_FILE)

    def folder(self, sheet: Sheet) -> Path:
        """The folder of the sheet's files (products or producers)."""
        return self.products if sheet is PRODUCTS else self.producers


@dataclass
class Record:
    """One row's worth of data: its file, the data loaded round-trip, and where in the file the record is."""

    path: Path
    data: Any
    loc: Loc = ()


class CatalogueFileError(Exception):
    """A catalogue file that cannot be read round-trip (its YAML is broken)."""

    def __init__(self, path: Path, message: Message) -> None:
        super().__init__(str(message))
        self.path, self.message = path, message


def read_document(path: Path) -> Any:
    """A file's data with comments and layout; raises CatalogueFileError when it cannot be read."""
    try:
        return yaml_edit.load(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, YAMLError) as error:
        raise CatalogueFileError(path, msg("xlsx.unreadable-file", file=display_path(path), reason=str(error).splitlines()[0])) from None


def read_data(path: Path) -> Any:
    """A file's data as `--check` reads it (fast: C LibYAML, no comments); raises CatalogueFileError."""
    try:
        return load_yaml(path).data
    except LoadError as error:
        raise CatalogueFileError(path, msg("xlsx.unreadable-file", file=display_path(path), reason=error.message)) from None


def records(paths: CataloguePaths, sheet: Sheet) -> list[Record]:
    """The records a sheet lists, in file order, with their data as `--check` reads it (the export
    writes it, the import compares each cell with it; only a file to change is read round-trip);
    raises CatalogueFileError for a file that cannot be read."""
    if sheet is SALES_POINTS:
        if not paths.settings.exists():
            return []
        settings = read_data(paths.settings)
        points = settings.get(SALES_POINTS_KEY)
        return [Record(paths.settings, item, (SALES_POINTS_KEY, i)) for i, item in enumerate(points if isinstance(points, list) else [])]
    return [Record(path, read_data(path)) for path in yaml_files(paths.folder(sheet))]
