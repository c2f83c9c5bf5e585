"""What a product page tells search engines and chat apps: schema.org JSON-LD and Open Graph tags.

The OCOP rating is a certification (hasCertification), never an aggregate rating: nobody rated it.
"""

from __future__ import annotations

from markupsafe import Markup

from ..model import Product
from ..rules import gtin14
from ..status import IN_FORCE
from .context import Site
from .html import html, join, localized, script_json
from .i18n import t, tel_href

_LOCALES = {"vi": "vi_VN", "en": "en_US"}


def product_head(site: Site, product: Product, lang: str) -> Markup:
    """The <meta> tags and JSON-LD of a product page, for the page's <head>."""
    settings = site.catalogue.settings
    url = settings.site_url + site.product_path(product.id, lang)
    name, _ = localized(product, "name", lang)
    summary, _ = localized(product, "summary", lang)
    title = f"{name} – OCOP {t(lang, 'star_n', n=product.stars)}"
    media = site.media.get(product.id)
    cover = media.photos[0] if media and media.photos else None
    tags = [
        ("og:type", "product"),
        ("og:locale", _LOCALES[lang]),
        ("og:site_name", getattr(settings.site_name, lang)),
        ("og:url", url),
        ("og:title", title),
        ("og:description", summary or ""),
    ]
    if cover and cover.og:
        tags += [("og:image", settings.site_url + cover.og), ("og:image:width", "1200"), ("og:image:height", "630")]
        tags += [("og:image:alt", cover.alt or name or "")]
    if product.price:
        tags += [("product:price:amount", str(product.price.low)), ("product:price:currency", "VND")]
    return html(
        '{}<meta name="twitter:card" content="summary_large_image"><script type="application/ld+json">{}</script>',
        join(html('<meta property="{}" content="{}">', k, v) for k, v in tags),
        script_json(product_jsonld(site, product, lang, url)),
    )


def product_jsonld(site: Site, product: Product, lang: str, url: str) -> dict:
    """schema.org Product with brand, images, manufacturer, offers and the OCOP certification."""
    settings, catalogue = site.catalogue.settings, site.catalogue
    producer = catalogue.producers[product.producer]
    cert = product.certificate
    media = site.media.get(product.id)
    images = [settings.site_url + p.largest.jpeg for p in media.photos] if media else []
    status = site.status(product)
    data: dict = {
        "@context": "https://schema.org",
        "@type": "Product",
        "@id": f"{url}#product",
        "url": url,
        "name": localized(product, "name", lang)[0],
        "description": localized(product, "summary", lang)[0],
        "sku": product.id,
        "image": images,
        "brand": {"@type": "Brand", "name": site.producer_name(producer, lang)},
        "manufacturer": {
            "@type": "Organization",
            "name": producer.name,
            "telephone": tel_href(producer.phone).removeprefix("tel:"),
            "address": {
                "@type": "PostalAddress",
                "streetAddress": producer.address,
                "addressRegion": settings.province,
                "addressCountry": "VN",
            },
        },
        "countryOfOrigin": "VN",
        "hasCertification": {
            "@type": "Certification",
            "name": f"OCOP {t(lang, 'star_n', n=product.stars)}",
            "issuedBy": {"@type": "Organization", "name": cert.issuer},
            "certificationIdentification": cert.number,
            "certificationRating": {"@type": "Rating", "ratingValue": product.stars, "bestRating": 5, "worstRating": 3},
            "validFrom": cert.issued.isoformat(),
            "expires": catalogue.expires(product).isoformat(),
            "certificationStatus": "https://schema.org/" + ("CertificationActive" if status in IN_FORCE else "CertificationInactive"),
        },
    }
    if product.gtin:
        data["gtin14"] = gtin14(product.gtin)
    if product.price and site.catalogue.listed(product, site.today):  # no offer of a product no longer made
        offer = {"@type": "Offer", "price": str(product.price.low), "priceCurrency": "VND", "url": url}
        data["offers"] = offer
    return data
