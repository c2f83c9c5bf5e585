"""Synthetic catalogues for tests and benchmarks.

`python -m demo.synth --products N OUT` writes OUT/products, OUT/producers, small images and
OUT/catalogue.yaml: N valid products from about N/4 producers, the same files for the same seed.
"""

from __future__ import annotations

import argparse
import random
import sys
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import yaml

from catalogue.places import province
from catalogue.rules import gtin_check_digit
from demo.drawing import draw_illustration, motif_for

# (name, group, category, unit, lowest price, fact keys)
_KINDS: list[tuple[str, str, str, str, int, tuple[str, ...]]] = [
    ("Chè Shan tuyết", "thuc-pham", "che", "hộp 200 g", 150_000, ("net_weight", "shelf_life", "storage")),
    ("Trà xanh", "thuc-pham", "che", "gói 100 g", 80_000, ("net_weight", "variety", "shelf_life")),
    ("Gạo Séng Cù", "thuc-pham", "gao-ngu-coc", "kg", 40_000, ("net_weight", "variety", "storage")),
    ("Gạo tẻ râu", "thuc-pham", "gao-ngu-coc", "kg", 35_000, ("net_weight", "harvest")),
    ("Miến dong", "thuc-pham", "che-bien-gao-ngu-coc", "gói 500 g", 60_000, ("net_weight", "ingredients", "shelf_life")),
    ("Mật ong rừng", "thuc-pham", "mat-ong-nong-san", "chai 500 ml", 250_000, ("volume", "shelf_life", "storage")),
    ("Thảo quả khô", "thuc-pham", "gia-vi", "kg", 180_000, ("net_weight", "harvest", "storage")),
    ("Thịt trâu gác bếp", "thuc-pham", "che-bien-thit-thuy-san", "gói 500 g", 450_000, ("net_weight", "ingredients", "shelf_life")),
    ("Mắc ca sấy", "thuc-pham", "che-bien-rau-cu-qua-hat", "hộp 500 g", 200_000, ("net_weight", "shelf_life")),
    ("Rượu ngô men lá", "do-uong", "do-uong-co-con", "chai 500 ml", 120_000, ("volume", "alcohol", "ingredients")),
    ("Nước mơ", "do-uong", "do-uong-khong-con", "chai 330 ml", 30_000, ("volume", "ingredients", "shelf_life")),
    ("Trà hoa sâm", "duoc-lieu", "thuc-pham-chuc-nang", "hộp 50 g", 300_000, ("net_weight", "usage", "storage")),
    ("Lá tắm người Dao", "duoc-lieu", "duoc-lieu-khac", "gói", 50_000, ("ingredients", "usage")),
    ("Khăn thổ cẩm", "thu-cong-my-nghe", "vai-may-mac", "chiếc", 250_000, ("material", "size", "technique")),
    ("Giỏ mây tre đan", "thu-cong-my-nghe", "thu-cong-gia-dung", "chiếc", 150_000, ("material", "size")),
    ("Lan kiếm", "sinh-vat-canh", "hoa", "chậu", 500_000, ("size", "season")),
    ("Du lịch cộng đồng bản", "du-lich", "du-lich-cong-dong", "khách/ngày", 400_000, ("duration", "capacity", "season")),
]
_FAMILY = ["Lò", "Tòng", "Vàng", "Giàng", "Lý", "Chu", "Tẩn", "Phàn", "Hoàng", "Nguyễn", "Trần", "Đèo"]
_GIVEN = ["Văn Thiện", "Thị Mai", "A Sử", "Văn Xuân", "Thị Lan", "Seo Dìn", "Văn Hùng", "Thị Chiển"]
_PRODUCER_KINDS = [
    ("cooperative", "Hợp tác xã"),
    ("enterprise", "Công ty TNHH"),
    ("household", "Hộ kinh doanh"),
    ("cooperative-group", "Tổ hợp tác"),
]
_CHANNELS = ["ecommerce", "supermarket", "convenience", "ocop-point", "shop", "direct"]
_VALUES = {
    "net_weight": "500 g",
    "shelf_life": "12 tháng",
    "storage": "Nơi khô ráo, thoáng mát",
    "variety": "Giống địa phương",
    "harvest": "Tháng 9 đến tháng 11",
    "ingredients": "Nguyên liệu địa phương",
    "volume": "500 ml",
    "alcohol": "29%",
    "usage": "Pha với nước nóng",
    "material": "Sợi bông, chàm",
    "size": "40 × 150 cm",
    "technique": "Dệt tay",
    "season": "Tháng 1 đến tháng 3",
    "duration": "1 đến 2 ngày",
    "capacity": "30 khách",
}
HEADER = "# yaml-language-server: $schema=../schema/{}.schema.json\n"


def _dump(path: Path, data: dict[str, Any], schema: str) -> None:
    text = yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=120)
    path.write_text(HEADER.format(schema) + text, encoding="utf-8")


