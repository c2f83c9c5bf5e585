"""The kiosk page for a fair booth's screen: big tiles of the products in force, the finder, and
each product's QR code for visitors to open the product on their own phones.

A page of its own rather than a theme page: no header, menus or search panel to wander into,
room for big tiles, and a button that puts the browser in full screen (browsers only allow that
after a tap). After two minutes without a touch it clears the finder and goes back to the top.
"""

from __future__ import annotations

from markupsafe import Markup

from ..languages import html_lang, language
from ..status import IN_FORCE
from ..translated import localized_text
from .context import Site, ordered
from .finder import finder_form
from .html import html, join, listed_card, relative, script_json
from .i18n import status_texts, t
from .row_memo import row_memo


def _qr(site: Site, product_id: str, page: str, lang: str) -> Markup:
    media = site.media.get(product_id)
    if not media or product_id not in media.qr:
        return Markup()
    src = relative(media.qr[product_id]["svg"], page)
    return html('<img class="ocop-kiosk__qr" src="{}" width="120" height="120" alt="{}" loading="lazy">', src, t(lang, "kiosk_scan"))


def kiosk_page(site: Site, lang: str) -> str:
    """The kiosk page of one language, a whole HTML document."""
    settings = site.catalogue.settings
    page = site.urls.kiosk(lang)
    live = ordered(site, [p for p in site.listed if site.status(p) in IN_FORCE])
    tiles = Markup(
        "".join(row_memo(site).rows("kiosk", lang, live, lambda p: str(listed_card(site, p, page, lang, _qr(site, p.id, page, lang)))))
    )
    switch = join(
        html(
            '<a class="ocop-kiosk__lang" href="{}" lang="{}" hreflang="{}">{}</a>',
            relative(site.urls.kiosk(other), page),
            html_lang(other),
            html_lang(other),
            language(other).name,
        )
        for other in settings.languages
        if other != lang
    )
    demo = html('<p class="ocop-demo" role="note">{}</p>', t(lang, "demo")) if settings.demo else Markup()
    name = localized_text(settings, "site_name", lang)
    document = html(
        '<!doctype html><html lang="{lang}"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width,initial-scale=1">'
        "<title>{name} – {title}</title>"
        '<meta name="robots" content="noindex"><link rel="stylesheet" href="{css}">'
        # The site's icon, as the theme's pages name it: without one the browser asks for /favicon.ico, which is not there.
        '<link rel="icon" href="{icon}"></head>'
        '<body class="ocop-kiosk">{demo}<header class="ocop-kiosk__head"><h1>{name}</h1>'
        '<button type="button" class="ocop-kiosk__full">{full}</button>{switch}</header><main>{finder}'
        '<div class="ocop-listing"><ul class="ocop-cards">{tiles}</ul></div></main>'
        '<script type="application/json" id="ocop-status-texts">{texts}</script>'
        '<script src="{status}"></script><script src="{kiosk}"></script></body></html>\n',
        lang=html_lang(lang),
        name=name,
        title=t(lang, "kiosk"),
        css=relative(site.urls.asset("ocop-kiosk.css", lang), page),
        icon=relative(site.urls.asset("favicon.svg", lang), page),
        status=relative(site.urls.asset("ocop-status.js", lang), page),
        kiosk=relative(site.urls.asset("ocop-kiosk.js", lang), page),
        demo=demo,
        full=t(lang, "kiosk_full"),
        switch=switch,
        finder=finder_form(site, lang, page, qr=True),
        tiles=tiles,
        texts=script_json(status_texts(lang, settings.expiring_within_days, site.today, settings.timezone)),
    )
    return str(document)
