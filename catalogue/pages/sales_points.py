"""Where to see a product in person: the sales points page (sales-points/), and the section of each
product page that lists the points carrying it, each linking to its anchor (sales-points/#<id>)."""

from __future__ import annotations

from datetime import date

from ..model import Product
from ..places import province
from ..rules import fold_tone_marks
from ..sales_points import SalesPoint
from ..status import IN_FORCE
from ..vocab import SALES_POINT_LABELS, SalesPointKind
from .context import Site
from .html import esc, localized, relative, status_text, text_span
from .i18n import format_date, format_phone, t, tel_href
from .listings import PageFile

PAGE = "sales-points/"


def point_name(point: SalesPoint, lang: str) -> str:
    """The point's name as HTML: English when there is one, else Vietnamese marked as such."""
    if lang == "vi":
        return esc(point.name)
    return text_span(point.name_en or point.name, point.name_en is None)


def point_place(point: SalesPoint) -> str:
    """'xã Bình Lư' for a point in the province, or the other province's name."""
    return province().units[point.commune].title if point.commune else point.province or ""


def point_dates(point: SalesPoint, lang: str) -> str:
    """'Từ 10/12/2026 đến 14/12/2026' (with <time> elements), or '' for a permanent point."""
    start = _time(point.first_day, lang) if point.first_day else ""
    end = _time(point.last_day, lang) if point.last_day else ""
    if start and end:
        return t(lang, "date_range", start=start, end=end)
    if start:
        return t(lang, "date_from", start=start)
    return t(lang, "date_to", end=end) if end else ""


def _time(day: date, lang: str) -> str:
    return f'<time datetime="{day.isoformat()}">{format_date(day, lang)}</time>'


def sales_points_page(site: Site, lang: str) -> PageFile:
    """sales-points/ in one language: the points by kind, then the fairs that have ended."""
    page = f"{site.prefix(lang)}{PAGE}"
    points = site.catalogue.settings.sales_points
    current = [p for p in points if not p.ended(site.today)]
    parts = [f"<h1>{esc(t(lang, 'sales_points_title'))}</h1><p>{esc(t(lang, 'sales_points_intro'))}</p>"]
    if not points:
        parts.append(f"<p>{t(lang, 'no_sales_points')}</p>")
    for kind in SalesPointKind:
        members = [p for p in current if p.kind == kind]
        if members:
            parts.append(f"<h2>{esc(t(lang, f'kind_{kind.value}'))}</h2>" + "".join(_point(site, p, page, lang) for p in members))
    ended = [p for p in points if p.ended(site.today)]
    if ended:
        parts.append(f"<h2>{esc(t(lang, 'past_fairs'))}</h2>" + "".join(_point(site, p, page, lang) for p in ended))
    return PageFile(f"{PAGE}index.md", t(lang, "sales_points"), "".join(parts), {"hide": ["toc"]})


def _row(label: str, value: str) -> str:
    return f"<dt>{esc(label)}</dt><dd>{value}</dd>"


