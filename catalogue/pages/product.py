"""The product page (DESIGN.md §4): everything a consumer scanning the package needs to know."""

from __future__ import annotations

import functools

from markupsafe import Markup

from ..makers.badges import badge_svg
from ..model import Product
from ..places import province
from ..richtext import render as render_markdown
from ..status import IN_FORCE, CertificateStatus
from ..translated import localized, localized_fact, term
from ..vocab import CHANNEL_LABELS, GROUP_LABELS, fact_labels
from .check import office_contact
from .context import Site
from .history import certificate_history, decision, withdrawn_notice
from .html import html, join, localized_span, picture, relative, status_text, text_span
from .i18n import format_date, format_phone, t, tel_href
from .keyfacts import key_facts
from .maps import origin_map, origin_row
from .others import other_products
from .sales_points import see_in_person
from .share import share_button, zalo_link
from .trade import trade_section
from .video import videos_section


def product_body(site: Site, product: Product, lang: str) -> Markup:
    """The HTML of one product page (generated pages skip MkDocs' Markdown: see catalogue/render/hooks.py)."""
    page = site.product_path(product.id, lang)
    status = site.status(product)
    listed = site.catalogue.listed(product, site.today)  # a withdrawn product no longer points to shops
    sections = [
        _head(site, product, lang),
        withdrawn_notice(site, product, lang),
        key_facts(site, product, page, lang, listed),
        _gallery(site, product, page, lang),
        _certificate(site, product, lang),
        certificate_history(site, product, lang),
        share_button(site, product, page, lang),
        _producer(site, product, page, lang),
        _text_section(product, "description", lang),
        _text_section(product, "story", lang),
        videos_section(site, product, page, lang),
        _facts(product, lang),
        _channels(product, lang) if listed else "",
        trade_section(product, site.today, lang) if listed else "",
        see_in_person(site, product, page, lang) if listed else "",
        _origin(site, product, page, lang),
        _qr(site, product, page, lang),
        _others(site, product, page, lang),
    ]
    revoked = product.certificate.revoked
    expires = site.catalogue.expires(product)
    return html(
        '<article class="ocop-product ocop-product--{status}" data-ocop-id="{id}" data-ocop-stars="{stars}" '
        'data-ocop-expires="{expires}" data-ocop-expires-text="{expires_text}" data-ocop-status="{status}"{revoked}>{sections}</article>',
        status=status.value,
        id=product.id,
        stars=product.stars,
        expires=expires.isoformat(),
        expires_text=format_date(expires, lang),
        revoked=html(' data-ocop-revoked="{}" data-ocop-revoked-text="{}"', revoked.date.isoformat(), format_date(revoked.date, lang))
        if revoked
        else Markup(),
        sections=join(s for s in sections if s),
    )


@functools.lru_cache(maxsize=256)
def _badge(stars: int, status: CertificateStatus, lang: str) -> Markup:
    # Our own drawing from numbers and our own words: markup by construction. Drawn once for each
    # of the few kinds (every product page shows one, and two more while the certificate is in force).
    return Markup(badge_svg(stars, status, lang).strip())


def _head(site: Site, product: Product, lang: str) -> Markup:
    name, summary = localized(product, "name", lang), localized(product, "summary", lang)
    fell_back = any(text and text.fell_back(lang) for text in (name, summary))
    status = site.status(product)
    note = html(' <small class="ocop-fallback">({})</small>', t(lang, "vi_only")) if fell_back else Markup()
    return html(
        '<header class="ocop-product__head"><p class="ocop-product__group">{group}</p>'
        '<h1>{name}</h1><p class="ocop-product__summary">{summary}{note}</p>'
        '<div class="ocop-product__badge">{badge}{muted}'
        '<p class="ocop-status ocop-status--{status}" role="status">{words}</p></div></header>',
        group=term(GROUP_LABELS[product.group], lang),
        name=text_span(name, lang),
        summary=text_span(summary, lang),
        note=note,
        badge=_badge(product.stars, status, lang),
        muted=_muted_badges(product, status, lang),
        status=status.value,
        words=status_text(site, product, lang),
    )


