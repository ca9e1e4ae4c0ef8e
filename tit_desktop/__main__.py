"""The one entry point: ``tit-desktop`` (console script), ``python -m tit_desktop`` and the
frozen executable. Without a command it opens the window; with one it runs the command line.

The window path imports only what the login window needs (``tit_desktop.ui.app``); the
command line's modules (services, Alembic...) are imported only when a command is given.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence


def _wants_window(argv: Sequence[str]) -> bool:
    """No command: only ``--database URL`` (or nothing) on the command line."""
    rest = list(argv)
    if rest[:1] == ["--database"] and len(rest) >= 2:
        rest = rest[2:]
    elif rest and rest[0].startswith("--database="):
        rest = rest[1:]
    return not rest


def _database_option(argv: Sequence[str]) -> str | None:
    if len(argv) >= 2 and argv[0] == "--database":
        return argv[1]
    if argv and argv[0].startswith("--database="):
        return argv[0].partition("=")[2]
    return None


def _attach_console() -> None:
    """A windowed Windows executable has no console: when it is run from one (the command
    line), write to and read from that console. Pipes and redirections already work."""
    if sys.platform != "win32" or getattr(sys, "frozen", False) is False:
        return
    if sys.stdout is not None and sys.stderr is not None and sys.stdin is not None:
        return
    import ctypes

    attach_parent_process = -1
    if not ctypes.windll.kernel32.AttachConsole(attach_parent_process):
        return
    if sys.stdout is None:
        sys.stdout = open("CONOUT$", "w", encoding="utf-8", errors="replace")  # noqa: SIM115
    if sys.stderr is None:
        sys.stderr = open("CONOUT$", "w", encoding="utf-8", errors="replace")  # noqa: SIM115
    if sys.stdin is None:
        sys.stdin = open("CONIN$", encoding="utf-8", errors="replace")  # noqa: SIM115


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    if _wants_window(args):
        from tit_desktop.ui.app import main as window_main

        return window_main(database_url=_database_option(args))
    _attach_console()
    from tit_desktop.cli import run

    return run(args)


if __name__ == "__main__":
    sys.exit(main())
