"""HTML building for every page: escaping is the default, raw markup the visible exception.

Every fragment is a `markupsafe.Markup`. Templates are written in our code and filled with
`html(template, ...)`, which escapes each value unless it is already Markup: a product name, a
producer's address or a settings text can never become markup, whatever it holds, and nobody has
to remember to escape it. Fragments are joined with `join`, which escapes whatever is not Markup.
JSON for a <script> element goes through `script_json`. A test (tests/test_html_discipline.py)
keeps HTML out of f-strings in this package, so there is no second way.
"""

from __future__ import annotations

import functools
import json
import posixpath
import string
from collections.abc import Iterable
from dataclasses import dataclass, replace

from markupsafe import EscapeFormatter, Markup, escape

from ..makers.badges import badge_kind
from ..media_stage import Photo, ProductMedia
from ..model import Product
from ..status import IN_FORCE, CertificateStatus
from ..translated import Localized, localized
from ..urls import IMAGES, Urls
from .context import Site
from .focus import focus_class
from .i18n import format_date, short_status, status_words

__all__ = ["NOTHING", "Markup", "escape", "html", "join", "script_json"]

NOTHING = Markup()  # an empty fragment, for optional parts


def html(template: str, /, *args: object, **values: object) -> Markup:
    """Markup from a template of ours: every `{}` field is escaped unless its value is Markup.

    The same result as `Markup(template).format(...)`, which parses the template again on every
    call (half the time of a product page): a template is parsed once (`_parsed`), and its fields
    filled as markupsafe's formatter fills them. A template with an attribute, index or conversion
    in a field goes to markupsafe itself."""
    parts = _parsed(template)
    if parts is None:
        return Markup(template).format(*args, **values)
    out = []
    auto = 0
    for literal, name, spec in parts:
        out.append(literal)
        if name is None:
            continue
        if not name:
            value, auto = args[auto], auto + 1
        elif name[0].isdigit():
            value = args[int(name)]
        else:
            value = values[name]
        kind = type(value)
        if spec or (kind is not Markup and kind is not str):
            out.append(_FORMATTER.format_field(value, spec))
        else:
            out.append(value if kind is Markup else escape(value))
    return Markup("".join(out))


_Parts = tuple[tuple[str, str | None, str], ...]
_FORMATTER = EscapeFormatter(escape)


@functools.cache
def _parsed(template: str) -> _Parts | None:
    """The template's literal texts, field names and format specs; None when a field is not a plain
    name, a number or empty (markupsafe then formats it)."""
    parts = []
    for literal, name, spec, conversion in string.Formatter().parse(template):
        if name is not None and (conversion or "{" in (spec or "") or not (name == "" or name.isdigit() or name.isidentifier())):
            return None
        parts.append((literal, name, spec or ""))
    return tuple(parts)


def join(parts: Iterable[object], separator: str = "") -> Markup:
    """Fragments joined into one; any part that is not Markup is escaped. (Markup's own `join`
    makes a copy of every part that is Markup already: a listing joins 200 cards.)"""
    return Markup(str(escape(separator)).join(part if type(part) is Markup else escape(part) for part in parts))


def script_json(data: object) -> Markup:
    """JSON that is safe inside a <script> element: '<', '>' and '&' (and the JavaScript line
    separators) written as \\u escapes, so no text can close the element or open a comment."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    for char in "<>&\u2028\u2029":
        text = text.replace(char, f"\\u{ord(char):04x}")
    return Markup(text)


def relative(target: str, page: str) -> str:
    """A link from the page at site path `page` (a folder, 'en/p/x/') to site path `target`."""
    link = _relpath(target or ".", page.rstrip("/") or ".")
    return link + "/" if target.endswith("/") and not link.endswith("/") else link


def _relpath(target: str, start: str) -> str:
    """`posixpath.relpath(target, start)` for two paths inside the site (relative, never above its
    root), without the working directory that relpath reads for every call."""
    if target.startswith("/") or start.startswith("/"):
        return posixpath.relpath(target, start)
    to, base = _parts(target), _parts(start)
    if to is None or base is None:
        return posixpath.relpath(target, start)
    common = 0
    for one, other in zip(to, base, strict=False):
        if one != other:
            break
        common += 1
    return "/".join(("..",) * (len(base) - common) + to[common:]) or "."


@functools.lru_cache(maxsize=65536)
def _parts(path: str) -> tuple[str, ...] | None:
    """A relative path's parts, normalised; None when it climbs ('..')."""
    parts = tuple(part for part in posixpath.normpath(path).split("/") if part != ".")
    return None if ".." in parts else parts


def to_root(page: str) -> str:
    """The relative path from the page at site path `page` (a folder, 'en/check/') to the site root."""
    return "../" * page.count("/")


