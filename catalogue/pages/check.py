"""The certificate check page: type a certificate number or a product id, see the product and its
status today (the lookup runs in the browser: overrides/assets/ocop-check.js)."""

from __future__ import annotations

from .context import Site
from .history import check_texts
from .html import esc, to_root
from .i18n import format_phone, t, tel_href
from .listings import PageFile


def office_contact(site: Site, lang: str) -> str:
    """'Report a suspect label to: office · phone · e-mail', or nothing without an office setting."""
    office = site.catalogue.settings.office
    if not office:
        return ""
    name = office.name_en if lang == "en" and office.name_en else office.name
    parts = [esc(name)]
    if office.phone:
        parts.append(f'<a href="{tel_href(office.phone)}">{format_phone(office.phone)}</a>')
    if office.email:
        parts.append(f'<a href="mailto:{esc(office.email)}">{esc(office.email)}</a>')
    return f'<p class="ocop-report">{t(lang, "report_suspect")}: ' + " · ".join(parts) + "</p>"


def check_page(site: Site, lang: str) -> PageFile:
    """check/ in one language."""
    data_root = to_root(f"{site.prefix(lang)}check/")
    contact = office_contact(site, lang)
    body = (
        f"<h1>{t(lang, 'check')}</h1><p>{t(lang, 'check_intro')}</p>"
        f'<form class="ocop-check" role="search" data-base="../"><label for="ocop-check-input">{t(lang, "check_label")}</label> '
        '<input id="ocop-check-input" type="search" autocomplete="off" spellcheck="false"> '
        f'<button class="md-button md-button--primary" type="submit">{t(lang, "check_button")}</button></form>'
        '<div id="ocop-check-result" aria-live="polite"></div>'
        f'<template id="ocop-check-missing"><p class="ocop-status ocop-status--revoked">{t(lang, "check_missing")}</p>{contact}</template>'
        f"<noscript><p>{t(lang, 'check_noscript')}</p></noscript>{check_texts(lang)}"
        f'<script src="{data_root}data/check-{lang}.js"></script><script src="../assets/ocop-check.js"></script>'
    )
    return PageFile("check/index.md", t(lang, "check"), body, {"hide": ["toc"]})
