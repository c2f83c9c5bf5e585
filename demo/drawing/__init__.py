"""Stylised product illustrations drawn from code, for demo and test catalogues.

Nothing here copies a photograph: every picture is built from gradients and
simple shapes, then finished like a camera photo (soft edges, vignette, grain).
Pictures are deterministic: the same motif, seed and size give the same pixels.
For example `draw_illustration(motif_for("thuc-pham", "che", "Chè Shan tuyết"), 7, (800, 600))`.
"""

from __future__ import annotations

import random
from collections.abc import Callable

from PIL import Image

from demo.drawing.canvas import Canvas
from demo.drawing.choose import motif_for
from demo.drawing.crafts import draw_basket, draw_flowers, draw_textile
from demo.drawing.harvest import draw_fish, draw_ginseng, draw_meat
from demo.drawing.outdoor import draw_landscape, draw_tea_hills
from demo.drawing.pantry import draw_noodles, draw_nuts, draw_rice, draw_spice
from demo.drawing.photo import finish, work_size
from demo.drawing.vessels import draw_bottle, draw_generic, draw_honey, draw_tea_cup

__all__ = ["MOTIFS", "draw_illustration", "motif_for"]


def _draw_tea(c: Canvas) -> None:
    """Tea: either terraced tea hills or a cup of tea with fresh leaves."""
    if c.rng.random() < 0.5:
        draw_tea_hills(c)
    else:
        draw_tea_cup(c)


_PAINTERS: dict[str, Callable[[Canvas], None]] = {
    "tea": _draw_tea,
    "rice": draw_rice,
    "honey": draw_honey,
    "noodles": draw_noodles,
    "spice": draw_spice,
    "ginseng": draw_ginseng,
    "meat": draw_meat,
    "fish": draw_fish,
    "nuts": draw_nuts,
    "bottle": draw_bottle,
    "textile": draw_textile,
    "basket": draw_basket,
    "flowers": draw_flowers,
    "landscape": draw_landscape,
    "generic": draw_generic,
}

#: Every motif name accepted by :func:`draw_illustration`.
MOTIFS: tuple[str, ...] = tuple(_PAINTERS)


def draw_illustration(motif: str, seed: int, size: tuple[int, int]) -> Image.Image:
    """Draw an RGB illustration of `motif` at `size` (width, height).

    The result depends only on the arguments: `seed` varies composition and
    colours through its own `random.Random`. Raises `ValueError` for an
    unknown motif or a size below 1×1.
    """
    if motif not in _PAINTERS:
        raise ValueError(f"unknown motif {motif!r}; expected one of {', '.join(MOTIFS)}")
    width, height = size
    if width < 1 or height < 1:
        raise ValueError(f"size must be at least 1×1, got {width}×{height}")
    rng = random.Random(seed)
    canvas = Canvas(work_size((width, height)), rng)
    _PAINTERS[motif](canvas)
    return finish(canvas.image, (width, height), rng)
