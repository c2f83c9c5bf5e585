"""What a product page tells search engines and shops: schema.org JSON-LD and its price tags.

The OCOP rating is a certification (hasCertification), never an aggregate rating: nobody rated it.
"""

from __future__ import annotations

from markupsafe import Markup

from ..languages import html_lang
from ..model import Product
from ..rules import gtin14
from ..status import IN_FORCE
from ..translated import localized_text
from .context import Site
from .html import html, join, script_json
from .i18n import t, tel_href


def product_head(site: Site, product: Product, lang: str) -> Markup:
    """The price tags and JSON-LD of a product page, for the page's <head> (its link preview, the
    Open Graph tags, comes from catalogue/pages/preview.py)."""
    url = site.catalogue.settings.site_url + site.product_path(product.id, lang)
    tags = []
    if product.price:
        tags += [("product:price:amount", str(product.price.low)), ("product:price:currency", "VND")]
    return html(
        '{}<script type="application/ld+json">{}</script>',
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
        "name": localized_text(product, "name", lang),
        "description": localized_text(product, "summary", lang),
        # The page is in `lang` (schema.org gives a Product no language; its page, a CreativeWork, has one).
        "mainEntityOfPage": {"@type": "ItemPage", "@id": url, "inLanguage": html_lang(lang)},
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
