"""The product page (DESIGN.md §4): everything a consumer scanning the package needs to know."""

from __future__ import annotations

import markdown

from ..media.badges import badge_svg
from ..model import Product
from ..places import province
from ..status import IN_FORCE, CertificateStatus
from ..vocab import CHANNEL_LABELS, GROUP_LABELS, fact_labels
from .check import office_contact
from .context import Site
from .history import certificate_history, decision, withdrawn_notice
from .html import esc, localized, picture, relative, status_text, text_span
from .i18n import format_date, format_phone, format_vnd, t, tel_href
from .sales_points import see_in_person


def render_markdown(text: str) -> str:
    """Markdown of a product's description or story as HTML (raw HTML was refused by validation)."""
    return markdown.markdown(text, extensions=["extra", "sane_lists"], output_format="html").replace("\n\n", "\n")


def product_body(site: Site, product: Product, lang: str) -> str:
    """The HTML of one product page, on one block so that Markdown leaves it alone."""
    page = site.product_path(product.id, lang)
    status = site.status(product)
    listed = site.catalogue.listed(product, site.today)  # a withdrawn product no longer points to shops
    sections = [
        _head(site, product, lang),
        withdrawn_notice(site, product, lang),
        _gallery(site, product, page, lang),
        _certificate(site, product, lang),
        certificate_history(site, product, lang),
        _producer(site, product, page, lang),
        _text_section(product, "description", lang),
        _text_section(product, "story", lang),
        _facts(product, lang),
        _price(product, lang),
        _channels(product, lang) if listed else "",
        see_in_person(site, product, page, lang) if listed else "",
        _origin(site, product, page, lang),
        _qr(site, product, page, lang),
        _others(site, product, page, lang),
    ]
    attributes = (
        f'data-ocop-id="{product.id}" data-ocop-stars="{product.stars}" '
        f'data-ocop-expires="{site.catalogue.expires(product).isoformat()}" data-ocop-status="{status.value}"'
        + (f' data-ocop-revoked="{product.certificate.revoked.date.isoformat()}"' if product.certificate.revoked else "")
    )
    return f'<article class="ocop-product ocop-product--{status.value}" {attributes}>' + "".join(s for s in sections if s) + "</article>"


def _head(site: Site, product: Product, lang: str) -> str:
    name, name_fb = localized(product, "name", lang)
    summary, summary_fb = localized(product, "summary", lang)
    status = site.status(product)
    note = f' <small class="ocop-fallback">({t(lang, "vi_only")})</small>' if name_fb or summary_fb else ""
    group = GROUP_LABELS[product.group]
    return (
        f'<header class="ocop-product__head"><p class="ocop-product__group">{esc(group.vi if lang == "vi" else group.en)}</p>'
        f'<h1>{text_span(name or "", name_fb)}</h1><p class="ocop-product__summary">{text_span(summary or "", summary_fb)}{note}</p>'
        f'<div class="ocop-product__badge">{badge_svg(product.stars, status, lang).strip()}{_muted_badges(product, status, lang)}'
        f'<p class="ocop-status ocop-status--{status.value}" role="status">{esc(status_text(site, product, lang))}</p></div></header>'
    )


def _muted_badges(product: Product, status: CertificateStatus, lang: str) -> str:
    """Badges the browser swaps in if the certificate ends after the build (see ocop-status.js)."""
    if status not in IN_FORCE:
        return ""
    return "".join(
        f'<template class="ocop-badge-{s.value}">{badge_svg(product.stars, s, lang).strip()}</template>'
        for s in (CertificateStatus.EXPIRED, CertificateStatus.REVOKED)
    )


def _gallery(site: Site, product: Product, page: str, lang: str) -> str:
    media = site.media.get(product.id)
    if not media or not media.photos:
        return ""
    sizes = ["(min-width: 960px) 720px, 100vw", "(min-width: 960px) 240px, 48vw"]
    pictures = [
        f'<figure class="ocop-photo">{picture(photo, page, sizes[min(i, 1)], photo.alt or product.name, eager=i == 0)}</figure>'
        for i, photo in enumerate(media.photos)
    ]
    return f'<div class="ocop-gallery" role="group" aria-label="{esc(t(lang, "photos"))}">' + "".join(pictures) + "</div>"


