"""The layers point one way: ui -> services -> models (CONVENTIONS.md). Parsed, not run."""

from __future__ import annotations

import ast
from pathlib import Path

import tit_desktop

PACKAGE = Path(tit_desktop.__file__).parent


def _imports(layer: str) -> list[tuple[str, str]]:
    found = []
    for path in sorted((PACKAGE / layer).rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                found += [(path.name, alias.name) for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                found.append((path.name, node.module))
    return found


def _offending(layer: str, forbidden: tuple[str, ...]) -> list[str]:
    return [
        f"{file}: {module}"
        for file, module in _imports(layer)
        if module.split(".")[0] in forbidden or module.startswith(forbidden)
    ]


def test_models_import_no_qt_and_no_services() -> None:
    assert (
        _offending(
            "models",
            (
                "PySide6",
                "shiboken6",
                "tit_desktop.services",
                "tit_desktop.ui",
                "tit_desktop.reports",
            ),
        )
        == []
    )


def test_services_import_no_qt_and_no_ui() -> None:
    assert _offending("services", ("PySide6", "shiboken6", "tit_desktop.ui")) == []


def test_reports_import_no_qt_no_ui_no_database() -> None:
    assert (
        _offending(
            "reports",
            ("PySide6", "shiboken6", "tit_desktop.ui", "sqlalchemy", "tit_desktop.models"),
        )
        == []
    )


def test_ui_builds_no_sql() -> None:
    assert _offending("ui", ("sqlalchemy", "tit_desktop.models.base", "alembic")) == []
