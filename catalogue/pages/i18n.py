"""Interface text in Vietnamese and English, and the way each language writes dates, money and phones."""

from __future__ import annotations

import math
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from markupsafe import Markup, escape

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
        "dashboard": "Theo dõi chương trình",
        "dash_title": "Theo dõi Chương trình OCOP",
        "dash_as_of": "Số liệu tính đến ngày {date}, ngày tạo trang này; chỉ tiêu năm {year} theo Kế hoạch thực hiện "
        "Chương trình OCOP của tỉnh.",
        "dash_contents": "Trên trang này",
        "dash_targets": "Kết quả so với chỉ tiêu năm {year}",
        "target_new": "Sản phẩm công nhận mới",
        "target_renewal": "Sản phẩm công nhận lại",
        "target_upgrade": "Sản phẩm nâng hạng",
        "target_total": "Sản phẩm còn hiệu lực",
        "target_modern-channels": "Chủ thể bán qua kênh hiện đại",
        "more_than": "trên {n}",
        "at_least": "ít nhất {n}",
        "no_target": "không đặt chỉ tiêu",
        "met": "Đạt chỉ tiêu",
        "not_met": "Chưa đạt chỉ tiêu",
        "col_measure": "Nội dung",
        "col_result": "Kết quả / chỉ tiêu",
        "col_ratio": "So với chỉ tiêu",
        "col_assessment": "Đánh giá",
        "dash_targets_def": "Sản phẩm công nhận mới, công nhận lại và nâng hạng được đếm theo giấy chứng nhận cấp trong năm {year} "
        "(trường certificate.kind), kể cả giấy chứng nhận bị thu hồi hoặc được thay thế sau đó. "
        "Sản phẩm còn hiệu lực được đếm vào ngày {date}.",
        "dash_without_kind": "{n} giấy chứng nhận cấp trong năm {year} chưa ghi là công nhận mới, công nhận lại hay nâng hạng "
        "nên chưa được đếm.",
        "dash_channels": "Kênh bán hàng hiện đại",
        "dash_channels_def": "Một chủ thể được tính là bán qua kênh hiện đại khi ít nhất một sản phẩm còn hiệu lực của chủ thể có kênh bán "
        "là siêu thị, cửa hàng tiện lợi hoặc sàn thương mại điện tử. Tỷ lệ tính trên số chủ thể có ít nhất một sản phẩm còn hiệu lực.",
        "dash_channels_figure": "{modern} trên {producers} chủ thể ({share}).",
        "dash_target_is": "Chỉ tiêu: {target}.",
        "dash_channels_without": "Chủ thể chưa bán qua kênh hiện đại",
        "dash_in_force": "Sản phẩm còn hiệu lực",
        "dash_in_force_def": "Sản phẩm có giấy chứng nhận còn hiệu lực (kể cả sắp hết hạn) vào ngày {date}: {n} sản phẩm. "
        "Mỗi sản phẩm được tính ở xã, phường nơi chủ thể đăng ký.",
        "dash_by_group": "Theo nhóm sản phẩm",
        "dash_by_stars": "Theo hạng sao",
        "dash_by_commune": "Theo xã, phường",
        "col_group": "Nhóm",
        "col_stars": "Hạng sao",
        "col_commune": "Xã, phường",
        "col_count": "Số sản phẩm",
        "dash_communes_without": "Xã, phường chưa có sản phẩm còn hiệu lực ({n}):",
        "dash_re_evaluation": "Đánh giá lại",
        "dash_re_evaluation_def": "Giấy chứng nhận có hiệu lực {months} tháng kể từ ngày cấp; chủ thể cần được thông báo để nộp hồ sơ "
        "đánh giá lại trước ngày hết hạn.",
        "dash_expiring": "Hết hạn trong {months} tháng tới (đến hết ngày {date})",
        "dash_expired": "Đã hết hạn nhưng vẫn còn trong danh mục",
        "dash_revoked": "Đã bị thu hồi",
        "dash_csv": "Tải danh sách đánh giá lại (CSV, mở được bằng Excel)",
        "dash_none": "Không có.",
        "col_product": "Sản phẩm",
        "col_producer": "Chủ thể, điện thoại",
        "col_expires": "Hiệu lực đến",
        "col_days_left": "Còn (ngày)",
        "col_days_past": "Đã quá (ngày)",
        "col_revoked_on": "Ngày thu hồi",
        "col_reason": "Lý do",
        "dash_inspections": "Kiểm tra sau chứng nhận",
        "dash_not_inspected": "Chưa được kiểm tra trong {months} tháng qua",
        "dash_not_inspected_def": "Sản phẩm từ {stars} sao trở lên còn hiệu lực, chưa từng được kiểm tra hoặc được kiểm tra lần gần nhất "
        "trước ngày {date}.",
        "dash_not_passed": "Lần kiểm tra gần nhất chưa đạt",
        "dash_not_passed_def": "Sản phẩm còn hiệu lực mà lần kiểm tra gần nhất có tồn tại cần khắc phục hoặc không đạt.",
        "col_last_inspection": "Kiểm tra gần nhất",
        "col_inspection_result": "Kết quả kiểm tra",
        "never_inspected": "Chưa kiểm tra",
        # Link previews (catalogue/pages/preview.py) and share cards (catalogue/makers/cards.py).
        "card_tagline": "Danh mục sản phẩm OCOP được chứng nhận",
        "desc_count": "{n} sản phẩm OCOP",
        "desc_count_one": "{n} sản phẩm OCOP",
        "desc_home": "Danh mục sản phẩm OCOP tỉnh {p}: {count} còn hiệu lực, với hạng sao, giấy chứng nhận, chủ thể, nơi mua và mã QR.",
        "desc_products": "Tất cả {count} của tỉnh {p}: tìm theo tên, có dấu hay không dấu, lọc theo nhóm, hạng sao, xã, phường và "
        "tình trạng chứng nhận.",
        "desc_groups": "Sản phẩm OCOP tỉnh {p} theo sáu nhóm: thực phẩm, đồ uống, dược liệu, thủ công mỹ nghệ, sinh vật cảnh và "
        "du lịch cộng đồng.",
        "desc_group": "{group}: {count} của tỉnh {p}, với hạng sao, giấy chứng nhận và nơi mua.",
        "desc_stars": "Sản phẩm OCOP tỉnh {p} theo hạng sao: 5 sao, 4 sao và 3 sao.",
        "desc_star": "{count} hạng {n} sao của tỉnh {p}, với giấy chứng nhận và nơi mua.",
        "desc_communes": "Sản phẩm OCOP theo {units} xã, phường của tỉnh {p}: nơi làm ra và vùng nguyên liệu.",
        "desc_commune": "{count} làm ra hoặc có vùng nguyên liệu ở {commune}, tỉnh {p}.",
        "desc_producers": "Chủ thể OCOP của tỉnh {p} ({n}): hợp tác xã, tổ hợp tác, doanh nghiệp và hộ kinh doanh, với sản phẩm "
        "được chứng nhận và số điện thoại.",
        "desc_producer": "{producer} ({kind}, {commune}): {count} được chứng nhận, địa chỉ và số điện thoại.",
        "desc_sales_points": "Nơi xem và mua sản phẩm OCOP tỉnh {p}: điểm giới thiệu, cửa hàng và gian hàng hội chợ, với địa chỉ "
        "và giờ mở cửa.",
        "desc_check": "Nhập số chứng nhận in trên bao bì để biết đó là sản phẩm nào, mấy sao, và chứng nhận OCOP còn hiệu lực hay không.",
        "desc_dashboard": "Chương trình OCOP tỉnh {p} năm {year}: số sản phẩm so với mục tiêu, chứng nhận sắp hết hạn, chủ thể bán "
        "qua kênh hiện đại.",
        "desc_about_ocop": "Chương trình “Mỗi xã một sản phẩm” (OCOP) là gì, và vì sao giấy chứng nhận thuộc về một sản phẩm, "
        "không phải cả cơ sở sản xuất.",
        "desc_about_stars": "Ý nghĩa của hạng 3, 4 và 5 sao OCOP: thang 100 điểm, ai chấm điểm, và giấy chứng nhận có hiệu lực bao lâu.",
        "desc_about_check": "Cách tự kiểm tra nhãn OCOP bằng điện thoại: quét mã QR, tra số chứng nhận, nhận ra nhãn đã hết hạn "
        "hoặc bị thu hồi.",
        "desc_about_data": "Dữ liệu mở về sản phẩm OCOP tỉnh {p}: tệp JSON và CSV, ý nghĩa từng trường và cách dùng lại.",
        "history": "Lịch sử chứng nhận",
        "history_intro": "Bao bì in trước một lần công nhận lại hoặc nâng hạng vẫn mang số và hạng sao của giấy chứng nhận "
        "cũ bên dưới: đó không phải là hàng giả.",
        "history_valid": "Hiệu lực",
        "history_kind": "Hình thức",
        "history_latest": "Mới nhất",
        "history_replaced": "Được thay thế ngày {date}",
        "decision_document": "Văn bản quyết định",
        "withdrawn_title": "Sản phẩm không còn trong danh mục từ ngày {date}.",
        "withdrawn_reason": "Lý do:",
        "withdrawn_page": "Trang này được giữ lại để mã QR đã in trên bao bì vẫn mở được; danh mục không còn giới thiệu "
        "sản phẩm này và nơi mua.",
        "check_replaced": "{number} là số của một giấy chứng nhận trước đây của sản phẩm này (cấp ngày {issued}{stars}). "
        "Giấy chứng nhận đó đã được thay bằng giấy chứng nhận số {next}, cấp ngày {next_issued}.",
        "check_today": "Hôm nay sản phẩm có:",
        "check_withdrawn": "Sản phẩm không còn trong danh mục từ ngày {date}. Lý do: {reason}",
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
        "dashboard": "Programme dashboard",
        "dash_title": "OCOP programme dashboard",
        "dash_as_of": "Figures as of {date}, the day this page was built; targets for {year} from the province's OCOP plan.",
        "dash_contents": "On this page",
        "dash_targets": "Results against the {year} targets",
        "target_new": "Newly certified products",
        "target_renewal": "Re-certified products",
        "target_upgrade": "Upgraded products",
        "target_total": "Products in force",
        "target_modern-channels": "Producers in modern channels",
        "more_than": "more than {n}",
        "at_least": "at least {n}",
        "no_target": "no target set",
        "met": "Target met",
        "not_met": "Target not met",
        "col_measure": "Measure",
        "col_result": "Result / target",
        "col_ratio": "Against target",
        "col_assessment": "Assessment",
        "dash_targets_def": "New, re-certified and upgraded products are counted from the certificates issued in {year} "
        "(the certificate.kind field), including certificates revoked or replaced since. Products in force are counted on {date}.",
        "dash_without_kind": "{n} certificates issued in {year} do not say whether they are new, re-certified or upgraded, "
        "so they are not counted.",
        "dash_channels": "Modern sales channels",
        "dash_channels_def": "A producer counts as selling through modern channels when at least one of its products in force "
        "lists a supermarket, a convenience store or an e-commerce platform. The share is out of the producers with at least "
        "one product in force.",
        "dash_channels_figure": "{modern} of {producers} producers ({share}).",
        "dash_target_is": "Target: {target}.",
        "dash_channels_without": "Producers not yet in modern channels",
        "dash_in_force": "Products in force",
        "dash_in_force_def": "Products whose certificate is in force (valid or expiring) on {date}: {n} products. "
        "Each product is counted in the commune or ward of its producer.",
        "dash_by_group": "By product group",
        "dash_by_stars": "By star rating",
        "dash_by_commune": "By commune or ward",
        "col_group": "Group",
        "col_stars": "Stars",
        "col_commune": "Commune or ward",
        "col_count": "Products",
        "dash_communes_without": "Communes and wards with no product in force ({n}):",
        "dash_re_evaluation": "Re-evaluation",
        "dash_re_evaluation_def": "A certificate is valid for {months} months from its issue; producers need to be told to apply "
        "for re-evaluation before it ends.",
        "dash_expiring": "Ending in the next {months} months (up to and including {date})",
        "dash_expired": "Expired but still listed",
        "dash_revoked": "Revoked",
        "dash_csv": "Download the re-evaluation list (CSV, opens in Excel)",
        "dash_none": "None.",
        "col_product": "Product",
        "col_producer": "Producer, phone",
        "col_expires": "Valid until",
        "col_days_left": "Days left",
        "col_days_past": "Days past",
        "col_revoked_on": "Revoked on",
        "col_reason": "Reason",
        "dash_inspections": "Post-certification checks",
        "dash_not_inspected": "Not inspected in the last {months} months",
        "dash_not_inspected_def": "Products of {stars} stars and up in force that were never inspected, or last inspected before {date}.",
        "dash_not_passed": "Last inspection not passed",
        "dash_not_passed_def": "Products in force whose last inspection found issues to put right, or failed.",
        "col_last_inspection": "Last inspection",
        "col_inspection_result": "Result",
        "never_inspected": "Never",
        # Link previews (catalogue/pages/preview.py) and share cards (catalogue/makers/cards.py).
        "card_tagline": "The catalogue of certified OCOP products",
        "desc_count": "{n} OCOP products",
        "desc_count_one": "{n} OCOP product",
        "desc_home": "The catalogue of OCOP products of {p} province: {count} in force, with their stars, certificates, "
        "producers, where to buy and QR codes.",
        "desc_products": "All {count} of {p} province: search by name, with or without tone marks, and filter by group, stars, "
        "commune and certificate status.",
        "desc_groups": "OCOP products of {p} province in six groups: food, beverages, medicinal herbs, handicrafts, ornamental "
        "plants and animals, community tourism.",
        "desc_group": "{group}: {count} from {p} province, with their stars, certificates and where to buy.",
        "desc_stars": "OCOP products of {p} province by star rating: 5, 4 and 3 stars.",
        "desc_star": "{count} with {n} stars from {p} province, with their certificates and where to buy.",
        "desc_communes": "OCOP products by the {units} communes and wards of {p} province: where they are made and where their "
        "raw materials grow.",
        "desc_commune": "{count} made in or sourced from {commune}, {p} province.",
        "desc_producers": "OCOP producers of {p} province ({n}): cooperatives, cooperative groups, enterprises and households, "
        "with their certified products and phone numbers.",
        "desc_producer": "{producer} ({kind}, {commune}): {count} certified, with address and phone number.",
        "desc_sales_points": "Where to see and buy OCOP products of {p} province: showrooms, shops and fair booths, with "
        "addresses and opening hours.",
        "desc_check": "Type the certificate number printed on a package to see which product it is, its stars, and whether its "
        "OCOP certificate is still valid.",
        "desc_dashboard": "The OCOP programme of {p} province in {year}: products against the year's targets, certificates "
        "expiring soon, producers in modern sales channels.",
        "desc_about_ocop": "What Vietnam's One Commune One Product (OCOP) programme is, and why a certificate belongs to one "
        "product, never to a whole producer.",
        "desc_about_stars": "What 3, 4 and 5 OCOP stars mean: the 100-point scale, who scores it, and how long a certificate lasts.",
        "desc_about_check": "How to check an OCOP label with your phone: scan the QR code, look up the certificate number, spot "
        "expired or revoked labels.",
        "desc_about_data": "Open data on the OCOP products of {p} province: JSON and CSV files, what each field means and how to "
        "reuse them.",
        "history": "Certificate history",
        "history_intro": "Packages printed before a renewal or an upgrade still carry the number and stars of an earlier "
        "certificate below: they are not fakes.",
        "history_valid": "Valid",
        "history_kind": "Kind",
        "history_latest": "Latest",
        "history_replaced": "Replaced on {date}",
        "decision_document": "Decision document",
        "withdrawn_title": "This product left the catalogue on {date}.",
        "withdrawn_reason": "Reason:",
        "withdrawn_page": "This page stays so that the QR codes printed on its packaging still open it; the catalogue no "
        "longer lists the product or where to buy it.",
        "check_replaced": "{number} is an earlier certificate of this product (issued on {issued}{stars}). It was replaced "
        "by certificate {next}, issued on {next_issued}.",
        "check_today": "What the product holds today:",
        "check_withdrawn": "This product left the catalogue on {date}. Reason: {reason}",
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