def _row(label: str, value: str) -> str:
    return f"<dt>{esc(label)}</dt><dd>{value}</dd>"


def _certificate(site: Site, product: Product, lang: str) -> str:
    cert = product.certificate
    rows = [
        _row(t(lang, "cert_number"), f"<strong>{esc(cert.number)}</strong>"),
        _row(t(lang, "stars"), esc(t(lang, "star_n", n=product.stars))),
        _row(t(lang, "issuer"), esc(cert.issuer)),
        _row(t(lang, "issued"), format_date(cert.issued, lang)),
        _row(
            t(lang, "expires"),
            f'<time datetime="{site.catalogue.expires(product).isoformat()}">{format_date(site.catalogue.expires(product), lang)}</time>',
        ),
    ]
    if cert.decision or cert.decision_url:
        rows.append(_row(t(lang, "decision"), decision(cert.decision, cert.decision_url, lang)))
    if cert.revoked:
        rows.append(_row(t(lang, "status"), f"{esc(status_text(site, product, lang))} — {esc(cert.revoked.reason)}"))
    else:
        rows.append(_row(t(lang, "status"), esc(status_text(site, product, lang))))
    check = f'<p><a href="{relative(f"{site.prefix(lang)}check/", site.product_path(product.id, lang))}">{t(lang, "check")}</a></p>'
    report = office_contact(site, lang)
    return f'<section class="ocop-certificate"><h2>{t(lang, "certificate")}</h2><dl>{"".join(rows)}</dl>{check}{report}</section>'


def _producer(site: Site, product: Product, page: str, lang: str) -> str:
    producer = site.catalogue.producers[product.producer]
    href = relative(f"{site.prefix(lang)}producers/{producer.id}/", page)
    call = f"{t(lang, 'call')} {format_phone(producer.phone)}"
    phone = f'<a class="ocop-call md-button md-button--primary" href="{tel_href(producer.phone)}">{call}</a>'
    rows = [_row(t(lang, "address"), esc(producer.address)), _row(t(lang, "phone"), phone)]
    if producer.email:
        rows.append(_row("E-mail", f'<a href="mailto:{esc(producer.email)}">{esc(producer.email)}</a>'))
    if producer.website:
        rows.append(_row("Website", f'<a href="{esc(producer.website)}" rel="noopener">{esc(producer.website)}</a>'))
    if producer.zalo:
        rows.append(_row("Zalo", format_phone(producer.zalo)))
    name = esc(site.producer_name(producer, lang))
    title = f'<h2>{t(lang, "producer")}</h2><p><a href="{href}"><strong>{name}</strong></a></p>'
    return f'<section class="ocop-producer">{title}<dl>{"".join(rows)}</dl></section>'


def _text_section(product: Product, field: str, lang: str) -> str:
    text, fell_back = localized(product, field, lang)
    if not text:
        return ""
    language = ' lang="vi"' if fell_back else ""
    note = f'<p class="ocop-fallback">{t(lang, "vi_only")}</p>' if fell_back else ""
    return f'<section class="ocop-{field}"><h2>{t(lang, field)}</h2>{note}<div{language}>{render_markdown(text)}</div></section>'


def _facts(product: Product, lang: str) -> str:
    if not product.facts:
        return ""
    english = product.english.facts if product.english else {}
    labels = fact_labels()
    rows = []
    for key, value in product.facts.items():
        shown = english.get(key, value) if lang == "en" else value
        fell_back = lang == "en" and key not in english
        rows.append(f'<tr><th scope="row">{esc(getattr(labels[key], lang))}</th><td>{text_span(shown, fell_back)}</td></tr>')
    return f'<section class="ocop-facts"><h2>{t(lang, "facts")}</h2><table>{"".join(rows)}</table></section>'


