"""The image files a product points at: where they may be, and opening them safely.

`resolve_image` is what `--check` runs on every `images[n].src`: the path stays inside the
catalogue, names a regular file (a named pipe would make the check wait forever), and the file
passes `probe_photo`. The photo job of the build decodes with `open_photo`, the same code at a
larger size, so the check refuses exactly the photos the build would refuse.
"""

from __future__ import annotations

import errno
import io
import os
import stat
import warnings
from pathlib import Path, PurePosixPath, PureWindowsPath

from PIL import Image, ImageCms, ImageOps, UnidentifiedImageError

from .messages import Message, msg

ACCEPTED_FORMATS = {"JPEG", "PNG", "WEBP"}
MAX_PIXELS = 64_000_000  # a 48-megapixel phone photo passes; decompression bombs do not
MAX_ASPECT = 10  # longer side / shorter side: past that a photo is a strip, and WebP caps a side at 16,383 px
PROBE_SIZE = (64, 64)  # what the check decodes at least: JPEGs decode at 1/8 scale, every byte still read
_SRGB = ImageCms.createProfile("sRGB")
_TRANSPOSED_ORIENTATIONS = {5, 6, 7, 8}
# What Pillow raises on damaged data, besides OSError: bad headers, short reads, odd chunk values.
_DAMAGED = (OSError, SyntaxError, ValueError, EOFError, IndexError, TypeError, ZeroDivisionError)


class ImageFileError(Exception):
    """An image reference or file that cannot be used; `message` follows the file name: "'x.jpg' is ..."."""

    def __init__(self, code: str, message: Message) -> None:
        super().__init__(message.text("en"))
        self.code, self.message = code, message


def resolve_image(
    src: str, product_file: Path, root: Path, sound: set[tuple[object, ...]] | None = None, folders: dict[str, str] | None = None
) -> Path:
    """The image file that `src` names, after checking it; raises ImageFileError.

    `src` is relative to the product file and may not leave `root`, the catalogue folder,
    whether by `..`, an absolute path or a symbolic link pointing out. `sound` holds the photos
    that passed `probe_photo` before (by path, size, times and inode): those are not decoded
    again, and a photo that passes is added. `folders` keeps the real path of each folder met
    (`real_path`), for the other images of the same check.
    """
    try:
        path, real, info = _locate(src, product_file, root, {} if folders is None else folders)
        signature = (real, info.st_size, info.st_mtime_ns, info.st_ctime_ns, info.st_ino)
        if sound is None or signature not in sound:
            probe_photo(path)
            if sound is not None:
                sound.add(signature)
    except ImageFileError as exc:
        raise ImageFileError(exc.code, msg("image.named", src=src, problem=exc.message)) from None
    return path


def _locate(src: str, product_file: Path, root: Path, folders: dict[str, str]) -> tuple[Path, str, os.stat_result]:
    """The path of a regular file inside `root` that `src` names, with its real path (no symbolic
    link in it) and its status; or ImageFileError."""
    if "\0" in src:
        raise ImageFileError("image-unreadable", msg("image.nul"))
    if src.startswith("~") or (_may_be_absolute(src) and (PurePosixPath(src).is_absolute() or PureWindowsPath(src).drive)):
        raise ImageFileError("path-outside", msg("image.absolute"))
    path = product_file.parent / src
    try:
        real = real_path(os.fspath(path), folders)
    except RuntimeError:  # Python 3.11 reports a symbolic-link loop so; later versions raise OSError
        raise _os_problem(OSError(errno.ELOOP, os.strerror(errno.ELOOP))) from None
    except OSError as exc:
        raise _os_problem(exc) from None
    key = _ROOT_OF + os.fspath(root)
    if key not in folders:
        folders[key] = os.path.realpath(root)
    folder = folders[key]
    if real != folder and not real.startswith(os.path.join(folder, "")):
        raise ImageFileError("path-outside", msg("image.outside"))
    try:
        info = os.stat(real)
    except OSError as exc:
        raise _os_problem(exc) from None
    if not stat.S_ISREG(info.st_mode):
        raise ImageFileError("image-unreadable", msg("image.not-a-file", kind=msg(_kind_of(info.st_mode))))
    return path, real, info


def _may_be_absolute(src: str) -> bool:
    """Whether `src` may be an absolute path or name a drive, on any system: only one that starts
    with a slash or a backslash (a Unix root, a Windows share) or holds a colon (a drive letter)
    can (parsing every photo's path three times took 0.06 s of a check of 2,000 products)."""
    return src.startswith(("/", "\\")) or ":" in src


# Sets the catalogue folder's real path apart from those `real_path` keeps (the folder may not exist).
_ROOT_OF = "\0root\0"


def real_path(path: str, folders: dict[str, str]) -> str:
    """`os.path.realpath(path, strict=True)`, each folder's real path kept in `folders` on the way:
    a catalogue's photos lie in a few folders, and resolving every folder of every photo's path
    anew took 0.2 s of a check of 2,000 products. A name that is a symbolic link, `.` or `..` is
    left to `os.path.realpath`, so the answer and the errors are its own."""
    head, name = os.path.split(path)
    if not head or not name or name in (os.curdir, os.pardir):
        return os.path.realpath(path, strict=True)
    folder = folders.get(head)
    if folder is None:
        folder = folders[head] = real_path(head, folders)
    real = os.path.join(folder, name)
    if stat.S_ISLNK(os.lstat(real).st_mode):
        return os.path.realpath(real, strict=True)
    return real


