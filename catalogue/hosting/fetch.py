"""Asking a web server for many addresses at once, with the standard library only: a few threads,
a timeout on each request, gzip accepted (as browsers ask) and undone."""

from __future__ import annotations

import gzip
import urllib.error
import urllib.request
from collections.abc import Iterable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field

USER_AGENT = "ocop-catalogue-verify (+python -m catalogue verify)"


@dataclass(frozen=True)
class Answer:
    """What the server answered for one address (after redirects); status 0 when nothing came back."""

    url: str
    status: int
    headers: dict[str, str] = field(default_factory=dict)  # names in lower case
    body: str = ""
    error: str = ""

    def header(self, name: str) -> str | None:
        """A header's value, or None when the answer had none."""
        return self.headers.get(name.lower())


def fetch(url: str, timeout: float) -> Answer:
    """GET `url`, following redirects; never raises for a network or HTTP error."""
    request = urllib.request.Request(url, headers={"Accept-Encoding": "gzip", "User-Agent": USER_AGENT})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            return _answer(response.geturl(), response.status, response.headers, response.read())
    except urllib.error.HTTPError as error:
        return _answer(error.geturl() or url, error.code, error.headers, error.read())
    except (OSError, ValueError) as error:  # refused, timed out, unknown host, a broken address
        reason = getattr(error, "reason", None) or error
        return Answer(url, 0, error=str(reason))


def _answer(url: str, status: int, headers: object, data: bytes) -> Answer:
    names = {name.lower(): value for name, value in headers.items()}  # type: ignore[attr-defined]
    if names.get("content-encoding") == "gzip":
        try:
            data = gzip.decompress(data)
        except (OSError, EOFError):
            return Answer(url, status, names, error="the gzip body cannot be decompressed")
    return Answer(url, status, names, data.decode("utf-8", errors="replace"))


def fetch_all(urls: Iterable[str], timeout: float, workers: int) -> dict[str, Answer]:
    """Every distinct address of `urls`, asked `workers` at a time."""
    unique = list(dict.fromkeys(urls))
    with ThreadPoolExecutor(max_workers=max(1, workers)) as pool:
        return dict(zip(unique, pool.map(lambda url: fetch(url, timeout), unique), strict=True))
