"""Photo variants: orientation, colour, transparency, odd sizes, damaged files, no metadata; the
real path of a photo as the check works it out."""

from __future__ import annotations

import io
import os
from pathlib import Path, PurePosixPath, PureWindowsPath

import pytest
from PIL import ExifTags, Image

from catalogue import image_files
from catalogue.makers.images import OG_SIZE, PhotoError, make_og, make_variants, open_photo, variant_widths

from .icc import display_p3_profile


def save(image: Image.Image, path: Path, **options) -> Path:
    image.save(path, **options)
    return path


def gps_exif() -> Image.Exif:
    exif = Image.Exif()
    exif[ExifTags.Base.Make] = "PhoneMaker"
    exif[ExifTags.Base.Orientation] = 1
    gps = exif.get_ifd(ExifTags.IFD.GPSInfo)
    gps[ExifTags.GPS.GPSLatitudeRef] = "N"
    gps[ExifTags.GPS.GPSLatitude] = (22.0, 23.0, 45.0)
    gps[ExifTags.GPS.GPSLongitudeRef] = "E"
    gps[ExifTags.GPS.GPSLongitude] = (103.0, 28.0, 12.0)
    return exif


@pytest.mark.parametrize(
    ("width", "widths"), [(2000, [320, 640, 960, 1280]), (1280, [320, 640, 960, 1280]), (900, [320, 640, 900]), (320, [320]), (1, [1])]
)
def test_never_upscaled(width: int, widths: list[int]) -> None:
    assert variant_widths(width) == widths


def test_exif_orientation_is_applied(tmp_path: Path) -> None:
    image = Image.new("RGB", (200, 100), (220, 0, 0))
    image.paste((0, 0, 220), (100, 0, 200, 100))  # stored: red left, blue right
    exif = Image.Exif()
    exif[ExifTags.Base.Orientation] = 6  # shown rotated 90° clockwise: red on top
    photo = open_photo(save(image, tmp_path / "rotated.jpg", exif=exif, quality=95))
    assert photo.size == (100, 200)
    red, _, blue = photo.getpixel((50, 40))
    assert red > 180 and blue < 60
    red, _, blue = photo.getpixel((50, 160))
    assert blue > 180 and red < 60


def test_cmyk_jpeg_becomes_rgb(tmp_path: Path) -> None:
    photo = open_photo(save(Image.new("CMYK", (64, 48), (0, 255, 255, 0)), tmp_path / "cmyk.jpg", quality=95))
    assert photo.mode == "RGB"
    red, green, blue = photo.getpixel((10, 10))
    assert red > 230 and green < 30 and blue < 30


def test_display_p3_is_converted_to_srgb(tmp_path: Path) -> None:
    source = save(Image.new("RGB", (64, 48), (200, 100, 50)), tmp_path / "p3.png", icc_profile=display_p3_profile())
    red, green, blue = open_photo(source).getpixel((5, 5))
    # P3's orange is more saturated than the same numbers in sRGB: red rises, blue falls
    assert red >= 210 and blue <= 30 and 85 <= green <= 100


def test_srgb_photo_keeps_its_colours(tmp_path: Path) -> None:
    from PIL import ImageCms

    srgb = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()
    source = save(Image.new("RGB", (64, 48), (200, 100, 50)), tmp_path / "srgb.png", icc_profile=srgb)
    assert open_photo(source).getpixel((5, 5)) == (200, 100, 50)


def test_png_transparency_is_flattened_onto_white(tmp_path: Path) -> None:
    image = Image.new("RGBA", (40, 40), (0, 0, 0, 0))
    image.paste((0, 120, 0, 255), (10, 10, 30, 30))
    photo = open_photo(save(image, tmp_path / "alpha.png"))
    assert photo.mode == "RGB"
    assert photo.getpixel((2, 2)) == (255, 255, 255)
    assert photo.getpixel((20, 20)) == (0, 120, 0)


def test_palette_png_with_transparent_index(tmp_path: Path) -> None:
    image = Image.new("P", (30, 30), 1)
    image.putpalette([255, 0, 0, 0, 0, 255] + [0] * 762)
    image.paste(0, (0, 0, 15, 30))
    photo = open_photo(save(image, tmp_path / "palette.png", transparency=1))
    assert photo.getpixel((5, 5)) == (255, 0, 0)
    assert photo.getpixel((25, 5)) == (255, 255, 255)


def test_sixteen_bit_grey_png(tmp_path: Path) -> None:
    photo = open_photo(save(Image.new("I;16", (20, 20), 40000), tmp_path / "deep.png"))
    assert photo.mode == "RGB"
    assert photo.getpixel((3, 3))[0] == pytest.approx(40000 / 256, abs=2)


def test_one_pixel_image(tmp_path: Path) -> None:
    photo = open_photo(save(Image.new("RGB", (1, 1), (10, 20, 30)), tmp_path / "dot.png"))
    variants, files = make_variants(photo, "img/x/1")
    assert [(v.width, v.height) for v in variants] == [(1, 1)]
    assert set(files) == {"img/x/1-1.webp", "img/x/1-1.jpg"}
    assert Image.open(io.BytesIO(make_og(photo))).size == OG_SIZE


