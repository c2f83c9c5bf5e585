"""The geometry of an A4 sheet of labels: an Avery preset, or numbers measured from a local sheet.

This module is only a model (no PDF code), so that `catalogue.settings` can use it cheaply.
Preset numbers are centred grids that agree with Avery's published sizes and, within about half a
millimetre, with the gLabels template database; print `calibration_pdf` to check a printer.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import Field, StrictInt, model_validator

from .fields import fail
from .model import Record

A4_WIDTH, A4_HEIGHT = 210.0, 297.0
_EPSILON = 1e-6  # millimetres; float sums such as 7.2 + 2 × 66.04 + 63.5 must not fail by rounding

PresetName = Literal["L7160", "L7163", "L7651", "L4770"]
_FIELDS = ("columns", "rows", "label_width", "label_height", "left", "top", "column_pitch", "row_pitch")
PRESETS: dict[str, dict[str, float]] = {
    name: dict(zip(_FIELDS, numbers, strict=True))
    for name, numbers in {
        "L7160": (3, 7, 63.5, 38.1, 7.2, 15.15, 66.04, 38.1),  # = J8160: 21 address labels
        "L7163": (2, 7, 99.1, 38.1, 4.65, 15.15, 101.6, 38.1),  # = J8163: 14 parcel labels
        "L7651": (5, 13, 38.1, 21.2, 4.75, 10.7, 40.64, 21.2),  # = J8651: 65 mini labels
        "L4770": (4, 10, 45.7, 25.4, 10.0, 22.0, 48.5, 25.4),  # 40 mini labels (gLabels numbers)
    }.items()
}
DEFAULT_PRESET: PresetName = "L7160"

_L7160 = PRESETS[DEFAULT_PRESET]
Count = Annotated[StrictInt, Field(ge=1, le=50)]
Length = Annotated[float, Field(gt=0, le=A4_HEIGHT, allow_inf_nan=False)]
Margin = Annotated[float, Field(ge=0, le=A4_HEIGHT, allow_inf_nan=False)]


class LabelSheet(Record):
    """An A4 sheet of labels in a grid, all lengths in millimetres from the page's top-left corner.

    With `preset`, the preset's numbers are used and any field given as well overrides them.
    """

    preset: PresetName | None = Field(
        DEFAULT_PRESET,
        description="Avery sheet whose numbers are used; fields given beside it override them. null: your own sheet, give every number.",
    )
    columns: Count = Field(_L7160["columns"], description="Labels across.")
    rows: Count = Field(_L7160["rows"], description="Labels down.")
    label_width: Length = Field(_L7160["label_width"], description="Width of one label, mm.")
    label_height: Length = Field(_L7160["label_height"], description="Height of one label, mm.")
    left: Margin = Field(_L7160["left"], description="From the left edge of the page to the first column, mm.")
    top: Margin = Field(_L7160["top"], description="From the top edge of the page to the first row, mm.")
    column_pitch: Length = Field(_L7160["column_pitch"], description="From the left edge of one label to that of the next across, mm.")
    row_pitch: Length = Field(_L7160["row_pitch"], description="From the top edge of one label to that of the next down, mm.")

    @classmethod
    def from_preset(cls, name: str, **overrides: Any) -> LabelSheet:
        """The sheet of a preset, with some fields overridden."""
        return cls.model_validate({"preset": name, **overrides})

    @model_validator(mode="before")
    @classmethod
    def _apply_preset(cls, data: Any) -> Any:
        if not isinstance(data, dict):
            return data
        name = data.get("preset", DEFAULT_PRESET)
        if isinstance(name, str) and name in PRESETS:
            return {**PRESETS[name], **data}
        return data  # an unknown name fails the field's own check, which lists the presets

    @model_validator(mode="after")
    def _check_grid(self) -> LabelSheet:
        if self.columns > 1 and self.column_pitch + _EPSILON < self.label_width:
            raise fail("invalid-value", "labels.overlap", pitch="column", got=self.column_pitch, size="width", label=self.label_width)
        if self.rows > 1 and self.row_pitch + _EPSILON < self.label_height:
            raise fail("invalid-value", "labels.overlap", pitch="row", got=self.row_pitch, size="height", label=self.label_height)
        right = self.left + (self.columns - 1) * self.column_pitch + self.label_width
        bottom = self.top + (self.rows - 1) * self.row_pitch + self.label_height
        if right > A4_WIDTH + _EPSILON or bottom > A4_HEIGHT + _EPSILON:
            raise fail(
                "invalid-value", "labels.off-page", columns=self.columns, rows=self.rows, right=round(right, 2), bottom=round(bottom, 2)
            )
        return self

    @property
    def per_page(self) -> int:
        """Labels on one sheet."""
        return self.columns * self.rows

    @property
    def name(self) -> str:
        """How messages name the sheet: 'Avery L7651 (38.1 × 21.2 mm labels)', 'custom sheet (…)'."""
        size = f"({self.label_width:g} × {self.label_height:g} mm labels)"
        if not self.preset:
            return f"custom sheet {size}"
        changed = any(getattr(self, key) != value for key, value in PRESETS[self.preset].items())
        return f"Avery {self.preset}{', changed' if changed else ''} {size}"

    def origin(self, index: int) -> tuple[int, float, float]:
        """Page number (from 0) and top-left corner of the label at `index` in grid order (across, then down)."""
        page, slot = divmod(index, self.per_page)
        row, column = divmod(slot, self.columns)
        return page, self.left + column * self.column_pitch, self.top + row * self.row_pitch
