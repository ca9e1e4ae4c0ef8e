"""The layers point one way (CONVENTIONS.md), parsed from the source, not run:

    foundation (tit_desktop/__init__, paths, settings, logging_setup)
        <- models <- services <- ui / cli            reports: fed plain data by services

Every module of the package is scanned, relative imports (``from . import x``,
``from ..services import y``) are resolved to the module they name, and a module that
belongs to no layer fails the scan, so a new top-level module cannot slip past the rules.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

import tit_desktop

PACKAGE = Path(tit_desktop.__file__).parent
ROOT = PACKAGE.name  # "tit_desktop"

QT = ("PySide6", "shiboken6")
DATABASE = ("sqlalchemy", "alembic")

# The modules every layer may build on: they import nothing of the application above them.
FOUNDATION = (
    "tit_desktop",
    "tit_desktop.paths",
    "tit_desktop.italian",
    "tit_desktop.settings",
    "tit_desktop.credentials",
    "tit_desktop.logging_setup",
)

# layer -> modules (prefixes, dot-bounded) it must not import.
FORBIDDEN: dict[str, tuple[str, ...]] = {
    "foundation": (
        *QT,
        *DATABASE,
        "tit_desktop.models",
        "tit_desktop.services",
        "tit_desktop.reports",
        "tit_desktop.ui",
        "tit_desktop.cli",
    ),
    "models": (
        *QT,
        "tit_desktop.services",
        "tit_desktop.reports",
        "tit_desktop.ui",
        "tit_desktop.cli",
    ),
    "services": (*QT, "tit_desktop.ui", "tit_desktop.cli"),
    # Reports get plain data: no database, no use cases, no widgets.
    "reports": (
        *QT,
        *DATABASE,
        "tit_desktop.models",
        "tit_desktop.services",
        "tit_desktop.ui",
        "tit_desktop.cli",
    ),
    # The UI calls services; it builds no SQL.
    "ui": (*DATABASE, "tit_desktop.models.base", "tit_desktop.cli"),
    # The command line is a thin layer over the services; with no command it starts the GUI
    # (the one UI module it may name, see ALLOWED).
    "cli": (*QT, *DATABASE, "tit_desktop.ui"),
    "entry": (*QT, *DATABASE),
}

# Known exceptions, (importing module, imported module). This list may only shrink: a pair
# that is no longer imported fails test_allowed_exceptions_are_still_needed, so it must be
# removed from here; a new offender fails the layer test. Keep a reason next to each pair.
ALLOWED: frozenset[tuple[str, str]] = frozenset(
    {
        # `tit-desktop` with no command opens the application window.
        ("tit_desktop.cli", "tit_desktop.ui.app"),
    }
)


def layer_of(module: str) -> str:
    """The layer a module of the package belongs to; an unknown module is an error."""
    if module in FOUNDATION:
        return "foundation"
    parts = module.split(".")
    if len(parts) >= 2 and parts[1] in ("models", "services", "reports", "ui"):
        return parts[1]
    if module == "tit_desktop.cli":
        return "cli"
    if module == "tit_desktop.__main__":
        return "entry"
    raise LookupError(f"{module}: in no layer; add it to FOUNDATION or to layer_of()")


def module_name(path: Path) -> tuple[str, bool]:
    """(dotted name, is a package) of a file under the package folder."""
    relative = path.relative_to(PACKAGE.parent).with_suffix("")
    parts = list(relative.parts)
    if parts[-1] == "__init__":
        return ".".join(parts[:-1]), True
    return ".".join(parts), False


def imported_modules(source: str, module: str, is_package: bool) -> list[str]:
    """Every module a source names in an import, relative ones resolved. For
    ``from X import a`` both X and X.a are listed (a may be a submodule)."""
    found: list[str] = []
    package_parts = module.split(".") if is_package else module.split(".")[:-1]
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            found += [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                if node.level - 1 >= len(package_parts):
                    raise ImportError(f"{module}: relative import beyond the top-level package")
                base_parts = package_parts[: len(package_parts) - (node.level - 1)]
                base = ".".join([*base_parts, *([node.module] if node.module else [])])
            else:
                base = node.module or ""
            found.append(base)
            found += [f"{base}.{alias.name}" for alias in node.names if alias.name != "*"]
    return found


def _is_under(module: str, prefix: str) -> bool:
    return module == prefix or module.startswith(prefix + ".")


def _all_imports() -> list[tuple[str, str]]:
    pairs: list[tuple[str, str]] = []
    for path in sorted(PACKAGE.rglob("*.py")):
        name, is_package = module_name(path)
        for imported in imported_modules(path.read_text(encoding="utf-8"), name, is_package):
            pairs.append((name, imported))
    return pairs


def _violations() -> set[tuple[str, str]]:
    found = set()
    for importer, imported in _all_imports():
        if any(_is_under(imported, p) for p in FORBIDDEN[layer_of(importer)]):
            found.add((importer, imported))
    return found


def _allowed(pair: tuple[str, str]) -> bool:
    importer, imported = pair
    return any(importer == a and _is_under(imported, b) for a, b in ALLOWED)


# --------------------------------------------------------------------------- the rules


def test_every_module_belongs_to_a_layer() -> None:
    for path in PACKAGE.rglob("*.py"):
        layer_of(module_name(path)[0])  # raises for a module no rule covers


def test_the_scan_sees_the_top_level_modules() -> None:
    importers = {importer for importer, _ in _all_imports()}
    assert {"tit_desktop.paths", "tit_desktop.settings", "tit_desktop.cli"} <= importers


@pytest.mark.parametrize("layer", sorted(FORBIDDEN))
def test_layer_imports_only_downwards(layer: str) -> None:
    offending = sorted(
        f"{importer} -> {imported}"
        for importer, imported in _violations()
        if layer_of(importer) == layer and not _allowed((importer, imported))
    )
    assert offending == []


def test_allowed_exceptions_are_still_needed() -> None:
    """The exceptions list only shrinks: one the code no longer needs must be deleted."""
    violations = _violations()
    unused = sorted(
        f"{a} -> {b}"
        for a, b in ALLOWED
        if not any(imp == a and _is_under(mod, b) for imp, mod in violations)
    )
    assert unused == []


# --------------------------------------------------------------------------- the scanner itself


@pytest.mark.parametrize(
    ("source", "module", "is_package", "expected"),
    [
        ("from . import pdf", "tit_desktop.reports.forms", False, "tit_desktop.reports.pdf"),
        (
            "from ..services import gdpr",
            "tit_desktop.reports.x",
            False,
            "tit_desktop.services.gdpr",
        ),
        (
            "from .cells import f",
            "tit_desktop.services.exchange",
            True,
            "tit_desktop.services.exchange.cells",
        ),
        ("from ... import ui", "tit_desktop.services.exchange", True, "tit_desktop.ui"),
        (
            "from tit_desktop import services",
            "tit_desktop.reports.x",
            False,
            "tit_desktop.services",
        ),
        ("import PySide6.QtCore as qc", "tit_desktop.models.x", False, "PySide6.QtCore"),
    ],
)
def test_imports_are_resolved(source: str, module: str, is_package: bool, expected: str) -> None:
    assert expected in imported_modules(source, module, is_package)


def test_the_rules_catch_a_report_that_reads_the_database() -> None:
    bad = imported_modules(
        "def f():\n    from ..services import persons\n", "tit_desktop.reports.x", False
    )
    assert any(_is_under(m, p) for m in bad for p in FORBIDDEN["reports"])


def test_an_unknown_module_has_no_layer() -> None:
    with pytest.raises(LookupError):
        layer_of("tit_desktop.helpers")
