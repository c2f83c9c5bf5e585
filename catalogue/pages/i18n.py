"""Interface text in Vietnamese and English, and the way each language writes dates, money and phones."""

from __future__ import annotations

from datetime import date

from ..status import CertificateStatus

TEXT: dict[str, dict[str, str]] = {
    "vi": {
        "home": "Trang chủ",
        "products": "Sản phẩm",
        "all_products": "Tất cả sản phẩm",
        "groups": "Nhóm sản phẩm",
        "communes": "Xã, phường",
        "producers": "Chủ thể OCOP",
        "stars": "Hạng sao",
        "about": "Về OCOP",
        "about_ocop": "OCOP là gì",
        "about_stars": "Ý nghĩa hạng sao",
        "about_check": "Cách kiểm tra chứng nhận",
        "about_data": "Dữ liệu mở",
        "check": "Kiểm tra chứng nhận",
        "check_intro": "Nhập số chứng nhận in trên bao bì hoặc mã sản phẩm (viết hoa hay thường, có dấu hay không đều được).",
        "check_label": "Số chứng nhận hoặc mã sản phẩm",
        "check_button": "Kiểm tra",
        "check_missing": "Không tìm thấy trong danh mục này. Sản phẩm mang nhãn OCOP với số này có thể không được chứng nhận.",
        "check_noscript": "Trang kiểm tra cần JavaScript. Bạn cũng có thể tìm sản phẩm trong danh sách tất cả sản phẩm.",
        "report_suspect": "Báo nhãn đáng ngờ cho",
        "certificate": "Giấy chứng nhận OCOP",
        "cert_number": "Số chứng nhận",
        "issuer": "Cơ quan cấp",
        "issued": "Ngày cấp",
        "expires": "Hiệu lực đến",
        "decision": "Quyết định công nhận",
        "status": "Tình trạng",
        "producer": "Chủ thể sản xuất",
        "address": "Địa chỉ",
        "phone": "Điện thoại",
        "call": "Gọi",
        "facts": "Thông tin sản phẩm",
        "price": "Giá tham khảo",
        "where_to_buy": "Nơi mua",
        "origin": "Nguồn gốc",
        "area": "Vùng nguyên liệu",
        "commune": "Xã, phường",
        "steps": "Chuỗi sản xuất",
        "trace": "Truy xuất nguồn gốc",
        "qr": "Mã QR của sản phẩm",
        "qr_help": "Mã QR này dẫn đến đúng trang này. Tải về để in lên bao bì:",
        "description": "Giới thiệu",
        "story": "Câu chuyện sản phẩm",
        "other_products": "Sản phẩm OCOP khác của chủ thể này",
        "only_certified": "Chỉ các sản phẩm dưới đây được chứng nhận OCOP; các sản phẩm khác của chủ thể không được dùng nhãn OCOP.",
        "count_products": "{n} sản phẩm",
        "featured": "Sản phẩm tiêu biểu",
        "browse": "Tìm theo",
        "page": "Trang {n}",
        "vi_only": "Chỉ có tiếng Việt",
        "demo": "Dữ liệu minh họa: số chứng nhận, ngày tháng và thông tin liên hệ trên trang này là giả định.",
        "in_force": "{n} sản phẩm còn hiệu lực",
        "of_producer": "của",
        "former_district": "trước đây thuộc huyện {d}",
        "kind": "Loại hình",
        "photos": "Hình ảnh",
        "star_n": "{n} sao",
        "no_products": "Chưa có sản phẩm.",
        "finder": "Tìm sản phẩm",
        "finder_query": "Tên sản phẩm, chủ thể hoặc nơi sản xuất (có dấu hay không dấu đều được)",
        "finder_any": "Tất cả",
        "finder_group": "Nhóm",
        "finder_stars": "Hạng sao",
        "finder_commune": "Xã, phường",
        "finder_kind": "Loại chủ thể",
        "finder_status": "Tình trạng chứng nhận",
        "finder_in_force": "Còn hiệu lực (cả sắp hết hạn)",
        "finder_valid": "Còn hiệu lực",
        "finder_expiring": "Sắp hết hạn",
        "finder_expired": "Đã hết hạn",
        "finder_revoked": "Đã bị thu hồi",
        "finder_found": "{n} sản phẩm phù hợp",
        "finder_none": "Không có sản phẩm nào phù hợp. Hãy bỏ bớt bộ lọc hoặc thử từ khác.",
        "finder_more": "Xem thêm",
        "finder_clear": "Xóa bộ lọc",
        "finder_button": "Tìm",
        "kiosk": "Màn hình giới thiệu sản phẩm",
        "kiosk_full": "Toàn màn hình",
        "kiosk_scan": "Quét mã để xem trên điện thoại",
        "kiosk_other": "English",
        "sales_points": "Điểm bán OCOP",
        "sales_points_title": "Điểm giới thiệu và bán sản phẩm OCOP",
        "sales_points_intro": (
            "Nơi xem và mua sản phẩm OCOP tận nơi: trung tâm giới thiệu, điểm bán và gian hàng hội chợ, trong và ngoài tỉnh."
        ),
        "no_sales_points": "Chưa có điểm bán nào.",
        "kind_showroom": "Trung tâm giới thiệu và bán sản phẩm OCOP",
        "kind_sales-point": "Điểm bán sản phẩm OCOP",
        "kind_fair-booth": "Gian hàng hội chợ",
        "past_fairs": "Hội chợ đã kết thúc",
        "ended": "Đã kết thúc ngày {date}",
        "see_in_person": "Xem tận nơi",
        "see_in_person_intro": "Sản phẩm này được trưng bày và bán tại:",
        "all_sales_points": "Tất cả điểm bán",
        "hours": "Giờ mở cửa",
        "dates": "Thời gian",
        "date_range": "Từ {start} đến {end}",
        "date_from": "Từ {start}",
        "date_to": "Đến {end}",
        "province": "Tỉnh, thành phố",
        "map": "Xem bản đồ",
        "carries": "Sản phẩm OCOP có tại đây",
    },
    "en": {
        "home": "Home",
        "products": "Products",
        "all_products": "All products",
        "groups": "Product groups",
        "communes": "Communes and wards",
        "producers": "Producers",
        "stars": "Star ratings",
        "about": "About OCOP",
        "about_ocop": "What OCOP is",
        "about_stars": "What the stars mean",
        "about_check": "How to check a certificate",
        "about_data": "Open data",
        "check": "Check a certificate",
        "check_intro": "Type the certificate number printed on the package or the product id (any case, with or without tone marks).",
        "check_label": "Certificate number or product id",
        "check_button": "Check",
        "check_missing": "Not found in this catalogue. A product with an OCOP label bearing this number may not be certified.",
        "check_noscript": "The check needs JavaScript. You can also look the product up in the list of all products.",
        "report_suspect": "Report a suspect label to",
        "certificate": "OCOP certificate",
        "cert_number": "Certificate number",
        "issuer": "Issued by",
        "issued": "Date of issue",
        "expires": "Valid until",
        "decision": "Recognition decision",
        "status": "Status",
        "producer": "Producer",
        "address": "Address",
        "phone": "Phone",
        "call": "Call",
        "facts": "Product facts",
        "price": "Indicative price",
        "where_to_buy": "Where to buy",
        "origin": "Origin",
        "area": "Raw-material area",
        "commune": "Commune or ward",
        "steps": "Supply chain",
        "trace": "Traceability",
        "qr": "The product's QR code",
        "qr_help": "This QR code leads to this very page. Download it to print on packaging:",
        "description": "About the product",
        "story": "The product's story",
        "other_products": "Other OCOP products of this producer",
        "only_certified": "Only the products below are OCOP-certified; the producer's other products may not carry the OCOP label.",
        "count_products": "{n} products",
        "featured": "Featured products",
        "browse": "Browse by",
        "page": "Page {n}",
        "vi_only": "Vietnamese only",
        "demo": "Demo data: certificate numbers, dates and contacts on this page are illustrative.",
        "in_force": "{n} products in force",
        "of_producer": "by",
        "former_district": "formerly in {d} district",
        "kind": "Kind",
        "photos": "Photos",
        "star_n": "{n}-star",
        "no_products": "No products yet.",
        "finder": "Find a product",
        "finder_query": "Product, producer or place (with or without tone marks)",
        "finder_any": "All",
        "finder_group": "Group",
        "finder_stars": "Stars",
        "finder_commune": "Commune or ward",
        "finder_kind": "Producer type",
        "finder_status": "Certificate status",
        "finder_in_force": "In force (including expiring)",
        "finder_valid": "Valid",
        "finder_expiring": "Expiring soon",
        "finder_expired": "Expired",
        "finder_revoked": "Revoked",
        "finder_found": "{n} matching products",
        "finder_none": "No product matches. Remove a filter or try other words.",
        "finder_more": "Show more",
        "finder_clear": "Clear filters",
        "finder_button": "Search",
        "kiosk": "Product showcase screen",
        "kiosk_full": "Full screen",
        "kiosk_scan": "Scan to open on your phone",
        "kiosk_other": "Tiếng Việt",
        "sales_points": "Sales points",
        "sales_points_title": "OCOP showrooms, sales points and fair booths",
        "sales_points_intro": (
            "Where to see and buy OCOP products in person: showrooms, sales points and fair booths, in and beyond the province."
        ),
        "no_sales_points": "No sales points yet.",
        "kind_showroom": "OCOP showrooms",
        "kind_sales-point": "OCOP sales points",
        "kind_fair-booth": "Fair booths",
        "past_fairs": "Fairs that have ended",
        "ended": "Ended on {date}",
        "see_in_person": "See it in person",
        "see_in_person_intro": "This product is on show and on sale at:",
        "all_sales_points": "All sales points",
        "hours": "Opening hours",
        "dates": "Dates",
        "date_range": "{start} to {end}",
        "date_from": "From {start}",
        "date_to": "Until {end}",
        "province": "Province or city",
        "map": "Map",
        "carries": "OCOP products here",
    },
}

