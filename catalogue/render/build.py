"""Render the site with MkDocs: write each language's docs folder and configuration, then run
one `mkdocs build` process per language, all at once.

Pages are made in worker processes and handed over to MkDocs as files. Workers started with
`fork` are handed the pages' maker with their copy of this process; with `spawn` (Windows,
macOS) it is pickled, and the build works the same (tests/test_spawn.py).
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import re
import shutil
import subprocess
import sys
import threading
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path

import yaml

from ..incremental import Kept
from ..maps import LEAFLET, LEAFLET_FILES, leaflet_asset, maps_in_build
from ..pages.generate import page_source
from ..pages.listings import PageFile
from ..pages.page_cache import PublishedPage
from ..settings import Settings
from . import TEMPLATE_CACHE
from .config import REPO, mkdocs_config, nav_sources, theme_text
from .offline import SHIM_NAME, shim
from .renders import Renders
from .shells import Filled, Marks, PageLoader, Placed, Shells

# MkDocs' log lines for errors: "ERROR    -  Config value 'theme': ...".
_ERROR_PREFIX = re.compile(r"^ERROR\s*-\s*")
# A traceback's frame line, and the module path before an exception's name.
_FRAME = re.compile(r'^File "(.+)", line (\d+)')
_EXCEPTION_MODULE = re.compile(r"^(?:\w+\.)+(?=\w+:)")


class RenderError(Exception):
    """A MkDocs build that failed. Its message is one line (`summary`); `output` holds all that
    MkDocs printed."""

    def __init__(self, lang: str, output: str) -> None:
        super().__init__(lang, output)  # both in args, so that it pickles whole
        self.lang = lang
        self.output = output

    def __str__(self) -> str:
        return self.summary()

    def summary(self) -> str:
        """One line for the user: MkDocs' error lines, or else the exception that ended its
        traceback, with the template file and line where it happened."""
        lines = [line.strip() for line in self.output.splitlines() if line.strip()]
        errors = [_ERROR_PREFIX.sub("", line) for line in lines if _ERROR_PREFIX.match(line)]
        if errors:
            return f"MkDocs could not build the '{self.lang}' pages: {'; '.join(errors)}"
        last = _EXCEPTION_MODULE.sub("", lines[-1]) if lines else "no output"
        places = [match for match in map(_FRAME.match, lines) if match and not match[1].endswith(".py") and not match[1].startswith("<")]
        where = f"{_shown(Path(places[-1][1]))}:{places[-1][2]}: " if places else ""
        return f"MkDocs could not build the '{self.lang}' pages: {where}{last}"


def _shown(path: Path) -> str:
    """`path` relative to the working directory when it lies under it."""
    try:
        return path.relative_to(Path.cwd()).as_posix()
    except ValueError:
        return path.as_posix()


def docs_files(pages: list[PageFile], offline: bool = False) -> list[tuple[str, str | Path]]:
    """What MkDocs reads of these pages, by path in a language's folder: every page's Markdown file
    (`docs/...`) and every generated body (`bodies/<page>.html`, put in place by
    catalogue/render/hooks.py) as text, and the files copied as they are as the path of their
    source: the offline shim, where the theme's polyfills setting finds it, and Leaflet, among the
    theme's assets (MkDocs copies both into the site)."""
    files: list[tuple[str, str | Path]] = []
    if offline:
        files.append((f"docs/{SHIM_NAME}", shim()))
    if maps_in_build(offline):
        files += [(f"docs/assets/{leaflet_asset(name)}", LEAFLET / name) for name in LEAFLET_FILES]
    for page in pages:
        if page.markdown:
            files.append((f"docs/{page.path}", page_source(replace(page, title=theme_text(page.title)))))
            continue
        files.append((f"bodies/{page.path}.html", str(page.body)))
        stub = PageFile(page.path, theme_text(page.title), "", {**page.meta, "ocop_body": f"{page.path}.html"})
        files.append((f"docs/{page.path}", page_source(stub)))
    return files


def write_files(files: Iterable[tuple[str, str | Path]], folder: Path) -> None:
    """Write `docs_files` under a language's `folder`."""
    for name, content in files:
        target = folder / name
        target.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, Path):
            shutil.copyfile(content, target)
        else:
            target.write_text(content, encoding="utf-8")


@dataclass(frozen=True)
class Rendered:
    """One language rendered: its site folder, the paths of its pages, and the hashes of the
    inline scripts of the pages filled into their shells, by path in the site folder (the other
    pages are read for theirs: catalogue/hosting/inline.py); and the placed bodies that wait for
    the values of their slots (`build_languages`, `later`), to be put in place by `place_later`."""

    site: Path
    paths: list[str]
    scripts: dict[str, frozenset[str]] = field(default_factory=dict)
    marks: Marks = field(default_factory=dict)  # what each stored page became, by entry in the store (shells.py)
    waiting: tuple[Placed, ...] = ()


