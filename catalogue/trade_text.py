"""Trade facts in words, the same on the product page, in the printed catalogue and on posters.

Apart from the page's markup (catalogue/pages/trade.py): print may not import the pages (imports
flow one way, tests/test_layout.py), only their words (catalogue/pages/i18n.py).
"""

from __future__ import annotations

from datetime import date

from .model import Certification, Trade, WholesaleContact
from .pages.i18n import format_date, format_phone, t
from .translated import localized, term
from .vocab import CERTIFICATION_LABELS

# The free-text facts, in the order they are shown, each with the key of its label.
TEXT_FACTS = ("capacity", "minimum_order", "packaging")


def certification_text(certification: Certification, today: date, lang: str) -> str:
    """One certification in words: its name, number, issuer and validity (ended ones say so)."""
    parts = [term(CERTIFICATION_LABELS[certification.kind], lang)]
    if certification.number:
        parts.append(t(lang, "trade_number", number=certification.number))
    parts.append(certification.issuer)
    if certification.expires:
        key = "trade_ended" if certification.expires < today else "trade_valid_until"
        parts.append(t(lang, key, date=format_date(certification.expires, lang)))
    return " · ".join(parts)


def contact_text(contact: WholesaleContact) -> str:
    """A wholesale contact on one line, for print: name, phone, Zalo, email."""
    parts = [contact.name, format_phone(contact.phone) if contact.phone else None]
    parts += [f"Zalo {format_phone(contact.zalo)}" if contact.zalo else None, contact.email]
    return " · ".join(p for p in parts if p)


def trade_lines(trade: Trade, today: date, lang: str) -> list[tuple[str, str]]:
    """(label, text) pairs of every trade fact given, in the page's order, for print."""
    lines = [(t(lang, f"trade_{field}"), text.text) for field in TEXT_FACTS if (text := localized(trade, field, lang))]
    if trade.certifications:
        lines.append((t(lang, "trade_certifications"), "; ".join(certification_text(c, today, lang) for c in trade.certifications)))
    if trade.export_markets:
        lines.append((t(lang, "trade_export_markets"), ", ".join(trade.export_markets)))
    if trade.wholesale:
        lines.append((t(lang, "trade_wholesale"), contact_text(trade.wholesale)))
    return lines