def test_truncated_jpeg_is_a_problem(tmp_path: Path) -> None:
    full = tmp_path / "full.jpg"
    Image.effect_noise((400, 300), 60).convert("RGB").save(full, quality=90)
    cut = tmp_path / "cut.jpg"
    cut.write_bytes(full.read_bytes()[: full.stat().st_size // 2])
    with pytest.raises(PhotoError) as caught:
        open_photo(cut)
    assert caught.value.code == "image-truncated"


@pytest.mark.parametrize(("mode", "size"), [("L", (10_000, 7_000)), ("1", (20_000, 20_000))])
def test_decompression_bombs_are_refused(tmp_path: Path, mode: str, size: tuple[int, int]) -> None:
    source = save(Image.new(mode, size), tmp_path / "bomb.png")
    assert source.stat().st_size < 2_000_000  # small on disk, huge in memory
    with pytest.raises(PhotoError) as caught:
        open_photo(source)
    assert caught.value.code == "image-too-large"


def test_outputs_carry_no_metadata(tmp_path: Path) -> None:
    source = save(Image.effect_noise((1600, 1200), 40).convert("RGB"), tmp_path / "gps.jpg", exif=gps_exif(), quality=90)
    assert Image.open(source).getexif().get_ifd(ExifTags.IFD.GPSInfo)  # the source does have GPS
    photo = open_photo(source)
    variants, files = make_variants(photo, "img/p/1")
    files["og.jpg"] = make_og(photo)
    assert [v.width for v in variants] == [320, 640, 960, 1280]
    for name, data in files.items():
        out = Image.open(io.BytesIO(data))
        assert not out.getexif(), name
        assert "exif" not in out.info and "xmp" not in out.info and "icc_profile" not in out.info, name
        assert b"Exif" not in data[:4096] and b"PhoneMaker" not in data, name


def test_variants_keep_the_aspect_ratio(tmp_path: Path) -> None:
    photo = open_photo(save(Image.new("RGB", (1500, 2000), (1, 2, 3)), tmp_path / "portrait.jpg"))
    variants, files = make_variants(photo, "img/p/2")
    assert [(v.width, v.height) for v in variants] == [(320, 427), (640, 853), (960, 1280), (1280, 1707)]
    for v in variants:
        assert Image.open(io.BytesIO(files[v.webp])).size == (v.width, v.height)
        assert Image.open(io.BytesIO(files[v.jpeg])).format == "JPEG"


def test_real_path_with_kept_folders_answers_as_realpath_does(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "cat" / "images" / "a").mkdir(parents=True)
    (tmp_path / "cat" / "images" / "a" / "1.jpg").write_bytes(b"photo")
    (tmp_path / "outside").mkdir()
    (tmp_path / "outside" / "2.jpg").write_bytes(b"photo")
    (tmp_path / "cat" / "images" / "link.jpg").symlink_to("a/1.jpg")
    (tmp_path / "cat" / "images" / "out").symlink_to(tmp_path / "outside", target_is_directory=True)
    (tmp_path / "cat" / "images" / "loop").symlink_to("loop")
    (tmp_path / "cat" / "images" / "file").write_bytes(b"not a folder")
    folders: dict[str, str] = {}
    for path in [
        "cat/images/a/1.jpg",
        "cat/images/link.jpg",
        "cat/images/out/2.jpg",
        "cat/images/out/../a/1.jpg",  # `..` after a link: the link's parent, as the system reads it
        "cat/images/a/../a/./1.jpg",
        str(tmp_path / "cat" / "images" / "a" / "1.jpg"),
        "cat/images/missing.jpg",
        "cat/images/loop",
        "cat/images/file/1.jpg",
        "cat/images/a/1.jpg",  # again, its folders kept
    ]:
        try:
            expected: str | type[BaseException] = os.path.realpath(path, strict=True)
        except (OSError, RuntimeError) as error:
            expected = type(error)
        try:
            found: str | type[BaseException] = image_files.real_path(path, folders)
        except (OSError, RuntimeError) as error:
            found = type(error)
        assert found == expected, path
    assert folders[os.path.join("cat", "images", "a")] == str(tmp_path / "cat" / "images" / "a")


@pytest.mark.parametrize(
    "src",
    ["images/a.jpg", "a:b.jpg", "C:a.jpg", "c:\\a.jpg", "\\\\server\\share\\a.jpg", "//server/share/a.jpg", "/a.jpg", "\\a.jpg", "~/a.jpg"],
)
def test_only_a_path_that_may_be_absolute_is_parsed_for_a_root_or_a_drive(src: str) -> None:
    absolute = PurePosixPath(src).is_absolute() or PureWindowsPath(src).is_absolute() or bool(PureWindowsPath(src).drive)
    assert not absolute or image_files._may_be_absolute(src)
