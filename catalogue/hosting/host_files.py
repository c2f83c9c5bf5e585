"""The files a build writes for the hosts, at the site's root, from the policy in policy.py:

- `_headers`: the headers in the format Netlify and Cloudflare Pages read;
- `_headers.conf`: the same security headers as nginx directives, which the repository's nginx
  configuration includes (deploy/nginx/ocop.conf), so that the policy always names the inline
  scripts of the pages it is served with;
- `_redirects`: the 404 page of each language, for Netlify (Cloudflare Pages finds the nearest
  404.html by itself).
"""

from __future__ import annotations

import os
from collections.abc import Collection, Iterator, Mapping
from pathlib import Path

from ..incremental import Kept
from .inline import ScriptHashes
from .policy import cache_rules, language_prefixes, security_headers

HEADERS = "_headers"
NGINX_HEADERS = "_headers.conf"
REDIRECTS = "_redirects"


def headers_file(headers: dict[str, str], languages: list[str]) -> str:
    """`_headers`: the security headers for every path, then each path's Cache-Control."""
    lines = ["# Written by the build (catalogue/hosting): the headers of every page and file.", "/*"]
    lines += [f"  {name}: {value}" for name, value in headers.items()]
    for pattern, value in cache_rules(languages).items():
        lines += [pattern, f"  Cache-Control: {value}"]
    return "\n".join(lines) + "\n"


def nginx_headers(headers: dict[str, str]) -> str:
    """`_headers.conf`: one add_header directive per security header, sent with every answer."""
    lines = ["# Written by the build (catalogue/hosting): included by deploy/nginx/ocop.conf in the server block."]
    lines += [f'add_header {name} "{value}" always;' for name, value in headers.items()]
    return "\n".join(lines) + "\n"


def redirects_file(languages: list[str]) -> str:
    """`_redirects`: addresses missing under a language's folder get that language's 404 page."""
    lines = ["# Written by the build (catalogue/hosting): each language's own 404 page."]
    lines += [f"{prefix}*  {prefix}404.html  404" for prefix in reversed(language_prefixes(languages))]
    return "\n".join(lines) + "\n"


def script_hashes(
    site: Path,
    kept: Kept | None = None,
    memo: Path | None = None,
    hashed: Mapping[str, frozenset[str]] | None = None,
    but: Collection[str] = (),
) -> set[str]:
    """The hashes of the inline scripts of every page under `site`, and of the pages of the
    previous site that a rebuild keeps as they are (`kept`: the new site has them too), but for
    the pages at `but` (put in place later): what the hosts' headers name (`host_files`). With
    `memo`, a page read by an earlier build is not read again; the pages hashed as they were
    written (`hashed`, by path in the site) are not read."""
    scripts = ScriptHashes(memo, hashed)
    hashes: set[str] = set()
    for name, path in _pages(str(site), ""):
        if name not in but:
            hashes |= scripts.of(name, path)
    for name in kept.paths if kept else ():
        if name.endswith(".html") and name not in but:
            hashes |= scripts.of(name, os.path.join(kept.previous, name), kept.census.get(name))
    scripts.save()
    return hashes


def host_files(hashes: set[str], languages: list[str]) -> dict[str, str | bytes]:
    """The hosts' files, by name at the site's root, with the security headers that allow the
    inline scripts of these `hashes` (`script_hashes`)."""
    headers = security_headers(hashes)
    return {HEADERS: headers_file(headers, languages), NGINX_HEADERS: nginx_headers(headers), REDIRECTS: redirects_file(languages)}


def _pages(folder: str, prefix: str) -> Iterator[tuple[str, str]]:
    """Every .html file under `folder` as (its place in the site, its path): strings, not
    `pathlib` paths, which cost a rebuild at 2,000 products a tenth of a second for 5,600 pages."""
    with os.scandir(folder) as entries:
        found = list(entries)
    for entry in found:
        if entry.is_dir(follow_symlinks=False):
            yield from _pages(entry.path, f"{prefix}{entry.name}/")
        elif entry.name.endswith(".html"):
            yield f"{prefix}{entry.name}", entry.path
