"""Command lines: `python build_site.py [--check]` and `python -m catalogue check|media|serve|verify`, and the Excel
commands `export-xlsx`, `import-xlsx` and `import-decision` (catalogue/xlsx/)."""

from __future__ import annotations

import argparse
import atexit
import contextlib
import errno
import os
import socket
import sys
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn

from .load import yaml_files
from .messages import DEFAULT, LANGUAGES, Message, msg
from .problems import Report
from .published import check_removed, published_ids
from .rules import printable
from .urls import Urls
from .xlsx import commands as xlsx

if TYPE_CHECKING:
    from .render.serve import Routes
    from .stamp import Inputs, Stamp


def _add_catalogue_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--products", type=Path, default=Path("products"), metavar="DIR", help="product files (default: products)")
    parser.add_argument("--producers", type=Path, default=Path("producers"), metavar="DIR", help="producer files (default: producers)")
    parser.add_argument("--settings", type=Path, metavar="FILE", help="settings file (default: catalogue.yaml beside the products folder)")
    parser.add_argument("--format", choices=("text", "json"), default="text", help="how to print problems (default: text)")
    parser.add_argument(
        "--lang", choices=LANGUAGES, default=DEFAULT, help="language of the messages: vi (tiếng Việt, default) or en (English)"
    )
    parser.add_argument("--today", type=_day, metavar="YYYY-MM-DD", help="act as if today were this date")


def _day(text: str) -> date:
    """A --today value: an ISO date within the years the data may use."""
    from .dates import date_range_problem

    try:
        day = date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a date written YYYY-MM-DD") from None
    problem = date_range_problem(day)
    if problem:
        raise argparse.ArgumentTypeError(problem.text("en"))
    return day


def _add_unpublish_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--unpublish",
        action="append",
        default=[],
        metavar="ID",
        help="let the product ID, which the last build published and whose file is gone, leave the site "
        "(its printed QR codes will lead nowhere); repeat for each id",
    )


def _check_paths(parser: argparse.ArgumentParser, args: argparse.Namespace) -> None:
    for folder in (args.products, args.producers):
        if not folder.is_dir():
            parser.error(msg("check.not-a-folder", path=str(folder)).text(args.lang))
    if args.settings and not args.settings.is_file():
        parser.error(msg("check.not-a-file", path=str(args.settings)).text(args.lang))


def leave(status: int) -> NoReturn:
    """End the process with `status` once the exit handlers have run and the output is written,
    without freeing the catalogue, its pages and its media object by object, as Python does on
    its way out (0.2 s of each build at 2,000 products): the system takes the memory back whole."""
    atexit._run_exitfuncs()
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(OSError, ValueError):  # a closed pipe, a closed file
            stream.flush()
    os._exit(status)


def main(argv: list[str] | None = None) -> int:
    """`build_site.py`: return the exit status (0 OK, 1 problems, 2 usage error)."""
    parser = argparse.ArgumentParser(
        prog="build_site.py",
        description="Validate an OCOP catalogue (one YAML file per product and per producer) and build its site.",
    )
    parser.add_argument("--check", action="store_true", help="only validate the catalogue and report every problem")
    parser.add_argument(
        "--site-dir", type=Path, metavar="DIR", help="where to build the site (default: site, or site-offline with --offline)"
    )
    parser.add_argument("--site-url", metavar="URL", help="public address of the site, ending with / (default: site_url in catalogue.yaml)")
    parser.add_argument(
        "--offline", action="store_true", help="build a copy that works from file:// with no network (a USB stick at a fair)"
    )
    _add_unpublish_option(parser)
    _add_catalogue_options(parser)
    parser.set_defaults(prog=parser.prog)
    args = parser.parse_args(argv)
    args.site_dir = args.site_dir or Path("site-offline" if args.offline else "site")
    _check_paths(parser, args)
    problem = _site_url_problem(args.site_url) if args.site_url else None
    if problem:
        parser.error(f"--site-url: {printable(problem.text(args.lang))}")
    return _check(args) if args.check else _build(args)


def _site_url_problem(url: str) -> Message | None:
    from .settings import site_url_problem

    return site_url_problem(url)


