"""Sharing a product and chatting with its producer, the way Vietnamese shoppers do: on Zalo.

The share box always shares the page's public address (site_url + path), never the address the
browser shows: a page opened from a copy on a USB stick (file://) or a test server must still share
the link that works for everybody. Without a script the box is two plain links (Zalo, Facebook);
overrides/assets/ocop-share.js adds the phone's own share sheet (the Web Share API) where there is
one, and a "copy link" button. Every link is built here, so that it also works with no script.
"""

from __future__ import annotations

import base64
import json
from urllib.parse import quote, urlencode

from markupsafe import Markup

from ..model import Product
from ..translated import localized_text
from .context import Site
from .html import html, relative
from .i18n import format_phone, t

ZALO_SHARE = "https://button-share.zalo.me/share_external"
FACEBOOK_SHARE = "https://www.facebook.com/sharer/sharer.php"
ZALO_CHAT = "https://zalo.me/"


def zalo_href(digits: str) -> str:
    """The link that opens a Zalo chat with the owner of a (normalised) phone number: zalo.me/0912345678."""
    return ZALO_CHAT + quote(digits, safe="")


def zalo_link(digits: str, lang: str) -> Markup:
    """A 'chat on Zalo' link for a producer's Zalo number, showing the number as it is read."""
    return html(
        '<a class="ocop-zalo" href="{}" rel="noopener noreferrer" aria-label="{}">{}</a>',
        zalo_href(digits),
        t(lang, "share_zalo_chat", number=format_phone(digits)),
        format_phone(digits),
    )


def zalo_share_href(url: str) -> str:
    """Zalo's share page for `url`: it takes the address as base64 of {"url": …} (no app id needed)."""
    payload = base64.b64encode(json.dumps({"url": url}, separators=(",", ":")).encode()).decode("ascii")
    return ZALO_SHARE + "?" + urlencode({"d": payload})


def facebook_share_href(url: str) -> str:
    """Facebook's share page for `url`."""
    return FACEBOOK_SHARE + "?" + urlencode({"u": url})


def share_button(site: Site, product: Product, page: str, lang: str) -> Markup:
    """The share box of a product page at site path `page`: the phone's share sheet and "copy link"
    (both shown by ocop-share.js when the browser can), and Zalo and Facebook links that work alone."""
    url = site.catalogue.settings.site_url + site.product_path(product.id, lang)
    name = localized_text(product, "name", lang) or product.name
    return html(
        '<div class="ocop-share" role="group" aria-label="{label}" data-ocop-share-url="{url}" data-ocop-share-title="{title}" '
        'data-ocop-share-text="{text}">'
        '<button type="button" class="ocop-share__native md-button md-button--primary" hidden>{share}</button> '
        '<a class="ocop-share__zalo md-button" href="{zalo}" target="_blank" rel="noopener noreferrer">{zalo_words}</a> '
        '<a class="ocop-share__facebook md-button" href="{facebook}" target="_blank" rel="noopener noreferrer">{facebook_words}</a> '
        '<button type="button" class="ocop-share__copy md-button" hidden data-ocop-copied="{copied}" data-ocop-copy-failed="{failed}">'
        "{copy}</button>"
        '<span class="ocop-share__said" role="status"></span>'
        '<script src="{script}" defer></script></div>',
        label=t(lang, "share"),
        url=url,
        title=name,
        text=f"{name} – {site.badge_label(product, lang)}",
        share=t(lang, "share"),
        zalo=zalo_share_href(url),
        zalo_words=t(lang, "share_zalo"),
        facebook=facebook_share_href(url),
        facebook_words=t(lang, "share_facebook"),
        copied=t(lang, "share_copied"),
        failed=t(lang, "share_copy_failed"),
        copy=t(lang, "share_copy"),
        script=relative(site.urls.asset("ocop-share.js", lang), page),
    )
