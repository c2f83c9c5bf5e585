"""The MkDocs configuration of each language's build: the theme, the navigation, the search
fields, and what the templates in overrides/ read from `extra`."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from markupsafe import escape

from ..languages import language
from ..pages.i18n import status_texts, t
from ..settings import Settings
from ..translated import localized_text
from ..urls import ABOUT, SECTIONS, Urls
from .offline import SHIM_NAME

REPO = Path(__file__).resolve().parents[2]
OVERRIDES = REPO / "overrides"


def theme_text(text: str) -> str:
    """Text from the data as the theme wants it: Material writes page titles and the site name
    into the page as they are (in the header, <title>, the navigation and the search results),
    treating them as HTML, so they are handed over escaped."""
    return str(escape(text))


def _nav(urls: Urls, lang: str) -> list[dict[str, object]]:
    """Only the few index pages are in the navigation: Material writes the whole navigation into
    every page, so product pages in it would make build time and page size grow with the square
    of the catalogue."""
    return [
        {t(lang, "home"): urls.source(urls.root(lang), lang)},
        {t(lang, "all_products"): urls.source(urls.products(lang), lang)},
        *({t(lang, name): urls.source(urls.section(name, lang), lang)} for name in SECTIONS),
        {t(lang, "sales_points"): urls.source(urls.sales_points(lang), lang)},
        {t(lang, "map_page"): urls.source(urls.map(lang), lang)},
        {t(lang, "check"): urls.source(urls.check(lang), lang)},
        {t(lang, "dashboard"): urls.source(urls.dashboard(lang), lang)},
        {t(lang, "about"): [{t(lang, f"about_{n}"): urls.source(urls.about(n, lang), lang, leaf=True)} for n in ABOUT]},
    ]


def nav_sources(settings: Settings, lang: str) -> set[str]:
    """The source files of the pages in the navigation of `lang`."""
    found: set[str] = set()
    entries: list[object] = list(_nav(Urls.of(settings.languages), lang))
    while entries:
        entry = entries.pop()
        if isinstance(entry, str):
            found.add(entry)
        elif isinstance(entry, dict):
            entries += entry.values()
        elif isinstance(entry, list):
            entries += entry
    return found


def _not_in_nav() -> str:
    """The pages kept out of the navigation, as MkDocs' gitignore-style patterns: product pages and
    every listing but the sections' index pages."""
    patterns = [Urls.product_pages(), *(p for section in ("products", *SECTIONS) for p in Urls.listing_pages(section))]
    return "".join(f"/{pattern}\n" for pattern in patterns)


def mkdocs_config(settings: Settings, lang: str, work_dir: Path, offline: bool = False, *, today: date) -> dict[str, object]:
    """The configuration of one language's build for the day `today`; `offline` for the copy that works from file://."""
    spoken = language(lang)
    urls = Urls.of(settings.languages)
    alternate = [
        {
            "name": language(code).name,
            "lang": code,
            "hreflang": language(code).html,
            # The language selector's links: relative, so that it works offline and from file://.
            # The head's absolute hreflang links come from ocop_roots (overrides/main.html).
            "prefix": urls.between(lang, code),
            "link": urls.between(lang, code) or ".",
        }
        for code in settings.languages
    ]
    return {
        "INHERIT": str(REPO / "mkdocs.yml"),
        "site_name": theme_text(localized_text(settings, "site_name", lang)),
        "site_url": urls.roots(settings.site_url)[lang],
        "docs_dir": str(work_dir / "docs"),
        "site_dir": str(work_dir / "site"),
        "hooks": [str(Path(__file__).with_name(name)) for name in ("hooks.py", "after_search.py")],
        "theme": {"name": "material", "custom_dir": str(OVERRIDES), "language": spoken.theme},
        # The folded fields are added by catalogue/render/hooks.py: searching without tone marks.
        "plugins": [{"search": {"lang": [spoken.search], "fields": {"folded_title": {"boost": 1000}, "folded_text": {"boost": 1}}}}],
        "nav": _nav(urls, lang),
        "not_in_nav": _not_in_nav(),
        "validation": {"nav": {"omitted_files": "info", "not_found": "warn"}, "links": {"unrecognized_links": "info"}},
        "extra": {
            "alternate": alternate,
            "ocop_roots": urls.roots(settings.site_url),
            "demo": settings.demo,
            "demo_text": t(lang, "demo"),
            "lang": lang,
            # <html lang> (overrides/partials/language.html) and the head's hreflang links: 'zh-Hans', not the theme's 'zh'.
            "ocop_html_lang": spoken.html,
            "ocop_hreflang": {code: language(code).html for code in settings.languages},
            "ocop_words": {key: t(lang, key) for key in ("not_found_title", "not_found_text", "not_found_home")},
            "ocop_bodies": str(work_dir / "bodies"),
            # The header search's product index (overrides/assets/ocop-search.js), from the language's root.
            "ocop_search": {
                "data": urls.between(lang, urls.languages[0]) + Urls.search_data(lang),
                "texts": {"found": t(lang, "finder_found", n="{n}"), "producers": t(lang, "producers")},
            },
            "ocop_offline": offline,
            "polyfills": [SHIM_NAME] if offline else [],
            # The build day goes with the page: the browser never dates a status earlier than it.
            "status_texts": status_texts(lang, settings.expiring_within_days, today, settings.timezone),
        },
    }
