"""`python -m catalogue verify URL`: check a published site from the outside, as visitors and
scanners reach it.

It reads the site's sitemap and open data, then confirms that every address of the sitemap, every
product page in every language, every QR code's target and every GS1 path answers 200 with the
right product (the page carries the product's `data-ocop-id`), that no product published before
is missing (the site's data/published.json, and any earlier copies given with --published), and
that the headers are those of catalogue/hosting/policy.py. Addresses in the sitemap and the QR
codes use the site's own address (`site_url`); they are asked of URL, so a copy on a test server
can be checked before it goes live.
"""

from __future__ import annotations

import json
import xml.etree.ElementTree as ElementTree
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from ..makers.qr import digital_link_url, product_url
from ..urls import Urls
from .fetch import Answer, fetch, fetch_all
from .headers_check import header_problems

SITEMAP = Urls.sitemap()
OPEN_DATA = Urls.products_json()
MANIFEST = Urls.manifest()
_NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}
_PRODUCT_PAGE = Urls.pattern(Urls.product_page)


@dataclass
class Check:
    """One line of the summary: how many addresses were checked for one purpose, and what failed."""

    label: str
    total: int = 0
    failures: list[str] = field(default_factory=list)


@dataclass
class Verdict:
    """Everything the check found."""

    base: str
    site_url: str = ""
    checks: list[Check] = field(default_factory=list)

    @property
    def failures(self) -> list[str]:
        """Every failure, in the order of the checks."""
        return [failure for check in self.checks for failure in check.failures]


class VerifyError(Exception):
    """The site cannot be checked at all (no open data or sitemap where it should be)."""


def verify_site(base: str, published: Iterable[str] = (), *, headers: bool = True, timeout: float = 15, workers: int = 8) -> Verdict:
    """Check the site at `base` (ending with /); `published`, ids that earlier publications had."""
    data = _json(fetch(base + OPEN_DATA, timeout), OPEN_DATA)
    site_url = str(data.get("site_url") or base)
    products = {p["id"]: p for p in data.get("products", []) if isinstance(p, dict) and isinstance(p.get("id"), str)}
    manifest = _json(fetch(base + MANIFEST, timeout), MANIFEST)
    entries = _sitemap(base, site_url, timeout)
    verdict = Verdict(base, site_url)

    def here(url: str) -> str:  # an address of the public site, asked of `base`
        return base + url[len(site_url) :] if url.startswith(site_url) else url

    pages = {entry[0]: entry[1] for entry in entries}
    product_pages = {m[1]: langs for loc, langs in pages.items() if (m := _PRODUCT_PAGE.match(loc[len(site_url) :]))}
    expected = sorted(set(products) | set(manifest.get("products", [])) | set(published))
    qr_targets = {pid: product_url(site_url, pid) for pid in expected}
    gs1 = {pid: digital_link_url(site_url, p["gtin"]) for pid, p in products.items() if p.get("gtin")}
    wanted = [here(url) for url in pages] + [here(u) for langs in product_pages.values() for u in langs.values()]
    wanted += [here(url) for url in [*qr_targets.values(), *gs1.values()]]
    answers = fetch_all(wanted, timeout, workers)

    of_products = {url for langs in product_pages.values() for url in langs.values()}
    listed = [url for url in pages if url not in of_products]
    other_pages = [(here(url), answers[here(url)], None) for url in listed]
    verdict.checks.append(_check("các trang khác trong sitemap / other pages of the sitemap", other_pages))
    product_checks = []
    for pid in expected:
        langs = product_pages.get(pid)
        if not langs:
            product_checks.append((Urls.product_page(pid), None, f"'{pid}' không có trong sitemap / is not in the sitemap"))
            continue
        product_checks += [(here(url), answers[here(url)], pid) for url in langs.values()]
    verdict.checks.append(_check("trang sản phẩm / product pages", product_checks))
    verdict.checks.append(_check("mã QR / QR codes", [(here(url), answers[here(url)], pid) for pid, url in qr_targets.items()]))
    gs1_items = [(here(url), answers[here(url)], pid) for pid, url in gs1.items()]
    verdict.checks.append(_check("đường dẫn GS1 / GS1 paths", gs1_items, gs1=site_url))
    missing = [pid for pid in expected if pid not in products]
    verdict.checks.append(
        Check(
            "sản phẩm đã công bố / published products",
            len(expected),
            [f"'{pid}' đã công bố nhưng không có trong / was published but is not in {OPEN_DATA}" for pid in missing],
        )
    )
    if headers:
        languages = _language_folders(site_url, pages.get(site_url, {}))
        verdict.checks.append(Check("tiêu đề HTTP / headers", len(answers), header_problems(base, answers, languages, timeout)))
    return verdict


def _language_folders(site_url: str, home: dict[str, str]) -> list[str]:
    """The languages as the site's folders name them, first at the root ('vi', 'en', 'zh'), read
    from the home page's alternates in the sitemap (their hreflang may be longer: 'zh-Hans')."""
    return [href[len(site_url) :].strip("/") or code for code, href in home.items() if href.startswith(site_url)]


