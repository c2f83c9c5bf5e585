"""The package's layout shows the pipeline, and imports flow one way (docs/architecture.md):
makers of bytes below media and printing, which do not import each other; the data models below
everything; MkDocs only in render/; the demo tools outside the package."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "catalogue"

# Where the interface words live until they get a package of their own: media and printing may
# read them from the pages package, and nothing else of it.
WORDS = "catalogue.pages.i18n"

# (modules, imports they may not make): a module or package name covers everything under it.
RULES = [
    ("catalogue.makers", ["catalogue.media", "catalogue.printing", "catalogue.pages", "catalogue.render", "catalogue.jobs"]),
    ("catalogue.jobs", ["catalogue.media", "catalogue.printing", "catalogue.pages", "catalogue.render", "catalogue.makers"]),
    ("catalogue.media", ["catalogue.printing", "catalogue.media_stage", "catalogue.pages", "catalogue.render"]),
    ("catalogue.printing", ["catalogue.media", "catalogue.media_stage", "catalogue.pages", "catalogue.render"]),
    ("catalogue.pages", ["catalogue.render", "catalogue.sitebuild", "catalogue.cli"]),
    (
        "catalogue.settings",
        ["catalogue.printing", "catalogue.media", "catalogue.pages", "catalogue.render", "catalogue.makers", "catalogue.jobs"],
    ),
    (
        "catalogue.model",
        ["catalogue.printing", "catalogue.media", "catalogue.pages", "catalogue.render", "catalogue.makers", "catalogue.jobs"],
    ),
    ("catalogue.label_sheet", ["catalogue.printing", "catalogue.media", "catalogue.pages", "catalogue.render", "catalogue.makers"]),
    ("catalogue", ["demo"]),
]
ALLOWED = {WORDS}


def module_name(path: Path) -> str:
    """'catalogue.media.plan' for catalogue/media/plan.py, 'catalogue.media' for its __init__.py."""
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imports(path: Path) -> set[str]:
    """Every module `path` imports, at the top or inside a function, as absolute names."""
    name = module_name(path)
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom):
            base = package.split(".")[: len(package.split(".")) - node.level + 1] if node.level else []
            module = ".".join([*base, *([node.module] if node.module else [])])
            found.add(module)
            found |= {f"{module}.{alias.name}" for alias in node.names}  # `from . import text` imports a module
    return found


def within(name: str, prefix: str) -> bool:
    return name == prefix or name.startswith(prefix + ".")


SOURCES = sorted(PACKAGE.rglob("*.py"))


def test_the_import_parser_resolves_relative_imports() -> None:
    found = imports(PACKAGE / "media" / "plan.py")
    assert "catalogue.jobs.cache" in found and "catalogue.makers.qr" in found and "catalogue.media.jobs" in found


@pytest.mark.parametrize(("owner", "forbidden"), RULES, ids=[owner for owner, _ in RULES])
def test_imports_flow_one_way(owner: str, forbidden: list[str]) -> None:
    wrong = sorted(
        f"{module_name(path)} imports {name}"
        for path in SOURCES
        if within(module_name(path), owner)
        for name in imports(path)
        if any(within(name, banned) for banned in forbidden) and not any(within(name, allowed) for allowed in ALLOWED)
    )
    assert wrong == []


def test_only_the_renderer_knows_mkdocs() -> None:
    wrong = sorted(
        module_name(path)
        for path in SOURCES
        if not within(module_name(path), "catalogue.render") and any(within(name, "mkdocs") for name in imports(path))
    )
    assert wrong == []


def test_the_demo_tools_are_not_in_the_package() -> None:
    assert not (PACKAGE / "drawing").exists() and not (PACKAGE / "synth.py").exists()
    assert (PACKAGE.parent / "demo" / "synth.py").is_file()
