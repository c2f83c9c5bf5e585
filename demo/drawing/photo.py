"""Photographic finishing: softening, vignette and a fine, deterministic grain."""

from __future__ import annotations

import math
import random

from PIL import Image, ImageChops, ImageFilter

#: Pictures smaller than this (longest side, pixels) are drawn larger and reduced,
#: which smooths their edges.
SUPERSAMPLE_BELOW = 1000


def work_size(size: tuple[int, int]) -> tuple[int, int]:
    """Size at which to draw a picture of `size` before finishing it."""
    factor = max(1, min(4, math.ceil(SUPERSAMPLE_BELOW / max(size))))
    return (size[0] * factor, size[1] * factor)


def finish(image: Image.Image, size: tuple[int, int], rng: random.Random) -> Image.Image:
    """Bring a drawn picture to `size` and give it a soft vignette and grain."""
    if image.size != size:
        image = image.resize(size, Image.Resampling.LANCZOS)
    else:
        image = image.filter(ImageFilter.BoxBlur(max(0.5, min(size) / 3000)))
    image = vignette(image, 0.3)
    return grain(image, rng, 1.5)


def vignette(image: Image.Image, strength: float) -> Image.Image:
    """Darken the corners of `image` by up to `strength` (0..1)."""
    steps = 48
    mask = Image.new("L", (steps, steps))
    values = []
    for j in range(steps):
        for i in range(steps):
            nx, ny = (2 * i + 1) / steps - 1, (2 * j + 1) / steps - 1
            d = math.sqrt((nx * nx + ny * ny) / 2)
            values.append(round(255 * (1 - strength * d**2.2)))
    mask.putdata(values)
    mask = mask.resize(image.size, Image.Resampling.BICUBIC)
    return ImageChops.multiply(image, Image.merge("RGB", (mask, mask, mask)))


def grain(image: Image.Image, rng: random.Random, amount: float) -> Image.Image:
    """Add monochrome grain of about `amount` levels, drawn from `rng`."""
    w, h = image.size
    gw, gh = max(1, w // 2), max(1, h // 2)
    noise = Image.frombytes("L", (gw, gh), rng.randbytes(gw * gh))
    noise = noise.point([round(128 + (v - 127.5) * amount / 128) for v in range(256)])
    noise = noise.resize((w, h), Image.Resampling.BILINEAR)
    return ImageChops.add(image, Image.merge("RGB", (noise, noise, noise)), offset=-128)