def _gtin(rng: random.Random) -> str:
    body = "893" + "".join(str(rng.randrange(10)) for _ in range(9))
    return body + str(gtin_check_digit(body))


def producer_record(index: int, rng: random.Random, communes: list[str]) -> dict[str, Any]:
    """One synthetic producer."""
    kind, prefix = _PRODUCER_KINDS[index % len(_PRODUCER_KINDS)]
    person = f"{rng.choice(_FAMILY)} {rng.choice(_GIVEN)}"
    commune = communes[index % len(communes)]
    return {
        "id": f"producer-{index:05d}",
        "name": f"{prefix} {person} số {index}",
        "kind": kind,
        "address": f"Bản {index % 40 + 1}, {province().units[commune].title}, tỉnh {province().name}",
        "commune": commune,
        "phone": f"09{rng.randrange(10**8):08d}",
        "representative": person,
    }


def product_record(index: int, rng: random.Random, producer: dict[str, Any]) -> dict[str, Any]:
    """One synthetic product of `producer`, with one image path."""
    name, group, category, unit, price, facts = _KINDS[index % len(_KINDS)]
    place = province().units[producer["commune"]].name
    pid = f"sp-{index:05d}"
    issued = date(2022, 1, 1) + timedelta(days=rng.randrange(1500))
    record: dict[str, Any] = {
        "id": pid,
        "name": f"{name} {place} {index}",
        "group": group,
        "category": category,
        "stars": rng.choice((3, 3, 3, 4, 4, 5)),
        "producer": producer["id"],
        "certificate": {
            "number": f"SYN-{index:05d}",
            "issued": issued,
            "issuer": "UBND tỉnh Lai Châu",
            "kind": rng.choice(("new", "renewal", "upgrade")),
        },
        "summary": f"{name} của {producer['name']}, sản phẩm OCOP thử nghiệm số {index}.",
        "description": f"{name} được làm tại {place}.\n\nĐây là dữ liệu tổng hợp để kiểm thử.",
        "facts": {key: _VALUES[key] for key in facts},
        "price": {"from": price, "to": price + 50_000, "unit": unit},
        "images": [{"src": f"images/{pid}.jpg", "alt": f"Ảnh minh họa {name}"}],
        "origin": {"commune": producer["commune"]},
        "channels": [{"kind": rng.choice(_CHANNELS), "name": "Cửa hàng thử nghiệm"}],
        "translations": {"en": {"name": f"Synthetic product {index}", "summary": f"Synthetic product {index} for tests."}},
    }
    if index % 5 == 0:
        record["gtin"] = _gtin(rng)
    return record


def write_catalogue(out: Path, products: int, seed: int = 1, image_size: tuple[int, int] | None = (240, 180)) -> None:
    """Write a synthetic catalogue of `products` products into `out`; without photos when `image_size` is None."""
    rng = random.Random(seed)
    communes = sorted(province().units)
    for folder in ("products", "producers", "products/images"):
        (out / folder).mkdir(parents=True, exist_ok=True)
    producers = [producer_record(i, rng, communes) for i in range(max(1, products // 4))]
    for producer in producers:
        _dump(out / "producers" / f"{producer['id']}.yaml", producer, "producer")
    for index in range(products):
        record = product_record(index, rng, producers[index % len(producers)])
        if image_size is None:
            del record["images"]
        _dump(out / "products" / f"{record['id']}.yaml", record, "product")
        if image_size is not None:
            motif = motif_for(record["group"], record["category"], record["name"])
            draw_illustration(motif, seed * 100_003 + index, image_size).save(out / "products" / record["images"][0]["src"], quality=80)
    settings = {"demo": True, "site_url": "https://ocop.example/", "province": province().name}
    _dump(out / "catalogue.yaml", settings, "settings")
    (out / "catalogue.yaml").write_text(
        (out / "catalogue.yaml").read_text(encoding="utf-8").replace("../schema", "schema"), encoding="utf-8"
    )


def main(argv: list[str] | None = None) -> int:
    """Command line of the generator."""
    parser = argparse.ArgumentParser(prog="python -m demo.synth", description="Write a synthetic OCOP catalogue.")
    parser.add_argument("--products", type=int, required=True, metavar="N", help="number of products")
    parser.add_argument("--seed", type=int, default=1, help="random seed (default 1)")
    parser.add_argument("--image-size", default="240x180", metavar="WxH", help="size of the drawn photos (default 240x180)")
    parser.add_argument("out", type=Path, help="folder to write into")
    args = parser.parse_args(argv)
    if args.products < 1:
        parser.error("--products must be at least 1")
    try:
        width, height = (int(n) for n in args.image_size.lower().split("x"))
    except ValueError:
        parser.error("--image-size must look like 2000x1500")
    write_catalogue(args.out, args.products, args.seed, (width, height))
    print(f"wrote {args.products} products to {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
