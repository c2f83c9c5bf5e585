"""The programme dashboard page (dashboard/): the year's targets, products in force, the
re-evaluation list and post-certification checks, for the programme office.

The figures come from catalogue.dashboard, computed on the build day; each chart is inline SVG
with the same numbers in a table beside it.
"""

from __future__ import annotations

from datetime import date

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
from ..model import Producer
from ..places import province
from ..vocab import GROUP_LABELS, INSPECTION_RESULT_LABELS, Group
from .charts import ProgressBar, bar_chart, progress_chart
from .context import Site
from .html import esc, localized, relative, text_span
from .i18n import format_date, format_percent, format_phone, t, tel_href
from .listings import PageFile

CSV_PATH = "data/re-evaluation.csv"


def dashboard_page(site: Site, lang: str) -> PageFile:
    """dashboard/ in one language."""
    figures = site.figures
    view = _View(site, figures, f"{site.prefix(lang)}dashboard/", lang)
    sections = [
        ("targets", t(lang, "dash_targets", year=figures.year), view.targets),
        ("channels", t(lang, "dash_channels"), view.channels),
        ("in-force", t(lang, "dash_in_force"), view.in_force),
        ("re-evaluation", t(lang, "dash_re_evaluation"), view.re_evaluation),
        ("inspections", t(lang, "dash_inspections"), view.inspections),
    ]
    contents = "".join(f'<li><a href="#{key}">{esc(title)}</a></li>' for key, title, _ in sections)
    body = (
        f'<div class="ocop-dashboard"><h1>{esc(t(lang, "dash_title"))}</h1>'
        f"<p>{esc(t(lang, 'dash_as_of', date=format_date(figures.today, lang), year=figures.year))}</p>"
        f'<nav class="ocop-contents" aria-label="{esc(t(lang, "dash_contents"))}"><ul>{contents}</ul></nav>'
        + "".join(f'<section id="{key}"><h2>{esc(title)}</h2>{section()}</section>' for key, title, section in sections)
        + "</div>"
    )
    return PageFile("dashboard/index.md", t(lang, "dashboard"), body, {"hide": ["toc"]})


