"""The translation machinery: every tr() text of the window is in the .ts catalogue, and
the catalogue compiles with Qt's lrelease."""

from __future__ import annotations

import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from tit_desktop import paths

CATALOGUE = paths.resource_path("i18n", "tit_desktop_en.ts")
UI_FILES = sorted(str(p) for p in (Path(paths.__file__).parent / "ui").rglob("*.py"))


def _tool(name: str) -> str:
    found = shutil.which(name, path=str(Path(sys.executable).parent))
    if found is None:
        pytest.fail(f"{name} not installed with PySide6")
    return found


def _sources(ts: Path) -> set[str]:
    return {m.findtext("source") or "" for m in ET.parse(ts).getroot().iter("message")}


def test_catalogue_has_every_text(tmp_path: Path) -> None:
    fresh = tmp_path / "fresh.ts"
    subprocess.run(
        [_tool("pyside6-lupdate"), *UI_FILES, "-ts", str(fresh)], check=True, capture_output=True
    )
    missing = _sources(fresh) - _sources(CATALOGUE)
    assert missing == set(), (
        "run: pyside6-lupdate $(find tit_desktop/ui -name '*.py') -ts "
        f"resources/i18n/tit_desktop_en.ts -no-obsolete\nmissing: {sorted(missing)[:10]}"
    )


def test_catalogue_compiles(tmp_path: Path) -> None:
    target = tmp_path / "tit_desktop_en.qm"
    subprocess.run(
        [_tool("pyside6-lrelease"), str(CATALOGUE), "-qm", str(target)],
        check=True,
        capture_output=True,
    )
    assert target.stat().st_size > 0
