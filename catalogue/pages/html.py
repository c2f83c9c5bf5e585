"""Small HTML helpers: escaping, relative links, pictures and product cards."""

from __future__ import annotations

import posixpath
from html import escape

from ..media.build import Photo
from ..model import Product
from .context import Site
from .i18n import status_words


def esc(text: object) -> str:
    """Text escaped for HTML content and attribute values."""
    return escape(str(text), quote=True)


def relative(target: str, page: str) -> str:
    """A link from the page at site path `page` (a folder, 'en/p/x/') to site path `target`."""
    link = posixpath.relpath(target or ".", page.rstrip("/") or ".")
    return link + "/" if target.endswith("/") and not link.endswith("/") else link


def to_root(page: str) -> str:
    """The relative path from the page at site path `page` (a folder, 'en/check/') to the site root."""
    return "../" * page.count("/")


def picture(photo: Photo, page: str, sizes: str, alt: str, eager: bool = False) -> str:
    """A responsive <picture>: WebP and JPEG srcsets, intrinsic size, lazy unless `eager`."""
    webp = ", ".join(f"{relative(v.webp, page)} {v.width}w" for v in photo.variants)
    jpeg = ", ".join(f"{relative(v.jpeg, page)} {v.width}w" for v in photo.variants)
    fallback = next((v for v in photo.variants if v.width >= 640), photo.largest)
    loading = 'fetchpriority="high"' if eager else 'loading="lazy" decoding="async"'
    return (
        f'<picture><source type="image/webp" srcset="{webp}" sizes="{sizes}">'
        f'<img src="{relative(fallback.jpeg, page)}" srcset="{jpeg}" sizes="{sizes}" width="{photo.largest.width}" '
        f'height="{photo.largest.height}" alt="{esc(alt)}" {loading}></picture>'
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


def text_span(text: str, fell_back: bool) -> str:
    """Text marked as Vietnamese when an English page had to fall back to it."""
    return f'<span lang="vi">{esc(text)}</span>' if fell_back else esc(text)


def card(site: Site, product: Product, page: str, lang: str, extra: str = "") -> str:
    """A product card for listings: photo, name, stars, status, producer and place (and `extra` HTML)."""
    media = site.media.get(product.id)
    status = site.status(product)
    name, fell_back = localized(product, "name", lang)
    href = relative(site.product_path(product.id, lang), page)
    image = picture(media.photos[0], page, "(min-width: 600px) 240px, 45vw", "") if media and media.photos else ""
    badge = site.badge_file(product, lang)
    producer = site.catalogue.producers[product.producer]
    place = site.place_name(producer.commune)
    revoked = f' data-ocop-revoked="{product.certificate.revoked.date.isoformat()}"' if product.certificate.revoked else ""
    return (
        f'<li class="ocop-card" data-ocop-id="{product.id}" data-ocop-status="{status.value}" '
        f'data-ocop-expires="{site.catalogue.expires(product).isoformat()}"{revoked}>'
        f'<a class="ocop-card__link" href="{href}">{image}<span class="ocop-card__name">{text_span(name or "", fell_back)}</span></a>'
        f'<img class="ocop-card__badge" src="{relative(badge, page)}" width="104" height="31" alt="{esc(site.badge_label(product, lang))}">'
        f'<span class="ocop-chip ocop-chip--{status.value}">{esc(status_text(site, product, lang).split(":")[0])}</span>'
        f'<span class="ocop-card__meta">{esc(site.producer_name(producer, lang))} · {esc(place)}</span>{extra}</li>'
    )


def cards(site: Site, products: list[Product], page: str, lang: str) -> str:
    """A grid of product cards."""
    return '<ul class="ocop-cards">' + "".join(card(site, p, page, lang) for p in products) + "</ul>"