# How a photo is loaded: "high" for the page's main photo (fetched before the others), "eager" for
# the rest of the first screen, "lazy" for photos further down. Chromium gives a lazy photo no height
# until it decides to fetch it, so a lazy photo on the first screen makes what follows jump down.
_LOADING = {
    "high": Markup('fetchpriority="high"'),
    "eager": Markup('decoding="async"'),
    "lazy": Markup('loading="lazy" decoding="async"'),
}


def picture(photo: Photo, page: str, sizes: str, alt: str, loading: str = "lazy") -> Markup:
    """A responsive <picture>: WebP and JPEG srcsets, intrinsic size, loaded as `loading` says
    ("high", "eager" or "lazy")."""
    webp = ", ".join(f"{relative(v.webp, page)} {v.width}w" for v in photo.variants)
    jpeg = ", ".join(f"{relative(v.jpeg, page)} {v.width}w" for v in photo.variants)
    fallback = next((v for v in photo.variants if v.width >= 640), photo.largest)
    return html(
        '<picture><source type="image/webp" srcset="{webp}" sizes="{sizes}">'
        '<img src="{src}" srcset="{jpeg}" sizes="{sizes}" width="{width}" height="{height}" alt="{alt}"{focus} {loading}></picture>',
        webp=webp,
        sizes=sizes,
        src=relative(fallback.jpeg, page),
        jpeg=jpeg,
        width=photo.largest.width,
        height=photo.largest.height,
        alt=alt,
        focus=focus_class(photo.focus),
        loading=_LOADING[loading],
    )


def _card_photo(media: ProductMedia | None, page: str, eager: bool) -> Markup:
    if not media or not media.photos:
        return NOTHING
    return picture(media.photos[0], page, "(min-width: 600px) 240px, 45vw", "", "high" if eager else "lazy")


def status_text(site: Site, product: Product, lang: str) -> str:
    """The certificate's status in words, with its date when it is no longer valid."""
    revoked = product.certificate.revoked
    return status_words(site.status(product), site.catalogue.expires(product), revoked.date if revoked else None, site.today, lang)


def text_span(text: Localized | None, lang: str) -> Markup:
    """Text for a page in `lang`, inside <span lang="vi"> when it is not in that language (a
    translation fell back to Vietnamese, or the text is only ever written in Vietnamese)."""
    if text is None:
        return Markup()
    return html('<span lang="{}">{}</span>', text.lang, text.text) if text.fell_back(lang) else escape(text.text)


def localized_span(record: object, field: str, lang: str) -> Markup:
    """A record's `field` in `lang` as HTML, falling back to Vietnamese marked as such (see `translated`)."""
    return text_span(localized(record, field, lang), lang)


@dataclass(frozen=True)
class CardView:
    """What a product card shows, ready for markup: the server renders it, and the finder fills
    the same markup (`card_template`) in the browser from its data."""

    id: str = ""
    status: str = ""
    expires: str = ""  # ISO dates, for the status today in the browser
    revoked: str | None = None
    expires_text: str = ""  # the same days as the page's language writes them
    revoked_text: str | None = None
    href: str = ""
    image: Markup = NOTHING
    name: Markup = NOTHING
    badge: str = ""
    badge_label: str = ""
    muted_badges: dict[str, str] | None = None  # the badge of each status it may end in, while in force
    chip: str = ""
    producer: str = ""
    place: str = ""


def card_view(site: Site, product: Product, page: str, lang: str, eager: bool = False) -> CardView:
    """The card of `product` on the page at site path `page` (its photo loaded at once when `eager`)."""
    texts = card_texts(site, product, lang)
    muted = None
    if texts.muted_badges is not None:
        muted = {status: relative(path, page) for status, path in texts.muted_badges.items()}
    return replace(
        texts,
        href=relative(texts.href, page),
        image=_card_photo(site.media.get(product.id), page, eager),
        badge=relative(texts.badge, page),
        muted_badges=muted,
    )


def card_texts(site: Site, product: Product, lang: str) -> CardView:
    """What a product's card shows on every page, its links from the site's root (worked out once a
    build for each product and language)."""
    texts = site.memo.get(("card", product.id, lang))
    if texts is None:
        texts = site.memo[("card", product.id, lang)] = _card_texts(site, product, lang)
    return texts


def _card_texts(site: Site, product: Product, lang: str) -> CardView:
    """What a product's card shows on every page: its links from the site's root."""
    status = site.status(product)
    producer = site.catalogue.producers[product.producer]
    revoked = product.certificate.revoked
    expires = site.catalogue.expires(product)
    muted = None
    if status in IN_FORCE:
        ended = (CertificateStatus.EXPIRED, CertificateStatus.REVOKED)
        muted = {s.value: Urls.badge(product.stars, badge_kind(s), lang) for s in ended}
    return CardView(
        id=product.id,
        status=status.value,
        expires=expires.isoformat(),
        revoked=revoked.date.isoformat() if revoked else None,
        expires_text=format_date(expires, lang),
        revoked_text=format_date(revoked.date, lang) if revoked else None,
        href=site.product_path(product.id, lang),
        name=localized_span(product, "name", lang),
        badge=site.badge_file(product, lang),
        badge_label=site.badge_label(product, lang),
        muted_badges=muted,
        chip=short_status(status_text(site, product, lang)),
        producer=localized_span(producer, "name", lang),
        place=site.place_name(producer.commune),
    )


