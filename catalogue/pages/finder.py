"""The product finder on the all-products page: facets and a search box that ignores tone marks.

The browser does the searching (overrides/assets/ocop-finder.js) over data/finder-<lang>.js, a
script rather than JSON so that it also loads from file:// at a fair. The data is kept compact,
one array per product with lists of groups, communes and producers referred to by position, so
that 20,000 products remain a small download.
"""

from __future__ import annotations

from markupsafe import Markup

from ..languages import SOURCE
from ..makers.badges import badge_label
from ..model import Product
from ..places import province
from ..status import CertificateStatus
from ..translated import localized_text, term
from ..urls import Urls
from ..vocab import GROUP_LABELS, PRODUCER_KIND_LABELS, Group, ProducerKind
from .context import Site, ordered
from .html import card_template, html, join, relative, script_json, to_root
from .i18n import format_date, t
from .row_memo import json_with, row_memo
from .search import parsed_text, searched

# The first is the default: a shopper looks for products they can buy with the label today; "all"
# is the switch that shows every product, whatever its certificate's status.
STATUS_CHOICES = ("in-force", "all", "valid", "expiring", "expired", "revoked")
SORT_CHOICES = ("", "stars", "newest")  # "" is by relevance (the listing's order without a query)
FIELDS = (
    "id", "name", "group", "stars", "producer", "expires", "revoked", "origin", "thumb", "expires_text", "revoked_text",
    "issued", "tags", "folded_name", "folded_tags", "folded_summary",
)  # fmt: skip
# Other languages also search the Vietnamese name: it is what the package says. The browser
# matches a word of Latin letters at the start of a word, with or without tone marks, and text in
# Chinese characters anywhere in a name (Chinese is written without spaces: 茶 finds 雪山古树红茶).
VIETNAMESE_NAME = "name_vi"
# 1 for a product with trade facts (`trade`), else 0: the finder's filter for trade buyers.
TRADE_FIELD = "trade"


def finder_data(site: Site, lang: str) -> str:
    """data/finder-<lang>.js: `window.OCOP_FINDER = JSON.parse("{...}");` with the products in listing order.

    Each product is a row of the values named by `fields` (the script reads them by name): id,
    name, group, stars, producer, expires, revoked or 0, origin commune or -1, thumbnail file or 0,
    the expiry and revocation days as `lang` writes them (the browser words a status with them and
    formats no date itself), the certificate's issue day (the "newest" order), the tags, the name
    (with the Vietnamese one), tags and summary as the browser matches them (`searched`: folded, a
    space before each word; the summary is searched too: "mật ong rừng" is said in a summary), and
    in other languages than Vietnamese the Vietnamese name when the name differs, or 0.
    The folding is done here: done in the browser for every product before the first results, it
    held a phone up for seconds at 20,000 products; the texts with their marks, which count
    double in the relevance, are prepared in the browser only for products that match folded.
    The summary ships folded only: with its marks too it made a fifth of the data (1.18 MB
    gzipped at 20,000 products, over the 1 MB a page may fetch to search).
    Group, producer and commune are positions in the lists beside it; the thumbnail is a file name
    in the product's image folder. `paths` holds the templates of the
    paths the script builds (`Site.browser_paths`), `synonyms` the settings' groups of synonyms.
    A product's row is the one an earlier build made when the product is as then (row_memo.py).
    """
    catalogue = site.catalogue
    units = list(province().units)
    unit_index = {unit: i for i, unit in enumerate(units)}
    producers = sorted(catalogue.producers.values(), key=lambda p: p.id)
    producer_index = {p.id: i for i, p in enumerate(producers)}
    kinds = list(ProducerKind)
    groups = list(Group)
    translated = lang != SOURCE  # a translated site also searches the Vietnamese name
    listed = ordered(site, site.listed)
    rows = row_memo(site).placed(
        "finder",
        lang,
        listed,
        lambda product: _row(site, product, lang, unit_index),
        PRODUCER,
        lambda product: producer_index[product.producer],
    )
    data = {
        "fields": (*FIELDS, *([VIETNAMESE_NAME] if translated else []), TRADE_FIELD),
        "groups": [g.value for g in groups],
        "kinds": [k.value for k in kinds],
        "communes": [[u, province().units[u].title] for u in units],
        "producers": [[site.producer_name(p, lang), kinds.index(p.kind), unit_index[p.commune]] for p in producers],
        "products": None,
        "paths": site.browser_paths(lang),
        "synonyms": catalogue.settings.synonyms,
    }
    return "window.OCOP_FINDER = " + parsed_text(json_with(data, products=rows))


PRODUCER = FIELDS.index("producer")  # a position, put in each row as the file is made (row_memo.py)


def _row(site: Site, product: Product, lang: str, unit_index: dict[str, int]) -> list[str | int | None]:
    """`product`'s row (see `finder_data`), with None for its producer's position."""
    name = localized_text(product, "name", lang)
    translated = lang != SOURCE
    vietnamese = product.name if translated and product.name != name else ""
    summary = localized_text(product, "summary", lang)
    tags = ", ".join(product.tags)
    revoked = product.certificate.revoked
    origin = product.origin.commune if product.origin and product.origin.commune else None
    expires = site.catalogue.expires(product)
    row: list[str | int | None] = [
        product.id,
        name,
        list(Group).index(product.group),
        product.stars,
        None,
        expires.isoformat(),
        revoked.date.isoformat() if revoked else 0,
        unit_index[origin] if origin else -1,
        _thumbnail(site, product.id),
        format_date(expires, lang),
        format_date(revoked.date, lang) if revoked else 0,
        product.certificate.issued.isoformat(),
        tags,
        searched(name, vietnamese),
        searched(tags),
        searched(summary),
    ]
    if translated:
        row.append(vietnamese or 0)
    row.append(1 if product.trade else 0)
    return row


