"""Choose an illustration motif from a product's group, category and wording."""

from __future__ import annotations

import re
import unicodedata

#: Keyword rules, most specific first. Keywords are matched as whole words in
#: lower-case NFC text, so "cá" does not match "các" and "chè" does not match "che".
KEYWORDS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("bottle", ("rượu", "vang", "wine", "liquor", "bottle", "tinh dầu", "nước ép", "siro", "giấm")),
    ("honey", ("mật ong", "honey")),
    ("tea", ("chè", "trà", "matcha", "tea")),
    ("noodles", ("miến", "phở", "bún", "mì", "noodle", "noodles", "vermicelli")),
    ("ginseng", ("sâm", "tam thất", "đương quy", "ginseng")),
    ("spice", ("thảo quả", "gia vị", "chẳm chéo", "mắc khén", "hạt dổi", "sa nhân", "quế", "hồi", "ớt", "cardamom", "spice")),
    ("meat", ("thịt", "trâu", "lạp sườn", "lợn", "bò", "gác bếp", "xúc xích", "giò", "meat", "buffalo", "pork", "sausage")),
    ("fish", ("cá", "fish")),
    ("nuts", ("mắc ca", "óc chó", "hạt", "lạc", "macadamia", "nut", "nuts")),
    ("rice", ("gạo", "lúa", "nếp", "ngũ cốc", "rice")),
    ("textile", ("thổ cẩm", "trang phục", "vải", "dệt", "thêu", "khăn", "váy", "áo", "brocade", "textile")),
    ("basket", ("mây", "tre", "đan", "giỏ", "gùi", "nan", "basket", "rattan", "bamboo")),
    ("flowers", ("lan", "hoa", "đào", "mai", "cây cảnh", "bonsai", "orchid", "flower", "flowers")),
)

_FOOD = frozenset({"tea", "rice", "honey", "noodles", "spice", "ginseng", "meat", "fish", "nuts", "bottle"})

#: The motifs a keyword may choose within each group, so that "tre" (bamboo) in the
#: alt text of a herbal product does not turn it into a basket. Unknown groups allow all.
GROUP_MOTIFS: dict[str, frozenset[str]] = {
    "thuc-pham": _FOOD,
    "do-uong": frozenset({"bottle", "tea", "honey"}),
    "duoc-lieu": frozenset({"ginseng", "tea", "bottle", "honey", "spice"}),
    "thu-cong-my-nghe": frozenset({"textile", "basket", "flowers"}),
    "sinh-vat-canh": frozenset({"flowers"}),
    "du-lich": frozenset({"landscape", "tea"}),
}

CATEGORIES: dict[str, str] = {
    "che": "tea",
    "gao-ngu-coc": "rice",
    "che-bien-gao-ngu-coc": "rice",
    "mat-ong-nong-san": "honey",
    "thit-thuy-san-tuoi": "meat",
    "che-bien-thit-thuy-san": "meat",
    "gia-vi": "spice",
    "rau-cu-qua-hat-tuoi": "nuts",
    "che-bien-rau-cu-qua-hat": "nuts",
    "do-uong-co-con": "bottle",
    "do-uong-khong-con": "bottle",
    "thuc-pham-chuc-nang": "ginseng",
    "duoc-lieu-khac": "ginseng",
    "my-pham-thao-duoc": "bottle",
    "vai-may-mac": "textile",
    "thu-cong-gia-dung": "basket",
    "hoa": "flowers",
    "cay-canh": "flowers",
    "du-lich-cong-dong": "landscape",
    "du-lich-sinh-thai": "landscape",
    "diem-du-lich": "landscape",
}

GROUPS: dict[str, str] = {
    "do-uong": "bottle",
    "duoc-lieu": "ginseng",
    "thu-cong-my-nghe": "basket",
    "sinh-vat-canh": "flowers",
    "du-lich": "landscape",
}


def _normalise(text: str) -> str:
    text = unicodedata.normalize("NFC", text).lower()
    return " ".join(re.findall(r"\w+", text))


def _has_word(text: str, keyword: str) -> bool:
    return re.search(rf"(?<!\w){re.escape(keyword)}(?!\w)", text) is not None


def keyword_motif(group: str, text: str) -> str | None:
    """Return the motif of the first keyword rule that matches `text` and suits `group`."""
    words = _normalise(text)
    allowed = GROUP_MOTIFS.get(group)
    for motif, keywords in KEYWORDS:
        if allowed is not None and motif not in allowed:
            continue
        if any(_has_word(words, keyword) for keyword in keywords):
            return motif
    return None


def motif_for(group: str, category: str | None, text: str) -> str:
    """Choose the motif for a product from its group, category and wording.

    A keyword in `text` (name, alt text...) wins if its motif suits the group; then
    the category decides, then the group, and finally the generic motif. Tourism
    products therefore show a landscape, or tea hills when the text is about tea.
    """
    found = keyword_motif(group, text)
    if found:
        return found
    if category in CATEGORIES:
        return CATEGORIES[category]
    return GROUPS.get(group, "generic")
