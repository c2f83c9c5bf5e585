"""The repository's nginx configuration (deploy/nginx/), run by a real nginx on the built demo site:
precompressed files, caching per kind of file, each language's 404 page, the GS1 paths and the
security headers the build wrote."""

from __future__ import annotations

import gzip
import re
import subprocess
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from catalogue.hosting.host_files import HEADERS, NGINX_HEADERS
from catalogue.hosting.policy import IMMUTABLE, REVALIDATE, STATIC_HEADERS, language_prefixes
from catalogue.languages import html_lang
from catalogue.rules import gtin14

from .conftest import REPO
from .nginx_server import NGINX, nginx_conf
from .test_site import CATALOGUE, PRODUCTS

LANGUAGES = CATALOGUE.settings.languages


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args: object, **kwargs: object) -> None:
        return None


_OPENER = urllib.request.build_opener(_NoRedirect)


def get(url: str, gzip_ok: bool = True) -> tuple[int, dict[str, str], bytes]:
    """Status, headers (lower-case names) and raw body of one GET, redirects not followed."""
    request = urllib.request.Request(url, headers={"Accept-Encoding": "gzip"} if gzip_ok else {})
    try:
        with _OPENER.open(request, timeout=10) as response:
            return response.status, {k.lower(): v for k, v in response.headers.items()}, response.read()
    except urllib.error.HTTPError as error:
        return error.code, {k.lower(): v for k, v in error.headers.items()}, error.read()


def built_file(demo_site: Path, pattern: str) -> str:
    """The site path (from /) of the first built file matching the glob `pattern`."""
    return "/" + next(demo_site.glob(pattern)).relative_to(demo_site).as_posix()


@pytest.mark.parametrize(
    ("pattern", "mime"),
    [
        ("assets/stylesheets/main.*.min.css", "text/css"),
        ("assets/javascripts/bundle.*.min.js", "application/javascript"),
        ("data/products.json", "application/json"),
        ("badges/*.svg", "image/svg+xml"),
        ("sitemap.xml", "text/xml"),
    ],
)
def test_text_files_are_sent_as_the_build_gzipped_them(nginx_origin: str, demo_site: Path, pattern: str, mime: str) -> None:
    path = built_file(demo_site, pattern)
    status, headers, body = get(nginx_origin + path)
    assert status == 200
    assert headers["content-type"].startswith(mime)
    assert headers["content-encoding"] == "gzip"
    assert "accept-encoding" in headers["vary"].lower()
    precompressed = (demo_site / path.lstrip("/")).with_name(Path(path).name + ".gz")
    assert body == precompressed.read_bytes()  # the build's own file, not compressed again
    assert gzip.decompress(body) == (demo_site / path.lstrip("/")).read_bytes()
    plain_status, plain_headers, plain = get(nginx_origin + path, gzip_ok=False)
    assert (plain_status, "content-encoding" in plain_headers, plain) == (200, False, (demo_site / path.lstrip("/")).read_bytes())


@pytest.mark.parametrize(
    ("pattern", "mime"),
    [("index.html", "text/html"), ("en/index.html", "text/html"), ("p/*/index.html", "text/html"), ("qr/*.svg", "image/svg+xml")],
)
def test_pages_and_qr_codes_which_have_no_gzipped_copy_are_compressed_as_they_are_sent(
    nginx_origin: str, demo_site: Path, pattern: str, mime: str
) -> None:
    path = built_file(demo_site, pattern)
    assert not (demo_site / f"{path.lstrip('/')}.gz").exists()
    status, headers, body = get(nginx_origin + path)
    assert (status, headers["content-type"].split(";")[0], headers["content-encoding"]) == (200, mime, "gzip")
    assert "accept-encoding" in headers["vary"].lower()
    original = (demo_site / path.lstrip("/")).read_bytes()
    assert gzip.decompress(body) == original and len(body) < len(original) / 2
    if mime == "text/html":  # at the configuration's level 5, not nginx's own 1
        assert len(body) < len(gzip.compress(original, 1, mtime=0)) * 0.95
    plain_status, plain_headers, plain = get(nginx_origin + path, gzip_ok=False)
    assert (plain_status, "content-encoding" in plain_headers, plain) == (200, False, original)


def test_hashed_files_are_cached_for_a_year_and_the_rest_revalidated(nginx_origin: str, demo_site: Path) -> None:
    product = PRODUCTS[0].id
    immutable = [
        built_file(demo_site, "img/*/*.webp"),
        built_file(demo_site, "cards/*.jpg"),
        built_file(demo_site, "assets/stylesheets/main.*.min.css"),
        built_file(demo_site, "assets/javascripts/bundle.*.min.js"),
        built_file(demo_site, "assets/javascripts/workers/search.*.min.js"),
    ] + [
        built_file(demo_site, f"{prefix.strip('/')}/assets/stylesheets/main.*.min.css".lstrip("/"))
        for prefix in language_prefixes(LANGUAGES)[1:]
    ]
    fresh = [
        "/",
        f"/p/{product}/",
        f"/qr/{product}.svg",
        f"/qr/{product}.png",
        "/data/products.json",
        "/data/products.csv",
        "/data/finder-vi.js",
        "/search/search_index.json",
        "/assets/ocop.css",
        "/sitemap.xml",
    ] + [f"{prefix}search/search_index.json" for prefix in language_prefixes(LANGUAGES)[1:]]
    for path in immutable:
        assert get(nginx_origin + path)[1]["cache-control"] == IMMUTABLE, path
    for path in fresh:
        status, headers, _ = get(nginx_origin + path)
        assert (status, headers["cache-control"]) == (200, REVALIDATE), path


