"""The layout of the workbook: its sheets, and in each the columns with the field each one holds.

A column is found by its header on import, so a clerk may move columns about; the first column of
each sheet is the record's id and says which file a row belongs to. Fields that nest deeper (photos,
earlier certificates, sales channels, inspections, facts, translations, supply-chain steps) are not
in the workbook: the import keeps them as they are in the YAML files (see the "Hướng dẫn" sheet).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

Loc = tuple[str | int, ...]


class Kind(StrEnum):
    """How a column's cells hold their value (see `cells.py`)."""

    ID = "id"  # a record id: text, and the row's key
    TEXT = "text"  # one line of text, kept as text even when it looks like a number (phones, codes)
    LONG = "long"  # several lines (Markdown), wrapped in the cell
    INT = "int"  # a whole number (stars, prices in đồng)
    FLOAT = "float"  # a decimal number (latitude, longitude)
    DATE = "date"  # a real Excel date
    BOOL = "bool"  # có / không
    CHOICE = "choice"  # a code from a drop-down list, shown as "code — name"
    LIST = "list"  # several short texts separated by "; " (tags, product ids)


@dataclass(frozen=True)
class Column:
    """One column: its Vietnamese header, the field path it holds, how, and its width in characters."""

    header: str
    path: Loc
    kind: Kind
    width: int = 18
    choices: str | None = None  # the list of a CHOICE column (choices.LISTS), or of a reference
    refers_to: str | None = None  # the sheet whose ids a TEXT/LIST column must name (a drop-down of them)
    note: str = ""  # shown as the header's comment


@dataclass(frozen=True)
class Sheet:
    """A sheet of records: products, producers or sales points."""

    title: str
    record: str  # "product", "producer" or "sales_point"
    columns: tuple[Column, ...]

    @property
    def key(self) -> Column:
        """The id column (the first)."""
        return self.columns[0]


PRODUCTS = Sheet(
    "Sản phẩm",
    "product",
    (
        Column(
            "Mã sản phẩm", ("id",), Kind.ID, 30, note="Mã là tên tệp YAML của sản phẩm và đường dẫn của mã QR; không đổi sau khi đã in."
        ),
        Column("Tên sản phẩm", ("name",), Kind.TEXT, 34),
        Column("Nhóm", ("group",), Kind.CHOICE, 30, choices="group"),
        Column("Phân nhóm", ("category",), Kind.CHOICE, 34, choices="category"),
        Column("Số sao", ("stars",), Kind.INT, 8, note="3, 4 hoặc 5"),
        Column("Chủ thể", ("producer",), Kind.TEXT, 26, refers_to="Chủ thể", note="Mã chủ thể ở trang Chủ thể"),
        Column("Số giấy chứng nhận", ("certificate", "number"), Kind.TEXT, 24),
        Column("Ngày cấp", ("certificate", "issued"), Kind.DATE, 12),
        Column("Cơ quan cấp", ("certificate", "issuer"), Kind.TEXT, 26),
        Column("Ngày hết hạn", ("certificate", "expires"), Kind.DATE, 12, note="Để trống: ngày cấp cộng 36 tháng"),
        Column("Số quyết định", ("certificate", "decision"), Kind.TEXT, 20),
        Column("Hình thức công nhận", ("certificate", "kind"), Kind.CHOICE, 24, choices="certificate_kind"),
        Column("Liên kết quyết định", ("certificate", "decision_url"), Kind.TEXT, 30),
        Column("Ngày thu hồi", ("certificate", "revoked", "date"), Kind.DATE, 12),
        Column("Lý do thu hồi", ("certificate", "revoked", "reason"), Kind.TEXT, 30),
        Column("Tóm tắt", ("summary",), Kind.TEXT, 50, note="Một dòng, tối đa 160 ký tự"),
        Column("Mô tả", ("description",), Kind.LONG, 50),
        Column("Câu chuyện sản phẩm", ("story",), Kind.LONG, 50),
        Column("Giá từ (đồng)", ("price", "from"), Kind.INT, 14, note="Số nguyên: 50000, không viết 50.000"),
        Column("Giá đến (đồng)", ("price", "to"), Kind.INT, 14),
        Column("Đơn vị giá", ("price", "unit"), Kind.TEXT, 16),
        Column("Vùng nguyên liệu", ("origin", "area"), Kind.TEXT, 30),
        Column("Xã vùng nguyên liệu", ("origin", "commune"), Kind.CHOICE, 34, choices="commune"),
        Column("Vĩ độ", ("origin", "coordinates", 0), Kind.FLOAT, 10),
        Column("Kinh độ", ("origin", "coordinates", 1), Kind.FLOAT, 10),
        Column("Trang truy xuất nguồn gốc", ("origin", "trace_url"), Kind.TEXT, 30),
        Column("Mã vạch GTIN", ("gtin",), Kind.TEXT, 16),
        Column("Từ khoá", ("tags",), Kind.LIST, 24, note="Cách nhau bằng dấu chấm phẩy"),
        Column("Nổi bật", ("featured",), Kind.BOOL, 9),
        Column("Ngày ngừng", ("withdrawn", "date"), Kind.DATE, 12, note="Sản phẩm rời danh mục; trang vẫn còn"),
        Column("Lý do ngừng", ("withdrawn", "reason"), Kind.TEXT, 30),
    ),
)

