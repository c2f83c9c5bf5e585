"""Product illustrations drawn from code: deterministic, every motif at any size, motif choice."""

from __future__ import annotations

import unicodedata

import pytest

from demo.drawing import MOTIFS, draw_illustration, motif_for


def test_same_arguments_same_pixels() -> None:
    first = draw_illustration("honey", 42, (320, 240))
    second = draw_illustration("honey", 42, (320, 240))
    assert first.tobytes() == second.tobytes()


def test_different_seeds_differ() -> None:
    assert draw_illustration("rice", 1, (320, 240)).tobytes() != draw_illustration("rice", 2, (320, 240)).tobytes()


@pytest.mark.parametrize("motif", MOTIFS)
@pytest.mark.parametrize("size", [(2000, 1500), (24, 18)])
def test_every_motif_draws_at_the_exact_size(motif: str, size: tuple[int, int]) -> None:
    image = draw_illustration(motif, 7, size)
    assert image.size == size
    assert image.mode == "RGB"


@pytest.mark.parametrize("seed", range(4))
def test_both_tea_variants_and_portrait_frames(seed: int) -> None:
    image = draw_illustration("tea", seed, (180, 240))
    assert image.size == (180, 240)


def test_pictures_are_not_flat() -> None:
    low, high = draw_illustration("landscape", 3, (240, 180)).convert("L").getextrema()
    assert high - low > 60


def test_unknown_motif_and_empty_size_are_refused() -> None:
    with pytest.raises(ValueError, match="unknown motif"):
        draw_illustration("unicorn", 1, (24, 18))
    with pytest.raises(ValueError, match="size"):
        draw_illustration("tea", 1, (0, 18))


@pytest.mark.parametrize(
    ("group", "category", "text", "motif"),
    [
        ("thuc-pham", "mat-ong-nong-san", "Mật ong hoa ban Pa Ủ", "honey"),
        ("thuc-pham", "che", "Trà Shan tuyết cổ thụ Sì Thâu Chải", "tea"),
        ("thuc-pham", "che", "Chè xanh Than Uyên", "tea"),
        ("thuc-pham", "gao-ngu-coc", "Gạo Séng Cù Mường Than", "rice"),
        ("thuc-pham", "che-bien-rau-cu-qua-hat", "Miến dong Bình Lư", "noodles"),
        ("thuc-pham", "gia-vi", "Thảo quả khô Thu Lũm", "spice"),
        ("thuc-pham", "gia-vi", "Chẳm chéo Lực Lệ bên đĩa thịt nướng", "spice"),
        ("duoc-lieu", "duoc-lieu-khac", "Củ sâm Lai Châu", "ginseng"),
        ("thuc-pham", "che-bien-thit-thuy-san", "Thịt trâu gác bếp Thiết Hà", "meat"),
        ("thuc-pham", "che-bien-thit-thuy-san", "Lạp sườn lợn đen Mường Tè", "meat"),
        ("thuc-pham", "che-bien-thit-thuy-san", "Chả cá tầm Sìn Hồ", "fish"),
        ("thuc-pham", "che-bien-rau-cu-qua-hat", "Hạt mắc ca sấy nứt vỏ", "nuts"),
        ("do-uong", "do-uong-co-con", "Rượu sâm Lai Châu", "bottle"),
        ("do-uong", "do-uong-khong-con", "Sữa hạt mắc ca", "bottle"),
        ("thu-cong-my-nghe", "vai-may-mac", "Khăn thổ cẩm Lự", "textile"),
        ("thu-cong-my-nghe", "vai-may-mac", "Túi thổ cẩm Mông hoa văn sáp ong", "textile"),
        ("thu-cong-my-nghe", "vai-may-mac", "Bộ trang phục nữ Hà Nhì", "textile"),
        ("thu-cong-my-nghe", "thu-cong-gia-dung", "Mâm mây tre đan Mường Kim", "basket"),
        ("sinh-vat-canh", "hoa", "Lan kiếm Lai Châu", "flowers"),
        ("sinh-vat-canh", "cay-canh", "Đào thế Tân Phong", "flowers"),
        ("du-lich", "du-lich-cong-dong", "Bản Sin Suối Hồ trong sương sớm", "landscape"),
        ("du-lich", "du-lich-cong-dong", "Nhà gỗ giữa đồi chè cổ thụ", "tea"),
        ("duoc-lieu", "thuc-pham-chuc-nang", "Vỏ đỗ trọng phơi trên sàn tre", "ginseng"),
        ("thuc-pham", None, "Bánh chưng đen", "generic"),
        ("thuc-pham", "che", "Hộp quà", "tea"),
        ("do-uong", None, "Nước giải khát", "bottle"),
    ],
)
def test_motif_for(group: str, category: str | None, text: str, motif: str) -> None:
    assert motif_for(group, category, text) == motif


def test_keywords_are_whole_words() -> None:
    assert motif_for("thuc-pham", None, "Các loại bánh") == "generic"  # "các" is not "cá"


def test_decomposed_unicode_is_matched() -> None:
    assert motif_for("thuc-pham", None, unicodedata.normalize("NFD", "Mật ong rừng")) == "honey"


def test_every_motif_is_reachable() -> None:
    texts = {
        "generic": ("thuc-pham", None, "Bánh"),
        "landscape": ("du-lich", None, "Bản"),
    }
    reached = {motif_for(*texts.get(m, ("", None, m))) for m in MOTIFS}
    assert reached == set(MOTIFS)