def build_languages(
    settings: Settings,
    pages: Callable[[str], Iterable[PageFile | PublishedPage]],
    work_dir: Path,
    offline: bool = False,
    *,
    today: date,
    shells: bool = True,
    workers: int = 1,
    kept: Mapping[str, Kept] | None = None,
    meanwhile: Callable[[], None] | None = None,
    templates: Path | None = None,
    renders: Renders | None = None,
    loader: Callable[[str], PageLoader] | None = None,
    later: Collection[str] = (),
) -> dict[str, Rendered]:
    """Render every language under `work_dir/<lang>/`, by language.

    Each language's pages are made and written, and its MkDocs build starts as soon as they are,
    so pages are written while another language renders; then every build is awaited. With
    `workers` over 1, that many processes make the languages' pages side by side (`pages` must
    then pickle: a module function or a `functools.partial` of one, not a closure).
    Pages outside the navigation and the search index (catalogue/render/shells.py: product pages,
    among others) are not rendered by MkDocs one by one: it renders their shells, and they are
    filled in when it is done, but for those the previous site already holds (`kept`, by
    language: catalogue/incremental.py). Without `shells`, MkDocs renders every page itself.
    `meanwhile` is work of this process that needs none of their output: it is done while other
    processes make the pages (when `workers` make them: in a thread beside this one, which starts
    each language's MkDocs build, or fills its pages, as soon as the language is made), or else
    once every MkDocs build has started, before they are awaited (a MkDocs build is a process of
    its own).
    The theme's templates, compiled, are kept in `templates` for the next build (hooks.py), and
    with `shells`, MkDocs' output in `renders`: a language whose MkDocs input is as when its output
    was kept is not rendered again (renders.py). `loader` gives each language's way to read a
    stored page (for a published page found changed: shells.py).
    With `shells`, `later` names the slots of placed bodies (shells.py, `Shells.fill`) whose values
    work meanwhile may still be finding (the printed catalogue's files, drawn beside the pages):
    the pages that hold one are left with their stand-in and handed back (`Rendered.waiting`), for
    the caller to put in place (`place_later`) once it knows the values; the others are filled.
    A failed build raises RenderError (the others are stopped).
    """
    running: dict[str, _Running] = {}
    besides = _Once(meanwhile)
    try:
        # The filling processes start first: the pages' processes are started next, and then
        # `meanwhile` runs beside this thread, which must not fork while it does.
        with _Fillers(workers if shells else 0, host=not offline, later=frozenset(later)) as fillers:
            for lang, prepared in _prepared(settings, pages, work_dir, offline, today, shells, workers, besides, renders, loader, kept):
                if kept and lang in kept:
                    kept[lang].paths.update(prepared.kept)
                folder = work_dir / lang
                process = None if prepared.taken else _start(prepared.config, folder / "mkdocs.log", templates)
                run = running[lang] = _Running(process, folder, prepared.paths, prepared.shells, prepared.key if process else "")
                if shells and process is None:  # MkDocs' output was kept: fill at once
                    fillers.fill(lang, run.shells, folder / "site", kept.get(lang) if kept else None)
            besides()
            for lang, run in running.items():
                if run.process is None:
                    continue
                if run.process.wait() != 0:
                    raise RenderError(lang, (run.folder / "mkdocs.log").read_text(encoding="utf-8", errors="replace"))
                if shells:
                    keep = (renders, lang, run.key) if renders and run.key else None
                    fillers.fill(lang, run.shells, run.folder / "site", kept.get(lang) if kept else None, keep)
        return {
            lang: Rendered(
                run.folder / "site", run.paths, fillers.scripts.get(lang, {}), fillers.marks.get(lang, {}), fillers.waiting.get(lang, ())
            )
            for lang, run in running.items()
        }
    finally:
        for run in running.values():
            if run.process and run.process.poll() is None:
                run.process.kill()
                run.process.wait()


class _Once:
    """`work` (if any), done the first time this is called."""

    def __init__(self, work: Callable[[], None] | None) -> None:
        self.work = work

    def __call__(self) -> None:
        work, self.work = self.work, None
        if work:
            work()


@dataclass(frozen=True)
class _Running:
    """One language under way: its MkDocs build (None when its output was kept from an earlier
    build), its folder, its pages' paths, its shells, and the key to keep the output under."""

    process: subprocess.Popen[bytes] | None
    folder: Path
    paths: list[str]
    shells: Shells
    key: str