def t_html(lang: str, key: str, **values: object) -> Markup:
    """The interface text `key` as HTML, its placeholders filled with escaped text or with Markup
    (a <time> element, say)."""
    return escape(TEXT[lang][key]).format(**values)


def format_date(day: date, lang: str) -> str:
    """28/11/2026 in Vietnamese, 28 Nov 2026 in English."""
    return day.strftime("%d/%m/%Y") if lang == "vi" else f"{day.day} {_MONTHS[day.month - 1]} {day.year}"


def format_percent(share: float, lang: str) -> str:
    """72,2% in Vietnamese, 72.2% in English: rounded down to one decimal, so that a share just short
    of a target never reads as the target."""
    tenths = math.floor(share * 1000 + 1e-9)
    text = f"{tenths // 10}" if tenths % 10 == 0 else f"{tenths / 10:.1f}"
    return f"{text.replace('.', ',') if lang == 'vi' else text}%"


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


def status_words(status: CertificateStatus, expires: date, revoked_on: date | None, today: date, lang: str) -> str:
    """A certificate's status on `today` in words, with the day it ended when it is no longer valid
    (ocop-status.js words it the same way in the browser)."""
    when = revoked_on if status is CertificateStatus.REVOKED and revoked_on else expires
    return STATUS_TEXT[lang][status].format(date=format_date(when, lang), days=(expires - today).days)


def status_texts(lang: str, expiring_days: int, build_day: date, timezone: str) -> dict[str, object]:
    """What ocop-status.js needs to work out and word a status in the browser (the page's
    #ocop-status-texts). The browser's today is the later of the viewer's date in `timezone` and
    `build_day`: a phone whose clock went back must not make a certificate that had already ended
    read valid. `utc_offset` (minutes, on the build day) stands in for browsers without time zones."""
    offset = datetime.combine(build_day, time(12), ZoneInfo(timezone)).utcoffset() or timedelta(0)
    return {
        "lang": lang,
        "expiring_days": expiring_days,
        "build_day": build_day.isoformat(),
        "timezone": timezone,
        "utc_offset": int(offset.total_seconds()) // 60,
        **{k.value: v for k, v in STATUS_TEXT[lang].items()},
    }
