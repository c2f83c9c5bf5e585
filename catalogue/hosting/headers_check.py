"""Whether a site's answers carry the headers of policy.py: the security headers on every page,
a Content-Security-Policy that allows each inline script of the page by its hash (never with
'unsafe-inline'), compressed pages, and each kind of file's Cache-Control."""

from __future__ import annotations

import re
from collections import defaultdict
from urllib.parse import urljoin, urlsplit

from ..urls import IMAGES, QR, Urls
from .fetch import Answer, fetch_all
from .inline import page_hashes
from .policy import CSP, IMMUTABLE, STATIC_HEADERS, cache_control

_ASSET = re.compile(r'(?:src|href)="([^"]*(?:assets/javascripts/bundle\.|assets/stylesheets/main\.|' + re.escape(IMAGES) + r')[^"]*)"')
_QR_IMAGE = re.compile(r'(?:src|href)="([^"]*' + re.escape(QR) + r'[a-z0-9-]+\.svg)"')


def header_problems(base: str, answers: dict[str, Answer], languages: list[str], timeout: float) -> list[str]:
    """What is wrong with the headers of the pages in `answers`, and of a few files of each kind,
    each problem once with the number of addresses it was found at."""
    found: dict[str, list[str]] = defaultdict(list)
    pages = [a for a in answers.values() if a.status == 200 and (a.header("content-type") or "").startswith("text/html")]
    for answer in pages:
        for problem in page_problems(answer):
            found[problem].append(answer.url)
    samples = _samples(base, pages)
    for url, answer in fetch_all(samples, timeout, 4).items():
        expected = cache_control("/" + url[len(base) :].split("?")[0], languages)
        got = answer.header("cache-control") or ""
        if answer.status == 200 and not _same_cache(expected, got):
            found[f"Cache-Control '{got}', cần / should be '{expected}'"].append(url)
    home = answers.get(base)
    if home and home.status == 200 and not pages:
        found["no page answered as text/html"].append(base)
    return [f"{problem} ({len(urls)}: {urls[0]}{' …' if len(urls) > 1 else ''})" for problem, urls in found.items()]


def page_problems(answer: Answer) -> list[str]:
    """The header problems of one page."""
    problems = []
    policy = answer.header(CSP)
    if not policy:
        problems.append(f"{CSP}: thiếu / missing")
    else:
        directives = {d.split()[0].lower(): d.split()[1:] for d in (part.strip() for part in policy.split(";")) if d}
        scripts = directives.get("script-src", directives.get("default-src", []))
        if "'unsafe-inline'" in scripts:
            problems.append(f"{CSP}: script-src có / has 'unsafe-inline'")
        missing = sorted(h for h in page_hashes(answer.body) if f"'sha256-{h}'" not in scripts)
        if missing:
            problems.append(f"{CSP}: thiếu mã băm của script nội tuyến / lacks the hash of an inline script: sha256-{missing[0]}")
        if "frame-ancestors" not in directives:
            problems.append(f"{CSP}: thiếu / lacks frame-ancestors")
    for name, value in STATIC_HEADERS.items():
        if answer.header(name) != value:
            problems.append(f"{name}: '{answer.header(name) or ''}', cần / should be '{value}'")
    if not answer.header("content-encoding"):
        problems.append("trang không nén / page not compressed (Content-Encoding)")
    return problems


def _samples(base: str, pages: list[Answer]) -> list[str]:
    """A few addresses of each kind of file: pages, open data, a QR code, the theme's bundles, a photo."""
    samples = [base, base + Urls.products_json(), base + "search/search_index.json"]
    for page in pages[:20]:
        for link in _ASSET.findall(page.body):
            url = urljoin(page.url, link)
            if urlsplit(url).netloc == urlsplit(base).netloc:
                samples.append(url.split("#")[0])
        qr = _QR_IMAGE.search(page.body)
        if qr:
            samples.append(urljoin(page.url, qr[1]))
    return list(dict.fromkeys(samples))[:40]


def _tokens(value: str) -> set[str]:
    return {part.strip().lower() for part in value.split(",") if part.strip()}


def _same_cache(expected: str, got: str) -> bool:
    """A year with `immutable` for hashed files; for the rest, any answer that makes the browser
    ask again (no-cache, or max-age=0 as Netlify and Cloudflare send by default)."""
    tokens = _tokens(got)
    if expected == IMMUTABLE:
        return tokens == _tokens(IMMUTABLE)
    return bool(tokens & {"no-cache", "no-store", "max-age=0"})
