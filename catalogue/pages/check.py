"""The certificate check page: type a certificate number or a product id, see the product and its
status today (the lookup runs in the browser: overrides/assets/ocop-check.js)."""

from __future__ import annotations

from markupsafe import Markup

from ..urls import Urls
from .context import Site
from .history import check_texts
from .html import html, join, localized_span, relative
from .i18n import format_phone, t, t_html, tel_href
from .listings import PageFile


def office_contact(site: Site, lang: str) -> Markup:
    """'Report a suspect label to: office · phone · e-mail', or nothing without an office setting."""
    office = site.catalogue.settings.office
    if not office:
        return Markup()
    parts: list[object] = [localized_span(office, "name", lang)]
    if office.phone:
        parts.append(html('<a href="{}">{}</a>', tel_href(office.phone), format_phone(office.phone)))
    if office.email:
        parts.append(html('<a href="mailto:{0}">{0}</a>', office.email))
    return html('<p class="ocop-report">{}</p>', t_html(lang, "report_suspect", contact=join(parts, " · ")))


def check_page(site: Site, lang: str) -> PageFile:
    """check/ in one language."""
    page = site.urls.check(lang)
    body = html(
        "<h1>{title}</h1><p>{intro}</p>"
        '<form class="ocop-check" role="search" data-home="{home}"><label for="ocop-check-input">{label}</label> '
        '<input id="ocop-check-input" type="search" autocomplete="off" spellcheck="false"> '
        '<button class="md-button md-button--primary" type="submit">{button}</button></form>'
        '<div id="ocop-check-result" aria-live="polite"></div>'
        '<template id="ocop-check-missing"><p class="ocop-status ocop-status--revoked">{missing}</p>{contact}</template>'
        "<noscript><p>{noscript}</p></noscript>{texts}"
        '<script src="{data}"></script><script src="{script}"></script>',
        home=site.home(page, lang),
        title=t(lang, "check"),
        intro=t(lang, "check_intro"),
        label=t(lang, "check_label"),
        button=t(lang, "check_button"),
        missing=t(lang, "check_missing"),
        contact=office_contact(site, lang),
        noscript=t(lang, "check_noscript"),
        texts=check_texts(lang),
        data=relative(Urls.check_data(lang), page),
        script=relative(site.urls.asset("ocop-check.js", lang), page),
    )
    return PageFile(site.urls.source(page, lang), t(lang, "check"), body, {"hide": ["toc"]})