def _os_problem(exc: OSError) -> ImageFileError:
    if exc.errno in (errno.ENOENT, errno.ENOTDIR):
        return ImageFileError("image-missing", msg("image.missing"))
    if exc.errno == errno.ELOOP:
        return ImageFileError("image-unreadable", msg("image.loop"))
    if exc.errno == errno.ENAMETOOLONG:
        return ImageFileError("image-unreadable", msg("image.name-too-long"))
    return ImageFileError("image-unreadable", msg("image.unreadable", reason=exc.strerror or str(exc)))


def _kind_of(mode: int) -> str:
    kinds = {stat.S_ISDIR: "image.kind.folder", stat.S_ISFIFO: "image.kind.pipe", stat.S_ISSOCK: "image.kind.socket"}
    return next((key for test, key in kinds.items() if test(mode)), "image.kind.device")


def probe_photo(path: Path) -> None:
    """Raise ImageFileError unless the photo at `path` decodes as the build will decode it.

    It runs every step of `open_photo` (header, size, pixel data to the last byte, orientation,
    colour profile) on a small decode, so a big JPEG costs a few milliseconds.
    """
    open_photo(path, PROBE_SIZE).close()


def open_photo(path: Path, at_least: tuple[int, int]) -> Image.Image:
    """Decode a photo upright in sRGB RGB, at least `at_least` (width, height) when it has that many pixels.

    Raises ImageFileError for anything that is not a sound JPEG, PNG or WebP photo of a sensible size.
    """
    with warnings.catch_warnings():
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        try:
            image = Image.open(path)
        except UnidentifiedImageError:
            raise ImageFileError("image-not-image", msg("image.not-image")) from None
        except (Image.DecompressionBombError, Image.DecompressionBombWarning):
            limit = MAX_PIXELS // 1_000_000
            raise ImageFileError("image-too-large", msg("image.bomb", limit=limit)) from None
        except _DAMAGED as exc:
            raise ImageFileError("image-unreadable", msg("image.unreadable", reason=str(exc))) from None
    with image:
        _check_header(image)
        _draft(image, at_least)
        try:
            image.load()
            upright = ImageOps.exif_transpose(image)
        except _DAMAGED as exc:
            raise ImageFileError("image-truncated", msg("image.truncated", reason=str(exc))) from None
        return _to_srgb(upright)


def _check_header(image: Image.Image) -> None:
    if image.format not in ACCEPTED_FORMATS:
        raise ImageFileError("image-format", msg("image.format", format=str(image.format)))
    width, height = image.size
    if width * height > MAX_PIXELS:
        raise ImageFileError("image-too-large", msg("image.too-large", width=width, height=height, limit=MAX_PIXELS // 1_000_000))
    if max(width, height) > MAX_ASPECT * min(width, height):
        raise ImageFileError("image-shape", msg("image.shape", width=width, height=height, ratio=MAX_ASPECT))


def _draft(image: Image.Image, at_least: tuple[int, int]) -> None:
    """Let the JPEG decoder scale down big photos while decoding (much faster, same quality)."""
    if image.format != "JPEG":
        return
    width, height = image.size
    try:
        if image.getexif().get(0x0112) in _TRANSPOSED_ORIENTATIONS:
            width, height = height, width
    except _DAMAGED:  # unreadable EXIF: decode at full size, and let exif_transpose have its say
        return
    scale = max(at_least[0] / width, at_least[1] / height)
    if scale < 1:
        requested = (round(image.size[0] * scale), round(image.size[1] * scale))
        image.draft(image.mode if image.mode in ("RGB", "L", "CMYK") else "RGB", requested)


def _to_srgb(image: Image.Image) -> Image.Image:
    profile = image.info.get("icc_profile")
    if profile and image.mode in ("RGB", "CMYK"):
        try:
            source = ImageCms.ImageCmsProfile(io.BytesIO(profile))
            if "srgb" not in (ImageCms.getProfileDescription(source) or "").lower():
                image = ImageCms.profileToProfile(image, source, _SRGB, outputMode="RGB")
        except (ImageCms.PyCMSError, *_DAMAGED):
            raise ImageFileError("image-colour-profile", msg("image.colour-profile")) from None
    try:
        return _flat_rgb(image)
    except _DAMAGED:
        raise ImageFileError("image-format", msg("image.mode", mode=image.mode)) from None


def _flat_rgb(image: Image.Image) -> Image.Image:
    """RGB pixels with transparency flattened onto white, and no metadata: phone photos hold GPS positions."""
    if image.mode in ("RGBA", "LA", "PA") or (image.mode == "P" and "transparency" in image.info):
        rgba = image.convert("RGBA")
        flat = Image.new("RGB", rgba.size, (255, 255, 255))
        flat.paste(rgba, mask=rgba.getchannel("A"))
        return flat
    if image.mode in ("I", "I;16", "I;16B", "I;16L", "F"):
        image = image.point(lambda v: v / 256).convert("L") if image.mode != "F" else image.convert("L")
    converted = image.convert("RGB")
    converted.info = {}
    return converted
