"""GS1 Digital Link paths: /01/<gtin14>/ leads to the product page without a visible detour.

A static host cannot answer with an HTTP redirect, so each path is a tiny page that replaces
itself with the product page at once (a meta refresh when scripts are off), with the product page
as its canonical address so that search engines index only that one. The script that moves on
is the same in every such page (it reads the link's address), so that the Content-Security-Policy
allows it by one hash (catalogue/hosting/policy.py).
"""

from __future__ import annotations

from ..catalogue import Catalogue
from ..rules import gtin14
from ..urls import Urls
from .html import html, relative


def digital_link_pages(catalogue: Catalogue) -> dict[str, str]:
    """HTML of /01/<gtin14>/index.html for every product with a GTIN, by site path."""
    pages = {}
    for product in catalogue.products.values():
        if not product.gtin:
            continue
        page = Urls.digital_link(gtin14(product.gtin))
        target = relative(Urls.product_page(product.id), page)
        canonical = catalogue.settings.site_url + Urls.product_page(product.id)
        document = html(
            '<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>{name}</title>'
            '<meta name="robots" content="noindex"><link rel="canonical" href="{canonical}">'
            '<meta http-equiv="refresh" content="0; url={target}"></head>'
            '<body><p><a id="ocop-target" href="{target}">{name}</a></p>'
            # The link's address as the browser resolved it: the same script at any depth, and
            # from file:// once the offline build has pointed the link at the folder's index.html.
            '<script>location.replace(document.getElementById("ocop-target").href + location.hash)</script></body></html>\n',
            name=product.name,
            canonical=canonical,
            target=target,
        )
        pages[Urls.index_file(page)] = str(document)
    return pages
