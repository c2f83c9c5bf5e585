"""Where to see a product in person: the sales points page, and the section of each product page
that lists the points carrying it, each linking to its anchor on that page."""

from __future__ import annotations

from datetime import date

from markupsafe import Markup

from ..model import Product
from ..places import province
from ..rules import fold_tone_marks
from ..sales_points import SalesPoint
from ..status import IN_FORCE
from ..translated import localized_text, term
from ..vocab import SALES_POINT_LABELS, SalesPointKind
from .context import Site
from .html import html, join, localized_span, relative, status_text
from .i18n import format_date, format_phone, short_status, t, t_html, tel_href
from .listings import PageFile


def point_name(point: SalesPoint, lang: str) -> Markup:
    """The point's name as HTML: in `lang` when there is one, else Vietnamese marked as such."""
    return localized_span(point, "name", lang)


def point_place(point: SalesPoint) -> str:
    """'xã Bình Lư' for a point in the province, or the other province's name."""
    return province().units[point.commune].title if point.commune else point.province or ""


def point_dates(point: SalesPoint, lang: str) -> Markup:
    """'Từ 10/12/2026 đến 14/12/2026' (with <time> elements), or '' for a permanent point."""
    start = _time(point.first_day, lang) if point.first_day else Markup()
    end = _time(point.last_day, lang) if point.last_day else Markup()
    if start and end:
        return t_html(lang, "date_range", start=start, end=end)
    if start:
        return t_html(lang, "date_from", start=start)
    return t_html(lang, "date_to", end=end) if end else Markup()


def _time(day: date, lang: str) -> Markup:
    return html('<time datetime="{}">{}</time>', day.isoformat(), format_date(day, lang))


def sales_points_page(site: Site, lang: str) -> PageFile:
    """sales-points/ in one language: the points by kind, then the fairs that have ended."""
    page = site.urls.sales_points(lang)
    points = site.catalogue.settings.sales_points
    current = [p for p in points if not p.ended(site.today)]
    parts = [html("<h1>{}</h1><p>{}</p>", t(lang, "sales_points_title"), t(lang, "sales_points_intro"))]
    if not points:
        parts.append(html("<p>{}</p>", t(lang, "no_sales_points")))
    for kind in SalesPointKind:
        members = [p for p in current if p.kind == kind]
        if members:
            parts.append(html("<h2>{}</h2>{}", t(lang, f"kind_{kind.value}"), join(_point(site, p, page, lang) for p in members)))
    ended = [p for p in points if p.ended(site.today)]
    if ended:
        parts.append(html("<h2>{}</h2>{}", t(lang, "past_fairs"), join(_point(site, p, page, lang) for p in ended)))
    return PageFile(site.urls.source(page, lang), t(lang, "sales_points"), join(parts), {"hide": ["toc"]})


def _row(label: str, value: object) -> Markup:
    return html("<dt>{}</dt><dd>{}</dd>", label, value)