def _point(site: Site, point: SalesPoint, page: str, lang: str) -> str:
    rows = [_row(t(lang, "address"), esc(point.address))]
    if point.commune:
        href = relative(f"{site.prefix(lang)}communes/{point.commune}/", page)
        rows.append(_row(t(lang, "commune"), f'<a href="{href}">{esc(point_place(point))}</a>'))
    else:
        rows.append(_row(t(lang, "province"), esc(point_place(point))))
    if point.phone:
        rows.append(_row(t(lang, "phone"), f'<a href="{tel_href(point.phone)}">{format_phone(point.phone)}</a>'))
    if point.hours:
        hours = point.hours_en if lang == "en" and point.hours_en else point.hours
        rows.append(_row(t(lang, "hours"), text_span(hours, lang == "en" and not point.hours_en)))
    if point.first_day or point.last_day:
        rows.append(_row(t(lang, "dates"), point_dates(point, lang)))
    if point.coordinates:
        lat, lon = point.coordinates
        osm = f"https://www.openstreetmap.org/?mlat={lat}&amp;mlon={lon}#map=17/{lat}/{lon}"
        rows.append(_row("GPS", f'{lat:.4f}, {lon:.4f} · <a href="{osm}" rel="noopener">{t(lang, "map")}</a>'))
    ended, ends = "", ""
    if point.last_day:
        # A fair still on at the build says it has ended once the reader's clock passes its last
        # day (overrides/assets/ocop-status.js), as certificates do.
        over = point.ended(site.today)
        ends = "" if over else f' data-ocop-ends="{point.last_day.isoformat()}"'
        ended = (
            f'<p class="ocop-status ocop-status--expired" data-ocop-ended{"" if over else " hidden"}>'
            f"{t(lang, 'ended', date=format_date(point.last_day, lang))}</p>"
        )
    return (
        f'<section class="ocop-point ocop-point--{point.kind.value}" id="{point.id}" data-ocop-kind="{point.kind.value}"{ends}>'
        f"<h3>{point_name(point, lang)}</h3>{ended}<dl>{''.join(rows)}</dl>{_carried(site, point, page, lang)}</section>"
    )


def _carried(site: Site, point: SalesPoint, page: str, lang: str) -> str:
    """The products a point carries, linked to their pages; one no longer in force says so."""
    items = []
    for product_id in dict.fromkeys(point.products):
        product = site.catalogue.products[product_id]
        if not site.catalogue.listed(product, site.today):
            continue  # withdrawn: validation warns about the point
        name, fell_back = localized(product, "name", lang)
        href = relative(site.product_path(product.id, lang), page)
        status = site.status(product)
        note = t(lang, "star_n", n=product.stars) if status in IN_FORCE else status_text(site, product, lang).split(":")[0]
        items.append(
            f'<li data-ocop-id="{product.id}" data-ocop-status="{status.value}"><a href="{href}">{text_span(name or "", fell_back)}</a>'
            f" <small>{esc(note)}</small></li>"
        )
    if not items:
        return ""
    return f'<h4>{esc(t(lang, "carries"))}</h4><ul class="ocop-point__products">{"".join(items)}</ul>'


def _kind_unless_named(point: SalesPoint, lang: str) -> str:
    """The kind's label, or '' when the name already says it ('Điểm bán sản phẩm OCOP Tam Đường')."""
    label = getattr(SALES_POINT_LABELS[point.kind], lang)
    name = point.name_en if lang == "en" and point.name_en else point.name
    return "" if fold_tone_marks(label) in fold_tone_marks(name) else label


def see_in_person(site: Site, product: Product, page: str, lang: str) -> str:
    """The product page's 'See it in person' section: the points carrying it, fairs that ended left out.

    A product no longer in force gets no such section: pointing visitors to a shop would make it
    look certified (validation warns about points that still list it)."""
    points = [p for p in site.catalogue.sales_points_of(product.id) if not p.ended(site.today)]
    if not points or site.status(product) not in IN_FORCE:
        return ""
    target = f"{site.prefix(lang)}{PAGE}"
    items = []
    for point in points:
        href = relative(target, page) + f"#{point.id}"
        details = [esc(_kind_unless_named(point, lang)), esc(point_place(point)), point_dates(point, lang)]
        ends = f' data-ocop-ends="{point.last_day.isoformat()}"' if point.last_day else ""
        items.append(f'<li{ends}><a href="{href}">{point_name(point, lang)}</a> <small>{" · ".join(d for d in details if d)}</small></li>')
    everything = f'<p><a href="{relative(target, page)}">{esc(t(lang, "all_sales_points"))}</a></p>'
    return (
        f'<section class="ocop-in-person"><h2>{esc(t(lang, "see_in_person"))}</h2><p>{esc(t(lang, "see_in_person_intro"))}</p>'
        f"<ul>{''.join(items)}</ul>{everything}</section>"
    )