STATUS_TEXT = {
    "vi": {
        CertificateStatus.VALID: "Còn hiệu lực",
        CertificateStatus.EXPIRING: "Sắp hết hạn ({days} ngày nữa)",
        CertificateStatus.EXPIRED: "Đã hết hạn từ {date}: sản phẩm không còn là sản phẩm OCOP",
        CertificateStatus.REVOKED: "Đã bị thu hồi từ {date}: sản phẩm không còn là sản phẩm OCOP",
    },
    "en": {
        CertificateStatus.VALID: "Valid",
        CertificateStatus.EXPIRING: "Expiring soon (in {days} days)",
        CertificateStatus.EXPIRED: "Expired on {date}: this is no longer an OCOP-certified product",
        CertificateStatus.REVOKED: "Revoked on {date}: this is no longer an OCOP-certified product",
    },
}
_MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]


def t(lang: str, key: str, **values: object) -> str:
    """The interface text `key` in `lang`, with `{placeholders}` filled."""
    return TEXT[lang][key].format(**values)


def format_date(day: date, lang: str) -> str:
    """28/11/2026 in Vietnamese, 28 Nov 2026 in English."""
    return day.strftime("%d/%m/%Y") if lang == "vi" else f"{day.day} {_MONTHS[day.month - 1]} {day.year}"


def format_vnd(amount: int, lang: str) -> str:
    """150.000 ₫ in Vietnamese, 150,000 ₫ in English (VND has no minor unit)."""
    grouped = f"{amount:,}"
    return f"{grouped.replace(',', '.') if lang == 'vi' else grouped} ₫"


def format_phone(digits: str) -> str:
    """Group a normalised Vietnamese number for reading: 0912 345 678, 0213 3876 000."""
    if len(digits) == 10:
        return f"{digits[:4]} {digits[4:7]} {digits[7:]}"
    if len(digits) == 11:
        return f"{digits[:4]} {digits[4:8]} {digits[8:]}"
    return digits


def tel_href(digits: str) -> str:
    """A tap-to-call link in international form: tel:+84912345678."""
    return f"tel:+84{digits[1:]}" if digits.startswith("0") and not digits.startswith(("1800", "1900")) else f"tel:{digits}"


def status_texts(lang: str, expiring_days: int) -> dict[str, object]:
    """What ocop-status.js needs to word a status in the browser (the page's #ocop-status-texts)."""
    return {"lang": lang, "expiring_days": expiring_days, **{k.value: v for k, v in STATUS_TEXT[lang].items()}}
