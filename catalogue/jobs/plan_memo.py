"""What planning works out for each product, kept from one build to the next.

Planning makes, for every product, its photo, QR code and share-card jobs and what the print files
show of it (its label, its poster, its entry in the printed catalogue), each job keyed by a digest
of its inputs written out as JSON: 0.6-0.7 s of every build at 2,000 products, before any page can
be made, and after an edit the same for every product but one. What a product's jobs are is decided
by the product's file and its producer's file as this code reads them (their record cache keys,
which carry the code's fingerprint: catalogue/record_cache.py), the bytes of its photos, the
settings and the day. Under the digest of those, the keys of its jobs and the JSON texts from which
the print files' keys are made are kept, and taken again while they are the same; the jobs
themselves are made again, which is quick (kept as objects, their paths took longer to load than
to make). A product whose files were not read through the record cache has no digest: what it needs
is worked out every time.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from datetime import date
from pathlib import Path

from ..catalogue import Catalogue
from ..model import Product
from ..record_cache import load_pickle, store_pickle
from .cache import file_digest, library_versions

_FILE = "plan-memo.pickle"
_VERSION = 1


class PlanMemo:
    """The texts of one build's plan, taken from the last build's where their product's digest is
    the same. With no `folder`, nothing is kept: every text is made (`text` then calls `make`)."""

    def __init__(self, catalogue: Catalogue, today: date, digest: Callable[[Path], str] = file_digest, folder: Path | None = None) -> None:
        self.catalogue = catalogue
        self.digest = digest
        self.path = folder / _FILE if folder and catalogue.record_keys else None
        # The record keys carry the code's fingerprint (the installed libraries among it); the job keys
        # carry the versions of the libraries that make the bytes, named here too.
        context = f"{_VERSION}\0{today.isoformat()}\0{catalogue.settings.model_dump_json()}\0{library_versions()}" if self.path else ""
        self._context = hashlib.sha256(context.encode()).digest()
        stored = load_pickle(self.path) if self.path else None
        self._old: dict[str, tuple[str, dict[str, str]]] = stored if isinstance(stored, dict) else {}
        self._texts: dict[str, tuple[str | None, dict[str, str]]] = {}
        self._made: set[str] = set()
        self._hashes: dict[str, list[str]] = {}

    def photo_hashes(self, product: Product) -> list[str]:
        """The SHA-256 of each of the product's photos (`digest`), worked out once a build."""
        hashes = self._hashes.get(product.id)
        if hashes is None:
            folder = self.catalogue.product_files[product.id].parent
            hashes = self._hashes[product.id] = [self.digest(folder / image.src) for image in product.images]
        return hashes

    def text(self, product: Product, name: str, make: Callable[[], str]) -> str:
        """The text that `make` gives for `product` under `name` (a job's key, a JSON text): kept
        from the last build when the product's digest is as it was, else made (and kept)."""
        key, texts = self._texts.get(product.id) or self._open(product)
        found = texts.get(name)
        if found is None:
            found = texts[name] = make()
            if key:
                self._made.add(product.id)
        return found

    def store(self) -> None:
        """Keep the texts of this build's products for the next build (when any was made or dropped)."""
        if self.path is None:
            return
        new = {pid: found for pid, found in self._texts.items() if found[0] is not None}
        if self._made or new.keys() != self._old.keys():
            store_pickle(self.path, new)

    def _open(self, product: Product) -> tuple[str | None, dict[str, str]]:
        key = self._key(product)
        old = self._old.get(product.id)
        texts = dict(old[1]) if key and isinstance(old, tuple) and old[0] == key and isinstance(old[1], dict) else {}
        found = self._texts[product.id] = (key, texts)
        return found

    def _key(self, product: Product) -> str | None:
        """The digest of what decides the product's share, or None when its files have no record key."""
        if self.path is None:
            return None
        files, keys = self.catalogue, self.catalogue.record_keys
        own = keys.get(files.product_files.get(product.id))  # type: ignore[arg-type]
        producer = keys.get(files.producer_files.get(product.producer))  # type: ignore[arg-type]
        if not own or not producer:
            return None
        digest = hashlib.sha256(self._context)
        digest.update(f"{own}\0{producer}\0{chr(0).join(self.photo_hashes(product))}".encode())
        return digest.hexdigest()