def _muted_badges(product: Product, status: CertificateStatus, lang: str) -> Markup:
    """Badges the browser swaps in if the certificate ends after the build (see ocop-status.js)."""
    if status not in IN_FORCE:
        return Markup()
    return join(
        html('<template class="ocop-badge-{}">{}</template>', s.value, _badge(product.stars, s, lang))
        for s in (CertificateStatus.EXPIRED, CertificateStatus.REVOKED)
    )


def _gallery(site: Site, product: Product, page: str, lang: str) -> Markup:
    media = site.media.get(product.id)
    if not media or not media.photos:
        return Markup()
    sizes = ["(min-width: 960px) 720px, 100vw", "(min-width: 960px) 240px, 48vw"]
    pictures = join(
        html('<figure class="ocop-photo">{}</figure>', picture(photo, page, sizes[min(i, 1)], photo.alt or product.name, _loading(i)))
        for i, photo in enumerate(media.photos)
    )
    return html('<div class="ocop-gallery" role="group" aria-label="{}">{}</div>', t(lang, "photos"), pictures)


def _loading(index: int) -> str:
    """How the gallery's photo at `index` loads: the cover first, the next row (on a phone's first
    screen, under the cover) at once, the rest when they come near."""
    return "high" if index == 0 else "eager" if index < FIRST_SCREEN_PHOTOS else "lazy"


# The cover and the row of two photos under it: what a phone shows of the gallery without scrolling.
FIRST_SCREEN_PHOTOS = 3


def _row(label: str, value: object) -> Markup:
    return html("<dt>{}</dt><dd>{}</dd>", label, value)


def _certificate(site: Site, product: Product, lang: str) -> Markup:
    cert = product.certificate
    expires = site.catalogue.expires(product)
    rows = [
        _row(t(lang, "cert_number"), html("<strong>{}</strong>", cert.number)),
        _row(t(lang, "stars"), t(lang, "star_n", n=product.stars)),
        _row(t(lang, "issuer"), cert.issuer),
        _row(t(lang, "issued"), format_date(cert.issued, lang)),
        _row(t(lang, "expires"), html('<time datetime="{}">{}</time>', expires.isoformat(), format_date(expires, lang))),
    ]
    if cert.decision or cert.decision_url:
        rows.append(_row(t(lang, "decision"), decision(cert.decision, cert.decision_url, lang)))
    words = status_text(site, product, lang)
    rows.append(_row(t(lang, "status"), html("{} — {}", words, cert.revoked.reason) if cert.revoked else words))
    check = html('<p><a href="{}">{}</a></p>', relative(site.urls.check(lang), site.product_path(product.id, lang)), t(lang, "check"))
    return html(
        '<section class="ocop-certificate"><h2>{}</h2><dl>{}</dl>{}{}</section>',
        t(lang, "certificate"),
        join(rows),
        check,
        office_contact(site, lang),
    )


def _producer(site: Site, product: Product, page: str, lang: str) -> Markup:
    producer = site.catalogue.producers[product.producer]
    href = relative(site.urls.producer(producer.id, lang), page)
    phone = html(
        '<a class="ocop-call md-button md-button--primary" href="{}">{} {}</a>',
        tel_href(producer.phone),
        t(lang, "call"),
        format_phone(producer.phone),
    )
    rows = [_row(t(lang, "address"), producer.address), _row(t(lang, "phone"), phone)]
    if producer.email:
        rows.append(_row(t(lang, "email"), html('<a href="mailto:{0}">{0}</a>', producer.email)))
    if producer.website:
        rows.append(_row(t(lang, "website"), html('<a href="{0}" rel="noopener noreferrer">{0}</a>', producer.website)))
    if producer.zalo:
        rows.append(_row("Zalo", zalo_link(producer.zalo, lang)))
    return html(
        '<section class="ocop-producer"><h2>{}</h2><p><a href="{}"><strong>{}</strong></a></p><dl>{}</dl></section>',
        t(lang, "producer"),
        href,
        localized_span(producer, "name", lang),
        join(rows),
    )


