"""Every path of the built site, in one place (DESIGN.md: product pages at p/<id>/ are a contract
that printed QR codes rely on).

Paths are relative to the site root and never start with '/'; a folder's path ends with '/'.
The first language of the catalogue is at the root, each other under '<code>/'.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class Urls:
    """The site's paths for a catalogue built in `languages` (the first one at the root)."""

    languages: tuple[str, ...]

    @classmethod
    def of(cls, languages: Sequence[str]) -> Urls:
        """The paths of a site built in `languages`, in the settings' order."""
        return cls(tuple(languages))

    def root(self, lang: str) -> str:
        """The folder of a language: '' for the first language, 'en/' for English."""
        return "" if lang == self.languages[0] else f"{lang}/"

    def product(self, product_id: str, lang: str) -> str:
        """A product's page (the QR contract: p/<id>/ in the first language)."""
        return f"{self.root(lang)}p/{product_id}/"