@pytest.mark.parametrize("prefix", language_prefixes(LANGUAGES))
def test_an_unknown_address_gets_its_languages_404_page(nginx_origin: str, demo_site: Path, prefix: str) -> None:
    page = (demo_site / prefix.lstrip("/") / "404.html").read_bytes()
    for path in (f"{prefix}p/no-such-product/", f"{prefix}no/such/page", f"{prefix}img/"):
        status, headers, body = get(nginx_origin + path)
        assert (status, gzip.decompress(body)) == (404, page), path
        assert headers["cache-control"] == REVALIDATE
    lang = LANGUAGES[language_prefixes(LANGUAGES).index(prefix)]
    assert f'lang="{html_lang(lang)}"' in page.decode()  # zh-Hans for Chinese


def test_the_gs1_paths_lead_to_the_product(nginx_origin: str) -> None:
    with_gtin = [p for p in PRODUCTS if p.gtin]
    assert with_gtin
    site_url = CATALOGUE.settings.site_url
    for product in with_gtin:
        code = gtin14(product.gtin)
        status, _, body = get(f"{nginx_origin}/01/{code}/")
        assert status == 200
        assert f'<link rel="canonical" href="{site_url}p/{product.id}/">' in gzip.decompress(body).decode()
        short = code.lstrip("0").rjust(13, "0")
        for asked in (f"/01/{code}", f"/01/{short}/", f"/01/{short}", f"/01/{code}/10/LOT-7", f"/01/{code}/21/12345"):
            status, headers, _ = get(nginx_origin + asked)
            assert (status, headers.get("location")) == (301, f"/01/{code}/"), asked


def test_every_answer_carries_the_security_headers_the_build_wrote(nginx_origin: str, demo_site: Path) -> None:
    written = _netlify_headers(demo_site / HEADERS)
    assert set(written) == {"Content-Security-Policy", *STATIC_HEADERS}
    assert "unsafe-inline" not in written["Content-Security-Policy"]
    nginx_lines = (demo_site / NGINX_HEADERS).read_text(encoding="utf-8")
    for name, value in written.items():
        assert f'add_header {name} "{value}" always;' in nginx_lines
    for path in ("/", "/en/", f"/p/{PRODUCTS[0].id}/", "/no/such/page", "/assets/ocop.css", f"/qr/{PRODUCTS[0].id}.svg", "/01/"):
        _, headers, _ = get(nginx_origin + path)
        for name, value in written.items():
            assert headers.get(name.lower()) == value, (path, name)
        assert "server" not in headers or "/" not in headers["server"]  # no version number


def test_the_files_for_other_hosts_are_not_served(nginx_origin: str) -> None:
    for name in ("_headers", "_headers.conf", "_redirects"):
        assert get(f"{nginx_origin}/{name}")[0] == 404


def test_the_example_server_block_is_valid(demo_site: Path, tmp_path: Path) -> None:
    """deploy/nginx/ocop.conf, with its marked lines set for this machine, passes `nginx -t`."""
    if not NGINX.is_file():
        pytest.skip("nginx is not installed")  # the session's nginx fixture fails under CI=true already
    example = (REPO / "deploy" / "nginx" / "ocop.conf").read_text(encoding="utf-8")
    changed = example.replace("/var/www/ocop/_headers.conf", str(demo_site / "_headers.conf"))
    changed = changed.replace("root /var/www/ocop;", f"root {demo_site};")
    changed = changed.replace("/etc/nginx/snippets/ocop-site.conf", str(REPO / "deploy" / "nginx" / "ocop-site.conf"))
    changed = re.sub(r"listen 80;", "listen 127.0.0.1:1;", changed)
    assert changed.count(str(demo_site)) == 2 and "/var/www" not in changed
    conf = nginx_conf(demo_site, 1, tmp_path).replace(_server_block_of(nginx_conf(demo_site, 1, tmp_path)), changed)
    (tmp_path / "nginx.conf").write_text(conf, encoding="utf-8")
    result = subprocess.run(
        [str(NGINX), "-t", "-p", str(tmp_path), "-c", str(tmp_path / "nginx.conf"), "-e", str(tmp_path / "error.log")],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr


def _server_block_of(conf: str) -> str:
    start = conf.index("server {")
    return conf[start : conf.rindex("}", 0, conf.rindex("}")) + 2]


def _netlify_headers(path: Path) -> dict[str, str]:
    """The headers `_headers` gives for every path (its /* rule)."""
    headers, rule = {}, None
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("/"):
            rule = line.strip()
        elif rule == "/*" and line.startswith("  "):
            name, _, value = line.strip().partition(": ")
            headers[name] = value
    return headers
