"""The MkDocs configuration of each language's build: the theme, the navigation, the search
fields, and what the templates in overrides/ read from `extra`."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from markupsafe import escape

from ..pages.i18n import status_texts, t
from ..settings import Settings
from .offline import SHIM_NAME

REPO = Path(__file__).resolve().parents[2]
OVERRIDES = REPO / "overrides"
LANGUAGE_NAMES = {"vi": "Tiếng Việt", "en": "English"}


def theme_text(text: str) -> str:
    """Text from the data as the theme wants it: Material writes page titles and the site name
    into the page as they are (in the header, <title>, the navigation and the search results),
    treating them as HTML, so they are handed over escaped."""
    return str(escape(text))


def _nav(lang: str) -> list[dict[str, object]]:
    """Only the few index pages are in the navigation: Material writes the whole navigation into
    every page, so product pages in it would make build time and page size grow with the square
    of the catalogue."""
    return [
        {t(lang, "home"): "index.md"},
        {t(lang, "all_products"): "products/index.md"},
        {t(lang, "groups"): "groups/index.md"},
        {t(lang, "stars"): "stars/index.md"},
        {t(lang, "communes"): "communes/index.md"},
        {t(lang, "producers"): "producers/index.md"},
        {t(lang, "sales_points"): "sales-points/index.md"},
        {t(lang, "check"): "check/index.md"},
        {t(lang, "dashboard"): "dashboard/index.md"},
        {t(lang, "about"): [{t(lang, f"about_{n}"): f"about/{n}.md"} for n in ("ocop", "stars", "check", "data")]},
    ]


def mkdocs_config(settings: Settings, lang: str, work_dir: Path, offline: bool = False, *, today: date) -> dict[str, object]:
    """The configuration of one language's build for the day `today`; `offline` for the copy that works from file://."""
    root = "" if lang == "vi" else "../"
    alternate = [
        {
            "name": LANGUAGE_NAMES[code],
            "lang": code,
            # The language selector's links: relative, so that it works offline and from file://.
            # The head's absolute hreflang links come from ocop_roots (overrides/main.html).
            "prefix": root + ("" if code == "vi" else f"{code}/"),
            "link": root + ("" if code == "vi" else f"{code}/") or ".",
        }
        for code in settings.languages
    ]
    return {
        "INHERIT": str(REPO / "mkdocs.yml"),
        "site_name": theme_text(getattr(settings.site_name, lang)),
        "site_url": settings.site_url + ("" if lang == "vi" else f"{lang}/"),
        "docs_dir": str(work_dir / "docs"),
        "site_dir": str(work_dir / "site"),
        "hooks": [str(Path(__file__).with_name("hooks.py"))],
        "theme": {"name": "material", "custom_dir": str(OVERRIDES), "language": lang},
        # The folded fields are added by catalogue/render/hooks.py: searching without tone marks.
        "plugins": [{"search": {"lang": [lang], "fields": {"folded_title": {"boost": 1000}, "folded_text": {"boost": 1}}}}],
        "nav": _nav(lang),
        "not_in_nav": "/p/\n/products/page-*\n/groups/*/\n/communes/*/\n/stars/*/\n/producers/*/\n",
        "validation": {"nav": {"omitted_files": "info", "not_found": "warn"}, "links": {"unrecognized_links": "info"}},
        "extra": {
            "alternate": alternate,
            "ocop_roots": {code: settings.site_url + ("" if code == "vi" else f"{code}/") for code in settings.languages},
            "demo": settings.demo,
            "demo_text": t(lang, "demo"),
            "lang": lang,
            "ocop_bodies": str(work_dir / "bodies"),
            "ocop_offline": offline,
            "polyfills": [SHIM_NAME] if offline else [],
            # The build day goes with the page: the browser never dates a status earlier than it.
            "status_texts": status_texts(lang, settings.expiring_within_days, today, settings.timezone),
        },
    }
