"""Trade facts on the product page: the section "Dành cho nhà phân phối" / "For buyers".

A trade buyer at a fair asks the same few questions before ordering: how much can you supply, what
is the smallest order, how is it packed, which other certifications does it hold and until when,
where does it already sell abroad, and whom do I call for wholesale. The same words serve the
printed catalogue and the posters (`catalogue.trade_text`), so the three never disagree.
"""

from __future__ import annotations

from datetime import date

from markupsafe import Markup

from ..model import Product, WholesaleContact
from ..trade_text import TEXT_FACTS, certification_text
from ..translated import localized
from .html import NOTHING, html, join, text_span
from .i18n import format_phone, t, tel_href
from .share import zalo_link


def _row(label: str, value: object) -> Markup:
    return html("<dt>{}</dt><dd>{}</dd>", label, value)


def _contact(contact: WholesaleContact, lang: str) -> Markup:
    parts = [html("<strong>{}</strong>", contact.name) if contact.name else NOTHING]
    if contact.phone:
        parts.append(
            html('<a class="ocop-call" href="{}">{} {}</a>', tel_href(contact.phone), t(lang, "call"), format_phone(contact.phone))
        )
    if contact.zalo:
        parts.append(html("Zalo {}", zalo_link(contact.zalo, lang)))  # the share part's chat link
    if contact.email:
        parts.append(html('<a href="mailto:{0}">{0}</a>', contact.email))
    return join((p for p in parts if p), " · ")


def trade_section(product: Product, today: date, lang: str) -> Markup:
    """The section "Dành cho nhà phân phối" of a product page, or nothing when it has no trade facts."""
    trade = product.trade
    if trade is None:
        return NOTHING
    rows = [_row(t(lang, f"trade_{field}"), text_span(text, lang)) for field in TEXT_FACTS if (text := localized(trade, field, lang))]
    if trade.certifications:
        items = join(html("<li>{}</li>", certification_text(c, today, lang)) for c in trade.certifications)
        rows.append(_row(t(lang, "trade_certifications"), html('<ul class="ocop-trade__certifications">{}</ul>', items)))
    if trade.export_markets:
        rows.append(_row(t(lang, "trade_export_markets"), join(trade.export_markets, ", ")))
    if trade.wholesale:
        rows.append(_row(t(lang, "trade_wholesale"), _contact(trade.wholesale, lang)))
    return html('<section class="ocop-trade" id="trade"><h2>{}</h2><dl>{}</dl></section>', t(lang, "trade"), join(rows))
