"""`python -m catalogue import-decision`: stubs from a recognition decision's annex, and `--check` listing their TODOs."""

from __future__ import annotations

import shlex
import subprocess
import sys
from datetime import date
from pathlib import Path

import openpyxl
import pytest
import yaml

from catalogue.cli import main, module_main
from catalogue.validate import validate
from catalogue.xlsx.annex import date_in, decision_in, field_of, stars_of
from catalogue.xlsx.matching import commune_in, find_producer, group_from_name, group_in, producer_id, product_id

from .conftest import REPO
from .xlsx_samples import write_annex

NEW_PRODUCTS = ["mien-dong-san-day-son-binh", "mat-ong-hoa-bac-ha-pa-u", "ruou-ngo-men-la-hong-thu", "tra-xanh-ta-leng"]
NEW_PRODUCERS = ["htx-nong-san-son-binh", "cty-ruou-hong-thu", "tht-che-ta-leng"]


def test_an_annex_becomes_stubs_for_its_new_products(demo_copy: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write_annex(Path("phu-luc.xlsx"))
    status = module_main(["import-decision", "phu-luc.xlsx"])
    out = capsys.readouterr().out.splitlines()
    assert status == 0
    assert out == [
        "Từ phu-luc.xlsx: 4 hồ sơ sản phẩm mới, 3 hồ sơ chủ thể mới.",
        "  đã tạo products/mien-dong-san-day-son-binh.yaml (Miến dong sắn dây Sơn Bình)",
        "  đã tạo products/mat-ong-hoa-bac-ha-pa-u.yaml (Mật ong hoa bạc hà Pa Ủ)",
        "  đã tạo products/ruou-ngo-men-la-hong-thu.yaml (Rượu ngô men lá Hồng Thu)",
        "  đã tạo products/tra-xanh-ta-leng.yaml (Trà xanh Tả Lèng)",
        "  đã tạo producers/htx-nong-san-son-binh.yaml (Hợp tác xã Nông sản Sơn Bình)",
        "  đã tạo producers/cty-ruou-hong-thu.yaml (Công ty TNHH MTV Rượu Hồng Thu)",
        "  đã tạo producers/tht-che-ta-leng.yaml (Tổ hợp tác chè Tả Lèng)",
        "  bỏ qua 'Gạo Séng Cù Mường Than': đã có products/gao-seng-cu-muong-than.yaml",
        "Điền các dòng đánh dấu TODO trong những tệp trên; python build_site.py --check liệt kê những dòng còn thiếu.",
    ]
    assert (demo_copy / "products" / "mien-dong-san-day-son-binh.yaml").read_text(encoding="utf-8") == (
        "# yaml-language-server: $schema=../schema/product.schema.json\n"
        "# Tạo từ phụ lục phu-luc.xlsx!Phụ lục, dòng 9. Điền những dòng còn đánh dấu rồi xoá dấu ấy;"
        " python build_site.py --check liệt kê chúng.\n"
        "id: mien-dong-san-day-son-binh\n"
        "name: Miến dong sắn dây Sơn Bình\n"
        "group: thuc-pham  # thuc-pham, do-uong, duoc-lieu, thu-cong-my-nghe, sinh-vat-canh hoặc du-lich\n"
        "category: che-bien-rau-cu-qua-hat  # phân nhóm: xem docs/reference.md, hoặc xoá dòng này\n"
        "stars: 3\n"
        "producer: htx-nong-san-son-binh\n"
        "certificate:\n"
        "  number: TODO  # số giấy chứng nhận như in trên giấy\n"
        "  issued: 2025-06-30\n"
        "  issuer: UBND tỉnh Lai Châu\n"
        "  decision: 1234/QĐ-UBND\n"
        "  kind: new  # công nhận mới; ghi renewal nếu công nhận lại, upgrade nếu nâng hạng\n"
        "summary: TODO  # một dòng giới thiệu sản phẩm, tối đa 160 ký tự\n"
    )
    producer = (demo_copy / "producers" / "htx-nong-san-son-binh.yaml").read_text(encoding="utf-8")
    assert "kind: cooperative" in producer and "commune: binh-lu\n" in producer and 'phone: "0912 345 001"\n' in producer
    # the existing producer is found under its full legal name; the stub names it
    assert "producer: hkd-vang-van-thien\n" in (demo_copy / "products" / "mat-ong-hoa-bac-ha-pa-u.yaml").read_text(encoding="utf-8")


def test_check_lists_every_todo_of_the_stubs_and_nothing_else(demo_copy: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write_annex(Path("phu-luc.xlsx"))
    module_main(["import-decision", "phu-luc.xlsx"])
    capsys.readouterr()
    status = main(["--check"])
    out = capsys.readouterr().out.splitlines()
    assert status == 1
    problems = out[:-1]
    todo_lines = sorted(
        f"{folder}/{path.name}:{number}"
        for folder in ("products", "producers")
        for path in (demo_copy / folder).glob("*.yaml")
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if "TODO" in line
    )
    assert sorted(line.split(": error: ")[0] for line in problems) == todo_lines
    assert all(line.endswith("[todo]") for line in problems)
    assert (
        "products/mien-dong-san-day-son-binh.yaml:10: error: number: chưa điền xong (TODO): số giấy chứng nhận như in trên giấy;"
        " điền đúng giá trị rồi xoá chữ TODO [todo]" in problems
    )
    assert (
        "products/mat-ong-hoa-bac-ha-pa-u.yaml:5: error: group: chưa điền xong (TODO): đoán từ tên sản phẩm, kiểm tra lại;"
        " điền đúng giá trị rồi xoá chữ TODO [todo]" in problems
    )


def test_a_finished_stub_passes_check(demo_copy: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write_annex(Path("phu-luc.xlsx"))
    module_main(["import-decision", "phu-luc.xlsx"])
    path = demo_copy / "products" / "mien-dong-san-day-son-binh.yaml"
    text = path.read_text(encoding="utf-8")
    text = text.replace("number: TODO  # số giấy chứng nhận như in trên giấy", "number: GCN-OCOP-LC-2025-201")
    text = text.replace(
        "summary: TODO  # một dòng giới thiệu sản phẩm, tối đa 160 ký tự", "summary: Miến dong sắn dây làm thủ công ở Sơn Bình."
    )
    path.write_text(text, encoding="utf-8")
    _, report = validate(demo_copy / "products", demo_copy / "producers")
    assert not [p for p in report.problems if "mien-dong-san-day-son-binh" in p.file or "htx-nong-san-son-binh" in p.file]


def test_a_second_run_skips_what_the_first_wrote(demo_copy: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write_annex(Path("phu-luc.xlsx"))
    module_main(["import-decision", "phu-luc.xlsx"])
    capsys.readouterr()
    assert module_main(["import-decision", "phu-luc.xlsx", "--lang", "en"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0] == "From phu-luc.xlsx: 0 new product stubs, 0 new producer stubs."
    assert "  skipped 'Miến dong sắn dây Sơn Bình': products/mien-dong-san-day-son-binh.yaml is there already" in out


def test_the_decision_can_be_given_on_the_command_line(demo_copy: Path, capsys: pytest.CaptureFixture[str]) -> None:
    book = openpyxl.Workbook()
    book.active.append(["Sản phẩm", "Chủ thể", "Số sao"])
    book.active.append(["Khăn thổ cẩm Lự Nậm Tăm", "HTX dệt Nậm Tăm", 3])
    book.save("annex.xlsx")
    module_main(["import-decision", "annex.xlsx", "--decision", "77/QĐ-UBND", "--date", "2026-01-15"])
    text = (demo_copy / "products" / "khan-tho-cam-lu-nam-tam.yaml").read_text(encoding="utf-8")
    assert "  issued: 2026-01-15\n" in text and "  decision: 77/QĐ-UBND\n" in text
    assert "group: thu-cong-my-nghe  # TODO: đoán từ tên sản phẩm, kiểm tra lại\n" in text
    producer = (demo_copy / "producers" / "htx-det-nam-tam.yaml").read_text(encoding="utf-8")
    assert "address: TODO  # địa chỉ: bản, xã/phường, tỉnh\n" in producer


def test_an_annex_cell_quoted_in_a_comment_stays_a_comment(demo_copy: Path) -> None:
    book = openpyxl.Workbook()
    book.active.append(["Sản phẩm", "Chủ thể", "Số sao"])
    book.active.append(["Khăn thổ cẩm Lự Nậm Tăm", "HTX dệt Nậm Tăm", "năm\nfeatured: true\u2028tags: [x]"])
    book.save("annex.xlsx")
    module_main(["import-decision", "annex.xlsx", "--decision", "77/QĐ-UBND", "--date", "2026-01-15"])
    text = (demo_copy / "products" / "khan-tho-cam-lu-nam-tam.yaml").read_text(encoding="utf-8")
    assert "stars: TODO  # số sao 3, 4 hoặc 5; phụ lục ghi 'năm featured: true tags: [x]'\n" in text
    data = yaml.safe_load(text)
    assert "featured" not in data and "tags" not in data


def test_a_workbook_without_a_product_table_is_refused(demo_copy: Path, capsys: pytest.CaptureFixture[str]) -> None:
    book = openpyxl.Workbook()
    book.active.append(["Báo cáo tháng 6"])
    book.save("khac.xlsx")
    assert module_main(["import-decision", "khac.xlsx"]) == 1
    assert capsys.readouterr().out == (
        "khac.xlsx: error: không tìm thấy dòng tiêu đề của bảng (cần ít nhất cột 'Tên sản phẩm' và một cột khác"
        " như 'Chủ thể', 'Hạng sao') [no-header]\n"
    )


def test_todo_replaces_the_other_problems_of_its_line(base_catalogue: Path) -> None:
    path = base_catalogue / "producers" / "base-producer.yaml"
    text = path.read_text(encoding="utf-8")
    phone = next(line for line in text.splitlines() if line.startswith("phone:"))
    path.write_text(text.replace(phone, "phone: TODO"), encoding="utf-8")
    _, report = validate(base_catalogue / "products", base_catalogue / "producers")
    assert [(p.code, p.text()) for p in report.problems if p.file.startswith("producers/")] == [
        ("todo", "phone: chưa điền xong (TODO); điền đúng giá trị rồi xoá chữ TODO")
    ]
    assert [p.text("en") for p in report.problems if p.code == "todo"] == [
        "phone: not filled in yet (TODO); write the right value and remove the word TODO"
    ]


@pytest.mark.parametrize(
    ("header", "field"),
    [
        ("STT", "stt"),
        ("TÊN SẢN PHẨM", "name"),
        ("Ten san pham", "name"),
        ("Tên sản\nphẩm", "name"),
        ("Tên chủ thể", "producer"),
        ("Chủ thể OCOP", "producer"),
        ("Hạng\nsao", "stars"),
        ("Số sao", "stars"),
        ("Kết quả xếp hạng", "stars"),
        ("Nhóm/bộ sản phẩm", "group"),
        ("Nhóm sản phẩm", "group"),
        ("Số quyết định", "decision"),
        ("Ngày quyết định", "date"),
        ("Địa chỉ", "address"),
        ("Số giấy chứng nhận", "certificate"),
        ("Số điện  thoại", "phone"),
        ("Ghi chú", None),
    ],
)
def test_headers_are_matched_loosely(header: str, field: str | None) -> None:
    assert field_of(header) == field


@pytest.mark.parametrize(("value", "stars"), [("4 sao", 4), (3, 3), (5.0, 5), ("★★★", 3), ("Hạng 4", 4), ("2 sao", None), ("", None)])
def test_stars_are_read_from_what_annexes_write(value: object, stars: int | None) -> None:
    assert stars_of(value) == stars


@pytest.mark.parametrize(
    ("address", "commune"),
    [
        ("Bản Sân Bay, xã Bình Lư, tỉnh Lai Châu", "binh-lu"),
        ("Tổ 5, phường Tân Phong", "tan-phong"),
        ("Bản Nậm Xe, xã Nậm Xe, huyện Phong Thổ", "sin-suoi-ho"),  # a former commune, merged into Sin Suối Hồ
        ("Bản Mé Gióng, xã Sìn Suối Hồ", "sin-suoi-ho"),
        ("Hà Nội", None),
    ],
)
def test_the_commune_is_found_in_an_address(address: str, commune: str | None) -> None:
    assert commune_in(address) == commune


def test_names_ids_groups_and_decisions() -> None:
    assert product_id("Miến dong Bình Lư") == "mien-dong-binh-lu"
    assert len(product_id("Trà shan tuyết cổ thụ hữu cơ thượng hạng vùng cao Sà Dề Phìn Sìn Hồ")) <= 40
    assert producer_id("Công ty TNHH MTV Trường Giang") == "cty-truong-giang"
    assert find_producer("HTX Thanh Xuân", {"htx-thanh-xuan": "Hợp tác xã Thanh Xuân"}) == "htx-thanh-xuan"
    assert group_in("Đồ uống có cồn") == ("do-uong", "do-uong-co-con")
    assert group_in("NHÓM THỰC PHẨM") == ("thuc-pham", None)
    assert group_from_name("Rượu sâm Lai Châu") == ("do-uong", "do-uong-co-con")
    assert decision_in("(Kèm theo Quyết định số 1234/QĐ-UBND ngày 30/6/2025)") == "1234/QĐ-UBND"
    assert date_in("ngày 30 tháng 6 năm 2025") == date(2025, 6, 30)


def readme_excel_commands() -> list[str]:
    """The commands of the README's Excel section, in order."""
    text = (REPO / "README.md").read_text(encoding="utf-8")
    section = text.split("## Excel:", 1)[1].split("\n## ", 1)[0]
    block = section.split("```sh\n", 1)[1].split("```", 1)[0]
    return [line for line in block.splitlines() if line.strip()]


def test_the_readme_commands_run_as_shown(demo_copy: Path) -> None:
    commands = readme_excel_commands()
    assert [c.split()[3] for c in commands] == ["export-xlsx", "import-xlsx", "import-decision"]
    write_annex(demo_copy / "phu-luc.xlsx")
    outputs = []
    for command in commands:
        argv = [sys.executable, *shlex.split(command)[1:]]
        done = subprocess.run(argv, cwd=demo_copy, capture_output=True, text=True, timeout=300, check=False)
        assert done.returncode == 0, done.stdout + done.stderr
        outputs.append(done.stdout)
    assert outputs[1] == "Bảng tính catalogue.xlsx khớp với danh mục: không tệp nào thay đổi.\n"
    assert (demo_copy / "products" / "tra-xanh-ta-leng.yaml").is_file()
    check = subprocess.run(
        [sys.executable, str(REPO / "build_site.py"), "--check"], cwd=demo_copy, capture_output=True, text=True, check=False
    )
    assert check.returncode == 1 and "[todo]" in check.stdout
