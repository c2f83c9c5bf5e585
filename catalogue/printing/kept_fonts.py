"""Font subsets kept between builds: the same glyphs give the same embedded font, made once.

fpdf2 embeds in each PDF a subset of each font with the glyphs the document numbered, made with
fontTools when the PDF is written: about 0.1 s a weight, a third of the time of a part of the
printed catalogue whose entries are put back (`kept_pieces`), and two thirds of a label sheet's.
Every print file numbers the same letters first (`kept_pieces.number_glyphs`), so most of them
embed the very same subsets. `kept_subsets` lets fpdf2 take a subset made before from a folder,
by the font file, the glyphs and the versions of fpdf2 and fontTools, instead of making it again;
the bytes are the ones fontTools writes (`tests/test_kept_pieces.py` compares whole documents).
"""

from __future__ import annotations

import functools
import importlib.metadata
import io
import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from types import SimpleNamespace
from typing import Any

from ..jobs.cache import digest, library_versions
from ..record_cache import load_pickle, store_pickle, touch

VERSION = 1


@contextmanager
def kept_subsets(folder: Path | None) -> Iterator[None]:
    """While it lasts, the PDFs written in this process take the font subsets kept in `folder` and
    keep those they make there (nothing changes without a folder)."""
    if folder is None:
        yield
        return
    import fpdf.output as output

    real = output.ftsubset
    output.ftsubset = SimpleNamespace(Options=real.Options, Subsetter=lambda options: _Subsetter(real, options, folder))
    try:
        yield
    finally:
        output.ftsubset = real


class _Subsetter:
    """What fpdf2 asks of fontTools' `Subsetter`, with the result kept by its inputs."""

    def __init__(self, real: Any, options: Any, folder: Path) -> None:
        self.real, self.options, self.folder = real, options, folder
        self.glyphs: list[str] = []

    def populate(self, glyphs: list[str]) -> None:
        """The glyphs (by name) that the subset keeps."""
        self.glyphs = list(glyphs)

    def subset(self, font: Any) -> None:
        """Make `font` write the subset and number its glyphs as the subset does: from the kept
        subset, or by subsetting it (and keeping the result)."""
        path = self.folder / self._key(font)
        kept = _read(path)
        if kept is None:
            subsetter = self.real.Subsetter(self.options)
            subsetter.populate(glyphs=self.glyphs)
            subsetter.subset(font)
            written = io.BytesIO()
            font.save(written)
            kept = (written.getvalue(), {name: font.getGlyphID(name) for name in font.getGlyphOrder()})
            store_pickle(path, kept)
        else:
            touch(path)
        data, numbers = kept
        font.getGlyphID = numbers.__getitem__
        font.save = lambda file, *args, **kwargs: file.write(data)

    def _key(self, font: Any) -> str:
        source = getattr(getattr(font, "reader", None), "file", None)
        name = getattr(source, "name", "")
        size = os.stat(name).st_size if name else 0
        return digest("font-subset", VERSION, os.path.basename(name), size, sorted(self.glyphs), library_versions(), _fonttools())


@functools.cache
def _fonttools() -> str:
    return importlib.metadata.version("fonttools")


def _read(path: Path) -> tuple[bytes, dict[str, int]] | None:
    """The subset kept at `path`: its bytes and its glyph numbers by name, or None."""
    kept = load_pickle(path)
    valid = isinstance(kept, tuple) and len(kept) == 2 and isinstance(kept[0], bytes) and isinstance(kept[1], dict)
    return kept if valid else None  # type: ignore[return-value]