def _price(product: Product, lang: str) -> str:
    price = product.price
    if not price:
        return ""
    amount = format_vnd(price.low, lang) + (f" – {format_vnd(price.high, lang)}" if price.high and price.high != price.low else "")
    unit = f" / {esc(price.unit)}" if price.unit else ""
    return f'<section class="ocop-price"><h2>{t(lang, "price")}</h2><p><strong>{amount}</strong>{unit}</p></section>'


def _channels(product: Product, lang: str) -> str:
    if not product.channels:
        return ""
    items = []
    for channel in product.channels:
        name = f'<a href="{esc(channel.url)}" rel="noopener">{esc(channel.name)}</a>' if channel.url else esc(channel.name)
        items.append(f"<li>{name} <small>({esc(getattr(CHANNEL_LABELS[channel.kind], lang))})</small></li>")
    return f'<section class="ocop-channels"><h2>{t(lang, "where_to_buy")}</h2><ul>{"".join(items)}</ul></section>'


def _origin(site: Site, product: Product, page: str, lang: str) -> str:
    origin = product.origin
    if not origin:
        return ""
    rows = []
    if origin.area:
        rows.append(_row(t(lang, "area"), esc(origin.area)))
    if origin.commune:
        unit = province().units[origin.commune]
        href = relative(f"{site.prefix(lang)}communes/{unit.id}/", page)
        rows.append(_row(t(lang, "commune"), f'<a href="{href}">{esc(unit.title)}</a>'))
    if origin.coordinates:
        lat, lon = origin.coordinates
        rows.append(_row("GPS", f"{lat:.4f}, {lon:.4f}"))
    if origin.trace_url:
        rows.append(_row(t(lang, "trace"), f'<a href="{esc(origin.trace_url)}" rel="noopener">{esc(origin.trace_url)}</a>'))
    steps = "".join(
        f"<li><strong>{esc(s.stage)}</strong>" + "".join(f" · {esc(x)}" for x in (s.where, s.who) if x) + "</li>" for s in origin.steps
    )
    steps_html = f'<h3>{t(lang, "steps")}</h3><ol class="ocop-steps">{steps}</ol>' if steps else ""
    return f'<section class="ocop-origin"><h2>{t(lang, "origin")}</h2><dl>{"".join(rows)}</dl>{steps_html}</section>'


def _qr(site: Site, product: Product, page: str, lang: str) -> str:
    media = site.media.get(product.id)
    if not media or product.id not in media.qr:
        return ""
    files = media.qr[product.id]
    links = " · ".join(f'<a href="{relative(files[kind], page)}" download>{kind.upper()}</a>' for kind in ("svg", "png", "pdf"))
    gs1 = media.qr.get(f"{product.id}-gs1")
    gs1_links = ""
    if gs1:
        gs1_links = (
            "<p>GS1 Digital Link: "
            + " · ".join(f'<a href="{relative(gs1[k], page)}" download>{k.upper()}</a>' for k in ("svg", "png", "pdf"))
            + "</p>"
        )
    src = relative(files["svg"], page)
    # Not lazy: a page printed before scrolling down must still carry its code (a 2 KB SVG).
    image = f'<img class="ocop-qr__code" src="{src}" width="200" height="200" alt="{esc(t(lang, "qr"))}" decoding="async">'
    return f'<section class="ocop-qr"><h2>{t(lang, "qr")}</h2>{image}<p>{t(lang, "qr_help")} {links}</p>{gs1_links}</section>'


def _others(site: Site, product: Product, page: str, lang: str) -> str:
    others = [p for p in site.catalogue.products_of(product.producer) if p.id != product.id and site.catalogue.listed(p, site.today)]
    if not others:
        return ""
    items = "".join(
        f'<li><a href="{relative(site.product_path(p.id, lang), page)}">{esc(localized(p, "name", lang)[0])}</a></li>' for p in others
    )
    return f'<section class="ocop-others"><h2>{t(lang, "other_products")}</h2><ul>{items}</ul></section>'