def module_main(argv: list[str] | None = None, routes: Routes | None = None, ready: str = "") -> int:
    """`python -m catalogue check|media OUT|serve|verify URL`: return the exit status.

    `routes` and `ready` are for `python -m catalogue.admin`, which serves the form editor beside the
    preview: paths the preview answers before the site's, and a line printed once it serves."""
    parser = argparse.ArgumentParser(prog="python -m catalogue", description="Tools for an OCOP catalogue.")
    commands = parser.add_subparsers(dest="command", required=True)
    _add_catalogue_options(commands.add_parser("check", help="validate the catalogue and report every problem"))
    media = commands.add_parser("media", help="make photos, badges, QR codes, labels and posters into a folder")
    media.add_argument("out", type=Path, metavar="OUT", help="folder to write the media into (site-relative paths)")
    media.add_argument("--cache", type=Path, default=Path(".cache") / "media", metavar="DIR", help="cache folder (default: .cache/media)")
    media.add_argument("--workers", type=int, metavar="N", help="worker processes (default: one per core)")
    _add_catalogue_options(media)
    media.set_defaults(prog=media.prog)
    serve = commands.add_parser("serve", help="build the site and serve it with live reload while you edit")
    serve.add_argument("--site-dir", type=Path, default=Path("site"), metavar="DIR", help="where to build the site (default: site)")
    serve.add_argument(
        "--host", default="127.0.0.1", help="address to listen on (default: 127.0.0.1, this computer only; 0.0.0.0 for phones too)"
    )
    serve.add_argument("--port", type=_port, default=8000, help="port to listen on (default: 8000)")
    _add_unpublish_option(serve)
    _add_catalogue_options(serve)
    serve.set_defaults(prog=serve.prog, offline=False, site_url=None)
    _add_verify_command(commands)
    xlsx.add_commands(commands, _day)
    args = parser.parse_args(argv)
    args.routes, args.ready = routes, ready
    if args.command == "verify":
        return _verify(args)
    if args.command in xlsx.COMMANDS:
        _check_paths(parser, args)
        return xlsx.run(args)
    _check_paths(parser, args)
    return {"check": _check, "media": _media, "serve": _serve}[args.command](args)