def _check(label: str, items: list[tuple[str, Answer | None, str | None]], gs1: str | None = None) -> Check:
    """Each address must answer 200; a product's must name the product (its page carries
    data-ocop-id, a GS1 page links to its page)."""
    check = Check(label, len(items))
    for url, answer, note in items:
        if answer is None:
            check.failures.append(f"{url}: {note}")
        elif answer.status != 200:
            check.failures.append(f"{url}: {answer.status or answer.error}" + (f" ('{note}')" if note else ""))
        elif note and gs1 and f'href="{product_url(gs1, note)}"' not in answer.body:
            check.failures.append(f"{url}: không dẫn tới / does not lead to {Urls.product_page(note)}")
        elif note and not gs1 and f'data-ocop-id="{note}"' not in answer.body:
            check.failures.append(f"{url}: không phải trang của / is not the page of '{note}'")
    return check


def _json(answer: Answer, name: str) -> dict:
    if answer.status == 0:
        raise VerifyError(f"{answer.url}: {answer.error}")
    if answer.status != 200:
        raise VerifyError(f"{answer.url}: {answer.status}; đây có phải địa chỉ của danh mục? / is this the catalogue's address?")
    try:
        value = json.loads(answer.body)
    except ValueError:
        raise VerifyError(f"{answer.url}: {name} không phải JSON / is not JSON") from None
    if not isinstance(value, dict):
        raise VerifyError(f"{answer.url}: {name} không đúng dạng / is not the catalogue's {name}")
    return value


def _sitemap(base: str, site_url: str, timeout: float) -> list[tuple[str, dict[str, str]]]:
    """Every address of the sitemap (following a sitemap index), with its language versions."""
    answer = fetch(base + SITEMAP, timeout)
    if answer.status != 200:
        raise VerifyError(f"{answer.url}: {answer.status or answer.error}")
    try:
        root = ElementTree.fromstring(answer.body)
    except ElementTree.ParseError as error:
        raise VerifyError(f"{answer.url}: {SITEMAP} không đọc được / cannot be read: {error}") from None
    if root.tag.endswith("sitemapindex"):
        entries = []
        for loc in root.findall("s:sitemap/s:loc", _NS):
            part = (loc.text or "").strip()
            entries += _sitemap_file(base + part[len(site_url) :] if part.startswith(site_url) else part, timeout)
        return entries
    return _entries(root)


def _sitemap_file(url: str, timeout: float) -> list[tuple[str, dict[str, str]]]:
    answer = fetch(url, timeout)
    if answer.status != 200:
        raise VerifyError(f"{answer.url}: {answer.status or answer.error}")
    return _entries(ElementTree.fromstring(answer.body))


def _entries(root: ElementTree.Element) -> list[tuple[str, dict[str, str]]]:
    entries = []
    for url in root.findall("s:url", _NS):
        loc = (url.findtext("s:loc", "", _NS) or "").strip()
        langs = {
            link.get("hreflang", ""): link.get("href", "")
            for link in url.findall("x:link", _NS)
            if link.get("rel") == "alternate" and link.get("hreflang") != "x-default"
        }
        entries.append((loc, langs or {"": loc}))
    return entries


def published_file_ids(path: Path) -> list[str]:
    """The product ids of an earlier data/published.json (the manifest a build writes)."""
    record = json.loads(path.read_text(encoding="utf-8"))
    ids = record.get("products") if isinstance(record, dict) else None
    if not isinstance(ids, list) or not all(isinstance(i, str) for i in ids):
        raise ValueError(f"not a {MANIFEST} written by the build (no list of product ids)")
    return ids


def summary(verdict: Verdict, shown: int = 40) -> str:
    """The report: one line per check, then the failures (Vietnamese first, then English)."""
    lines = [f"Kiểm tra / Checking {verdict.base}" + (f" (site_url {verdict.site_url})" if verdict.site_url != verdict.base else "")]
    for check in verdict.checks:
        good = check.total - len(check.failures) if check.label != "tiêu đề HTTP / headers" else None
        state = "OK" if not check.failures else f"{len(check.failures)} lỗi / failed"
        counted = f"{good}/{check.total}, " if good is not None else f"{check.total} địa chỉ / addresses, "
        lines.append(f"  {check.label}: {counted}{state}")
    failures = verdict.failures
    if not failures:
        lines.append("ĐẠT / PASSED: mọi trang và mã QR đều mở được / every page and QR code opens")
        return "\n".join(lines)
    lines.append(f"KHÔNG ĐẠT / FAILED: {len(failures)} lỗi / problems")
    lines += [f"  - {failure}" for failure in failures[:shown]]
    if len(failures) > shown:
        lines.append(f"  … và {len(failures) - shown} lỗi khác / and {len(failures) - shown} more")
    return "\n".join(lines)
