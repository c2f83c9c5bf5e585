"""HTML building for every page: escaping is the default, raw markup the visible exception.

Every fragment is a `markupsafe.Markup`. Templates are written in our code and filled with
`html(template, ...)`, which escapes each value unless it is already Markup: a product name, a
producer's address or a settings text can never become markup, whatever it holds, and nobody has
to remember to escape it. Fragments are joined with `join`, which escapes whatever is not Markup.
JSON for a <script> element goes through `script_json`. A test (tests/test_html_discipline.py)
keeps HTML out of f-strings in this package, so there is no second way.
"""

from __future__ import annotations

import json
import posixpath
from collections.abc import Iterable

from markupsafe import Markup, escape

from ..media.build import Photo
from ..model import Product
from .context import Site
from .i18n import short_status, status_words

__all__ = ["NOTHING", "Markup", "escape", "html", "join", "script_json"]

NOTHING = Markup()  # an empty fragment, for optional parts


def html(template: str, /, *args: object, **values: object) -> Markup:
    """Markup from a template of ours: every `{}` field is escaped unless its value is Markup."""
    return Markup(template).format(*args, **values)


def join(parts: Iterable[object], separator: str = "") -> Markup:
    """Fragments joined into one; any part that is not Markup is escaped."""
    return Markup(escape(separator)).join(parts)


def script_json(data: object) -> Markup:
    """JSON that is safe inside a <script> element: '<', '>' and '&' (and the JavaScript line
    separators) written as \\u escapes, so no text can close the element or open a comment."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    for char in "<>&\u2028\u2029":
        text = text.replace(char, f"\\u{ord(char):04x}")
    return Markup(text)


def relative(target: str, page: str) -> str:
    """A link from the page at site path `page` (a folder, 'en/p/x/') to site path `target`."""
    link = posixpath.relpath(target or ".", page.rstrip("/") or ".")
    return link + "/" if target.endswith("/") and not link.endswith("/") else link


def to_root(page: str) -> str:
    """The relative path from the page at site path `page` (a folder, 'en/check/') to the site root."""
    return "../" * page.count("/")


def picture(photo: Photo, page: str, sizes: str, alt: str, eager: bool = False) -> Markup:
    """A responsive <picture>: WebP and JPEG srcsets, intrinsic size, lazy unless `eager`."""
    webp = ", ".join(f"{relative(v.webp, page)} {v.width}w" for v in photo.variants)
    jpeg = ", ".join(f"{relative(v.jpeg, page)} {v.width}w" for v in photo.variants)
    fallback = next((v for v in photo.variants if v.width >= 640), photo.largest)
    loading = Markup('fetchpriority="high"') if eager else Markup('loading="lazy" decoding="async"')
    return html(
        '<picture><source type="image/webp" srcset="{webp}" sizes="{sizes}">'
        '<img src="{src}" srcset="{jpeg}" sizes="{sizes}" width="{width}" height="{height}" alt="{alt}" {loading}></picture>',
        webp=webp,
        sizes=sizes,
        src=relative(fallback.jpeg, page),
        jpeg=jpeg,
        width=photo.largest.width,
        height=photo.largest.height,
        alt=alt,
        loading=loading,
    )


def status_text(site: Site, product: Product, lang: str) -> str:
    """The certificate's status in words, with its date when it is no longer valid."""
    revoked = product.certificate.revoked
    return status_words(site.status(product), site.catalogue.expires(product), revoked.date if revoked else None, site.today, lang)


def localized(product: Product, field: str, lang: str) -> tuple[str | None, bool]:
    """A product's text in `lang`, falling back to Vietnamese; True when it fell back."""
    vietnamese = getattr(product, field)
    if lang == "vi" or vietnamese is None:
        return vietnamese, False
    english = getattr(product.english, field, None) if product.english else None
    return (english, False) if english else (vietnamese, True)


def text_span(text: str, fell_back: bool) -> Markup:
    """Text marked as Vietnamese when an English page had to fall back to it."""
    return html('<span lang="vi">{}</span>', text) if fell_back else escape(text)


def card(site: Site, product: Product, page: str, lang: str, extra: Markup = NOTHING) -> Markup:
    """A product card for listings: photo, name, stars, status, producer and place (and `extra` HTML)."""
    media = site.media.get(product.id)
    status = site.status(product)
    name, fell_back = localized(product, "name", lang)
    image = picture(media.photos[0], page, "(min-width: 600px) 240px, 45vw", "") if media and media.photos else Markup()
    producer = site.catalogue.producers[product.producer]
    revoked = product.certificate.revoked
    return html(
        '<li class="ocop-card" data-ocop-id="{id}" data-ocop-status="{status}" data-ocop-expires="{expires}"{revoked}>'
        '<a class="ocop-card__link" href="{href}">{image}<span class="ocop-card__name">{name}</span></a>'
        '<img class="ocop-card__badge" src="{badge}" width="104" height="31" alt="{badge_label}">'
        '<span class="ocop-chip ocop-chip--{status}">{chip}</span>'
        '<span class="ocop-card__meta">{producer} · {place}</span>{extra}</li>',
        id=product.id,
        status=status.value,
        expires=site.catalogue.expires(product).isoformat(),
        revoked=html(' data-ocop-revoked="{}"', revoked.date.isoformat()) if revoked else Markup(),
        href=relative(site.product_path(product.id, lang), page),
        image=image,
        name=text_span(name or "", fell_back),
        badge=relative(site.badge_file(product, lang), page),
        badge_label=site.badge_label(product, lang),
        chip=short_status(status_text(site, product, lang)),
        producer=site.producer_name(producer, lang),
        place=site.place_name(producer.commune),
        extra=extra,
    )


def cards(site: Site, products: list[Product], page: str, lang: str) -> Markup:
    """A grid of product cards."""
    return html('<ul class="ocop-cards">{}</ul>', join(card(site, p, page, lang) for p in products))
