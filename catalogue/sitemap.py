"""sitemap.xml with every page in every language, each entry naming its other-language versions
(the hreflang annotations search engines read from sitemaps), and robots.txt pointing at it."""

from __future__ import annotations

from xml.sax.saxutils import escape

from .languages import html_lang

# The sitemaps protocol allows 50,000 URLs per file; bigger catalogues get an index of several files.
MAX_URLS = 50_000


def language_root(site_url: str, lang: str) -> str:
    """The public address of a language's home: Vietnamese at the root, others under /<lang>/."""
    return site_url if lang == "vi" else f"{site_url}{lang}/"


def _entry(site_url: str, path: str, languages: list[str]) -> str:
    links = "".join(
        f'<xhtml:link rel="alternate" hreflang="{html_lang(lang)}" href="{escape(language_root(site_url, lang) + path)}"/>'
        for lang in languages
    )
    links += f'<xhtml:link rel="alternate" hreflang="x-default" href="{escape(language_root(site_url, languages[0]) + path)}"/>'
    return "".join(f"<url><loc>{escape(language_root(site_url, lang) + path)}</loc>{links}</url>\n" for lang in languages)


def sitemaps(site_url: str, paths: list[str], languages: list[str]) -> dict[str, str]:
    """File name → XML: 'sitemap.xml' alone, or an index 'sitemap.xml' with 'sitemap-1.xml', ...

    `paths` are the pages' folders relative to a language root ('' for the home page, 'p/x/'),
    the same in every language.
    """
    per_file = MAX_URLS // len(languages)
    chunks = [paths[i : i + per_file] for i in range(0, len(paths), per_file)] or [[]]
    head = (
        '<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
        'xmlns:xhtml="http://www.w3.org/1999/xhtml">\n'
    )
    files = {
        f"sitemap-{n}.xml": head + "".join(_entry(site_url, p, languages) for p in chunk) + "</urlset>\n"
        for n, chunk in enumerate(chunks, 1)
    }
    if len(files) == 1:
        return {"sitemap.xml": files.pop("sitemap-1.xml")}
    index = "".join(f"<sitemap><loc>{escape(site_url + name)}</loc></sitemap>\n" for name in files)
    files["sitemap.xml"] = (
        f'<?xml version="1.0" encoding="UTF-8"?>\n<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n{index}</sitemapindex>\n'
    )
    return files


def robots_txt(site_url: str) -> str:
    """robots.txt: everything may be crawled; where the sitemap is."""
    return f"User-agent: *\nAllow: /\n\nSitemap: {site_url}sitemap.xml\n"
