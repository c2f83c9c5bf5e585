""" "Other products of this producer" on a product page, each with its certificate's status.

A certificate belongs to one product, never to its producer: a producer's revoked or expired
product listed beside a certified one without its status would borrow the other's label. Each
item carries the dates the status script (overrides/assets/ocop-status.js) needs to word the
status again from the reader's clock, as the cards do.
"""

from __future__ import annotations

from markupsafe import Markup

from ..model import Product
from ..status import IN_FORCE
from .context import Site
from .html import card_texts, html, join, relative
from .i18n import t


def other_products(site: Site, product: Product, page: str, lang: str) -> Markup:
    """The producer's other listed products (those in force first), linked, each with its status chip."""
    others = [p for p in site.catalogue.products_of(product.producer) if p.id != product.id and site.catalogue.listed(p, site.today)]
    if not others:
        return Markup()
    others.sort(key=lambda p: site.status(p) not in IN_FORCE)
    items = join(_item(site, p, page, lang) for p in others)
    return html('<section class="ocop-others"><h2>{}</h2><ul>{}</ul></section>', t(lang, "other_products"), items)


def _item(site: Site, product: Product, page: str, lang: str) -> Markup:
    view = card_texts(site, product, lang)  # its texts only: the item has no photo or badge
    dates = html(' data-ocop-expires="{}" data-ocop-expires-text="{}"', view.expires, view.expires_text)
    if view.revoked:
        dates += html(' data-ocop-revoked="{}" data-ocop-revoked-text="{}"', view.revoked, view.revoked_text or "")
    return html(
        '<li class="ocop-others__item" data-ocop-id="{id}" data-ocop-status="{status}"{dates}><a href="{href}">{name}</a> '
        '<span class="ocop-chip ocop-chip--{status}">{chip}</span></li>',
        id=view.id,
        status=view.status,
        dates=dates,
        href=relative(site.product_path(product.id, lang), page),
        name=view.name,
        chip=view.chip,
    )
