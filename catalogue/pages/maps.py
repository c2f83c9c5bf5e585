"""The map page (map/: where the products in force are made and where to see them in person) and
the small map of a product page's origin.

Every place is first a line of a plain list: its name, its coordinates and a directions link
that opens the phone's map app. The list is the page: offline (the copy on a USB stick, or any
page opened from file://) it is all there is, and no tile is ever asked for. Online,
overrides/assets/ocop-map.js reads the places from the list's `data-lat`/`data-lon` attributes
and draws them on an OpenStreetMap map with Leaflet, loaded only when the map's box comes into
view (a product page's origin is far below its first screen).
"""

from __future__ import annotations

from markupsafe import Markup

from ..maps import ATTRIBUTION, MAX_ZOOM, TILES, directions_url, leaflet_asset
from ..model import Producer, Product
from ..places import province
from ..sales_points import SalesPoint
from ..status import IN_FORCE
from ..translated import localized_text, term
from ..vocab import PRODUCER_KIND_LABELS, SALES_POINT_LABELS
from .context import Site
from .html import html, join, localized_span, relative
from .i18n import t
from .listings import PageFile
from .sales_points import point_name, point_place

MAP_SCRIPT = "ocop-map.js"


def directions(lat: float, lon: float, lang: str) -> Markup:
    """'Chỉ đường' linked to the phone's map app, with directions to the place."""
    return html('<a class="ocop-directions" href="{}" rel="noopener">{}</a>', directions_url(lat, lon), t(lang, "directions"))


def coordinates_text(lat: float, lon: float) -> str:
    """'22.3570, 103.2430': four decimals, about ten metres."""
    return f"{lat:.4f}, {lon:.4f}"


def map_box(site: Site, page: str, places: str, lang: str) -> Markup:
    """The box ocop-map.js draws the map in, for the places listed in the element with id
    `places`; nothing when the build has no map (the offline copy, or Leaflet not installed).
    Its size is fixed by the stylesheet, so nothing moves when the map arrives."""
    if not site.maps:
        return Markup()
    return html(
        '<div class="ocop-map" role="region" aria-label="{label}" data-ocop-map="{places}" data-tiles="{tiles}" '
        'data-attribution="{attribution}" data-max-zoom="{zoom}" data-leaflet-js="{js}" data-leaflet-css="{css}"></div>'
        '<script src="{script}" defer></script>',
        label=t(lang, "map_label"),
        places=places,
        tiles=TILES,
        attribution=ATTRIBUTION,
        zoom=MAX_ZOOM,
        js=relative(site.urls.asset(leaflet_asset("leaflet.js"), lang), page),
        css=relative(site.urls.asset(leaflet_asset("leaflet.css"), lang), page),
        script=relative(site.urls.asset(MAP_SCRIPT, lang), page),
    )


def _place(kind: str, lat: float, lon: float, name: Markup, note: Markup | str, lang: str) -> Markup:
    return html(
        '<li class="ocop-place ocop-place--{kind}" data-kind="{kind}" data-lat="{lat}" data-lon="{lon}">'
        '<span class="ocop-place__name">{name}</span> <small class="ocop-place__note">{note}</small> '
        '<span class="ocop-place__where">{coordinates} · {directions}</span></li>',
        kind=kind,
        lat=f"{lat:.6f}",
        lon=f"{lon:.6f}",
        name=name,
        note=note,
        coordinates=coordinates_text(lat, lon),
        directions=directions(lat, lon, lang),
    )


def _product_place(site: Site, product: Product, page: str, lang: str) -> Markup:
    assert product.origin and product.origin.coordinates
    lat, lon = product.origin.coordinates
    producer = site.catalogue.producers[product.producer]
    name = html('<a href="{}">{}</a>', relative(site.product_path(product.id, lang), page), localized_span(product, "name", lang))
    commune = product.origin.commune or producer.commune
    note = join((localized_span(producer, "name", lang), province().units[commune].title), " · ")
    return _place("product", lat, lon, name, note, lang)


def _point_place(site: Site, point: SalesPoint, page: str, lang: str) -> Markup:
    assert point.coordinates
    lat, lon = point.coordinates
    name = html('<a href="{}">{}</a>', relative(site.urls.sales_point(point.id, lang), page), point_name(point, lang))
    note = join((term(SALES_POINT_LABELS[point.kind], lang), point_place(point)), " · ")
    return _place("point", lat, lon, name, note, lang)


