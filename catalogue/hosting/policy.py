"""The headers the site is served with, in one place: the security headers, the
Content-Security-Policy built from the hashes of the pages' inline scripts, and how long each kind
of file may be cached.

Scripts: only the site's own files and the inline scripts whose SHA-256 the build found in its
pages (catalogue/hosting/inline.py); no 'unsafe-inline', so markup that slipped into a page could not
run. Styles: the site's own stylesheets only. Neither the theme nor our pages write a style
attribute or a <style> element (the theme's scripts set styles through the DOM, which a policy does not
restrict), so 'unsafe-inline' is not needed for styles either; tests/test_csp_browser.py would
report a violation the day one appears. Images may be data: URLs, which the theme's stylesheet uses for
its icons, and OpenStreetMap's map tiles (the maps of catalogue/pages/maps.py).

Caching: files whose names carry a hash of their content (photos, share cards, the theme's
bundles) never change at their address and are cached for a year; everything else (pages, QR codes,
open data, the search index, our own scripts and styles) is checked with the server on every use,
which costs a 304 answer when nothing changed, so a rebuild shows at once.
"""

from __future__ import annotations

from collections.abc import Iterable

from ..maps import TILE_ORIGIN
from ..urls import CARDS, DATA, IMAGES, QR, Urls

IMMUTABLE = "public, max-age=31536000, immutable"
REVALIDATE = "no-cache"

# Site paths (from a language's root or the site's) whose files are named by their content's hash.
HASHED_AT_SITE_ROOT = (f"{IMAGES}*", f"{CARDS}*")
HASHED_PER_LANGUAGE = ("assets/javascripts/bundle.*", "assets/javascripts/workers/*", "assets/stylesheets/*")
# Site paths whose content changes with every build and must never be served from a cache unchecked.
FRESH_AT_SITE_ROOT = (f"{QR}*", f"{DATA}*")
FRESH_PER_LANGUAGE = ("search/*",)

PERMISSIONS = (
    "accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), microphone=(), payment=(), usb=(), fullscreen=(self)"
)
STATIC_HEADERS = {
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "strict-origin-when-cross-origin",
    "Permissions-Policy": PERMISSIONS,
    "X-Frame-Options": "SAMEORIGIN",  # what frame-ancestors says, for browsers that only know this one
}
CSP = "Content-Security-Policy"


def content_security_policy(script_hashes: Iterable[str]) -> str:
    """The policy for a site whose inline scripts have these base64 SHA-256 hashes."""
    scripts = " ".join(["'self'", *(f"'sha256-{digest}'" for digest in sorted(set(script_hashes)))])
    return "; ".join(
        [
            "default-src 'self'",
            f"script-src {scripts}",
            "style-src 'self'",
            f"img-src 'self' data: {TILE_ORIGIN}",  # OpenStreetMap's map tiles (catalogue/maps.py)
            "font-src 'self'",
            "connect-src 'self'",
            "object-src 'none'",
            "base-uri 'self'",
            "form-action 'self'",
            # Videos (catalogue/pages/video.py): YouTube's privacy-enhanced player, only after a tap.
            "frame-src https://www.youtube-nocookie.com",
            "frame-ancestors 'self'",
        ]
    )


def security_headers(script_hashes: Iterable[str]) -> dict[str, str]:
    """Every security header, by name, for a site with these inline-script hashes."""
    return {CSP: content_security_policy(script_hashes), **STATIC_HEADERS}


def language_prefixes(languages: list[str]) -> list[str]:
    """Where each language's pages are, from the site's root (catalogue/urls.py): the first
    language at the root, the others under /<code>/."""
    urls = Urls.of(languages)
    return ["/" + urls.root(lang) for lang in languages]


def cache_rules(languages: list[str]) -> dict[str, str]:
    """Cache-Control by path pattern (`*` for any characters), for the paths whose rule is not
    the hosts' usual revalidation: hashed files for a year, fresh ones checked on every use."""
    rules = {f"/{pattern}": IMMUTABLE for pattern in HASHED_AT_SITE_ROOT}
    rules |= {prefix + pattern: IMMUTABLE for prefix in language_prefixes(languages) for pattern in HASHED_PER_LANGUAGE}
    rules |= {f"/{pattern}": REVALIDATE for pattern in FRESH_AT_SITE_ROOT}
    rules |= {prefix + pattern: REVALIDATE for prefix in language_prefixes(languages) for pattern in FRESH_PER_LANGUAGE}
    return rules


def cache_control(path: str, languages: list[str]) -> str:
    """The Cache-Control a file at site path `path` (starting with /) is served with."""
    for pattern, value in cache_rules(languages).items():
        if _matches(pattern, path):
            return value
    return REVALIDATE


def _matches(pattern: str, path: str) -> bool:
    head, star, tail = pattern.partition("*")
    if not star:
        return path == pattern
    return path.startswith(head) and path[len(head) :].endswith(tail) and len(path) >= len(head) + len(tail)