PRODUCERS = Sheet(
    "Chủ thể",
    "producer",
    (
        Column("Mã chủ thể", ("id",), Kind.ID, 26, note="Mã là tên tệp YAML của chủ thể"),
        Column("Tên chủ thể", ("name",), Kind.TEXT, 40),
        Column("Loại hình", ("kind",), Kind.CHOICE, 26, choices="producer_kind"),
        Column("Địa chỉ", ("address",), Kind.TEXT, 44),
        Column("Xã, phường", ("commune",), Kind.CHOICE, 34, choices="commune"),
        Column("Điện thoại", ("phone",), Kind.TEXT, 16),
        Column("Người đại diện", ("representative",), Kind.TEXT, 22),
        Column("Thư điện tử", ("email",), Kind.TEXT, 28),
        Column("Trang web", ("website",), Kind.TEXT, 30),
        Column("Zalo", ("zalo",), Kind.TEXT, 16),
        Column("Mã số thuế", ("tax_code",), Kind.TEXT, 16),
    ),
)

SALES_POINTS = Sheet(
    "Điểm bán",
    "sales_point",
    (
        Column("Mã điểm bán", ("id",), Kind.ID, 30, note="Trong danh sách sales_points của catalogue.yaml"),
        Column("Tên điểm bán", ("name",), Kind.TEXT, 44),
        Column("Loại", ("kind",), Kind.CHOICE, 30, choices="sales_point_kind"),
        Column("Địa chỉ", ("address",), Kind.TEXT, 44),
        Column("Xã, phường", ("commune",), Kind.CHOICE, 34, choices="commune", note="Điểm trong tỉnh"),
        Column("Tỉnh, thành phố", ("province",), Kind.TEXT, 16, note="Điểm ngoài tỉnh, thay cho xã"),
        Column("Điện thoại", ("phone",), Kind.TEXT, 16),
        Column("Giờ mở cửa", ("hours",), Kind.TEXT, 30),
        Column("Từ ngày", ("from",), Kind.DATE, 12, note="Gian hàng hội chợ"),
        Column("Đến ngày", ("to",), Kind.DATE, 12),
        Column("Vĩ độ", ("coordinates", 0), Kind.FLOAT, 10),
        Column("Kinh độ", ("coordinates", 1), Kind.FLOAT, 10),
        Column("Sản phẩm bày bán", ("products",), Kind.LIST, 60, refers_to="Sản phẩm", note="Mã sản phẩm, cách nhau bằng dấu chấm phẩy"),
    ),
)

SHEETS = (PRODUCTS, PRODUCERS, SALES_POINTS)
GUIDE = "Hướng dẫn"
LISTS = "Danh mục"