def _add_verify_command(commands: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    verify = commands.add_parser(
        "verify",
        help="kiểm tra trang đã công bố / check a published site: every page, QR code and GS1 path, and the headers",
    )
    verify.add_argument("url", type=_site_address, metavar="URL", help="the site's address, e.g. https://ocop.laichau.gov.vn/")
    verify.add_argument(
        "--published",
        type=Path,
        action="append",
        default=[],
        metavar="FILE",
        help=f"a {Urls.manifest()} kept from an earlier publication: its products must still be there (repeatable)",
    )
    verify.add_argument("--no-headers", action="store_true", help="do not check the headers (GitHub Pages cannot send them)")
    verify.add_argument("--timeout", type=float, default=15, metavar="S", help="seconds to wait for each answer (default: 15)")
    verify.add_argument("--workers", type=int, default=8, metavar="N", help="requests at a time (default: 8)")
    verify.set_defaults(prog=verify.prog)


def _site_address(text: str) -> str:
    if not text.startswith(("http://", "https://")):
        raise argparse.ArgumentTypeError(f"'{text}' must start with https:// (or http://)")
    return text if text.endswith("/") else text + "/"


def _verify(args: argparse.Namespace) -> int:
    from .hosting.verify import VerifyError, published_file_ids, summary, verify_site

    published: list[str] = []
    for path in args.published:
        try:
            published += published_file_ids(path)
        except (OSError, ValueError) as error:
            print(f"{args.prog}: error: --published {path}: {getattr(error, 'strerror', None) or error}", file=sys.stderr)
            return 1
    try:
        verdict = verify_site(args.url, published, headers=not args.no_headers, timeout=args.timeout, workers=args.workers)
    except VerifyError as error:
        print(f"{args.prog}: error: {error}", file=sys.stderr)
        return 1
    print(summary(verdict))
    return 1 if verdict.failures else 0


def _validated(args: argparse.Namespace) -> tuple[object, Report]:
    from .validate import validate

    return validate(args.products, args.producers, args.settings, args.today)


def _report_text(report: Report, args: argparse.Namespace, verdict: Message | str) -> str:
    lang = getattr(args, "lang", DEFAULT)
    if args.format == "json":
        products, producers = len(yaml_files(args.products)), len(yaml_files(args.producers))
        return report.to_json(lang, products=products, producers=producers, ok=report.ok)
    said = verdict.text(lang) if isinstance(verdict, Message) else verdict
    return "\n".join(filter(None, [report.to_text(lang), said]))


def _print_report(report: Report, args: argparse.Namespace, verdict: Message | str) -> None:
    print(_report_text(report, args, verdict))


def _check(args: argparse.Namespace) -> int:
    _, report = _validated(args)
    site_dir = getattr(args, "site_dir", None)
    published = published_ids(site_dir) if site_dir else None
    if published is not None:
        # What the build would refuse: a product of the last build whose file is gone.
        check_removed(published, args.products, site_dir, args.unpublish, report)
    products, producers = len(yaml_files(args.products)), len(yaml_files(args.producers))
    _print_report(report, args, msg("check.summary", products=products, producers=producers, verdict=_verdict(report)))
    return 0 if report.ok else 1


def _build(args: argparse.Namespace) -> int:
    status, out, err = _run_build(args)
    if out:
        print(out)
    if err:
        print(err, file=sys.stderr)
    return status


def _run_build(args: argparse.Namespace) -> tuple[int, str, str]:
    """Build the site: the exit status, and the texts for standard output and standard error."""
    kept, known, digests = _unchanged(args)
    if kept:
        return 0, _unchanged_text(kept.report, args, kept.products, kept.pages), ""
    from .render.offline import OfflineError
    from .site_folder import SiteDirError
    from .sitebuild import BuildError, build_site

    try:
        report, summary = build_site(
            args.products,
            args.producers,
            args.site_dir,
            args.settings,
            args.site_url,
            args.today,
            offline=args.offline,
            unpublish=args.unpublish,
            reuse=True,
            known=known,
            known_digests=digests,
        )
    except SiteDirError as error:
        return 1, "", f"{args.prog}: error: {error.message.text(args.lang)}"
    except (OfflineError, BuildError) as error:
        reason = error.args[0] if error.args and isinstance(error.args[0], Message) else str(error)
        return 1, "", f"{args.prog}: error: {msg('check.build-failed', reason=reason, folder=str(args.site_dir)).text(args.lang)}"
    if summary is None:
        refused = msg("check.site-not-built", folder=str(args.site_dir), verdict=_verdict(report))
        return 1, _report_text(report, args, refused), ""
    if summary.unchanged:
        return 0, _unchanged_text(report, args, summary.products, summary.pages), ""
    return 0, _report_text(report, args, str(summary)), ""


def _unchanged_text(report: Report, args: argparse.Namespace, products: int, pages: int) -> str:
    said = msg("check.site-unchanged", folder=str(args.site_dir), products=products, pages=pages)
    return _report_text(report, args, said)


def _unchanged(args: argparse.Namespace) -> tuple[Stamp | None, tuple[Inputs, str] | None, dict[str, bytes]]:
    """The last build's stamp when nothing has changed since (catalogue/stamp.py), found before the
    build's own modules are loaded: a rebuild with nothing to do then takes a moment. With it, the
    build's inputs and their key, for the build to take (None when they could not be worked out),
    and the digest of each file of the catalogue as the key read it."""
    from .jobs.cache import DEFAULT_CACHE
    from .load import SETTINGS_FILE
    from .site_folder import SiteDirError, check_site_dir
    from .stamp import Inputs, StampStore, input_key, plain_today

    settings = args.settings or args.products.parent / SETTINGS_FILE
    today = args.today or plain_today(settings)
    if today is None:
        return None, None, {}
    try:
        check_site_dir(args.site_dir, args.products, args.producers, args.settings)
    except SiteDirError:
        return None, None, {}  # the build says why
    inputs = Inputs(args.products, args.producers, settings, args.site_dir, today, args.site_url, args.offline, tuple(args.unpublish))
    digests: dict[str, bytes] = {}
    key = input_key(inputs, digests)
    return StampStore.beside(DEFAULT_CACHE).unchanged(inputs, key), (inputs, key), digests


def _port(text: str) -> int:
    if not text.isdigit() or not 0 < int(text) < 65536:
        raise argparse.ArgumentTypeError(f"must be a number from 1 to 65535, got '{text}'")
    return int(text)


def _serve(args: argparse.Namespace) -> int:
    from .render.serve import check_address
    from .site_folder import SiteDirError, check_site_dir

    try:
        check_site_dir(args.site_dir, args.products, args.producers, args.settings)
        check_address(args.host, args.port)
    except SiteDirError as error:
        print(f"{args.prog}: error: {error.message.text(args.lang)}", file=sys.stderr)
        return 1
    except OSError as error:
        hint = "choose another --port" if error.errno == errno.EADDRINUSE else "check --host"
        print(f"{args.prog}: error: cannot listen on {args.host} port {args.port}: {error.strerror or error}; {hint}", file=sys.stderr)
        return 1
    with contextlib.suppress(KeyboardInterrupt):  # Ctrl+C during the first build: stop quietly
        _preview(args)
    return 0


def _preview(args: argparse.Namespace) -> None:
    """Build once, then serve the site and build again on every change until Ctrl+C."""
    from .render.config import OVERRIDES, REPO
    from .render.serve import serve

    def rebuild() -> list[str]:
        # A failed rebuild keeps the last good site and lists its problems over every page.
        status, out, err = _run_build(args)
        for text, stream in ((out, sys.stdout), (err, sys.stderr)):
            if text:
                print(text, file=stream, flush=True)
        return [] if status == 0 else (out + "\n" + err).strip().splitlines()

    problems = rebuild()
    watched = [
        args.products,
        args.producers,
        args.settings or args.products.parent / "catalogue.yaml",
        OVERRIDES,
        REPO / "catalogue" / "content",
    ]
    print(f"serving {args.site_dir} {_where(args.host, args.port)} (Ctrl+C to stop)", flush=True)
    if args.ready:
        print(args.ready, flush=True)
    serve(rebuild, problems, args.site_dir, watched, host=args.host, port=args.port, routes=args.routes)


def _where(host: str, port: int) -> str:
    """Where to point a browser at the preview."""
    if host not in ("0.0.0.0", "::", ""):
        return f"on http://{host}:{port}/"
    address = _network_address()
    there = f"http://{address}:{port}/" if address else f"this computer's address, port {port},"
    return f"on every address of this computer: open http://127.0.0.1:{port}/ here, or {there} on a phone on the same network"


def _network_address() -> str | None:
    """This computer's address on its local network, if it has one (a UDP socket sends nothing
    when connected: this only asks the system which address it would use)."""
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
        try:
            probe.connect(("10.255.255.255", 1))
            return str(probe.getsockname()[0])
        except OSError:
            return None


def _media(args: argparse.Namespace) -> int:
    from .jobs.cache import MediaCache
    from .media_stage import build_media

    catalogue, report = _validated(args)
    if not report.ok:
        _print_report(report, args, msg("check.media-not-made", verdict=_verdict(report)))
        return 1
    try:
        result = build_media(catalogue, args.out, MediaCache(args.cache), args.today, args.workers)  # type: ignore[arg-type]
    except OSError as error:  # a full disk, a read-only folder: one line, as for the site build
        print(f"{args.prog}: error: {error.filename or args.out}: {error.strerror or error}", file=sys.stderr)
        return 1
    report.problems += result.report.problems
    s = result.stats
    figures = f"{s.jobs} jobs ({s.made} made, {s.reused} from the cache), {s.written} files written in {s.seconds:.2f} s"
    _print_report(report, args, f"media: {figures}" + ("" if report.ok else f"; {_verdict(report).text(args.lang)}"))
    return 0 if report.ok else 1


def _verdict(report: Report) -> Message:
    errors, warnings = len(report.errors), len(report.warnings)
    if report.ok:
        return msg("check.ok-warnings", warnings=_count("warnings", warnings)) if warnings else msg("check.ok")
    return msg("check.errors", errors=_count("errors", errors), warnings=_count("warnings", warnings))


def _count(noun: str, n: int) -> Message:
    """'1 error', '2 errors' / '2 lỗi'."""
    return msg(f"check.{noun}-{'one' if n == 1 else 'many'}", n=n)


if __name__ == "__main__":
    sys.exit(main())