def _point(site: Site, point: SalesPoint, page: str, lang: str) -> Markup:
    rows = [_row(t(lang, "address"), point.address)]
    if point.commune:
        href = relative(site.urls.commune(point.commune, lang), page)
        rows.append(_row(t(lang, "commune"), html('<a href="{}">{}</a>', href, point_place(point))))
    else:
        rows.append(_row(t(lang, "province"), point_place(point)))
    if point.phone:
        rows.append(_row(t(lang, "phone"), html('<a href="{}">{}</a>', tel_href(point.phone), format_phone(point.phone))))
    if point.hours:
        rows.append(_row(t(lang, "hours"), localized_span(point, "hours", lang)))
    if point.first_day or point.last_day:
        rows.append(_row(t(lang, "dates"), point_dates(point, lang)))
    if point.coordinates:
        lat, lon = point.coordinates
        osm = f"https://www.openstreetmap.org/?mlat={lat}&mlon={lon}#map=17/{lat}/{lon}"
        rows.append(
            _row(t(lang, "coordinates"), html('{:.4f}, {:.4f} · <a href="{}" rel="noopener">{}</a>', lat, lon, osm, t(lang, "map")))
        )
    ended, ends = Markup(), Markup()
    if point.last_day:
        # A fair still on at the build says it has ended once the reader's clock passes its last
        # day (overrides/assets/ocop-status.js), as certificates do.
        over = point.ended(site.today)
        ends = Markup() if over else html(' data-ocop-ends="{}"', point.last_day.isoformat())
        ended = html(
            '<p class="ocop-status ocop-status--expired" data-ocop-ended{}>{}</p>',
            Markup() if over else Markup(" hidden"),
            t(lang, "ended", date=format_date(point.last_day, lang)),
        )
    return html(
        '<section class="ocop-point ocop-point--{kind}" id="{id}" data-ocop-kind="{kind}"{ends}>'
        "<h3>{name}</h3>{ended}<dl>{rows}</dl>{carried}</section>",
        kind=point.kind.value,
        id=point.id,
        ends=ends,
        name=point_name(point, lang),
        ended=ended,
        rows=join(rows),
        carried=_carried(site, point, page, lang),
    )


def _carried(site: Site, point: SalesPoint, page: str, lang: str) -> Markup:
    """The products a point carries, linked to their pages; one no longer in force says so."""
    items = []
    for product_id in dict.fromkeys(point.products):
        product = site.catalogue.products[product_id]
        if not site.catalogue.listed(product, site.today):
            continue  # withdrawn: validation warns about the point
        href = relative(site.product_path(product.id, lang), page)
        status = site.status(product)
        note = t(lang, "star_n", n=product.stars) if status in IN_FORCE else short_status(status_text(site, product, lang))
        items.append(
            html(
                '<li data-ocop-id="{}" data-ocop-status="{}"><a href="{}">{}</a> <small>{}</small></li>',
                product.id,
                status.value,
                href,
                localized_span(product, "name", lang),
                note,
            )
        )
    if not items:
        return Markup()
    return html('<h4>{}</h4><ul class="ocop-point__products">{}</ul>', t(lang, "carries"), join(items))


def _kind_unless_named(point: SalesPoint, lang: str) -> str:
    """The kind's label, or '' when the name already says it ('Điểm bán sản phẩm OCOP Tam Đường')."""
    label = term(SALES_POINT_LABELS[point.kind], lang)
    name = localized_text(point, "name", lang)
    return "" if fold_tone_marks(label) in fold_tone_marks(name) else label


def see_in_person(site: Site, product: Product, page: str, lang: str) -> Markup:
    """The product page's 'See it in person' section: the points carrying it, fairs that ended left out.

    A product no longer in force gets no such section: pointing visitors to a shop would make it
    look certified (validation warns about points that still list it)."""
    points = [p for p in site.catalogue.sales_points_of(product.id) if not p.ended(site.today)]
    if not points or site.status(product) not in IN_FORCE:
        return Markup()
    target = site.urls.sales_points(lang)
    items = []
    for point in points:
        href = relative(site.urls.sales_point(point.id, lang), page)
        details = [_kind_unless_named(point, lang), point_place(point), point_dates(point, lang)]
        ends = html(' data-ocop-ends="{}"', point.last_day.isoformat()) if point.last_day else Markup()
        items.append(
            html(
                '<li{}><a href="{}">{}</a> <small>{}</small></li>',
                ends,
                href,
                point_name(point, lang),
                join((d for d in details if d), " · "),
            )
        )
    return html(
        '<section class="ocop-in-person"><h2>{}</h2><p>{}</p><ul>{}</ul><p><a href="{}">{}</a></p></section>',
        t(lang, "see_in_person"),
        t(lang, "see_in_person_intro"),
        join(items),
        relative(target, page),
        t(lang, "all_sales_points"),
    )
