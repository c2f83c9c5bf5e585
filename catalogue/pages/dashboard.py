"""The programme dashboard page (dashboard/): the year's targets, products in force, the
re-evaluation list and post-certification checks, for the programme office.

The figures come from catalogue.dashboard, computed on the build day; each chart is inline SVG
with the same numbers in a table beside it.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from markupsafe import Markup, escape

from ..dashboard import (
    INSPECTED_STARS,
    INSPECTION_MONTHS,
    RE_EVALUATION_MONTHS,
    CertificateDue,
    Comparison,
    Dashboard,
    InspectionDue,
    Progress,
    Tally,
)
from ..model import Producer, Product
from ..places import province
from ..translated import source, term
from ..urls import Urls
from ..vocab import GROUP_LABELS, INSPECTION_RESULT_LABELS, Group
from .charts import ProgressBar, bar_chart, progress_chart
from .context import Site
from .dashboard_plan import PERCENT, RECORDED, producers_section, revenue_section
from .html import NOTHING, html, join, localized_span, relative, text_span
from .i18n import format_date, format_percent, format_phone, t, tel_href
from .listings import PageFile
from .tables import framed, table_row
from .tables import table as _table


def dashboard_page(site: Site, lang: str) -> PageFile:
    """dashboard/ in one language."""
    figures = site.figures
    view = _View(site, figures, site.urls.dashboard(lang), lang)
    sections = [
        ("targets", t(lang, "dash_targets", year=figures.year), view.targets),
        ("channels", t(lang, "dash_channels"), view.channels),
        ("producers", t(lang, "dash_producers"), lambda: producers_section(view)),
        ("revenue", t(lang, "dash_revenue"), lambda: revenue_section(view)),
        ("in-force", t(lang, "dash_in_force"), view.in_force),
        ("re-evaluation", t(lang, "dash_re_evaluation"), view.re_evaluation),
        ("inspections", t(lang, "dash_inspections"), view.inspections),
    ]
    contents = join(html('<li><a href="#{}">{}</a></li>', key, title) for key, title, _ in sections)
    body = html(
        '<div class="ocop-dashboard"><h1>{}</h1><p>{}</p><nav class="ocop-contents" aria-label="{}"><ul>{}</ul></nav>{}</div>',
        t(lang, "dash_title"),
        t(lang, "dash_as_of", date=format_date(figures.today, lang), year=figures.year),
        t(lang, "dash_contents"),
        contents,
        join(html('<section id="{}"><h2>{}</h2>{}</section>', key, title, section()) for key, title, section in sections),
    )
    # Not in the theme's search index: its lists of products (expiring, not inspected...) grow
    # with the catalogue, and the index is fetched by every page. It is in the navigation.
    return PageFile(site.urls.source(view.page, lang), t(lang, "dashboard"), body, {"hide": ["toc"], "search": {"exclude": True}})


class _View:
    """The sections of one language's dashboard."""

    def __init__(self, site: Site, figures: Dashboard, page: str, lang: str) -> None:
        self.site, self.figures, self.page, self.lang = site, figures, page, lang

    def t(self, key: str, **values: object) -> Markup:
        return escape(t(self.lang, key, **values))

    def vietnamese(self, text: str) -> Markup:
        """Text that exists only in Vietnamese (inspection notes, revocation reasons), marked as such on English pages."""
        return text_span(source(text), self.lang)

    def date(self, day: date) -> Markup:
        return html('<time datetime="{}">{}</time>', day.isoformat(), format_date(day, self.lang))

    def targets(self) -> Markup:
        figures, lang = self.figures, self.lang
        bars, rows = [], []
        for item in figures.targets:
            label, figure, target = t(lang, f"target_{item.key}"), self._figure(item), self._target(item)
            bars.append(self._progress_bar(item, f"{label} ({target})", figure))
            result = figure if item.target is None else f"{figure} / {target}"
            rows.append((item.key, [label, result, self._ratio(item), self._met(item)]))
        table = _table("targets-table", [t(lang, k) for k in ("col_measure", "col_result", "col_ratio", "col_assessment")], rows)
        notes = html("<p>{}</p>", self.t("dash_targets_def", year=figures.year, date=format_date(figures.today, lang)))
        if figures.issued_without_kind:
            notes += html('<p class="ocop-note">{}</p>', self.t("dash_without_kind", n=figures.issued_without_kind, year=figures.year))
        return _chart(progress_chart(bars), table) + notes

    def _figure(self, item: Progress) -> str:
        if item.achieved is None and item.key in RECORDED:  # the catalogue records nothing to count: say so, not 0
            return t(self.lang, "no_data")
        if item.key in PERCENT:
            return format_percent(item.achieved, self.lang) if item.achieved is not None else "—"
        return str(int(item.achieved or 0))

    def _progress_bar(self, item: Progress, label: str, figure: str) -> ProgressBar:
        if item.target is None or (item.achieved is None and item.key in RECORDED):
            return ProgressBar(label, None, figure)
        if item.key == "modern-channels":  # a share: the track is 100%, with the target marked on it
            return ProgressBar(label, item.achieved or 0.0, figure, marker=item.target, met=item.met)
        if item.key == "revenue-growth" and item.high:  # the track is the plan's range up to its top, the least marked on it
            return ProgressBar(label, max(item.achieved or 0.0, 0.0) / item.high, figure, marker=item.target / item.high, met=item.met)
        fraction = item.ratio if item.ratio is not None else float(bool(item.achieved))  # a target of 0
        return ProgressBar(label, fraction, f"{figure}/{int(item.target)}", met=item.met)

    def _target(self, item: Progress) -> str:
        if item.target is None:
            return t(self.lang, "no_target")
        if item.high is not None:
            return t(self.lang, "growth_range", low=format_percent(item.target, self.lang), high=format_percent(item.high, self.lang))
        number = format_percent(item.target, self.lang) if item.key in PERCENT else str(int(item.target))
        return t(self.lang, "more_than" if item.comparison is Comparison.MORE_THAN else "at_least", n=number)

    def _ratio(self, item: Progress) -> str:
        return "—" if item.ratio is None else format_percent(item.ratio, self.lang)

    def _met(self, item: Progress) -> Markup:
        if item.achieved is None and item.key in RECORDED:
            return self.t("no_data")
        if item.met is None:
            return self.t("no_target")
        return html(
            '<strong class="ocop-met ocop-met--{}">{}</strong>', "yes" if item.met else "no", self.t("met" if item.met else "not_met")
        )

    def channels(self) -> Markup:
        channels, lang = self.figures.channels, self.lang
        share = format_percent(channels.share, lang) if channels.share is not None else "—"
        item = next(i for i in self.figures.targets if i.key == "modern-channels")
        figure = self.t("dash_channels_figure", modern=len(channels.modern), producers=len(channels.producers), share=share)
        figure = html("{} {} {}", figure, self.t("dash_target_is", target=self._target(item)), self._met(item))
        producers = self.site.catalogue.producers
        names = join(html("<li>{}</li>", self._producer(producers[p])) for p in channels.without)
        listed = html("<ul>{}</ul>", names) if names else html("<p>{}</p>", self.t("dash_none"))
        return html("<p>{}</p><p>{}</p><h3>{}</h3>{}", self.t("dash_channels_def"), figure, self.t("dash_channels_without"), listed)

    def in_force(self) -> Markup:
        figures, lang = self.figures, self.lang
        total = sum(tally.count for tally in figures.by_group)
        units = province().units
        groups = [(term(GROUP_LABELS[Group(tally.key)], lang), tally) for tally in figures.by_group]
        stars = [(t(lang, "star_n", n=tally.key), tally) for tally in figures.by_stars]
        communes = [(units[tally.key].title, tally) for tally in figures.by_commune]
        missing = ", ".join(units[c].title for c in figures.communes_without)
        without = html("<p>{} {}</p>", self.t("dash_communes_without", n=len(figures.communes_without)), missing) if missing else Markup()
        return (
            html("<p>{}</p>", self.t("dash_in_force_def", date=format_date(figures.today, lang), n=total))
            + self._tally("by-group", t(lang, "dash_by_group"), t(lang, "col_group"), groups)
            + self._tally("by-stars", t(lang, "dash_by_stars"), t(lang, "col_stars"), stars)
            + self._tally("by-commune", t(lang, "dash_by_commune"), t(lang, "col_commune"), communes)
            + without
        )

    def _tally(self, key: str, title: str, column: str, items: list[tuple[str, Tally]]) -> Markup:
        heading = html('<h3 id="{}">{}</h3>', key, title)
        if not items:
            return heading + html("<p>{}</p>", self.t("dash_none"))
        rows: list[tuple[str, list[object]]] = [(str(tally.key), [label, tally.count]) for label, tally in items]
        table = _table(f"{key}-table", [column, t(self.lang, "col_count")], rows, numeric=(1,))
        return heading + _chart(bar_chart([(label, tally.count) for label, tally in items]), table)

    def re_evaluation(self) -> Markup:
        figures, lang = self.figures, self.lang
        csv_link = html(
            '<p><a class="ocop-download" href="{}" download>{}</a></p>', relative(Urls.re_evaluation_csv(), self.page), self.t("dash_csv")
        )
        months = self.site.catalogue.settings.certificate_validity_months
        head = [t(lang, "col_product"), t(lang, "col_producer"), t(lang, "col_expires")]
        expiring = [(r.product, lambda r=r: [*self._due(r), self.date(r.expires), r.days_left]) for r in figures.expiring]
        expired = [(r.product, lambda r=r: [*self._due(r), self.date(r.expires), -r.days_left]) for r in figures.expired]
        revoked = [(r.product, lambda r=r: [*self._due(r), *self._revocation(r)]) for r in figures.revoked]
        until = format_date(figures.re_evaluation_until, lang)
        return (
            html("<p>{}</p>{}", self.t("dash_re_evaluation_def", months=months), csv_link)
            + self._list(
                "expiring",
                t(lang, "dash_expiring", months=RE_EVALUATION_MONTHS, date=until),
                [*head, t(lang, "col_days_left")],
                expiring,
                numeric=(3,),
            )
            + self._list("expired", t(lang, "dash_expired"), [*head, t(lang, "col_days_past")], expired, numeric=(3,))
            + self._list("revoked", t(lang, "dash_revoked"), [*head[:2], t(lang, "col_revoked_on"), t(lang, "col_reason")], revoked)
        )

    def _due(self, row: CertificateDue) -> list[object]:
        return [self._product(row.product.id), self._producer_phone(row.producer)]

    def _revocation(self, row: CertificateDue) -> list[object]:
        revoked = row.product.certificate.revoked
        return [self.date(revoked.date), self.vietnamese(revoked.reason)] if revoked else ["", ""]

    def inspections(self) -> Markup:
        figures, lang = self.figures, self.lang
        head = [t(lang, k) for k in ("col_product", "col_producer", "col_last_inspection", "col_inspection_result")]
        due = [(r.product, lambda r=r: self._inspection(r)) for r in figures.not_inspected]
        failing = [(r.product, lambda r=r: self._inspection(r)) for r in figures.not_passed]
        since = format_date(figures.inspected_since, lang)
        return self._list(
            "not-inspected",
            t(lang, "dash_not_inspected", months=INSPECTION_MONTHS),
            head,
            due,
            intro=self.t("dash_not_inspected_def", stars=INSPECTED_STARS, date=since),
        ) + self._list("not-passed", t(lang, "dash_not_passed"), head, failing, intro=self.t("dash_not_passed_def"))

    def _inspection(self, row: InspectionDue) -> list[object]:
        last = row.last
        stars = html('<br><small class="ocop-stars">{}</small>', self.t("star_n", n=row.product.stars))
        cells: list[object] = [self._product(row.product.id) + stars, self._producer_phone(row.producer)]
        if last is None:
            return [*cells, self.t("never_inspected"), ""]
        result = escape(term(INSPECTION_RESULT_LABELS[last.result], self.lang))
        if last.note:
            result += html(" — {}", self.vietnamese(last.note))
        return [*cells, html("{}<br><small>{}</small>", self.date(last.date), self.vietnamese(last.body)), result]

    def _list(
        self,
        key: str,
        title: str,
        head: list[str],
        rows: list[tuple[Product, Callable[[], list[object]]]],
        numeric: tuple[int, ...] = (),
        intro: Markup = NOTHING,
    ) -> Markup:
        """A list of products: each row's cells made by its function, or taken from the store
        (catalogue/pages/page_cache.py) when all that a product's card shows is as when the row was
        stored: a row shows no more than that (its product, producer and the day), and the lists of
        a large catalogue hold thousands of rows, of which an edit changes one."""
        intro_html = html("<p>{}</p>", intro) if intro else Markup()
        if not rows:
            return html('<h3 id="{}">{}</h3>{}{}', key, title, intro_html, html("<p>{}</p>", self.t("dash_none")))
        made = join(
            self.site.stored_card(product, self.lang, f"dashboard-{key}", lambda p=product, c=cells: table_row(p.id, c(), numeric))
            for product, cells in rows
        )
        return html('<h3 id="{}">{}</h3>{}{}', key, title, intro_html, framed(f"{key}-table", head, made, numeric))

    def _product(self, product_id: str) -> Markup:
        product = self.site.catalogue.products[product_id]
        href = relative(self.site.product_path(product_id, self.lang), self.page)
        return html('<a href="{}">{}</a>', href, localized_span(product, "name", self.lang))

    def _producer(self, producer: Producer) -> Markup:
        href = relative(self.site.urls.producer(producer.id, self.lang), self.page)
        return html('<a href="{}">{}</a>', href, localized_span(producer, "name", self.lang))

    def _producer_phone(self, producer: Producer) -> Markup:
        phone = html('<a class="ocop-tel" href="{}">{}</a>', tel_href(producer.phone), format_phone(producer.phone))
        return html("{}<br>{}", self._producer(producer), phone)


def _chart(svg: Markup, table: Markup) -> Markup:
    return html('<div class="ocop-chart">{}{}</div>', svg, table)
