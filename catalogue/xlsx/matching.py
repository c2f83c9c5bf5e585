"""Loose matching of what an annex says to the catalogue: products and producers already there,
the commune of an address, the group and category of a product, the kind of a producer.

Names are compared without tone marks, case or the legal form in front ("HTX", "Hợp tác xã",
"Công ty TNHH"), so "HTX Thanh Xuân" finds the file of "Hợp tác xã Thanh Xuân".
"""

from __future__ import annotations

import re

from ..places import province
from ..rules import fold_tone_marks, slugify
from ..vocab import GROUP_LABELS, Group, ProducerKind, categories

ID_MAX = 40
# Legal forms, folded, longest first, with the kind they mean and the prefix of the producer's id.
_FORMS: tuple[tuple[str, ProducerKind, str], ...] = (
    ("cong ty trach nhiem huu han mot thanh vien", ProducerKind.ENTERPRISE, "cty"),
    ("cong ty trach nhiem huu han", ProducerKind.ENTERPRISE, "cty"),
    ("cong ty tnhh mot thanh vien", ProducerKind.ENTERPRISE, "cty"),
    ("cong ty tnhh mtv", ProducerKind.ENTERPRISE, "cty"),
    ("cong ty tnhh", ProducerKind.ENTERPRISE, "cty"),
    ("cong ty co phan", ProducerKind.ENTERPRISE, "cty"),
    ("cong ty cp", ProducerKind.ENTERPRISE, "cty"),
    ("cong ty", ProducerKind.ENTERPRISE, "cty"),
    ("doanh nghiep tu nhan", ProducerKind.ENTERPRISE, "dn"),
    ("doanh nghiep", ProducerKind.ENTERPRISE, "dn"),
    ("dntn", ProducerKind.ENTERPRISE, "dn"),
    ("hop tac xa", ProducerKind.COOPERATIVE, "htx"),
    ("htx", ProducerKind.COOPERATIVE, "htx"),
    ("to hop tac", ProducerKind.COOPERATIVE_GROUP, "tht"),
    ("tht", ProducerKind.COOPERATIVE_GROUP, "tht"),
    ("ho kinh doanh", ProducerKind.HOUSEHOLD, "hkd"),
    ("hkd", ProducerKind.HOUSEHOLD, "hkd"),
    ("ho san xuat", ProducerKind.HOUSEHOLD, "hkd"),
    ("co so san xuat", ProducerKind.HOUSEHOLD, "hkd"),
    ("co so", ProducerKind.HOUSEHOLD, "hkd"),
)
# Words of a product's name that suggest its group and category, in the order they are tried
# (a "rượu sâm" is a drink before it is a herb). Only a suggestion: the stub marks it to check.
_NAME_HINTS: tuple[tuple[str, Group, str | None], ...] = (
    ("du lich", Group.TOURISM, "du-lich-cong-dong"),
    ("ruou", Group.BEVERAGES, "do-uong-co-con"),
    ("nuoc|sua hat", Group.BEVERAGES, "do-uong-khong-con"),
    ("mat ong", Group.FOOD, "mat-ong-nong-san"),
    ("tra|che", Group.FOOD, "che"),
    ("sam|duoc lieu|thao duoc|cao|tinh dau", Group.HERBAL, "duoc-lieu-khac"),
    ("gao|nep", Group.FOOD, "gao-ngu-coc"),
    ("thit|lap suon|xuc xich|gio|ca|cha ca|tom", Group.FOOD, "che-bien-thit-thuy-san"),
    ("thao qua|cham cheo|cham cheo|gia vi|ot|mac khen|hat doi", Group.FOOD, "gia-vi"),
    ("mien|mac ca|hat", Group.FOOD, "che-bien-rau-cu-qua-hat"),
    ("tho cam|trang phuc|vai|det|khan", Group.HANDICRAFTS, "vai-may-mac"),
    ("may tre|dan|go|gom", Group.HANDICRAFTS, "thu-cong-gia-dung"),
    ("lan|hoa", Group.ORNAMENTALS, "hoa"),
    ("cay canh", Group.ORNAMENTALS, "cay-canh"),
)


def folded(text: str) -> str:
    """Words without tone marks or case, one space apart."""
    return " ".join(re.findall(r"[a-z0-9]+", fold_tone_marks(text)))


