"""sitemap.xml with every page in every language, each entry naming its other-language versions
(the hreflang annotations search engines read from sitemaps), and robots.txt pointing at it."""

from __future__ import annotations

from .languages import html_lang
from .urls import Urls

_XML = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;"})


def escape(text: str) -> str:
    """`text` for XML content or a double-quoted attribute (xml.sax.saxutils would import
    urllib.request, 50 ms of every build's start, for its three characters, and leaves '"')."""
    return text.translate(_XML)


# The sitemaps protocol allows 50,000 URLs per file; bigger catalogues get an index of several files.
MAX_URLS = 50_000


def _entry(roots: dict[str, str], path: str) -> str:
    links = "".join(
        f'<xhtml:link rel="alternate" hreflang="{html_lang(lang)}" href="{escape(root + path)}"/>' for lang, root in roots.items()
    )
    links += f'<xhtml:link rel="alternate" hreflang="x-default" href="{escape(next(iter(roots.values())) + path)}"/>'
    return "".join(f"<url><loc>{escape(root + path)}</loc>{links}</url>\n" for root in roots.values())


def sitemaps(site_url: str, paths: list[str], languages: list[str]) -> dict[str, str]:
    """File name → XML: 'sitemap.xml' alone, or an index 'sitemap.xml' with 'sitemap-1.xml', ...

    `paths` are the pages' folders relative to a language root ('' for the home page, 'p/x/'),
    the same in every language.
    """
    roots = Urls.of(languages).roots(site_url)
    per_file = MAX_URLS // len(languages)
    chunks = [paths[i : i + per_file] for i in range(0, len(paths), per_file)] or [[]]
    head = (
        '<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
        'xmlns:xhtml="http://www.w3.org/1999/xhtml">\n'
    )
    files = {Urls.sitemap(n): head + "".join(_entry(roots, p) for p in chunk) + "</urlset>\n" for n, chunk in enumerate(chunks, 1)}
    if len(files) == 1:
        return {Urls.sitemap(): files.pop(Urls.sitemap(1))}
    index = "".join(f"<sitemap><loc>{escape(site_url + name)}</loc></sitemap>\n" for name in files)
    files[Urls.sitemap()] = (
        f'<?xml version="1.0" encoding="UTF-8"?>\n<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n{index}</sitemapindex>\n'
    )
    return files


def robots_txt(site_url: str) -> str:
    """robots.txt: everything may be crawled; where the sitemap is."""
    return f"User-agent: *\nAllow: /\n\nSitemap: {site_url}{Urls.sitemap()}\n"
