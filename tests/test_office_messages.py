"""The mistakes the office makes most, each with the message that says how to fix it, in
Vietnamese (the default) and in English (`--lang en`), at the line of the mistake."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from catalogue.cli import main
from catalogue.validate import validate

TODAY = date(2026, 11, 28)
PRODUCT = "products/base-product.yaml"
PRODUCER = "producers/base-producer.yaml"


def _edit(root: Path, file: str, old: str, new: str) -> None:
    path = root / file
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def _problems(lang: str) -> list[str]:
    _, report = validate(Path("products"), Path("producers"), today=TODAY)
    return [p.show(lang) for p in report.sorted()]


# (file, text in the valid file, what the office wrote instead, the problem in Vietnamese, in English)
MISTAKES = {
    "colon-in-value": (
        PRODUCT,
        "summary: Chè Shan tuyết hái",
        "summary: Đặc sản: Chè Shan tuyết hái",
        f'{PRODUCT}:15: error: giá trị của summary có dấu hai chấm và dấu cách (": ") nên phải đặt trong ngoặc kép: '
        'summary: "Đặc sản: Chè Shan tuyết hái từ cây chè cổ thụ ở Tả Lèng, sa…" [yaml-syntax]',
        f'{PRODUCT}:15: error: the value of summary contains ": " (a colon and a space), so it must be put in quotes: '
        'summary: "Đặc sản: Chè Shan tuyết hái từ cây chè cổ thụ ở Tả Lèng, sa…" [yaml-syntax]',
    ),
    "no-break-space-after-colon": (
        PRODUCT,
        "stars: 4",
        "stars:\u00a04",
        f"{PRODUCT}:6: error: dòng này có dấu cách không ngắt (U+00A0), thường do dán từ Word, ở chỗ YAML cần dấu cách "
        "thường: hãy thay bằng dấu cách thường [yaml-syntax]",
        f"{PRODUCT}:6: error: this line contains a non-breaking space (U+00A0), often pasted from Word, where YAML needs "
        "a normal space: replace it with a normal space [yaml-syntax]",
    ),
    "no-break-space-in-indentation": (
        PRODUCT,
        "  area: Đồi",
        "\u00a0 area: Đồi",
        f"{PRODUCT}:27: error: dòng này có dấu cách không ngắt (U+00A0), thường do dán từ Word, ở chỗ YAML cần dấu cách "
        "thường: hãy thay bằng dấu cách thường [yaml-syntax]",
        f"{PRODUCT}:27: error: this line contains a non-breaking space (U+00A0), often pasted from Word, where YAML needs "
        "a normal space: replace it with a normal space [yaml-syntax]",
    ),
    "narrow-no-break-space-after-value": (
        PRODUCT,
        "stars: 4",
        "stars: 4\u202f",
        f"{PRODUCT}:6: error: stars: phải là 3, 4 hoặc 5, nhưng đang là '4\\u202f'; trong đó có dấu cách hẹp không ngắt "
        "(U+202F), có lẽ do dán từ Word: hãy thay bằng dấu cách thường [invalid-value]",
        f"{PRODUCT}:6: error: stars: must be 3, 4 or 5, got '4\\u202f'; it contains a narrow non-breaking space "
        "(U+202F), perhaps pasted from Word: replace it with a normal space [invalid-value]",
    ),
    "thousands-dots": (
        PRODUCT,
        "from: 150000",
        "from: 50.000",
        f"{PRODUCT}:23: error: price.from: 50.000: không dùng dấu chấm phân cách hàng nghìn trong số "
        "(YAML sẽ đọc 50.000 thành 50); hãy viết 50000 [wrong-type]",
        f"{PRODUCT}:23: error: price.from: 50.000: Vietnamese thousands dots are not allowed in numbers "
        "(YAML would read 50.000 as 50); write 50000 [wrong-type]",
    ),
    "day-first-date": (
        PRODUCT,
        "issued: 2025-03-10",
        "issued: 30/06/2025",
        f"{PRODUCT}:10: error: certificate.issued: phải là ngày viết theo dạng YYYY-MM-DD, nhưng đang là '30/06/2025'; "
        "có phải là 2025-06-30? [invalid-date]",
        f"{PRODUCT}:10: error: certificate.issued: expected a date written YYYY-MM-DD, got '30/06/2025'; "
        "did you mean 2025-06-30? [invalid-date]",
    ),
    "day-that-does-not-exist": (
        PRODUCT,
        "issued: 2025-03-10",
        "issued: 2025-06-31",
        f"{PRODUCT}:10: error: certificate.issued: ngày '2025-06-31' không có thật: tháng 6 năm 2025 chỉ có 30 ngày [invalid-date]",
        f"{PRODUCT}:10: error: certificate.issued: '2025-06-31' is a day that does not exist: June 2025 has 30 days [invalid-date]",
    ),
    "former-district": (
        PRODUCT,
        "commune: ta-leng",
        "commune: Tam Đường",
        f"{PRODUCT}:28: error: origin.commune: 'Tam Đường' không phải xã, phường của tỉnh Lai Châu; Tam Đường là huyện cũ "
        "(cấp huyện đã bỏ từ ngày 1/7/2025): hãy ghi xã hoặc phường, một trong ban-bo (xã Bản Bo), binh-lu (xã Bình Lư), "
        "ta-leng (xã Tả Lèng), khun-ha (xã Khun Há) [unknown-commune]",
        f"{PRODUCT}:28: error: origin.commune: 'Tam Đường' is not a commune or ward of Lai Châu; Tam Đường is a former "
        "district (districts were abolished on 1 July 2025): write the commune or ward, one of ban-bo (xã Bản Bo), "
        "binh-lu (xã Bình Lư), ta-leng (xã Tả Lèng), khun-ha (xã Khun Há) [unknown-commune]",
    ),
    "former-commune": (
        PRODUCT,
        "commune: ta-leng",
        "commune: Sơn Bình",
        f"{PRODUCT}:28: error: origin.commune: 'Sơn Bình' không phải xã, phường của tỉnh Lai Châu; đơn vị này đã sáp nhập "
        "từ ngày 1/7/2025 vào binh-lu (xã Bình Lư): hãy ghi đơn vị đó [unknown-commune]",
        f"{PRODUCT}:28: error: origin.commune: 'Sơn Bình' is not a commune or ward of Lai Châu; it was merged on "
        "1 July 2025 into binh-lu (xã Bình Lư): write that [unknown-commune]",
    ),
    "htx": (
        PRODUCER,
        "kind: cooperative",
        "kind: HTX",
        f"{PRODUCER}:4: error: kind: phải là 'cooperative', 'cooperative-group', 'enterprise' hoặc 'household', "
        "nhưng đang là 'HTX'; có phải ý bạn là 'cooperative'? [invalid-value]",
        f"{PRODUCER}:4: error: kind: must be 'cooperative', 'cooperative-group', 'enterprise' or 'household', "
        "got 'HTX'; did you mean 'cooperative'? [invalid-value]",
    ),
}


@pytest.mark.parametrize("case", MISTAKES)
def test_a_common_mistake_says_how_to_fix_it(base_catalogue: Path, case: str) -> None:
    file, old, new, vietnamese, english = MISTAKES[case]
    _edit(base_catalogue, file, old, new)
    assert _problems("vi") == [vietnamese]
    assert _problems("en") == [english]


@pytest.mark.parametrize(
    ("written", "code"),
    [
        ("HTX", "cooperative"),
        ("Hợp tác xã", "cooperative"),
        ("hợp tác xã", "cooperative"),
        ("THT", "cooperative-group"),
        ("Tổ hợp tác", "cooperative-group"),
        ("DN", "enterprise"),
        ("Doanh nghiệp", "enterprise"),
        ("Công ty TNHH", "enterprise"),
        ("hộ kinh doanh", "household"),
        ("HKD", "household"),
        ("Household business", "household"),
    ],
)
def test_the_everyday_words_for_a_producer_kind_suggest_its_code(base_catalogue: Path, written: str, code: str) -> None:
    _edit(base_catalogue, PRODUCER, "kind: cooperative", f"kind: {written}")
    [problem] = _problems("en")
    assert problem.endswith(f"got '{written}'; did you mean '{code}'? [invalid-value]")


def test_a_former_district_that_is_also_a_commune_is_taken_as_the_commune(base_catalogue: Path) -> None:
    """Than Uyên was a district and is a commune: the usual suggestion (its id) stands."""
    _edit(base_catalogue, PRODUCT, "commune: ta-leng", "commune: Than Uyên")
    assert _problems("en") == [
        f"{PRODUCT}:28: error: origin.commune: 'Than Uyên' is not a commune or ward of Lai Châu; "
        "did you mean 'than-uyen'? [unknown-commune]"
    ]


@pytest.mark.parametrize(
    ("written", "vietnamese"),
    [
        ("2027-02-29", "ngày '2027-02-29' không có thật: tháng 2 năm 2027 chỉ có 28 ngày"),
        ("2025-13-01", "'2025-13-01' không phải ngày: không có tháng 13"),
        ("31/06/2025", "ngày '31/06/2025' không có thật: tháng 6 năm 2025 chỉ có 30 ngày"),
        ("10.03.2025", "phải là ngày viết theo dạng YYYY-MM-DD, nhưng đang là '10.03.2025'; có phải là 2025-03-10?"),
        ("tháng 3", "phải là ngày viết theo dạng YYYY-MM-DD, nhưng đang là 'tháng 3'"),
        ("30/06/0000", "phải là ngày viết theo dạng YYYY-MM-DD, nhưng đang là '30/06/0000'"),
    ],
)
def test_dates_say_what_is_wrong_with_them(base_catalogue: Path, written: str, vietnamese: str) -> None:
    _edit(base_catalogue, PRODUCT, "issued: 2025-03-10", f"issued: {written}")
    assert _problems("vi") == [f"{PRODUCT}:10: error: certificate.issued: {vietnamese} [invalid-date]"]


def test_check_speaks_vietnamese_unless_told_english(base_catalogue: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _edit(base_catalogue, PRODUCER, "kind: cooperative", "kind: HTX")
    assert main(["--check", "--today", TODAY.isoformat()]) == 1
    vietnamese = capsys.readouterr().out.splitlines()
    assert vietnamese[-1] == "1 sản phẩm, 1 chủ thể: 1 lỗi, 0 cảnh báo"
    assert vietnamese[0].endswith("nhưng đang là 'HTX'; có phải ý bạn là 'cooperative'? [invalid-value]")
    assert main(["--check", "--lang", "en", "--today", TODAY.isoformat()]) == 1
    assert capsys.readouterr().out.splitlines()[-1] == "1 products, 1 producers: 1 error, 0 warnings"


def test_json_carries_the_message_in_the_chosen_language(base_catalogue: Path, capsys: pytest.CaptureFixture[str]) -> None:
    import json

    _edit(base_catalogue, PRODUCER, "kind: cooperative", "kind: HTX")
    main(["--check", "--format", "json", "--today", TODAY.isoformat()])
    [vietnamese] = json.loads(capsys.readouterr().out)["problems"]
    main(["--check", "--format", "json", "--lang", "en", "--today", TODAY.isoformat()])
    [english] = json.loads(capsys.readouterr().out)["problems"]
    assert list(vietnamese) == list(english) == ["file", "line", "severity", "message", "code"]
    assert {k: v for k, v in vietnamese.items() if k != "message"} == {k: v for k, v in english.items() if k != "message"}
    assert vietnamese["message"].startswith("kind: phải là ") and english["message"].startswith("kind: must be ")


def test_a_valid_catalogue_checks_ok_in_vietnamese(base_catalogue: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--check", "--today", TODAY.isoformat()]) == 0
    assert capsys.readouterr().out == "1 sản phẩm, 1 chủ thể: không có lỗi\n"


# The everyday problems, in Vietnamese: (file, text in the valid file, what was written instead, the problem).
EVERYDAY = [
    (PRODUCT, "stars: 4", "stars: 6", f"{PRODUCT}:6: error: stars: phải là 3, 4 hoặc 5, nhưng đang là 6 [invalid-value]"),
    (
        PRODUCT,
        "stars: 4",
        "stars: 4\nstras: 4",
        f"{PRODUCT}:7: error: stras: trường không có trong mẫu; có phải ý bạn là 'stars'? [unknown-field]",
    ),
    (PRODUCT, "name: Chè Shan tuyết Tả Lèng\n", "", f"{PRODUCT}:2: error: name: thiếu trường bắt buộc [missing-field]"),
    (
        PRODUCT,
        "unit: hộp 200 g",
        "unit: 200",
        f"{PRODUCT}:23: error: price.unit: phải là chữ, nhưng đang là 200; muốn ghi dạng chữ thì đặt giá trị trong ngoặc kép [wrong-type]",
    ),
    (
        PRODUCT,
        "producer: base-producer",
        "producer: base-produce",
        f"{PRODUCT}:7: error: producer: 'base-produce' không có tệp trong thư mục producers; có phải ý bạn là 'base-producer'? "
        "[unknown-producer]",
    ),
    (
        PRODUCT,
        "id: base-product",
        "id: base-products",
        f"{PRODUCT}:2: error: id: 'base-products' khác tên tệp 'base-product.yaml'; tệp phải đặt tên là base-products.yaml [id-mismatch]",
    ),
    (
        PRODUCT,
        "category: che\n",
        "category: che\ncategory: che\n",
        f"{PRODUCT}:6: error: 'category' xuất hiện hai lần trong cùng một nhóm (lần đầu ở dòng 5) [duplicate-key]",
    ),
    (
        PRODUCER,
        'phone: "0912 345 678"',
        'phone: "12345"',
        f"{PRODUCER}:7: error: phone: '12345' không phải số điện thoại Việt Nam: cần số di động 10 chữ số (09x xxx xxxx), "
        "số cố định 11 chữ số (0213 xxxx xxx) hoặc +84 rồi đến số bỏ số 0 đầu [invalid-phone]",
    ),
]


@pytest.mark.parametrize(("file", "old", "new", "problem"), EVERYDAY)
def test_everyday_problems_in_vietnamese(base_catalogue: Path, file: str, old: str, new: str, problem: str) -> None:
    _edit(base_catalogue, file, old, new)
    assert _problems("vi") == [problem]
