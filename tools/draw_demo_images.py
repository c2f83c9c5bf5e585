"""Draw the demo catalogue's product pictures from code (we never copy photos).

    .venv/bin/python tools/draw_demo_images.py [--force] [CATALOGUE_ROOT]

Reads every `products/*.yaml` under CATALOGUE_ROOT (the repository by default) and, for
each `images[i].src`, draws the missing file (every file with --force): the motif comes
from the product's group, category, name and alt text, the seed from its id and index.
JPEG for .jpg/.jpeg, PNG for .png (palette or alpha, to vary the media pipeline's inputs),
WebP for .webp. A `src` that is absolute or leaves the products folder is refused.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import sys
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path, PurePosixPath, PureWindowsPath

import yaml
from PIL import Image, ImageDraw

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from demo.drawing import draw_illustration, motif_for  # noqa: E402

#: Sizes by image index: the first picture is 4:3, later ones cycle through these.
SIZES = ((2000, 1500), (1500, 2000), (1600, 1200))
PNG_SIZE = (1600, 1200)
PNG_LIMIT = 600_000
FORMATS = {".jpg": "JPEG", ".jpeg": "JPEG", ".png": "PNG", ".webp": "WEBP"}


@dataclass(frozen=True)
class Job:
    """One picture to draw."""

    target: Path
    label: str
    motif: str
    seed: int
    size: tuple[int, int]


class RefusedError(Exception):
    """An image reference the tool will not write to."""


def stable_seed(product_id: str, index: int) -> int:
    """A seed that depends only on the product id and image index (not on `hash()`)."""
    digest = hashlib.sha256(f"{product_id}#{index}".encode()).digest()
    return int.from_bytes(digest[:8], "big")


def target_path(products: Path, product_file: Path, src: object) -> Path:
    """The file `src` names, relative to `product_file`; refuses anything outside `products`."""
    if not isinstance(src, str) or not src.strip():
        raise RefusedError(f"src {src!r} is not a path")
    if PurePosixPath(src).is_absolute() or PureWindowsPath(src).is_absolute() or PureWindowsPath(src).drive or src.startswith("~"):
        raise RefusedError(f"src '{src}' is an absolute path")
    path = (product_file.parent / src).resolve()
    if not path.is_relative_to(products.resolve()) or path == products.resolve():
        raise RefusedError(f"src '{src}' leaves the products folder")
    if path.suffix.lower() not in FORMATS:
        raise RefusedError(f"src '{src}' is not a .jpg, .jpeg, .png or .webp file")
    return path


def product_jobs(products: Path, product_file: Path) -> Iterator[Job | RefusedError]:
    """The pictures one product file asks for, or the reasons some are refused."""
    record = yaml.safe_load(product_file.read_text(encoding="utf-8"))
    if not isinstance(record, dict):
        yield RefusedError(f"{product_file.name}: not a product mapping")
        return
    product_id = str(record.get("id") or product_file.stem)
    images = record.get("images") or []
    for index, image in enumerate(images if isinstance(images, list) else []):
        image = image if isinstance(image, dict) else {}
        try:
            target = target_path(products, product_file, image.get("src"))
        except RefusedError as refused:
            yield RefusedError(f"{product_file.name}: images[{index}]: {refused}")
            continue
        text = f"{record.get('name', '')} {image.get('alt', '')}"
        motif = motif_for(str(record.get("group", "")), record.get("category"), text)
        size = PNG_SIZE if target.suffix.lower() == ".png" else SIZES[index % len(SIZES)]
        yield Job(target, target.relative_to(products.resolve()).as_posix(), motif, stable_seed(product_id, index), size)


def png_image(image: Image.Image, colours: int, alpha: bool) -> Image.Image:
    """A palette image of `colours` colours, or with `alpha` an RGBA one with transparent rounded corners."""
    flat = image.quantize(colors=colours, method=Image.Quantize.MEDIANCUT, dither=Image.Dither.NONE)
    if not alpha:
        return flat
    mask = Image.new("L", image.size, 0)
    ImageDraw.Draw(mask).rounded_rectangle((0, 0, image.width - 1, image.height - 1), radius=min(image.size) // 12, fill=255)
    rgba = flat.convert("RGBA")
    rgba.putalpha(mask)
    return rgba


def save(image: Image.Image, target: Path, **options: object) -> int:
    """Write `image` next to `target` and move it into place; return its size in bytes."""
    target.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=target.parent, prefix=".drawing-", suffix=target.suffix)
    try:
        with os.fdopen(handle, "wb") as stream:
            image.save(stream, **options)
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return target.stat().st_size


def draw(job: Job) -> int:
    """Draw and save one job; return the bytes written.

    PNGs alternate (by seed) between a 256-colour palette image and an RGBA image
    (96 colours, transparent rounded corners), and lose colours until they fit in
    PNG_LIMIT bytes.
    """
    image = draw_illustration(job.motif, job.seed, job.size)
    kind = FORMATS[job.target.suffix.lower()]
    if kind == "JPEG":
        return save(image, job.target, format=kind, quality=80, optimize=True, progressive=True)
    if kind == "WEBP":
        return save(image, job.target, format=kind, quality=80)
    alpha = job.seed % 2 == 1
    colours = 96 if alpha else 256
    while True:
        written = save(png_image(image, colours, alpha), job.target, format=kind, optimize=True)
        if written <= PNG_LIMIT or colours <= 16:
            return written
        colours //= 2


def main(argv: list[str] | None = None) -> int:
    """Draw the missing (or, with --force, all) product pictures of a catalogue."""
    parser = argparse.ArgumentParser(description="Draw the demo catalogue's product pictures from code.")
    parser.add_argument("root", nargs="?", type=Path, default=REPO, help="catalogue folder (default: the repository)")
    parser.add_argument("--force", action="store_true", help="redraw pictures that already exist")
    args = parser.parse_args(argv)
    products = args.root / "products"
    if not products.is_dir():
        print(f"error: {products} is not a folder", file=sys.stderr)
        return 2
    count = total = problems = 0
    for product_file in sorted(products.glob("*.yaml")):
        try:
            jobs = list(product_jobs(products, product_file))
        except (OSError, yaml.YAMLError) as exc:
            print(f"skipped {product_file.name}: {exc}", file=sys.stderr)
            problems += 1
            continue
        for job in jobs:
            if isinstance(job, RefusedError):
                print(f"refused {job}", file=sys.stderr)
                problems += 1
            elif args.force or not job.target.exists():
                written = draw(job)
                count, total = count + 1, total + written
                print(f"{job.label}  {job.motif}  {job.size[0]}×{job.size[1]}  {written:,} bytes")
    print(f"{count} pictures written, {total:,} bytes ({total / 1_000_000:.1f} MB); {problems} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