def _producer_place(site: Site, producer: Producer, page: str, lang: str) -> Markup:
    assert producer.coordinates
    lat, lon = producer.coordinates
    name = html('<a href="{}">{}</a>', relative(site.urls.producer(producer.id, lang), page), localized_span(producer, "name", lang))
    note = join((term(PRODUCER_KIND_LABELS[producer.kind], lang), province().units[producer.commune].title), " · ")
    return _place("producer", lat, lon, name, note, lang)


def mapped_producers(site: Site) -> list[Producer]:
    """The producers on the map: with coordinates, and with at least one product on the map's terms
    (listed and in force); a producer whose certificates have all ended is not pinned as OCOP."""
    in_force = {p.producer for p in site.listed if site.status(p) in IN_FORCE}
    return [p for p in sorted(site.catalogue.producers.values(), key=lambda p: p.id) if p.coordinates and p.id in in_force]


def mapped_products(site: Site) -> list[Product]:
    """The products on the map: in force on the build day, with origin coordinates. One that is
    not in force is left out, as from the sales points: a pin would make it look certified."""
    return [p for p in site.listed if p.origin and p.origin.coordinates and site.status(p) in IN_FORCE]


def mapped_points(site: Site) -> list[SalesPoint]:
    """The sales points on the map: with coordinates, fairs that have ended left out."""
    return [p for p in site.catalogue.settings.sales_points if p.coordinates and not p.ended(site.today)]


def map_page(site: Site, lang: str) -> PageFile:
    """map/ in one language: the map, then the places as lists (products, then sales points)."""
    page = site.urls.map(lang)
    products, producers, points = mapped_products(site), mapped_producers(site), mapped_points(site)
    parts = [html("<h1>{}</h1><p>{}</p>", t(lang, "map_title"), t(lang, "map_intro"))]
    if products or producers or points:
        parts.append(map_box(site, page, "ocop-places", lang))
    else:
        parts.append(html("<p>{}</p>", t(lang, "map_none")))
    lists = []
    if products:
        items = join(_product_place(site, p, page, lang) for p in products)
        lists.append(html('<h2>{}</h2><ul class="ocop-places">{}</ul>', t(lang, "map_products"), items))
    if producers:
        items = join(_producer_place(site, p, page, lang) for p in producers)
        lists.append(html('<h2>{}</h2><ul class="ocop-places">{}</ul>', t(lang, "map_producers"), items))
    if points:
        items = join(_point_place(site, p, page, lang) for p in points)
        lists.append(html('<h2>{}</h2><ul class="ocop-places">{}</ul>', t(lang, "map_points"), items))
    parts.append(html('<div id="ocop-places">{}</div>', join(lists)))
    # Indexed by its intro, not its lists of places (see `home_page`).
    meta = {"hide": ["toc"], "ocop_search": t(lang, "map_intro")}
    return PageFile(site.urls.source(page, lang), t(lang, "map_page"), join(parts), meta)


def origin_row(site: Site, product: Product, lang: str) -> Markup:
    """The 'GPS' row of a product page's origin table: the coordinates and a directions link
    (the place the small map below shows); nothing without coordinates."""
    if not product.origin or not product.origin.coordinates:
        return Markup()
    lat, lon = product.origin.coordinates
    return html(
        '<dt>{label}</dt><dd id="ocop-origin-place" data-kind="product" data-lat="{lat}" data-lon="{lon}" data-name="{name}">'
        "{coordinates} · {directions}</dd>",
        label=t(lang, "coordinates"),
        lat=f"{lat:.6f}",
        lon=f"{lon:.6f}",
        name=localized_text(product, "name", lang),
        coordinates=coordinates_text(lat, lon),
        directions=directions(lat, lon, lang),
    )


def origin_map(site: Site, product: Product, page: str, lang: str) -> Markup:
    """The small map of a product page's origin (below its table), with a link to the map page;
    nothing without coordinates or without maps in this build."""
    if not product.origin or not product.origin.coordinates or not site.maps:
        return Markup()
    more = html('<p class="ocop-map__more"><a href="{}">{}</a></p>', relative(site.urls.map(lang), page), t(lang, "map_all"))
    return html('<div class="ocop-origin-map">{}{}</div>', map_box(site, page, "ocop-origin-place", lang), more)
