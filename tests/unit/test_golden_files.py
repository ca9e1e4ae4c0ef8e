"""Golden-file tests cannot pass by regenerating their golden files: regenerating needs
TIT_UPDATE_GOLDEN and always fails the run, and no test writes a golden file on its own."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

import tests.golden as golden

TESTS = Path(__file__).parents[1]


def test_regenerating_writes_the_file_and_fails(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(golden, "GOLDEN_DIR", tmp_path)
    (tmp_path / "report.txt").write_text("vecchio\n", encoding="utf-8")
    monkeypatch.setenv(golden.UPDATE_VARIABLE, "1")
    with pytest.raises(pytest.fail.Exception, match="golden file rewritten"):
        golden.assert_matches_golden("nuovo\n", "report.txt")
    assert (tmp_path / "report.txt").read_text(encoding="utf-8") == "nuovo\n"
    # even when nothing changed: the regenerating run is never a green run
    with pytest.raises(pytest.fail.Exception, match="golden file unchanged"):
        golden.assert_matches_golden("nuovo\n", "report.txt")


def test_without_the_variable_a_difference_fails_and_nothing_is_written(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(golden, "GOLDEN_DIR", tmp_path)
    monkeypatch.delenv(golden.UPDATE_VARIABLE, raising=False)
    (tmp_path / "report.txt").write_text("vecchio\n", encoding="utf-8")
    with pytest.raises(AssertionError):
        golden.assert_matches_golden("nuovo\n", "report.txt")
    assert (tmp_path / "report.txt").read_text(encoding="utf-8") == "vecchio\n"
    golden.assert_matches_golden("vecchio\n", "report.txt")
    with pytest.raises(pytest.fail.Exception, match="no golden file"):
        golden.assert_matches_golden("nuovo\n", "manca.txt")
    assert not (tmp_path / "manca.txt").exists()


def _writes_golden(tree: ast.AST) -> list[str]:
    """Calls that write a file whose expression mentions "golden", or read the variable."""
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            text = ast.unparse(node)
            func = node.func
            writes = isinstance(func, ast.Attribute) and func.attr in (
                "write_text",
                "write_bytes",
                "copy",
                "copyfile",
                "replace",
                "rename",
            )
            opens = isinstance(func, ast.Name | ast.Attribute) and ast.unparse(func) in (
                "open",
                "io.open",
            )
            if (writes or opens) and "golden" in text.lower():
                found.append(text)
        if isinstance(node, ast.Constant) and node.value == golden.UPDATE_VARIABLE:
            found.append(repr(node.value))
    return found


def test_only_the_golden_helper_writes_golden_files() -> None:
    offending = []
    for path in sorted(TESTS.rglob("*.py")):
        if path == Path(golden.__file__) or path == Path(__file__):
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        offending += [f"{path.relative_to(TESTS)}: {call}" for call in _writes_golden(tree)]
    assert offending == [], "use tests.golden.assert_matches_golden"


def test_the_scan_recognises_the_old_way() -> None:
    old = (
        "if os.environ.get('TIT_UPDATE_GOLDEN'):\n"
        "    golden.write_text(actual, encoding='utf-8')\n"
        "assert actual == golden.read_text(encoding='utf-8')\n"
    )
    assert len(_writes_golden(ast.parse(old))) == 2
