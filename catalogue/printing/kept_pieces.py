"""Pieces of print pages kept between builds, so that an edit draws again only what it changed.

An edit to one product changes one entry of its part of the printed catalogue and one page of its
label sheet; fpdf2 would still draw the part's other 180 entries, in each language. What fpdf2
writes for a piece of a page (an entry, a page of labels) is a run of PDF operators that depends
on three things only: what the piece shows, fpdf2's drawing state where it starts (font, colours,
line width) and how the document numbers its fonts' glyphs and its images. `KeptPieces` keeps
each piece's operators under a key of the first two, and puts them back in place of drawing when
the same key comes again and the numbering is the same:

- *glyphs*: fpdf2 numbers a font's glyphs in the order a document first uses them, so every
  document starts by numbering the letters of Vietnamese and English in one fixed order
  (`number_glyphs`); a piece kept with other glyphs (an 'ñ') is put back only where the document
  has numbered the same ones in the same order before it.
- *images*: a kept piece's photos are registered again, in the order it drew them; it is put back
  only if they get the numbers they had.

A piece put back is the same bytes as the piece drawn (`tests/test_kept_pieces.py` compares whole
documents). Pieces are files in a folder beside the media cache (`.cache/print-pages/`), named by
their key: two processes that make the same piece write the same bytes.
"""

from __future__ import annotations

import contextlib
import dataclasses
import io
import itertools
import os
import re
import time
import zlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from ..jobs.cache import digest, library_versions
from ..record_cache import load_pickle, store_pickle, touch
from .kept_fonts import kept_subsets

if TYPE_CHECKING:
    from fpdf import FPDF

VERSION = 2  # of the kept form: a new one leaves the old pieces unread
# The letters every document numbers first: printable ASCII, the Vietnamese letters, and the
# punctuation and signs of product texts; a font's own letters among them only.
_VIETNAMESE = "ÀÁÂÃÈÉÊÌÍÒÓÔÕÙÚÝàáâãèéêìíòóôõùúýĂăĐđĨĩŨũƠơƯư" + "".join(chr(c) for c in range(0x1EA0, 0x1EFA))
_SIGNS = "–—‘’“”…•·°×₫«»©®²³½¼"
FIRST_GLYPHS = "".join(chr(c) for c in range(0x20, 0x7F)) + _VIETNAMESE + _SIGNS
_FONT_USE = re.compile(rb"/F(\d+) +[-+]?\d+(?:\.\d+)? +Tf")
_IMAGE_USE = re.compile(rb"/I(\d+) Do")
_OTHER_RESOURCES = re.compile(rb"/(?:GS|P|Sh|OC)\d+ ")
# By font key, the characters (each a tuple of code points, as fpdf2 keeps them) of the glyphs
# a document numbered past `FIRST_GLYPHS`, in their order.
Glyphs = tuple[tuple[str, tuple[tuple[int, ...], ...]], ...]
KEEP_DAYS = 7  # a piece not drawn or put back for this long is deleted (`prune`)


@dataclass(frozen=True)
class Piece:
    """What a piece of a page left: its operators (compressed: a tenth of a millisecond to unpack,
    and a fifth of the room on disk), the fonts and images they use, the glyphs the document had
    numbered past `FIRST_GLYPHS` before and after it (by font), and fpdf2's drawing state and
    position after it."""

    packed: bytes
    fonts: tuple[int, ...]
    images: tuple[int, ...]
    glyphs_before: Glyphs
    glyphs_after: Glyphs
    state_after: dict[str, object]
    position: tuple[float, float]


def number_glyphs(pdf: FPDF) -> None:
    """Number `FIRST_GLYPHS` in every font of `pdf`, in their order, before anything is drawn, so
    that a kept piece of text is written the same in every document. The fonts embed those glyphs
    whether used or not (about 20 KB a weight)."""
    numbered = {}
    for key, font in pdf.fonts.items():
        subset, known = getattr(font, "subset", None), getattr(font, "cmap", None)
        if subset is not None and known is not None:
            for char in FIRST_GLYPHS:
                if ord(char) in known:
                    subset.pick(ord(char))
            numbered[key] = len(subset)
    pdf.ocop_first_glyphs = numbered  # type: ignore[attr-defined]


