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
        "print_catalogue": "Danh mục in",
        "print_catalogue_help": "Mọi sản phẩm còn hiệu lực, kèm ảnh, chứng nhận, liên hệ và mã QR, để in khổ A4:",
        "print_edition_vi": "Bản tiếng Việt",
        "print_edition_en": "Bản tiếng Anh",
        "print_title": "Danh mục sản phẩm OCOP còn hiệu lực",
        "print_province": "Tỉnh {p}",
        "print_data_date": "Dữ liệu ngày {date}",
        "print_demo_title": "Dữ liệu minh họa",
        "print_demo": "Số chứng nhận, ngày tháng và thông tin liên hệ trong tài liệu này là giả định.",
        "print_status_note": "Tình trạng chứng nhận có thể thay đổi sau ngày in: quét mã QR của sản phẩm để xem tình trạng hôm nay.",
        "print_scan": "Quét để xem tình trạng hôm nay",
        "contents": "Mục lục",
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
        "print_catalogue": "Printable catalogue",
        "print_catalogue_help": "Every product in force, with its photo, certificate, contacts and QR code, to print on A4:",
        "print_edition_vi": "Vietnamese edition",
        "print_edition_en": "English edition",
        "print_title": "Catalogue of OCOP products in force",
        "print_province": "{p} province",
        "print_data_date": "Data as of {date}",
        "print_demo_title": "Demo data",
        "print_demo": "Certificate numbers, dates and contacts in this document are illustrative.",
        "print_status_note": "A certificate's status may change after printing: scan the product's QR code to see its status today.",
        "print_scan": "Scan for today's status",
        "contents": "Contents",
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


def format_size(size: int, lang: str) -> str:
    """A file size for a download link: 2,1 MB in Vietnamese, 2.1 MB in English (never less than 0.1 MB)."""
    megabytes = f"{max(size / 1_000_000, 0.1):.1f}"
    return f"{megabytes.replace('.', ',') if lang == 'vi' else megabytes} MB"


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
