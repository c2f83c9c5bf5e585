"""The kiosk page for a fair booth's screen: big tiles of the products in force, the finder, and
each product's QR code for visitors to open the product on their own phones.

A page of its own rather than a theme page: no header, menus or search panel to wander into,
room for big tiles, and a button that puts the browser in full screen (browsers only allow that
after a tap). After two minutes without a touch it clears the finder and goes back to the top.
"""

from __future__ import annotations

import json

from ..status import IN_FORCE
from .context import Site, ordered
from .finder import finder_form
from .html import card, esc, relative, to_root
from .i18n import status_texts, t


def kiosk_path(lang: str) -> str:
    """Where a language's kiosk page is, from the site root."""
    return "kiosk/index.html" if lang == "vi" else f"{lang}/kiosk/index.html"


def _qr(site: Site, product_id: str, page: str, lang: str) -> str:
    media = site.media.get(product_id)
    if not media or product_id not in media.qr:
        return ""
    src = relative(media.qr[product_id]["svg"], page)
    return f'<img class="ocop-kiosk__qr" src="{src}" width="120" height="120" alt="{esc(t(lang, "kiosk_scan"))}" loading="lazy">'


def kiosk_page(site: Site, lang: str) -> str:
    """The kiosk page of one language, a whole HTML document."""
    settings = site.catalogue.settings
    page = kiosk_path(lang).removesuffix("index.html")
    live = ordered(site, [p for p in site.catalogue.listed_products(site.today) if site.status(p) in IN_FORCE])
    tiles = "".join(card(site, p, page, lang, _qr(site, p.id, page, lang)) for p in live)
    other = next((code for code in settings.languages if code != lang), None)
    switch = ""
    if other:
        href = relative(kiosk_path(other).removesuffix("index.html"), page)
        switch = f'<a class="ocop-kiosk__lang" href="{href}" lang="{other}">{t(lang, "kiosk_other")}</a>'
    demo = f'<p class="ocop-demo" role="note">{esc(t(lang, "demo"))}</p>' if settings.demo else ""
    texts = json.dumps(status_texts(lang, settings.expiring_within_days), ensure_ascii=False).replace("<", "\\u003c")
    root = to_root(page)
    assets = "../assets/"  # each language's own copy of the theme's assets
    name = getattr(settings.site_name, lang)
    return (
        f'<!doctype html><html lang="{lang}"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width,initial-scale=1">'
        f"<title>{esc(name)} – {esc(t(lang, 'kiosk'))}</title>"
        f'<meta name="robots" content="noindex"><link rel="stylesheet" href="{assets}ocop-kiosk.css"></head>'
        f'<body class="ocop-kiosk">{demo}<header class="ocop-kiosk__head"><h1>{esc(name)}</h1>'
        f'<button type="button" class="ocop-kiosk__full">{esc(t(lang, "kiosk_full"))}</button>'
        f"{switch}</header><main>"
        + finder_form(site, lang, root, qr=True, assets=assets)
        + f'<div class="ocop-listing"><ul class="ocop-cards">{tiles}</ul></div></main>'
        f'<script type="application/json" id="ocop-status-texts">{texts}</script>'
        f'<script src="{assets}ocop-status.js"></script><script src="{assets}ocop-kiosk.js"></script></body></html>\n'
    )
