"""What the installers rely on: the entry point's dispatch, the shipped icon, the wheel's
mapping of migrations/ and resources/ (the full check is packaging/smoke_test.py in CI)."""

from __future__ import annotations

import struct
from pathlib import Path

import pytest

from tit_desktop import __main__ as entry
from tit_desktop import paths

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize(
    ("argv", "window"),
    [
        ([], True),
        (["--database", "sqlite:///x.sqlite3"], True),
        (["--database=sqlite:///x.sqlite3"], True),
        (["--version"], False),
        (["--database", "sqlite:///x.sqlite3", "db", "current"], False),
        (["user", "add", "anna", "--role", "admin"], False),
        (["--database"], False),  # wrong usage: the command line says why
    ],
)
def test_no_command_opens_the_window_any_command_runs_the_command_line(
    argv: list[str], window: bool
) -> None:
    assert entry._wants_window(argv) is window


def test_the_database_option_reaches_the_window() -> None:
    assert entry._database_option(["--database", "sqlite:///a.sqlite3"]) == "sqlite:///a.sqlite3"
    assert entry._database_option(["--database=sqlite:///b.sqlite3"]) == "sqlite:///b.sqlite3"
    assert entry._database_option([]) is None


def test_the_command_line_runs_through_the_entry_point(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as done:
        entry.main(["--version"])
    assert done.value.code == 0
    assert capsys.readouterr().out.startswith("tit-desktop ")


def test_the_icon_is_a_windows_icon_with_png_images() -> None:
    data = paths.resource_path("icons", "tit-desktop.ico").read_bytes()
    reserved, kind, count = struct.unpack_from("<HHH", data)
    assert (reserved, kind) == (0, 1) and count >= 4
    sides = set()
    for i in range(count):
        side, _, _, _, _, _, size, offset = struct.unpack_from("<BBBBHHII", data, 6 + 16 * i)
        assert data[offset : offset + 8] == b"\x89PNG\r\n\x1a\n"
        assert offset + size <= len(data)
        sides.add(side or 256)
    assert {16, 32, 48, 256} <= sides


def test_the_wheel_maps_every_shipped_folder_the_resolver_knows() -> None:
    setup = (ROOT / "setup.py").read_text(encoding="utf-8")
    for name, inside in paths._SHIPPED.items():
        assert f'"tit_desktop.{inside}": "{name}"' in setup
        assert (ROOT / name).is_dir()
    spec = (ROOT / "packaging" / "tit-desktop.spec").read_text(encoding="utf-8")
    for name, inside in paths._SHIPPED.items():
        assert f'(str(ROOT / "{name}"), "tit_desktop/{inside}")' in spec


def test_an_installed_copy_wins_over_the_checkout(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    package = tmp_path / "site-packages" / "tit_desktop"
    (package / "_migrations").mkdir(parents=True)
    monkeypatch.setattr(paths, "_package_dir", lambda: package)
    assert paths.migrations_path() == package / "_migrations"
    # not installed there: the folder at the top of the checkout
    assert paths.resource_path("fonts") == tmp_path / "site-packages" / "resources" / "fonts"
