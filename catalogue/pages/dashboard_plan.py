"""The dashboard's sections for the two plan targets that need optional data: producers developed
or consolidated, and revenue growth through distribution channels (catalogue/plan_progress.py).

Each section states its definition (what counts, which year, the target), the figure against the
target, and what was left out; when the catalogue records nothing, it says so instead of 0.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from markupsafe import Markup

from ..formats import format_vnd
from ..translated import term
from ..vocab import CHANNEL_LABELS, DEVELOPMENT_KIND_LABELS, PRODUCER_KIND_LABELS, DevelopmentKind
from .html import html, join
from .i18n import format_percent, t
from .tables import table

if TYPE_CHECKING:
    from ..dashboard import Progress
    from .dashboard import _View

PERCENT = frozenset({"modern-channels", "revenue-growth"})  # targets shown as percentages
RECORDED = frozenset({"developed-producers", "revenue-growth"})  # figures from optional data: None means none recorded


def _progress(view: _View, key: str) -> Progress:
    return next(item for item in view.figures.targets if item.key == key)


def _against(view: _View, item: Progress) -> Markup:
    """ "Target: more than 20. Target met." as the channels section writes it."""
    return html("{} {}", view.t("dash_target_is", target=view._target(item)), view._met(item))


def producers_section(view: _View) -> Markup:
    """Producers developed or consolidated in the plan year, by kind, each listed."""
    figures, lang = view.figures, view.lang
    development, item = figures.development, _progress(view, "developed-producers")
    definition = html("<p>{}</p>", view.t("dash_producers_def", year=figures.year, target=view._target(item)))
    if development.count is None:
        return definition + html('<p class="ocop-note">{} {}</p>', view.t("dash_producers_missing"), _against(view, item))
    figure = view.t(
        "dash_producers_figure",
        year=figures.year,
        n=development.count,
        developed=len(development.developed),
        consolidated=len(development.consolidated),
        prioritised=development.prioritised,
    )
    kinds = [(kind.value, [term(PRODUCER_KIND_LABELS[kind], lang), n]) for kind, n in development.by_kind.items()]
    kinds_table = table("developed-kinds-table", [t(lang, "col_producer_kind"), t(lang, "col_count_producers")], kinds, numeric=(1,))
    producers = view.site.catalogue.producers
    rows = [
        (pid, [view._producer(producers[pid]), term(PRODUCER_KIND_LABELS[producers[pid].kind], lang), _what(view, pid, kind)])
        for kind, ids in ((DevelopmentKind.DEVELOPED, development.developed), (DevelopmentKind.CONSOLIDATED, development.consolidated))
        for pid in ids
    ]
    head = [t(lang, "col_producer_name"), t(lang, "col_producer_kind"), t(lang, "col_development", year=figures.year)]
    listed = table("developed-table", head, rows) if rows else html("<p>{}</p>", view.t("dash_none"))
    recorded = html("<p>{}</p>", view.t("dash_producers_recorded", n=development.recorded))
    return definition + html("<p>{} {}</p>", figure, _against(view, item)) + kinds_table + listed + recorded


def _what(view: _View, producer_id: str, kind: DevelopmentKind) -> Markup:
    """Developed or consolidated, with the notes of the year's entries (in Vietnamese, as written)."""
    year = view.figures.year
    notes = [d.note for d in view.site.catalogue.producers[producer_id].development if d.date.year == year and d.note]
    label = html("<strong>{}</strong>", term(DEVELOPMENT_KIND_LABELS[kind], view.lang))
    return label + join(html("<br><small>{}</small>", view.vietnamese(note)) for note in notes)


def revenue_section(view: _View) -> Markup:
    """Revenue of the plan year against the year before, like for like, and by kind of channel."""
    figures, lang = view.figures, view.lang
    revenue, item = figures.revenue, _progress(view, "revenue-growth")
    years = {"year": revenue.year, "before": revenue.year - 1}
    definition = html("<p>{}</p>", view.t("dash_revenue_def", target=view._target(item), **years))
    left_out = html("<p>{}</p>", view.t("dash_revenue_left_out", only_before=revenue.only_before, only_during=revenue.only_during, **years))
    if revenue.growth is None:
        return definition + html('<p class="ocop-note">{} {}</p>', view.t("dash_revenue_missing", **years), _against(view, item)) + left_out
    figure = view.t(
        "dash_revenue_figure",
        n=len(revenue.compared),
        before_total=format_vnd(revenue.before, lang),
        during_total=format_vnd(revenue.during, lang),
        growth=format_percent(revenue.growth, lang),
        **years,
    )
    heading = html('<h3 id="revenue-by-channel">{}</h3>', view.t("dash_revenue_by_channel"))
    if revenue.by_channel:
        rows = [
            (
                c.kind.value,
                [term(CHANNEL_LABELS[c.kind], lang), format_vnd(c.before, lang), format_vnd(c.during, lang), _growth(c.growth, lang)],
            )
            for c in revenue.by_channel
        ]
        head = [t(lang, "col_channel"), t(lang, "col_revenue_in", year=years["before"]), t(lang, "col_revenue_in", year=revenue.year)]
        channels = html("<p>{}</p>", view.t("dash_revenue_by_channel_def", n=len(revenue.split))) + table(
            "revenue-channels-table", [*head, t(lang, "col_growth")], rows, numeric=(1, 2, 3)
        )
    else:
        channels = html("<p>{}</p>", view.t("dash_revenue_no_split"))
    return definition + html("<p>{} {}</p>", figure, _against(view, item)) + left_out + heading + channels


def _growth(growth: float | None, lang: str) -> str:
    return t(lang, "growth_new") if growth is None else format_percent(growth, lang)