class KeptPieces:
    """The pieces (and font subsets) kept in `folder` (None: none are kept, every piece is drawn).
    `salt` goes into every key: the print file's kind and its version
    (`catalogue.printing.jobs.VERSIONS`), so that a change of its drawing code that bumps it leaves
    the pieces of the old code unread."""

    def __init__(self, folder: Path | None, salt: object = None) -> None:
        self.folder = folder
        self.salt = salt
        self.put_back = 0
        self.drawn = 0

    def draw(self, pdf: FPDF, key: str, draw: Callable[[], None], photos: Callable[[], Sequence[bytes]] = tuple) -> None:
        """Draw a piece of the current page with `draw`, or put it back as kept under `key`.

        `key` stands for everything the piece shows; `photos` gives the bytes of the images
        `draw` puts on the page, in its order (`FPDF.image` of each, as a BytesIO).
        """
        if self.folder is None or pdf._is_current_graphics_state_nested():
            self.drawn += 1
            draw()
            return
        path = self._path(pdf, key)
        piece = _read(path)
        if piece is not None and _put_back(pdf, piece, photos):
            self.put_back += 1
            touch(path)
            return
        self.drawn += 1
        kept = _drawn(pdf, draw)
        if kept is not None:
            store_pickle(path, kept)

    def _path(self, pdf: FPDF, key: str) -> Path:
        """The piece's file: its key with the drawing state it starts from."""
        assert self.folder is not None
        name = digest("piece", VERSION, self.salt, key, _state_words(pdf), pdf.k, pdf.h, library_versions())
        return self.folder / "pieces" / name[:2] / name

    def output(self, pdf: FPDF) -> bytes:
        """`pdf`'s bytes, its font subsets taken from those kept when the same (`kept_fonts`)."""
        with kept_subsets(self.folder / "fonts" if self.folder else None):
            return bytes(pdf.output())


def _state_words(pdf: FPDF) -> str:
    """fpdf2's drawing state and position as words."""
    return repr((sorted(_state_fields(pdf).items()), pdf.x, pdf.y))


def _state_fields(pdf: FPDF) -> dict[str, object]:
    """fpdf2's drawing state by field, its font by key."""
    state = pdf._get_current_graphics_state()
    fields = {field.name: getattr(state, field.name) for field in dataclasses.fields(state)}
    fields["current_font"] = getattr(fields["current_font"], "fontkey", None)
    return fields


def _glyphs(pdf: FPDF) -> Glyphs:
    """By font, the characters numbered after those `number_glyphs` numbered, in their order (all
    of them in a document where it did not run)."""
    numbered = getattr(pdf, "ocop_first_glyphs", {})
    found = []
    for key, font in sorted(pdf.fonts.items()):
        subset = getattr(font, "subset", None)
        if subset is None:
            continue
        first = numbered.get(key, 0)
        if len(subset) == first:
            found.append((key, ()))
            continue
        extra = itertools.islice(subset.items(), first, None)
        found.append((key, tuple(tuple(glyph.unicode) for glyph, _ in extra if glyph is not None)))
    return tuple(found)


def _drawn(pdf: FPDF, draw: Callable[[], None]) -> Piece | None:
    """Draw the piece and return what it left, or None when it cannot be kept (it used a kind of
    resource other than fonts and images, added a link, or ended inside a saved state)."""
    page = pdf.pages[pdf.page]
    contents, links, before = page.contents, len(page.annots), _glyphs(pdf)
    start = len(contents)
    draw()
    operators = bytes(page.contents[start:])
    after = _glyphs(pdf)
    if (
        not isinstance(page.contents, bytearray)
        or len(page.annots) != links
        or pdf._is_current_graphics_state_nested()
        or _OTHER_RESOURCES.search(operators)
        or any(len(char) != 1 for _, chars in after for char in chars)
    ):
        return None
    fonts = tuple(sorted({int(n) for n in _FONT_USE.findall(operators)}))
    images = tuple(int(n) for n in _IMAGE_USE.findall(operators))
    return Piece(zlib.compress(operators, 1), fonts, images, before, after, _state_fields(pdf), (pdf.x, pdf.y))


