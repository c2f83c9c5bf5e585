"""The command lines `python -m catalogue export-xlsx|import-xlsx|import-decision FILE` (see README).

openpyxl and ruamel.yaml are imported only when one of these commands runs, so that the build and
`--check` do not pay for them.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from ..messages import DEFAULT, LANGUAGES, say
from ..problems import display_path

if TYPE_CHECKING:
    from .files import CataloguePaths

COMMANDS = ("export-xlsx", "import-xlsx", "import-decision")


def add_commands(commands: argparse._SubParsersAction, day: type | object) -> None:  # type: ignore[type-arg]
    """Add the three Excel commands; `day` parses a --today value."""
    export = commands.add_parser("export-xlsx", help="xuất danh mục ra bảng tính Excel / write the catalogue as an Excel workbook")
    export.add_argument("file", type=Path, metavar="FILE", help="the workbook to write, e.g. catalogue.xlsx")
    importing = commands.add_parser(
        "import-xlsx", help="nhập lại bảng tính vào các tệp YAML / apply a workbook back to the catalogue's files"
    )
    importing.add_argument("file", type=Path, metavar="FILE", help="the workbook to read")
    decision = commands.add_parser(
        "import-decision",
        help="tạo hồ sơ sản phẩm mới từ phụ lục quyết định công nhận / write stubs for the new products of a decision's annex",
    )
    decision.add_argument("file", type=Path, metavar="FILE", help="the annex as an Excel workbook (.xlsx)")
    decision.add_argument("--decision", metavar="NUMBER", help="the decision's number, e.g. 1234/QĐ-UBND (default: from the annex)")
    decision.add_argument("--date", type=day, metavar="YYYY-MM-DD", help="the decision's date (default: from the annex)")
    decision.add_argument("--issuer", metavar="NAME", help="who issued it (default: UBND tỉnh <province of catalogue.yaml>)")
    for parser in (export, importing, decision):
        parser.add_argument("--products", type=Path, default=Path("products"), metavar="DIR", help="product files (default: products)")
        parser.add_argument("--producers", type=Path, default=Path("producers"), metavar="DIR", help="producer files (default: producers)")
        parser.add_argument(
            "--settings", type=Path, metavar="FILE", help="settings file (default: catalogue.yaml beside the products folder)"
        )
        parser.add_argument("--lang", choices=LANGUAGES, default=DEFAULT, help="language of the messages (default: vi)")
        parser.set_defaults(prog=parser.prog)
    importing.add_argument("--today", type=day, metavar="YYYY-MM-DD", help="check as if today were this date")
    decision.set_defaults(today=None)


def run(args: argparse.Namespace) -> int:
    """Run one of the three commands; return the exit status."""
    from .files import CatalogueFileError, CataloguePaths
    from .read import WorkbookError

    paths = CataloguePaths.of(args.products, args.producers, args.settings)
    try:
        if args.command == "export-xlsx":
            return _export(args, paths)
        if args.command == "import-xlsx":
            return _import(args, paths)
        from .decision import run_decision

        return run_decision(args, paths)
    except CatalogueFileError as problem:
        print(f"{display_path(problem.path)}: error: {problem.message.text(args.lang)} [unreadable-file]")
        return 1
    except WorkbookError as error:
        print(f"{display_path(args.file)}: error: {say('xlsx.unreadable-workbook', args.lang, reason=error)} [unreadable-workbook]")
        return 1


def _export(args: argparse.Namespace, paths: CataloguePaths) -> int:
    from .export import write_workbook

    try:
        counts = write_workbook(paths, args.file, args.lang)
    except OSError as error:
        print(f"{display_path(args.file)}: error: {error.strerror or error} [unwritable-file]")
        return 1
    products, producers, points = counts.values()
    print(say("xlsx.exported", args.lang, file=display_path(args.file), products=products, producers=producers, points=points))
    return 0


def _import(args: argparse.Namespace, paths: CataloguePaths) -> int:
    from .importing import plan_import, write_files

    if not args.file.is_file():
        print(f"{display_path(args.file)}: error: {say('xlsx.no-workbook', args.lang)} [unreadable-workbook]")
        return 1
    plan = plan_import(args.file, paths, args.today)
    for issue in plan.issues:
        print(issue.text(args.lang))
    errors = sum(not issue.warning for issue in plan.issues)
    if errors:
        print(say("xlsx.refused", args.lang, errors=errors, warnings=len(plan.issues) - errors))
        return 1
    if not plan.texts:
        print(say("xlsx.nothing", args.lang, file=plan.book))
        return 0
    write_files(plan.texts)
    print(say("xlsx.written", args.lang, count=len(plan.texts), file=plan.book))
    for path in plan.texts:
        if path in plan.new:
            print(say("xlsx.written-new", args.lang, file=display_path(path)))
        else:
            print(say("xlsx.written-changed", args.lang, file=display_path(path), cells=plan.cells_changed.get(path, 0)))
    for point in plan.new_points:
        print(say("xlsx.written-point", args.lang, id=point))
    return 0