def legal_form(name: str) -> tuple[ProducerKind | None, str, str]:
    """(kind, id prefix, the rest of the name folded) of a producer's name."""
    words = folded(name)
    for form, kind, prefix in _FORMS:
        if words == form or words.startswith(form + " "):
            return kind, prefix, words[len(form) :].strip()
    return None, "", words


def short_id(words: str, prefix: str = "") -> str:
    """An id from folded words, cut at a word to at most 40 characters."""
    parts = ([prefix] if prefix else []) + slugify(words).split("-")
    out = ""
    for part in parts:
        if not part:
            continue
        longer = f"{out}-{part}" if out else part
        if len(longer) > ID_MAX:
            break
        out = longer
    return out if len(out) >= 3 else (out + "-sp" if out else "san-pham")


def product_id(name: str) -> str:
    """The id a new product gets from its name: 'Miến dong Bình Lư' → 'mien-dong-binh-lu'."""
    return short_id(folded(name))


def producer_id(name: str) -> str:
    """The id a new producer gets from its name: 'HTX Nông sản Bình Lư' → 'htx-nong-san-binh-lu'."""
    _, prefix, rest = legal_form(name)
    return short_id(rest, prefix)


def find_producer(name: str, producers: dict[str, str]) -> str | None:
    """The id of the producer (id → name) whose name is the same apart from legal form, marks and case."""
    _, _, rest = legal_form(name)
    wanted = folded(name)
    for producer, known in producers.items():
        if folded(known) == wanted or (rest and legal_form(known)[2] == rest):
            return producer
    return None


def find_product(name: str, products: dict[str, str]) -> str | None:
    """The id of the product (id → name) with this name, or whose id this name would get."""
    wanted = folded(name)
    for product, known in products.items():
        if folded(known) == wanted or product == product_id(name):
            return product
    return None


def commune_in(address: str) -> str | None:
    """The commune or ward an address names ('bản Nà Giang, xã Bình Lư' → 'binh-lu'), by its name
    after "xã" or "phường", or by a former unit's name; None when none or more than one fits."""
    words = folded(address)
    units = province().units.values()
    named = re.findall(r"\b(?:xa|phuong|thi tran|tt)\s+([a-z0-9 ]+?)(?=\s*(?:,|;|$|\bhuyen\b|\btinh\b|\bthanh pho\b))", _commas(address))
    for name in named:
        found = {u.id for u in units if name in (folded(u.name), *(folded(a) for a in u.aliases))}
        if len(found) == 1:
            return found.pop()
    for name in named:
        found = {u.id for u in units if name in (folded(f) for f in u.former_units)}
        if len(found) == 1:
            return found.pop()
    found = {u.id for u in units if re.search(rf"\b{re.escape(folded(u.name))}\b", words)}
    return found.pop() if len(found) == 1 else None


def _commas(text: str) -> str:
    """Folded text that keeps its commas and semicolons, which separate the parts of an address."""
    return ",".join(" ".join(re.findall(r"[a-z0-9;]+", fold_tone_marks(part))) for part in text.split(","))


def group_in(text: str) -> tuple[Group | None, str | None]:
    """The group and category an annex's "nhóm/bộ sản phẩm" cell names, by their Vietnamese names."""
    words = folded(text)
    if not words:
        return None, None
    padded = f" {words} "
    labels = [(folded(label["vi"]), group, code) for code, (group, label) in categories().items()]
    labels += [(folded(label["vi"]), group, None) for group, label in GROUP_LABELS.items()]
    # the same words first, then a name within the cell ("Nhóm thực phẩm"), then the cell within a name ("Gạo, ngũ cốc")
    for fits in (
        lambda label: label == words,
        lambda label: f" {label} " in padded,
        lambda label: f" {words} " in f" {label} ",
    ):
        for label, group, code in labels:
            if fits(label):
                return group, code
    return None, None


def group_from_name(name: str) -> tuple[Group | None, str | None]:
    """A guess of the group and category from the product's name."""
    words = f" {folded(name)} "
    for pattern, group, category in _NAME_HINTS:
        if re.search(rf" (?:{pattern}) ", words):
            return group, category
    return None, None