def _put_back(pdf: FPDF, piece: Piece, photos: Callable[[], Sequence[bytes]]) -> bool:
    """Put `piece` on the current page as it was drawn; False (and nothing written) when the
    document numbers its glyphs or its photos otherwise than where it was drawn."""
    from fpdf.enums import PDFResourceType
    from fpdf.image_parsing import preload_image

    page = pdf.pages[pdf.page]
    if not isinstance(page.contents, bytearray) or _glyphs(pdf) != piece.glyphs_before:
        return False
    numbers = []
    for data in photos():
        _, _, info = preload_image(pdf.image_cache, io.BytesIO(data), None, resource_access_policy=pdf.resource_access_policy)
        numbers.append(info["i"])
    if tuple(numbers) != piece.images:
        return False
    fonts = {font.i: font for font in pdf.fonts.values()}
    if any(number not in fonts for number in piece.fonts):
        return False
    try:
        operators = zlib.decompress(piece.packed)
    except zlib.error:
        return False
    page.contents.extend(operators)
    for number in piece.fonts:
        pdf._resource_catalog.add(PDFResourceType.FONT, number, pdf.page)
    for number in piece.images:
        pdf._resource_catalog.add(PDFResourceType.X_OBJECT, number, pdf.page)
    _number_as(pdf, piece.glyphs_after)
    _restore(pdf, piece)
    return True


def _number_as(pdf: FPDF, glyphs: Glyphs) -> None:
    """Number the glyphs the piece numbered when it was drawn (those past the ones before it)."""
    for key, chars in glyphs:
        font = pdf.fonts.get(key)
        if font is not None:
            for char in chars:
                font.subset.pick(char[0])


def _restore(pdf: FPDF, piece: Piece) -> None:
    """fpdf2's drawing state and position as the piece left them."""
    state = pdf._get_current_graphics_state()
    for name, value in piece.state_after.items():
        setattr(state, name, pdf.fonts.get(value) if name == "current_font" and isinstance(value, str) else value)
    pdf._pop_local_stack()
    pdf._push_local_stack(state)
    pdf.x, pdf.y = piece.position


def _read(path: Path) -> Piece | None:
    """The piece kept at `path`, or None (none, or one that cannot be read)."""
    piece = load_pickle(path)
    return piece if isinstance(piece, Piece) else None


def prune(folder: Path, now: float | None = None, days: float = KEEP_DAYS) -> int:
    """Delete the pieces and font subsets in `folder` neither made nor used for `days`, at most
    once a day (a build after an edit does not walk them); return how many."""
    now = time.time() if now is None else now
    marker = folder / ".pruned"
    with contextlib.suppress(OSError):
        if now - marker.stat().st_mtime < 86_400:
            return 0
    removed = sum(_prune_files(folder / name, now - days * 86_400) for name in ("pieces", "fonts"))
    with contextlib.suppress(OSError):
        marker.touch()
        os.utime(marker, (now, now))
    return removed


def _prune_files(folder: Path, limit: float) -> int:
    """Delete the files under `folder` (one level of subfolders deep) last changed before `limit`."""
    removed = 0
    for entry in _scan(folder):
        for file in _scan(Path(entry.path)) if entry.is_dir(follow_symlinks=False) else [entry]:
            with contextlib.suppress(OSError):
                if file.is_file(follow_symlinks=False) and file.stat(follow_symlinks=False).st_mtime < limit:
                    os.unlink(file.path)
                    removed += 1
    return removed


def _scan(folder: Path) -> list[os.DirEntry[str]]:
    try:
        with os.scandir(folder) as entries:
            return list(entries)
    except OSError:
        return []