class _View:
    """The sections of one language's dashboard."""

    def __init__(self, site: Site, figures: Dashboard, page: str, lang: str) -> None:
        self.site, self.figures, self.page, self.lang = site, figures, page, lang

    def t(self, key: str, **values: object) -> str:
        return esc(t(self.lang, key, **values))

    def vietnamese(self, text: str) -> str:
        """Text that exists only in Vietnamese (inspection notes, revocation reasons), marked as such on English pages."""
        return esc(text) if self.lang == "vi" else f'<span lang="vi">{esc(text)}</span>'

    def date(self, day: date) -> str:
        return f'<time datetime="{day.isoformat()}">{format_date(day, self.lang)}</time>'

    def targets(self) -> str:
        figures, lang = self.figures, self.lang
        bars, rows = [], []
        for item in figures.targets:
            label, figure, target = t(lang, f"target_{item.key}"), self._figure(item), self._target(item)
            bars.append(self._progress_bar(item, f"{label} ({target})", figure))
            result = esc(figure) if item.target is None else f"{esc(figure)} / {esc(target)}"
            rows.append((item.key, [esc(label), result, self._ratio(item), self._met(item)]))
        table = _table("targets-table", [t(lang, k) for k in ("col_measure", "col_result", "col_ratio", "col_assessment")], rows)
        notes = f"<p>{self.t('dash_targets_def', year=figures.year, date=format_date(figures.today, lang))}</p>"
        if figures.issued_without_kind:
            notes += f'<p class="ocop-note">{self.t("dash_without_kind", n=figures.issued_without_kind, year=figures.year)}</p>'
        return _chart(progress_chart(bars), table) + notes

    def _figure(self, item: Progress) -> str:
        if item.key == "modern-channels":
            return format_percent(item.achieved, self.lang) if item.achieved is not None else "—"
        return str(int(item.achieved or 0))

    @staticmethod
    def _progress_bar(item: Progress, label: str, figure: str) -> ProgressBar:
        if item.target is None:
            return ProgressBar(label, None, figure)
        if item.key == "modern-channels":  # a share: the track is 100%, with the target marked on it
            return ProgressBar(label, item.achieved or 0.0, figure, marker=item.target, met=item.met)
        fraction = item.ratio if item.ratio is not None else float(bool(item.achieved))  # a target of 0
        return ProgressBar(label, fraction, f"{figure}/{int(item.target)}", met=item.met)

    def _target(self, item: Progress) -> str:
        if item.target is None:
            return t(self.lang, "no_target")
        number = format_percent(item.target, self.lang) if item.key == "modern-channels" else str(int(item.target))
        return t(self.lang, "more_than" if item.comparison is Comparison.MORE_THAN else "at_least", n=number)

    def _ratio(self, item: Progress) -> str:
        return "—" if item.ratio is None else format_percent(item.ratio, self.lang)

    def _met(self, item: Progress) -> str:
        if item.met is None:
            return self.t("no_target")
        return f'<strong class="ocop-met ocop-met--{"yes" if item.met else "no"}">{self.t("met" if item.met else "not_met")}</strong>'

    def channels(self) -> str:
        channels, lang = self.figures.channels, self.lang
        share = format_percent(channels.share, lang) if channels.share is not None else "—"
        item = next(i for i in self.figures.targets if i.key == "modern-channels")
        figure = self.t("dash_channels_figure", modern=len(channels.modern), producers=len(channels.producers), share=share)
        figure += f" {self.t('dash_target_is', target=self._target(item))} {self._met(item)}"
        producers = self.site.catalogue.producers
        names = "".join(f"<li>{self._producer(producers[p])}</li>" for p in channels.without)
        without = f"<h3>{self.t('dash_channels_without')}</h3>" + (f"<ul>{names}</ul>" if names else f"<p>{self.t('dash_none')}</p>")
        return f"<p>{self.t('dash_channels_def')}</p><p>{figure}</p>{without}"

    def in_force(self) -> str:
        figures, lang = self.figures, self.lang
        total = sum(tally.count for tally in figures.by_group)
        units = province().units
        groups = [(getattr(GROUP_LABELS[Group(tally.key)], lang), tally) for tally in figures.by_group]
        stars = [(t(lang, "star_n", n=tally.key), tally) for tally in figures.by_stars]
        communes = [(units[tally.key].title, tally) for tally in figures.by_commune]
        missing = ", ".join(esc(units[c].title) for c in figures.communes_without)
        return (
            f"<p>{self.t('dash_in_force_def', date=format_date(figures.today, lang), n=total)}</p>"
            + self._tally("by-group", t(lang, "dash_by_group"), t(lang, "col_group"), groups)
            + self._tally("by-stars", t(lang, "dash_by_stars"), t(lang, "col_stars"), stars)
            + self._tally("by-commune", t(lang, "dash_by_commune"), t(lang, "col_commune"), communes)
            + (f"<p>{self.t('dash_communes_without', n=len(figures.communes_without))} {missing}</p>" if missing else "")
        )

    def _tally(self, key: str, title: str, column: str, items: list[tuple[str, Tally]]) -> str:
        if not items:
            return f'<h3 id="{key}">{esc(title)}</h3><p>{self.t("dash_none")}</p>'
        rows = [(tally.key, [esc(label), str(tally.count)]) for label, tally in items]
        table = _table(f"{key}-table", [column, t(self.lang, "col_count")], rows, numeric=(1,))
        return f'<h3 id="{key}">{esc(title)}</h3>' + _chart(bar_chart([(label, tally.count) for label, tally in items]), table)

    def re_evaluation(self) -> str:
        figures, lang = self.figures, self.lang
        csv_link = f'<p><a class="ocop-download" href="{relative(CSV_PATH, self.page)}" download>{self.t("dash_csv")}</a></p>'
        months = self.site.catalogue.settings.certificate_validity_months
        head = [t(lang, "col_product"), t(lang, "col_producer"), t(lang, "col_expires")]
        expiring = [(r.product.id, [*self._due(r), self.date(r.expires), str(r.days_left)]) for r in figures.expiring]
        expired = [(r.product.id, [*self._due(r), self.date(r.expires), str(-r.days_left)]) for r in figures.expired]
        revoked = [(r.product.id, [*self._due(r), *self._revocation(r)]) for r in figures.revoked]
        until = format_date(figures.re_evaluation_until, lang)
        return (
            f"<p>{self.t('dash_re_evaluation_def', months=months)}</p>{csv_link}"
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

    def _due(self, row: CertificateDue) -> list[str]:
        return [self._product(row.product.id), self._producer_phone(row.producer)]

    def _revocation(self, row: CertificateDue) -> list[str]:
        revoked = row.product.certificate.revoked
        return [self.date(revoked.date), self.vietnamese(revoked.reason)] if revoked else ["", ""]

    def inspections(self) -> str:
        figures, lang = self.figures, self.lang
        head = [t(lang, k) for k in ("col_product", "col_producer", "col_last_inspection", "col_inspection_result")]
        due = [(r.product.id, self._inspection(r)) for r in figures.not_inspected]
        failing = [(r.product.id, self._inspection(r)) for r in figures.not_passed]
        since = format_date(figures.inspected_since, lang)
        return self._list(
            "not-inspected",
            t(lang, "dash_not_inspected", months=INSPECTION_MONTHS),
            head,
            due,
            intro=self.t("dash_not_inspected_def", stars=INSPECTED_STARS, date=since),
        ) + self._list("not-passed", t(lang, "dash_not_passed"), head, failing, intro=self.t("dash_not_passed_def"))

    def _inspection(self, row: InspectionDue) -> list[str]:
        last = row.last
        stars = f'<br><small class="ocop-stars">{self.t("star_n", n=row.product.stars)}</small>'
        cells = [self._product(row.product.id) + stars, self._producer_phone(row.producer)]
        if last is None:
            return [*cells, self.t("never_inspected"), ""]
        result = esc(getattr(INSPECTION_RESULT_LABELS[last.result], self.lang)) + (f" — {self.vietnamese(last.note)}" if last.note else "")
        return [*cells, f"{self.date(last.date)}<br><small>{self.vietnamese(last.body)}</small>", result]

    def _list(
        self, key: str, title: str, head: list[str], rows: list[tuple[str, list[str]]], numeric: tuple[int, ...] = (), intro: str = ""
    ) -> str:
        intro_html = f"<p>{intro}</p>" if intro else ""
        body = _table(f"{key}-table", head, rows, numeric=numeric) if rows else f"<p>{self.t('dash_none')}</p>"
        return f'<h3 id="{key}">{esc(title)}</h3>{intro_html}{body}'

    def _product(self, product_id: str) -> str:
        product = self.site.catalogue.products[product_id]
        name, fell_back = localized(product, "name", self.lang)
        return f'<a href="{relative(self.site.product_path(product_id, self.lang), self.page)}">{text_span(name or "", fell_back)}</a>'

    def _producer(self, producer: Producer) -> str:
        href = relative(f"{self.site.prefix(self.lang)}producers/{producer.id}/", self.page)
        return f'<a href="{href}">{esc(self.site.producer_name(producer, self.lang))}</a>'

    def _producer_phone(self, producer: Producer) -> str:
        phone = f'<a class="ocop-tel" href="{tel_href(producer.phone)}">{format_phone(producer.phone)}</a>'
        return f"{self._producer(producer)}<br>{phone}"


def _chart(svg: str, table: str) -> str:
    return f'<div class="ocop-chart">{svg}{table}</div>'


def _table(css_id: str, head: list[str], rows: list[tuple[str, list[str]]], numeric: tuple[int, ...] = ()) -> str:
    """A table of pre-escaped cells; each row carries its key (a product id, a group code...) as data-key."""
    header = "".join(f'<th scope="col"{_num(i, numeric)}>{esc(h)}</th>' for i, h in enumerate(head))
    body = "".join(
        f'<tr data-key="{esc(key)}"><th scope="row">{cells[0]}</th>'
        + "".join(f"<td{_num(i, numeric)}>{c}</td>" for i, c in enumerate(cells[1:], start=1))
        + "</tr>"
        for key, cells in rows
    )
    return f'<table id="{css_id}"><thead><tr>{header}</tr></thead><tbody>{body}</tbody></table>'


def _num(index: int, numeric: tuple[int, ...]) -> str:
    return ' class="ocop-num"' if index in numeric else ""
