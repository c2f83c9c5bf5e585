"""A product's past on its page and on the certificate check: the certificates a renewal or an
upgrade replaced (their numbers stay printed on packaging in the shops), and the notice of a
product that left the catalogue (its page stays, because QR codes printed for it lead there).

HTML is built with the templates of catalogue/pages/html.py (`html`, `join`): text from the data is escaped.
"""

from __future__ import annotations

from datetime import date

from ..languages import language
from ..model import Certificate, EarlierCertificate, Product, expiry_date
from ..translated import source, term
from ..vocab import CERTIFICATE_KIND_LABELS
from .context import Site
from .html import NOTHING, Markup, html, join, script_json, text_span
from .i18n import format_date, t


def withdrawn_notice(site: Site, product: Product, lang: str) -> Markup:
    """'This product left the catalogue on …: why', near the top of its page; nothing while it is listed."""
    gone = product.withdrawn
    if gone is None or site.catalogue.listed(product, site.today):
        return NOTHING
    return html(
        '<div class="ocop-withdrawn" role="note" data-ocop-withdrawn="{day}"><p><strong>{title}</strong> {why} {reason}</p>'
        "<p>{page}</p></div>",
        day=gone.date.isoformat(),
        title=t(lang, "withdrawn_title", date=format_date(gone.date, lang)),
        why=t(lang, "withdrawn_reason"),
        reason=text_span(source(gone.reason), lang),  # the reason is written in Vietnamese only
        page=t(lang, "withdrawn_page"),
    )


def certificate_history(site: Site, product: Product, lang: str) -> Markup:
    """The 'Certificate history' section: the current certificate and the ones it replaced, newest first.

    Nothing for a product with no earlier certificate. Each earlier one says when it was replaced,
    so that nobody reads its printed expiry date as a validity today.
    """
    current = product.certificate
    if not current.previous:
        return NOTHING
    months = site.catalogue.settings.certificate_validity_months
    rows = [_row(current, site.catalogue.expires(product), product.stars, t(lang, "history_latest"), lang)]
    following: Certificate | EarlierCertificate = current
    for earlier in reversed(current.previous):
        replaced = t(lang, "history_replaced", date=format_date(following.issued, lang))
        rows.append(_row(earlier, expiry_date(earlier, months), earlier.stars, replaced, lang))
        following = earlier
    head = join(html('<th scope="col">{}</th>', t(lang, key)) for key in ("cert_number", "history_valid", "col_stars", "history_kind"))
    return html(
        '<section class="ocop-history"><h2>{}</h2><p>{}</p><table><thead><tr>{}</tr></thead><tbody>{}</tbody></table></section>',
        t(lang, "history"),
        t(lang, "history_intro"),
        head,
        join(rows),
    )


def _row(cert: Certificate | EarlierCertificate, expires: date, stars: int | None, note: str, lang: str) -> Markup:
    """One certificate: number (and its note), issued – valid until, stars, kind (and its decision)."""
    valid = html(
        '<time datetime="{}">{}</time> – <time datetime="{}">{}</time>',
        cert.issued.isoformat(),
        format_date(cert.issued, lang),
        expires.isoformat(),
        format_date(expires, lang),
    )
    kind = term(CERTIFICATE_KIND_LABELS[cert.kind], lang) if cert.kind else "—"
    number = cert.decision if isinstance(cert, Certificate) else None  # earlier certificates give only a link
    link = html("<br>{}", decision(number, cert.decision_url, lang, cert.number)) if cert.decision_url else NOTHING
    return html(
        '<tr><th scope="row">{}<br><small>{}</small></th><td>{}</td><td>{}</td><td>{}{}</td></tr>',
        cert.number,
        note,
        valid,
        t(lang, "star_n", n=stars) if stars else "—",
        kind,
        link,
    )


def decision(number: str | None, url: str | None, lang: str, certificate: str | None = None) -> Markup:
    """A recognition decision: its number, linked to its document on the province's portal when
    there is one (`url`, an http(s) URL by validation). Without a number the link says what it is,
    naming the `certificate` when given (links in a table must differ for a screen reader)."""
    if not url:
        return html("{}", number or "")
    if number:
        return html('<a href="{}" rel="noopener noreferrer">{}</a>', url, number)
    words = t(lang, "decision_document")
    label = f"{words} – {certificate}" if certificate else words
    return html('<a href="{}" rel="noopener noreferrer" aria-label="{}">{}</a>', url, label, words)


def check_texts(lang: str) -> Markup:
    """The words ocop-check.js needs for an earlier number and a withdrawn product (#ocop-check-texts)."""
    words = language(lang).words
    texts = {key: words[key] for key in ("check_replaced", "check_today", "check_withdrawn")}  # {placeholders} kept
    texts["stars"] = words["check_replaced_stars"]
    texts["decision"], texts["decision_document"] = words["decision"], words["decision_document"]  # the decision's link
    return html('<script type="application/json" id="ocop-check-texts">{}</script>', script_json(texts))
