"""Command line: `python build_site.py --check` validates a catalogue."""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path

from .validate import validate, yaml_files


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="build_site.py",
        description="Validate an OCOP catalogue (one YAML file per product and per producer) and build its site.",
    )
    parser.add_argument("--check", action="store_true", help="only validate the catalogue and report every problem")
    parser.add_argument("--products", type=Path, default=Path("products"), metavar="DIR", help="product files (default: products)")
    parser.add_argument("--producers", type=Path, default=Path("producers"), metavar="DIR", help="producer files (default: producers)")
    parser.add_argument("--settings", type=Path, metavar="FILE", help="settings file (default: catalogue.yaml beside the products folder)")
    parser.add_argument("--format", choices=("text", "json"), default="text", help="how to print problems (default: text)")
    parser.add_argument("--today", type=date.fromisoformat, metavar="YYYY-MM-DD", help="check as if today were this date")
    return parser


def main(argv: list[str] | None = None) -> int:
    """Run the command line; return the exit status (0 OK, 1 problems, 2 usage error)."""
    parser = _parser()
    args = parser.parse_args(argv)
    for folder in (args.products, args.producers):
        if not folder.is_dir():
            parser.error(f"{folder} is not a folder")
    if args.settings and not args.settings.is_file():
        parser.error(f"{args.settings} is not a file")
    if not args.check:
        parser.error("building the site is not available yet; run with --check to validate the catalogue")
    return _check(args)


def _check(args: argparse.Namespace) -> int:
    _, report = validate(args.products, args.producers, args.settings, args.today)
    products = len(yaml_files(args.products))
    producers = len(yaml_files(args.producers))
    if args.format == "json":
        print(report.to_json(products=products, producers=producers, ok=report.ok))
        return 0 if report.ok else 1
    if report.problems:
        print(report.to_text())
    print(f"{products} products, {producers} producers: {_verdict(report.ok, len(report.errors), len(report.warnings))}")
    return 0 if report.ok else 1


def _verdict(ok: bool, errors: int, warnings: int) -> str:
    plural = lambda n, word: f"{n} {word}{'' if n == 1 else 's'}"  # noqa: E731
    if ok:
        return "OK" + (f" ({plural(warnings, 'warning')})" if warnings else "")
    return f"{plural(errors, 'error')}, {plural(warnings, 'warning')}"


if __name__ == "__main__":
    sys.exit(main())
