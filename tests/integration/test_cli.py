"""The command line in a subprocess, as the office's IT would run it; and `run_here`, the
same commands in the test's own process for the tests about what a command does."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Protocol

import pytest

from tit_desktop import __version__, cli

PASSWORD = "Password-della-cli-1"


class Runner(Protocol):
    def __call__(
        self,
        *args: str,
        db_url: str | None = None,
        stdin: str = "",
        env: dict[str, str] | None = None,
    ) -> subprocess.CompletedProcess[str]: ...


def run(
    *args: str, db_url: str | None = None, stdin: str = "", env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", "tit_desktop"]
    if db_url:
        command += ["--database", db_url]
    full_env = {**os.environ, **(env or {})}
    return subprocess.run(
        [*command, *args],
        input=stdin,
        capture_output=True,
        text=True,
        env=full_env,
        timeout=120,
        check=False,
    )


def run_here(
    *args: str, db_url: str | None = None, stdin: str = "", env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    """What run() does, through the same tit_desktop.cli.run that `python -m tit_desktop`
    calls, in this process: its exit status, standard output and error as run() returns
    them, with `stdin` as a pipe and `env` added to the environment for the command only.

    Starting an interpreter and hashing passwords at the production cost take about a
    second per command, most of what the command-line tests cost. Tests about the process
    itself (entry point, exit status, pipes, environment) keep run(); the other ones use
    this. An error the command does not handle fails the test with its traceback instead
    of becoming exit status 1."""
    command = ["--database", db_url] if db_url else []
    out, err = io.StringIO(), io.StringIO()
    with pytest.MonkeyPatch.context() as patch:
        for name, value in (env or {}).items():
            patch.setenv(name, value)
        patch.setattr(sys, "stdin", io.StringIO(stdin))
        patch.setattr(sys, "stdout", out)
        patch.setattr(sys, "stderr", err)
        try:
            code = cli.run([*command, *args])
        except SystemExit as exc:  # argparse: --version, --help, wrong usage
            if exc.code is None or isinstance(exc.code, int):
                code = exc.code or 0
            else:
                print(exc.code, file=err)
                code = 1
    return subprocess.CompletedProcess(
        ["tit-desktop", *command, *args], code, out.getvalue(), err.getvalue()
    )


def test_version() -> None:
    result = run("--version")
    assert result.returncode == 0
    assert result.stdout.strip() == f"tit-desktop {__version__}"


def test_wrong_usage_exits_2() -> None:
    result = run("db", "nonesiste")
    assert result.returncode == 2
    assert "errore" in result.stderr
    assert run("user", "add", "mario").returncode == 2  # --role missing


def test_first_admin_then_users_need_an_admin_login(db_url: str) -> None:
    first = run(
        "user", "add", "anna", "--role", "admin", "--json", db_url=db_url, stdin=PASSWORD + "\n"
    )
    assert first.returncode == 0, first.stderr
    assert json.loads(first.stdout) == {"id": 1, "username": "anna", "role": "admin"}
    # With a user in the database, adding another one needs an administrator's login.
    anonymous = run(
        "user",
        "add",
        "marco",
        "--role",
        "operatore",
        db_url=db_url,
        stdin="Segreto-del-collega-1\n",
    )
    assert anonymous.returncode == 2
    assert "--user" in anonymous.stderr
    wrong = run(
        "--user",
        "anna",
        "user",
        "add",
        "marco",
        "--role",
        "operatore",
        "--json",
        db_url=db_url,
        stdin="Segreto-del-collega-1\n",
        env={"TIT_PASSWORD": "sbagliata-1"},
    )
    assert wrong.returncode == 1
    assert json.loads(wrong.stdout) == {
        "ok": False,
        "error": "AuthenticationError",
        "message": "Nome utente o password non corretti.",
    }
    ok = run(
        "--user",
        "anna",
        "user",
        "add",
        "marco",
        "--role",
        "operatore",
        db_url=db_url,
        stdin="Segreto-del-collega-1\n",
        env={"TIT_PASSWORD": PASSWORD},
    )
    assert ok.returncode == 0, ok.stderr
    assert "Utente «marco» creato con ruolo operatore." in ok.stdout
    # An operator may not add users: refused, exit 1, reason printed.
    refused = run(
        "--user",
        "marco",
        "user",
        "add",
        "luca",
        "--role",
        "lettura",
        db_url=db_url,
        stdin="Segreto-di-altro-1\n",
        env={"TIT_PASSWORD": "Segreto-del-collega-1"},
    )
    assert refused.returncode == 1
    assert "non permette di gestire gli utenti" in refused.stderr


def test_in_the_tests_process_a_command_answers_as_in_its_own(tmp_path: Path) -> None:
    """run_here stands in for run in most command-line tests: the same exit status, output
    and error output, command after command on two databases alike (a refusal with and
    without --json, wrong usage, commands that write, a login)."""
    here_url = "sqlite:///" + (tmp_path / "qui.sqlite3").as_posix()
    there_url = "sqlite:///" + (tmp_path / "processo.sqlite3").as_posix()
    as_anna = {"TIT_PASSWORD": PASSWORD}
    for args, stdin, env in (
        (("--version",), "", None),
        (("db", "nonesiste"), "", None),
        (("db", "upgrade", "--json"), "", None),
        (("user", "add", "anna", "--role", "admin", "--json"), "corta\n", None),
        (("user", "add", "anna", "--role", "admin"), PASSWORD + "\n", None),
        (("db", "current"), "", None),
        (("--user", "anna", "user", "add", "bea", "--role", "lettura"), "Altra-password-1\n", {}),
        (("form", "--list"), "", None),
        (("--user", "anna", "db", "verify-audit"), "", {"TIT_PASSWORD": "sbagliata-1"}),
        (("--user", "anna", "export", str(tmp_path / "x.pdf")), "", as_anna),
    ):
        here = run_here(*args, db_url=here_url, stdin=stdin, env=env)
        there = run(*args, db_url=there_url, stdin=stdin, env=env)
        assert (here.returncode, here.stdout, here.stderr) == (
            there.returncode,
            there.stdout.replace("processo.sqlite3", "qui.sqlite3"),
            there.stderr.replace("processo.sqlite3", "qui.sqlite3"),
        ), args


def test_bad_password_is_refused_with_field(db_url: str) -> None:
    result = run_here(
        "user", "add", "anna", "--role", "admin", "--json", db_url=db_url, stdin="corta\n"
    )
    assert result.returncode == 1
    payload = json.loads(result.stdout)
    assert payload["error"] == "ValidationError"
    assert payload["fields"] == {"password": "deve avere almeno 8 caratteri"}


def test_db_current_upgrade_backup_restore(db_url: str, tmp_path: Path) -> None:
    current = run_here("db", "current", "--json", db_url=db_url)
    assert current.returncode == 0, current.stderr
    state = json.loads(current.stdout)
    assert state["state"] == "current" and state["current"] == state["head"]
    upgrade = run_here("db", "upgrade", db_url=db_url)
    assert upgrade.returncode == 0
    assert "già aggiornato" in upgrade.stdout
    assert (
        run_here(
            "user", "add", "anna", "--role", "admin", db_url=db_url, stdin=PASSWORD + "\n"
        ).returncode
        == 0
    )
    out = tmp_path / "backup.sqlite3"
    env = {"TIT_PASSWORD": PASSWORD}
    made = run_here(
        "--user", "anna", "db", "backup", "--out", str(out), "--json", db_url=db_url, env=env
    )
    assert made.returncode == 0, made.stderr
    assert json.loads(made.stdout) == {"backup": str(out)}
    assert (
        run_here(
            "--user",
            "anna",
            "user",
            "add",
            "dopo",
            "--role",
            "lettura",
            db_url=db_url,
            env=env,
            stdin="Segreto-successivo-1\n",
        ).returncode
        == 0
    )
    restored = run_here("--user", "anna", "db", "restore", str(out), db_url=db_url, env=env)
    assert restored.returncode == 0, restored.stderr
    # The user added after the backup is gone.
    gone = run_here(
        "--user",
        "dopo",
        "db",
        "current",
        db_url=db_url,
        env={"TIT_PASSWORD": "Segreto-successivo-1"},
    )
    assert gone.returncode == 0  # db current needs no login
    login = run_here(
        "--user",
        "dopo",
        "db",
        "backup",
        "--out",
        str(tmp_path / "b2.sqlite3"),
        db_url=db_url,
        env={"TIT_PASSWORD": "Segreto-successivo-1"},
    )
    assert login.returncode == 1
    assert "Nome utente o password non corretti." in login.stderr


def test_environment_variable_chooses_the_database(tmp_path: Path) -> None:
    path = tmp_path / "da-env.sqlite3"
    result = run("db", "upgrade", env={"TIT_DATABASE_URL": "sqlite:///" + path.as_posix()})
    assert result.returncode == 0, result.stderr
    assert path.exists()


def test_unsupported_database_url_is_refused() -> None:
    result = run_here("db", "current", "--json", db_url="mysql://x@localhost/db")
    assert result.returncode == 1
    payload = json.loads(result.stdout)
    assert payload["fields"] == {
        "database_url": "sono supportati solo SQLite (sqlite:///...) e PostgreSQL"
    }


@pytest.mark.parametrize("command", [["db", "upgrade"], ["db", "current"]])
def test_a_newer_database_is_refused_by_every_command(tmp_path: Path, command: list[str]) -> None:
    import sqlite3

    path = tmp_path / "nuovo.sqlite3"
    assert run_here("db", "upgrade", db_url="sqlite:///" + path.as_posix()).returncode == 0
    conn = sqlite3.connect(path)
    conn.execute("UPDATE alembic_version SET version_num='999999999999'")
    conn.commit()
    conn.close()
    result = run_here(*command, db_url="sqlite:///" + path.as_posix())
    if command[1] == "current":
        assert result.returncode == 0
        assert "più recente dell'applicazione" in result.stdout
    else:
        assert result.returncode == 1
        assert "versione più recente di TIT Desktop" in result.stderr


def test_demo_fills_an_empty_database_once(db_url: str) -> None:
    first = run_here("demo", "--people", "25", "--seed", "3", "--json", db_url=db_url)
    assert first.returncode == 0, first.stderr
    summary = json.loads(first.stdout)
    assert summary["persone"] == 25 and summary["operatori"] == 8
    again = run("demo", "--people", "5", "--json", db_url=db_url)  # the demo, in a process
    assert again.returncode == 1
    assert "solo in un database vuoto" in json.loads(again.stdout)["message"]
    assert run_here("demo", "--people", "0", db_url=db_url).returncode == 2


def test_form_list_and_print(db_url: str, tmp_path: Path) -> None:
    listed = run_here("form", "--list", db_url=db_url)
    # One name per line, sorted (the areas add theirs).
    names = listed.stdout.splitlines()
    assert listed.returncode == 0 and names == sorted(names)
    assert {"scheda-iscrizione", "registro-presenze-alloggio"} <= set(names)
    assert {"piano-individualizzato", "attestato-frequenza", "progetto-tirocinio"} <= set(names)
    as_json = run_here("form", "--list", "--json", db_url=db_url)
    assert {"name": "scheda-iscrizione", "title": "Scheda di iscrizione"} in json.loads(
        as_json.stdout
    )
    assert [f["name"] for f in json.loads(as_json.stdout)] == names
    # A form asked for without what it is about: wrong usage, naming the selector.
    bare = run_here("form", "scheda-iscrizione", "--out", str(tmp_path / "x.pdf"), db_url=db_url)
    assert bare.returncode == 2 and "--person CODICE" in bare.stderr
    unknown = run_here("form", "nessuno", "--out", str(tmp_path / "x.pdf"), db_url=db_url)
    assert unknown.returncode == 2 and "Modulo sconosciuto" in unknown.stderr
    assert run_here("demo", "--people", "3", db_url=db_url).returncode == 0
    # The demo creates no users: the first administrator still needs no login.
    assert (
        run_here(
            "user", "add", "anna", "--role", "admin", db_url=db_url, stdin=PASSWORD + "\n"
        ).returncode
        == 0
    )
    out = tmp_path / "scheda.pdf"
    printed = run(  # the form family in a real process
        "--user",
        "anna",
        "form",
        "scheda-iscrizione",
        "--person",
        "TIU-00002",
        "--lang",
        "fr",
        "--out",
        str(out),
        db_url=db_url,
        env={"TIT_PASSWORD": PASSWORD},
    )
    assert printed.returncode == 0, printed.stderr
    from pypdf import PdfReader

    text = PdfReader(out).pages[0].extract_text()
    assert "Scheda di iscrizione / Fiche d'inscription" in text and "TIU-00002" in text
    missing = run_here(
        "--user",
        "anna",
        "form",
        "scheda-iscrizione",
        "--person",
        "NESSUNO",
        "--out",
        str(tmp_path / "x.pdf"),
        db_url=db_url,
        env={"TIT_PASSWORD": PASSWORD},
    )
    assert missing.returncode == 1
    assert "Nessuna persona con codice «NESSUNO»." in missing.stderr
    assert run_here("form", db_url=db_url).returncode == 2


def _revision(path: Path) -> str:
    import sqlite3

    conn = sqlite3.connect(path)
    try:
        return str(conn.execute("SELECT version_num FROM alembic_version").fetchone()[0])
    finally:
        conn.close()


def test_db_upgrade_needs_a_login_and_is_audited(tmp_path: Path) -> None:
    """On a database with users, `db upgrade` logs in (checked on the old schema without
    writing, then counted and audited) and the upgrade is in the audit log."""
    import shutil
    import sqlite3

    path = tmp_path / "vecchio.sqlite3"
    shutil.copyfile(Path(__file__).parents[1] / "data" / "tit-rev0001.sqlite3", path)
    url = "sqlite:///" + path.as_posix()
    anonymous = run("db", "upgrade", db_url=url)
    assert anonymous.returncode == 2 and "--user" in anonymous.stderr
    wrong = run(
        "--user", "vecchio.admin", "db", "upgrade", db_url=url, env={"TIT_PASSWORD": "no-1"}
    )
    assert wrong.returncode == 1
    assert "Nome utente o password non corretti." in wrong.stderr
    assert _revision(path) == "0001"  # nothing done
    env = {"TIT_PASSWORD": "Vecchia-password-1"}
    ok = run("--user", "vecchio.admin", "db", "upgrade", "--json", db_url=url, env=env)
    assert ok.returncode == 0, ok.stderr
    head = json.loads(ok.stdout)["to"]
    assert _revision(path) == head != "0001"
    conn = sqlite3.connect(path)
    rows = conn.execute(
        "SELECT username, action, entity, changes FROM audit_log ORDER BY id DESC LIMIT 2"
    ).fetchall()
    conn.close()
    assert rows[0][:3] == ("vecchio.admin", "update", "database")
    assert json.loads(rows[0][3]) == {"revisione": ["0001", head]}
    assert rows[1][:3] == ("vecchio.admin", "login", "app_user")
    # Already at head, still a login.
    assert run("db", "upgrade", db_url=url).returncode == 2
    again = run("--user", "vecchio.admin", "db", "upgrade", db_url=url, env=env)
    assert again.returncode == 0 and "già aggiornato" in again.stdout


def test_retention_review_then_apply_a_batch_file(db_url: str, tmp_path: Path) -> None:
    import datetime as dt

    from tit_desktop.services import persons
    from tit_desktop.services.database import Database
    from tit_desktop.services.permissions import SYSTEM

    assert run_here("user", "add", "anna", "--role", "admin", db_url=db_url, stdin=PASSWORD + "\n")
    db = Database(db_url)
    try:
        with db.transaction(SYSTEM) as session:
            for code, year in (("VEC-1", 2012), ("NUO-1", 2025)):
                persons.create_person(
                    session,
                    SYSTEM,
                    persons.PersonInput(
                        code=code,
                        last_name="Diop",
                        first_name="Modou",
                        intake_date=dt.date(year, 1, 9),
                    ),
                )
    finally:
        db.dispose()
    env = {"TIT_PASSWORD": PASSWORD}
    batch = tmp_path / "elenco.json"
    listed = run(  # the retention family in a real process
        "--user",
        "anna",
        "retention",
        "review",
        "--years",
        "5",
        "--out",
        str(batch),
        db_url=db_url,
        env=env,
    )
    assert listed.returncode == 0, listed.stderr
    assert "VEC-1" in listed.stdout and "NUO-1" not in listed.stdout
    assert [p["code"] for p in json.loads(batch.read_text(encoding="utf-8"))["persons"]] == [
        "VEC-1"
    ]
    applied = run_here(
        "--user", "anna", "retention", "apply", str(batch), "--json", db_url=db_url, env=env
    )
    assert applied.returncode == 0, applied.stderr
    assert json.loads(applied.stdout) == {"anonymised": ["VEC-1"], "skipped": []}
    broken = tmp_path / "rotto.json"
    broken.write_text("non json", encoding="utf-8")
    refused = run_here("--user", "anna", "retention", "apply", str(broken), db_url=db_url, env=env)
    assert refused.returncode == 1 and "conservazione" in refused.stderr
    assert run_here("retention", "review", db_url=db_url).returncode == 2  # --years missing