class _Fillers:
    """Each language's pages filled into its shells as soon as MkDocs has rendered them, in `workers`
    processes at once (filling is Python's work: threads would take turns); the previous site's
    files that each one kept are added to its `Kept` when all are done, and the hashes of the
    inline scripts of the pages written (with `host`: `Shells.fill`) are in `scripts`, by language,
    and the placed bodies holding a slot named in `later` in `waiting`."""

    def __init__(self, workers: int, host: bool = False, later: frozenset[str] = frozenset()) -> None:
        self.pool = ProcessPoolExecutor(max_workers=workers) if workers > 1 else None
        if self.pool:
            self.pool.submit(int)  # forked processes all start with the first task: here, before any thread is started
        self.host = host
        self.later = later
        self.pending: list[tuple[str, Future[_Filled], Kept | None]] = []
        self.scripts: dict[str, dict[str, frozenset[str]]] = {}
        self.marks: dict[str, Marks] = {}
        self.waiting: dict[str, tuple[Placed, ...]] = {}

    def __enter__(self) -> _Fillers:
        return self

    def __exit__(self, *error: object) -> None:
        try:
            if error[0] is None:
                for lang, future, kept in self.pending:
                    found, filled = future.result()
                    if kept is not None:
                        kept.paths.update(found)
                    self.scripts[lang], self.marks[lang], self.waiting[lang] = filled
        finally:
            if self.pool:
                self.pool.shutdown(cancel_futures=True)

    def fill(self, lang: str, shells: Shells, site: Path, kept: Kept | None, keep: _Keep | None = None) -> None:
        """Fill `shells` into the rendered `site` of `lang`, but for the pages the previous site
        holds (`kept`), having first kept MkDocs' output when told where (`keep`)."""
        if self.pool is None:
            self.pending.append((lang, _done(_fill(shells, site, kept, keep, self.host, self.later)), kept))
            return
        # Its own record of what it keeps, handed back: the shared one holds every path of the site.
        own = kept.fresh() if kept else None
        self.pending.append((lang, self.pool.submit(_fill, shells, site, own, keep, self.host, self.later), kept))


def _done(result: _Filled) -> Future[_Filled]:
    """`result` as a future already done."""
    future: Future[_Filled] = Future()
    future.set_result(result)
    return future


# Where to keep one language's MkDocs output: the store, the language and the key.
_Keep = tuple[Renders, str, str]


# What filling a language gives back: the paths it found kept, and what `Shells.fill` did.
_Filled = tuple[set[str], Filled]


def _fill(
    shells: Shells, site: Path, kept: Kept | None, keep: _Keep | None = None, host: bool = False, later: Collection[str] = ()
) -> _Filled:
    """`Shells.fill`, MkDocs' output kept first (`keep`)."""
    if keep:
        renders, lang, key = keep
        renders.keep(lang, key, site)
    filled = shells.fill(site, kept, host, later=later)
    return (kept.paths if kept else set()), filled


@dataclass(frozen=True)
class _Prepared:
    """One language made: its pages' paths, its shells, its MkDocs configuration file, the key of
    what MkDocs reads (when its output is kept: renders.py) and whether the output kept under that
    key was taken (MkDocs need not run; nothing it reads was written)."""

    paths: list[str]
    shells: Shells
    config: Path
    key: str = ""
    taken: bool = False
    kept: frozenset[str] = frozenset()  # the paths that the previous site holds as the output taken has them


def _prepared(
    settings: Settings,
    pages: Callable[[str], Iterable[PageFile | PublishedPage]],
    work_dir: Path,
    offline: bool,
    today: date,
    shells: bool,
    workers: int,
    meanwhile: Callable[[], None],
    renders: Renders | None = None,
    loader: Callable[[str], PageLoader] | None = None,
    kept: Mapping[str, Kept] | None = None,
) -> Iterator[tuple[str, _Prepared]]:
    """Each language with its pages' paths, its shells and its MkDocs configuration, in the
    settings' order, as soon as that language is written (by `workers` processes at once, while
    a thread of this one does `meanwhile`). What the previous site holds (`kept`, by language) is
    handed to each as an empty record of its own (`Kept.fresh`)."""
    languages = settings.languages
    views = {lang: kept[lang].fresh() if kept and lang in kept else None for lang in languages}
    if workers <= 1 or len(languages) <= 1:
        for lang in languages:
            yield lang, prepare_language(settings, pages, lang, work_dir / lang, offline, today, shells, renders, loader, views[lang])
        return
    sent: Callable[[str], Iterable[PageFile | PublishedPage]] = pages
    if multiprocessing.get_start_method() == "fork":  # the workers are copies of this process: they have `pages` already
        _HANDED_DOWN[:] = [pages]
        sent = _handed_down
    try:
        with ProcessPoolExecutor(max_workers=min(workers, len(languages))) as pool:
            futures = [
                pool.submit(prepare_language, settings, sent, lang, work_dir / lang, offline, today, shells, renders, loader, views[lang])
                for lang in languages
            ]
            with _alongside(meanwhile):
                for lang, future in zip(languages, futures, strict=True):
                    yield lang, future.result()
    finally:
        _HANDED_DOWN.clear()