def _thumbnail(site: Site, product_id: str) -> str | int:
    media = site.media.get(product_id)
    if not media or not media.photos:
        return 0
    smallest = media.photos[0].variants[0]
    return smallest.webp.rsplit("/", 1)[-1]


def _select(name: str, label: str, options: list[tuple[str, str]], lang: str, any_first: bool = True) -> Markup:
    """A facet's select; its first option ("any", unless not `any_first`) is its default."""
    everything = [("", t(lang, "finder_any"))] if any_first else []
    choices = join(html('<option value="{}">{}</option>', value, text) for value, text in [*everything, *options])
    return html('<label class="ocop-finder__facet">{} <select name="{}">{}</select></label>', label, name, choices)


def _choices(values: tuple[str, ...], prefix: str, lang: str) -> list[tuple[str, str]]:
    """A select's options: each value with its words (key `prefix` + value; the empty value is "relevance")."""
    return [(value, t(lang, prefix + (value or "relevance").replace("-", "_"))) for value in values]


def finder_form(site: Site, lang: str, page: str, qr: bool = False) -> Markup:
    """The finder's form and result list for the page at site path `page`; hidden until its script
    runs (the paginated cards stay for readers without JavaScript). The form's `data-root` leads
    from the page to the site root and its `data-home` to its language's root, where the data's
    path templates start. With `qr` the results show each product's QR code (the kiosk page)."""
    root = to_root(page)
    units = province().units
    used = {p.commune for p in site.catalogue.producers.values()}
    used |= {p.origin.commune for p in site.listed if p.origin and p.origin.commune}
    facets = join(
        [
            _select("group", t(lang, "finder_group"), [(g.value, term(GROUP_LABELS[g], lang)) for g in Group], lang),
            _select("stars", t(lang, "finder_stars"), [(str(n), t(lang, "star_n", n=n)) for n in (5, 4, 3)], lang),
            _select("commune", t(lang, "finder_commune"), [(u.id, u.title) for u in units.values() if u.id in used], lang),
            _select("kind", t(lang, "finder_kind"), [(k.value, term(PRODUCER_KIND_LABELS[k], lang)) for k in ProducerKind], lang),
            _select("status", t(lang, "finder_status"), _choices(STATUS_CHOICES, "finder_", lang), lang, any_first=False),
            _select(TRADE_FIELD, t(lang, "trade"), [("1", t(lang, "finder_trade"))], lang),
            _select("sort", t(lang, "finder_sort"), _choices(SORT_CHOICES, "finder_sort_", lang), lang, any_first=False),
        ]
    )
    texts = {
        "found": t(lang, "finder_found", n="{n}"),
        "more": t(lang, "finder_more"),
        "scan": t(lang, "kiosk_scan"),
        "badges": {f"{n}-{s.value}": badge_label(n, s, lang) for n in (3, 4, 5) for s in CertificateStatus},
        "filters": t(lang, "finder_filters_n", n="{n}"),
        "show_all": t(lang, "finder_show_all", n="{n}"),
    }
    return html(
        '<form class="ocop-finder" role="search" hidden data-root="{root}" data-home="{home}"{qr}>'
        '<label class="ocop-finder__query" for="ocop-finder-q">{label}</label>'
        '<input id="ocop-finder-q" name="q" type="search" autocomplete="off" spellcheck="false" '
        'placeholder="{placeholder}" aria-describedby="ocop-finder-count">'
        '<button type="button" class="md-button ocop-finder__toggle" aria-expanded="false" aria-controls="ocop-finder-facets">'
        "{filters}</button>"
        '<div class="ocop-finder__facets" id="ocop-finder-facets">{facets}'
        '<button type="reset" class="md-button">{clear}</button></div></form>'
        '<p id="ocop-finder-count" class="ocop-finder__count" aria-live="polite"></p>'
        '<p class="ocop-finder__switch" hidden><button type="button" class="md-button"></button></p>'
        '<p class="ocop-finder__none" hidden>{none}</p>'
        '<ul class="ocop-cards ocop-finder__results" hidden></ul><template id="ocop-finder-card">{card}</template>'
        '<button type="button" class="md-button ocop-finder__more" hidden>{more}</button>'
        '<script type="application/json" id="ocop-finder-texts">{texts}</script>'
        '<script src="{data}" defer></script><script src="{script}" defer></script>',
        root=root,
        home=site.home(page, lang),
        qr=Markup(" data-qr") if qr else Markup(),
        label=t(lang, "finder"),
        placeholder=t(lang, "finder_query"),
        facets=facets,
        clear=t(lang, "finder_clear"),
        filters=t(lang, "finder_filters"),
        none=t(lang, "finder_none"),
        more=t(lang, "finder_more"),
        texts=script_json(texts),
        card=card_template(),
        data=root + Urls.finder_data(lang),
        script=relative(site.urls.asset("ocop-finder.js", lang), page),
    )
