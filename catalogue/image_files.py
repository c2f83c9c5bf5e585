"""Checks of the image files a product points at: inside the catalogue, present, and an image."""

from __future__ import annotations

from pathlib import Path, PurePosixPath, PureWindowsPath

from PIL import Image, UnidentifiedImageError

ACCEPTED_FORMATS = {"JPEG", "PNG", "WEBP"}


class ImageFileError(Exception):
    """An image reference that cannot be used."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code, self.message = code, message


def resolve_image(src: str, product_file: Path, root: Path) -> Path:
    """The image file that `src` names, after checking it; raises ImageFileError.

    `src` is relative to the product file and may not leave `root`, the catalogue folder,
    whether by `..`, an absolute path or a symbolic link pointing out.
    """
    if PurePosixPath(src).is_absolute() or PureWindowsPath(src).is_absolute() or PureWindowsPath(src).drive or src.startswith("~"):
        raise ImageFileError("path-outside", f"'{src}' is an absolute path; write it relative to the product file")
    path = product_file.parent / src
    real, real_root = path.resolve(), root.resolve()
    if not real.is_relative_to(real_root):
        raise ImageFileError("path-outside", f"'{src}' leads outside the catalogue folder")
    if not path.exists():
        raise ImageFileError("image-missing", f"'{src}' does not exist")
    _check_image(path, src)
    return path


def _check_image(path: Path, src: str) -> None:
    try:
        with Image.open(path) as image:
            kind = image.format
    except UnidentifiedImageError:
        raise ImageFileError("image-not-image", f"'{src}' is not an image (use JPEG, PNG or WebP)") from None
    except OSError as exc:
        raise ImageFileError("image-unreadable", f"'{src}' cannot be read: {exc.strerror or exc}") from None
    if kind not in ACCEPTED_FORMATS:
        raise ImageFileError("image-format", f"'{src}' is a {kind} image; use JPEG, PNG or WebP")
