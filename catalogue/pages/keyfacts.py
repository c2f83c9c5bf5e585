"""The product's key facts, at the top of its page: what a shopper decides on, in one box.

On a phone the box comes right under the name, stars and status, so that the certificate number is
on the first screen; on a wide screen it stands beside the photos (overrides/assets/ocop.css). The
full certificate, producer and shops follow further down the page.
"""

from __future__ import annotations

from markupsafe import Markup

from ..model import Product
from .context import Site
from .html import NOTHING, html, join, localized_span, relative
from .i18n import format_phone, format_vnd, t, tel_href
from .share import zalo_href

# Shops named in the box; the rest are counted ("and 2 more") and listed under "Where to buy".
SHOPS_NAMED = 3


def key_facts(site: Site, product: Product, page: str, lang: str, listed: bool) -> Markup:
    """The key-facts box: certificate number, producer with call and Zalo buttons, price, and (while
    the product is `listed`) where to buy."""
    producer = site.catalogue.producers[product.producer]
    rows = [
        _row("ocop-keyfacts__certificate", t(lang, "cert_number"), html("<strong>{}</strong>", product.certificate.number)),
        _row(
            "ocop-keyfacts__producer",
            t(lang, "producer"),
            html('<a href="{}">{}</a>', relative(site.urls.producer(producer.id, lang), page), localized_span(producer, "name", lang)),
        ),
        _price(product, lang),
        _shops(product, lang) if listed else NOTHING,
    ]
    buttons = [
        html(
            '<a class="ocop-call md-button md-button--primary" href="{}">{} {}</a>',
            tel_href(producer.phone),
            t(lang, "call"),
            format_phone(producer.phone),
        )
    ]
    if producer.zalo:
        chat = t(lang, "zalo_chat")
        zalo = html('<a class="ocop-zalo md-button" href="{}" rel="noopener noreferrer">{}</a>', zalo_href(producer.zalo), chat)
        buttons.append(zalo)
    return html(
        '<section class="ocop-keyfacts" aria-label="{}"><dl>{}</dl><p class="ocop-keyfacts__contact">{}</p></section>',
        t(lang, "key_facts"),
        join(row for row in rows if row),
        join(buttons, " "),
    )


def price_text(product: Product, lang: str) -> Markup:
    """The price range and its unit ("45.000 ₫ – 50.000 ₫ / gói 500 g"); nothing without a price."""
    price = product.price
    if not price:
        return NOTHING
    amount = format_vnd(price.low, lang)
    if price.high and price.high != price.low:
        amount = html("{} – {}", amount, format_vnd(price.high, lang))
    unit = html(" / {}", price.unit) if price.unit else NOTHING
    return html("<strong>{}</strong>{}", amount, unit)


def _row(kind: str, label: str, value: object) -> Markup:
    return html('<div class="{}"><dt>{}</dt><dd>{}</dd></div>', kind, label, value)


def _price(product: Product, lang: str) -> Markup:
    # `ocop-price`: the class the price had as a section of its own, for the print sheet and tests.
    text = price_text(product, lang)
    return _row("ocop-price", t(lang, "price"), text) if text else NOTHING


def _shops(product: Product, lang: str) -> Markup:
    if not product.channels:
        return NOTHING
    named = [
        html('<a href="{}" rel="noopener noreferrer">{}</a>', channel.url, channel.name) if channel.url else html("{}", channel.name)
        for channel in product.channels[:SHOPS_NAMED]
    ]
    rest = len(product.channels) - SHOPS_NAMED
    more = html(" {}", t(lang, "more_places", n=rest)) if rest > 0 else NOTHING
    return _row("ocop-keyfacts__shops", t(lang, "where_to_buy"), html("{}{}", join(named, ", "), more))