@contextlib.contextmanager
def _alongside(work: Callable[[], None]) -> Iterator[None]:
    """Do `work` in a thread of its own while the block runs; wait for it at the end, and raise
    what it raised. The languages made are then handled (MkDocs started, or the pages filled) as
    they come, not once this process's own work is done."""
    failed: list[BaseException] = []

    def run() -> None:
        try:
            work()
        except BaseException as error:  # raised again in this thread
            failed.append(error)

    thread = threading.Thread(target=run, name="meanwhile")
    thread.start()
    try:
        yield
    finally:
        thread.join()
    if failed:
        raise failed[0]


# The pages' maker while forked workers make them. Pickling it would copy the whole catalogue to
# each worker (0.2 s to pickle and 0.4 s to unpickle at 2,000 products); a forked worker starts
# with this process's memory, so it is handed down instead. With `spawn` it is pickled.
_HANDED_DOWN: list[Callable[[str], Iterable[PageFile | PublishedPage]]] = []


def _handed_down(lang: str) -> Iterable[PageFile | PublishedPage]:
    """The pages of `lang` from the maker this forked worker was handed down."""
    return _HANDED_DOWN[0](lang)


def prepare_language(
    settings: Settings,
    pages: Callable[[str], Iterable[PageFile | PublishedPage]],
    lang: str,
    folder: Path,
    offline: bool,
    today: date,
    shells: bool,
    renders: Renders | None = None,
    loader: Callable[[str], PageLoader] | None = None,
    kept: Kept | None = None,
) -> _Prepared:
    """Make one language's pages and what MkDocs reads: the pages' paths, the shells to fill after
    it has rendered, and its configuration file. With `renders` (and `shells`), MkDocs' output kept
    for what it would read is taken into `folder/site` and nothing is written for it to read; of
    it, the files the previous site holds with the same bytes (`kept`, the language's view of it,
    whose record of the paths kept is handed back) are not copied, but for those filled in."""
    paths: list[str] = []
    made = _noting_paths(pages(lang), paths)
    filler = Shells(folder / "shell-values.pickle", nav_sources(settings, lang) if shells else (), loader(lang) if loader else None)
    # The filled pages wait in their spool file, not in memory.
    rendered_pages = filler.take(made) if shells else [page.load() if isinstance(page, PublishedPage) else page for page in made]
    config_path = folder / "mkdocs.yml"
    config = yaml.safe_dump(mkdocs_config(settings, lang, folder, offline, today=today), allow_unicode=True, sort_keys=False)
    files = docs_files(rendered_pages, offline)
    key = renders.key(files, config, folder) if renders and shells else ""
    if key and renders and renders.take(lang, key, folder / "site", kept, filler.read_again()):
        return _Prepared(paths, filler, config_path, key, taken=True, kept=frozenset(kept.paths) if kept else frozenset())
    write_files(files, folder)
    config_path.write_text(config, encoding="utf-8")
    return _Prepared(paths, filler, config_path, key)


def _noting_paths(pages: Iterable[PageFile | PublishedPage], paths: list[str]) -> Iterator[PageFile | PublishedPage]:
    """`pages`, one by one, each one's site path added to `paths` as it passes."""
    for page in pages:
        paths.append(page.url)
        yield page


def _start(config: Path, log: Path, templates: Path | None = None) -> subprocess.Popen[bytes]:
    """Start `mkdocs build` on `config`, its output (both streams) going to `log`: a file, not a
    pipe, so that a build that writes much never waits for a reader."""
    command = [sys.executable, "-m", "mkdocs", "build", "--quiet", "--config-file", str(config)]
    with log.open("wb") as output:
        return subprocess.Popen(command, stdout=output, stderr=subprocess.STDOUT, env=_environment(templates))


def _environment(templates: Path | None = None) -> dict[str, str]:
    environment = {
        **os.environ,
        "NO_MKDOCS_2_WARNING": "1",
        "PYTHONPATH": os.pathsep.join(filter(None, [str(REPO), os.environ.get("PYTHONPATH")])),
    }
    environment.pop(TEMPLATE_CACHE, None)
    if templates is not None:
        environment[TEMPLATE_CACHE] = str(templates.resolve())
    return environment
