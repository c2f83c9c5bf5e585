"""Charts as inline SVG, drawn at build time: no chart library and no script reach the browser.

Each chart is hidden from assistive technology (`aria-hidden`): the page puts a table with the
same numbers beside it, which is the accessible equivalent. Bars are `rect.ocop-chart__bar`, one
per table row, so that tests can count them.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from markupsafe import Markup

from .html import html, join

WIDTH = 360
ROW = 36  # a label line and a bar under it
FONT = 13
BAR = 13
VALUE_SPACE = 48  # room on the right for the number
LABEL_CHARS = 48  # a longer label is cut in the chart; the table beside it has it whole
INK, BAR_FILL, SHORT_FILL, TRACK_FILL = "#1f2a30", "#0b6e4f", "#b45309", "#e3e8eb"


@dataclass(frozen=True)
class ProgressBar:
    """One progress bar: how far along (0 to 1, capped when drawn; None: no target, so no track), the
    figure as shown, an optional target mark (0 to 1) and whether the target is met (None: no target)."""

    label: str
    fraction: float | None
    text: str
    marker: float | None = None
    met: bool | None = None


def bar_chart(bars: Sequence[tuple[str, int]]) -> Markup:
    """Horizontal bars, one per (label, count), scaled to the largest count."""
    largest = max((count for _, count in bars), default=0) or 1
    span = WIDTH - VALUE_SPACE
    rows = []
    for index, (label, count) in enumerate(bars):
        top = index * ROW
        length = span * count / largest
        rows.append(
            _label(label, top)
            + _rect("ocop-chart__bar", top, length, BAR_FILL)
            + _text(str(count), length + 5, top + FONT + 1 + BAR, "ocop-chart__value")
        )
    return _svg(rows, len(bars))


def progress_chart(bars: Sequence[ProgressBar]) -> Markup:
    """Progress bars on a common track, each with its figure and, if given, its target mark."""
    span = WIDTH - VALUE_SPACE
    rows = []
    for index, bar in enumerate(bars):
        top = index * ROW
        fill = SHORT_FILL if bar.met is False else BAR_FILL
        modifier = " ocop-chart__bar--short" if bar.met is False else ""
        row = _label(bar.label, top)
        if bar.fraction is not None:
            row += _rect("ocop-chart__track", top, span, TRACK_FILL)
        row += _rect(f"ocop-chart__bar{modifier}", top, span * min(max(bar.fraction or 0.0, 0.0), 1.0), fill)
        if bar.marker is not None:
            x = _number(span * min(max(bar.marker, 0.0), 1.0))
            y1, y2 = top + FONT + 1, top + FONT + 7 + BAR
            row += html(
                '<line class="ocop-chart__target" x1="{x}" x2="{x}" y1="{y1}" y2="{y2}" stroke="{ink}" stroke-width="2"/>',
                x=x,
                y1=y1,
                y2=y2,
                ink=INK,
            )
        rows.append(row + _text(bar.text, span + 5, top + FONT + 1 + BAR, "ocop-chart__value"))
    return _svg(rows, len(bars))


def _svg(rows: list[Markup], count: int) -> Markup:
    height = max(count, 1) * ROW
    return html(
        '<svg xmlns="http://www.w3.org/2000/svg" class="ocop-chart__svg" viewBox="0 0 {width} {height}" '
        'width="{width}" height="{height}" aria-hidden="true" focusable="false" font-size="{font}" fill="{ink}">{rows}</svg>',
        width=WIDTH,
        height=height,
        font=FONT,
        ink=INK,
        rows=join(rows),
    )


def _label(label: str, top: int) -> Markup:
    text = label if len(label) <= LABEL_CHARS else label[: LABEL_CHARS - 1].rstrip() + "…"
    return _text(text, 0, top + FONT, "ocop-chart__label")


def _rect(css: str, top: int, length: float, fill: str) -> Markup:
    return html('<rect class="{}" x="0" y="{}" width="{}" height="{}" rx="2" fill="{}"/>', css, top + FONT + 4, _number(length), BAR, fill)


def _text(text: str, x: float, y: int, css: str) -> Markup:
    return html('<text class="{}" x="{}" y="{}">{}</text>', css, _number(x), y, text)


def _number(value: float) -> str:
    """A coordinate rounded to a tenth, without a trailing .0."""
    return f"{round(value, 1):g}"