def card_markup(view: CardView, extra: Markup = NOTHING) -> Markup:
    """A product card's markup: photo, name, stars, status, producer and place (and `extra` HTML)."""
    dates = html(' data-ocop-expires="{}" data-ocop-expires-text="{}"', view.expires, view.expires_text)
    if view.revoked:
        dates += html(' data-ocop-revoked="{}" data-ocop-revoked-text="{}"', view.revoked, view.revoked_text or "")
    muted = html(' data-ocop-badge="{}"', json.dumps(view.muted_badges, separators=(",", ":"))) if view.muted_badges else NOTHING
    return html(
        '<li class="ocop-card" data-ocop-id="{id}" data-ocop-status="{status}"{dates}>'
        '<a class="ocop-card__link" href="{href}">{image}<span class="ocop-card__name">{name}</span></a>'
        '<img class="ocop-card__badge" src="{badge}" width="104" height="31" alt="{badge_label}"{muted}>'
        '<span class="ocop-chip ocop-chip--{status}">{chip}</span>'
        '<span class="ocop-card__meta">{producer} · {place}</span>{extra}</li>',
        id=view.id,
        status=view.status,
        dates=dates,
        href=view.href,
        image=view.image,
        name=view.name,
        badge=view.badge,
        badge_label=view.badge_label,
        muted=muted,
        chip=view.chip,
        producer=view.producer,
        place=view.place,
        extra=extra,
    )


def card_template() -> Markup:
    """The card's markup with nothing in it, for the finder to fill in the browser (a <template>)."""
    return card_markup(CardView())


def card(site: Site, product: Product, page: str, lang: str, extra: Markup = NOTHING, eager: bool = False) -> Markup:
    """A product card for listings: photo, name, stars, status, producer and place (and `extra` HTML);
    its photo is loaded at once when `eager`, else when it comes near the screen."""
    return card_markup(card_view(site, product, page, lang, eager), extra)


# The cards of the first row on a phone: their photos are the largest thing on the screen when the page
# opens, so they load at once rather than waiting for the layout, as lazy images do.
EAGER_CARDS = 2


def cards(site: Site, products: list[Product], page: str, lang: str) -> Markup:
    """A grid of product cards."""
    seen_from = _card_base(site, page, lang)
    return html(
        '<ul class="ocop-cards">{}</ul>', join(_shared_card(site, p, seen_from, lang, i < EAGER_CARDS) for i, p in enumerate(products))
    )


# The folders, at the top of the site or of a language, that a card links into (product pages, photos, badges).
_CARD_FOLDERS = frozenset(path.split("/", 1)[0] for path in (Urls.product_page("x"), IMAGES, Urls.badge(3, "valid", "vi")))


def _card_base(site: Site, page: str, lang: str) -> str:
    """A page from which each link of a card is written as from `page`: as deep in the same
    language's folder, in a folder that no card links into. Every listing at one depth then shares
    its cards (a product's card is on its group's, commune's, producer's and stars' listings)."""
    home = site.urls.root(lang)
    if not page.startswith(home):
        return page
    parts = [part for part in page[len(home) :].split("/") if part]
    if parts and parts[0] in _CARD_FOLDERS:
        return page
    return home + "_/" * len(parts)


def listed_card(site: Site, product: Product, page: str, lang: str, extra: Markup = NOTHING) -> Markup:
    """`card` for the page at site path `page`, its photo loaded lazily and `extra` HTML at its
    end: the same card as the listings' (`cards`), made once per build, with `extra` added."""
    made = _shared_card(site, product, _card_base(site, page, lang), lang, eager=False)
    if not extra:
        return made
    return Markup(made.removesuffix("</li>")) + extra + Markup("</li>")  # card_markup ends with its extra and </li>


def _shared_card(site: Site, product: Product, page: str, lang: str, eager: bool) -> Markup:
    """`card` for `page`, made once per build for each product, language, page and loading (and
    only for products edited since an earlier build stored it: `Site.stored_card`)."""
    key = ("card-markup", product.id, lang, page, eager)
    made = site.memo.get(key)
    if made is None:
        variant = f"{page} {'eager' if eager else 'lazy'}"
        made = site.memo[key] = site.stored_card(product, lang, variant, lambda: card(site, product, page, lang, eager=eager))
    return made
