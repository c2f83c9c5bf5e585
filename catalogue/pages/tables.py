"""Tables of figures for the dashboard: each row carries its key, so that tests and scripts find a
row by what it is about rather than by its position."""

from __future__ import annotations

from markupsafe import Markup

from .html import html, join


def table(css_id: str, head: list[str], rows: list[tuple[str, list[object]]], numeric: tuple[int, ...] = ()) -> Markup:
    """A table of cells (text, numbers or Markup); each row carries its key (a product id, a group code...) as data-key."""
    return framed(css_id, head, join(table_row(key, cells, numeric) for key, cells in rows), numeric)


def table_row(key: str, cells: list[object], numeric: tuple[int, ...] = ()) -> Markup:
    """One row of `table`: its first cell is the row's heading."""
    return html(
        '<tr data-key="{}"><th scope="row">{}</th>{}</tr>',
        key,
        cells[0],
        join(html("<td{}>{}</td>", number_class(i, numeric), c) for i, c in enumerate(cells[1:], start=1)),
    )


def framed(css_id: str, head: list[str], body: Markup, numeric: tuple[int, ...] = ()) -> Markup:
    """The table around rows made by `table_row`, with its column headings."""
    header = join(html('<th scope="col"{}>{}</th>', number_class(i, numeric), h) for i, h in enumerate(head))
    # A table wider than a phone scrolls sideways inside its box; the box takes the keyboard's focus
    # so that it can be scrolled without a finger (the theme's own scrolling box cannot be focused).
    return html(
        '<div class="ocop-scroll" tabindex="0"><table id="{}"><thead><tr>{}</tr></thead><tbody>{}</tbody></table></div>',
        css_id,
        header,
        body,
    )


def number_class(index: int, numeric: tuple[int, ...]) -> Markup:
    """The class of a numeric column's cells (right-aligned), when `index` is one."""
    return Markup(' class="ocop-num"') if index in numeric else Markup()