def _text_section(product: Product, field: str, lang: str) -> Markup:
    text = localized(product, field, lang)
    if not text:
        return Markup()
    fell_back = text.fell_back(lang)
    language = html(' lang="{}"', text.lang) if fell_back else Markup()
    note = html('<p class="ocop-fallback">{}</p>', t(lang, "vi_only")) if fell_back else Markup()
    return html(
        '<section class="ocop-{field}"><h2>{title}</h2>{note}<div{language}>{text}</div></section>',
        field=field,
        title=t(lang, field),
        note=note,
        language=language,
        text=render_markdown(text.text),
    )


def _facts(product: Product, lang: str) -> Markup:
    if not product.facts:
        return Markup()
    labels = fact_labels()
    rows = [
        html('<tr><th scope="row">{}</th><td>{}</td></tr>', term(labels[key], lang), text_span(localized_fact(product, key, lang), lang))
        for key in product.facts
    ]
    return html('<section class="ocop-facts"><h2>{}</h2><table>{}</table></section>', t(lang, "facts"), join(rows))


def _channels(product: Product, lang: str) -> Markup:
    if not product.channels:
        return Markup()
    items = []
    for channel in product.channels:
        name = html('<a href="{}" rel="noopener noreferrer">{}</a>', channel.url, channel.name) if channel.url else channel.name
        items.append(html("<li>{} <small>({})</small></li>", name, term(CHANNEL_LABELS[channel.kind], lang)))
    return html('<section class="ocop-channels"><h2>{}</h2><ul>{}</ul></section>', t(lang, "where_to_buy"), join(items))


def _origin(site: Site, product: Product, page: str, lang: str) -> Markup:
    origin = product.origin
    if not origin:
        return Markup()
    rows = []
    if origin.area:
        rows.append(_row(t(lang, "area"), origin.area))
    if origin.commune:
        unit = province().units[origin.commune]
        href = relative(site.urls.commune(unit.id, lang), page)
        rows.append(_row(t(lang, "commune"), html('<a href="{}">{}</a>', href, unit.title)))
    rows.append(origin_row(site, product, lang))  # coordinates and directions (catalogue/pages/maps.py)
    if origin.trace_url:
        rows.append(_row(t(lang, "trace"), html('<a href="{0}" rel="noopener noreferrer">{0}</a>', origin.trace_url)))
    steps = join(
        html("<li><strong>{}</strong>{}</li>", s.stage, join(html(" · {}", x) for x in (s.where, s.who) if x)) for s in origin.steps
    )
    steps_html = html('<h3>{}</h3><ol class="ocop-steps">{}</ol>', t(lang, "steps"), steps) if steps else Markup()
    small_map = origin_map(site, product, page, lang)
    return html('<section class="ocop-origin"><h2>{}</h2><dl>{}</dl>{}{}</section>', t(lang, "origin"), join(rows), small_map, steps_html)


def _downloads(files: dict[str, str], page: str) -> Markup:
    return join((html('<a href="{}" download>{}</a>', relative(files[kind], page), kind.upper()) for kind in ("svg", "png", "pdf")), " · ")


def _qr(site: Site, product: Product, page: str, lang: str) -> Markup:
    media = site.media.get(product.id)
    if not media or product.id not in media.qr:
        return Markup()
    files = media.qr[product.id]
    gs1 = media.qr.get(f"{product.id}-gs1")
    gs1_links = html("<p>GS1 Digital Link: {}</p>", _downloads(gs1, page)) if gs1 else Markup()
    # Not lazy: a page printed before scrolling down must still carry its code (a 2 KB SVG).
    image = html(
        '<img class="ocop-qr__code" src="{}" width="200" height="200" alt="{}" decoding="async">',
        relative(files["svg"], page),
        t(lang, "qr"),
    )
    return html(
        '<section class="ocop-qr"><h2>{}</h2>{}<p>{} {}</p>{}</section>',
        t(lang, "qr"),
        image,
        t(lang, "qr_help"),
        _downloads(files, page),
        gs1_links,
    )


def _others(site: Site, product: Product, page: str, lang: str) -> Markup:
    return other_products(site, product, page, lang)
