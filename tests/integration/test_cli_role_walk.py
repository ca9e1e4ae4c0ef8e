"""The command line walked as every role, against the one permission matrix.

Every command of DOMAIN.md 10 that reads or changes records is run as each role, over the demo
data: it exits 0 when the role holds every permission the command needs (read from
ROLE_PERMISSIONS), 1 otherwise, with the Italian reason naming the missing permission, and a
refused command writes nothing (no row changes, no file; the audit log gains only the login
and the refusal itself). A role without READ_MONEY gets no amount or IBAN in what it prints.

The commands run in the process, through ``cli.run`` (the function ``tit-desktop`` calls), so
that the walk of both engines takes seconds; tests/integration/test_cli.py runs the real
executable in a subprocess.
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import io
import re
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader
from sqlalchemy import func, select, text

from tests.conftest import PASSWORD, make_user
from tests.unit.test_exchange_support import person_row, persons_workbook
from tit_desktop import cli
from tit_desktop.models import (
    AuditEntry,
    Base,
    HostFamily,
    HostingAgreement,
    HostingContribution,
    HousingUnit,
    Meal,
    Person,
)
from tit_desktop.services import backup, demo
from tit_desktop.services.database import Database
from tit_desktop.services.exchange import SHEETS
from tit_desktop.services.gdpr import retention
from tit_desktop.services.permissions import ROLE_LABELS, ROLE_PERMISSIONS, SYSTEM, Permission

P = Permission
# What a refused command may add to the audit log: the login, and the refusal itself.
REFUSAL_TRAIL = {"login", "denied"}
# Tables a refused command may touch: the log, and the user's row (last login, counters).
BOOKKEEPING = {"audit_log", "audit_subject", "app_user"}
MONEY_TEXT = re.compile(r"\d,\d\d\s*(EUR|€)|€\s*\d|\bIT\d{2}\s?[A-Z]\d{3}", re.IGNORECASE)


@dataclass(frozen=True)
class Command:
    """A command line (``{out}`` is replaced by a file the command may write, ``{role}`` by
    the role's name) and the permissions it needs."""

    name: str
    argv: tuple[str, ...]
    needs: frozenset[Permission]
    writes_out: bool = False  # whether {out} is a file it writes when allowed
    stdin: str = ""


@dataclass(frozen=True)
class DemoFacts:
    person: str  # a Codice with a hosting agreement and a paid contribution
    family: str
    month: str  # mm/yyyy of that paid contribution
    unit: str
    eater: str  # a Codice with no meal: checked in on another day by each role
    workbook: Path
    batch: Path
    backup: Path


def _commands(facts: DemoFacts) -> list[Command]:
    def form(name: str, *selectors: str, needs: set[Permission]) -> Command:
        return Command(
            f"form {name}", ("form", name, *selectors, "--out", "{out}.pdf"), frozenset(needs), True
        )

    return [
        Command("db upgrade", ("db", "upgrade"), frozenset()),
        Command(
            "import --dry-run",
            ("import", str(facts.workbook), "--dry-run"),
            frozenset({P.IMPORT_DATA}),
        ),
        Command("import", ("import", str(facts.workbook)), frozenset({P.IMPORT_DATA})),
        Command("export", ("export", "{out}.xlsx"), frozenset({P.EXPORT_DATA}), True),
        Command(
            "report payment-request",
            (
                *("report", "payment-request", "--convention", "TIU"),
                *("--from", "01/01/2021", "--to", "31/12/2021", "--out", "{out}.pdf"),
            ),
            # the annex names payees: a file of it is an export of personal data
            frozenset({P.READ_MONEY, P.EXPORT_DATA}),
            True,
        ),
        Command(
            "report quarterly",
            (
                *("report", "quarterly", "--convention", "TIU"),
                *("--quarter", "2021-Q1", "--out", "{out}.pdf"),
            ),
            frozenset({P.READ_MONEY}),
            True,
        ),
        form("scheda-iscrizione", "--person", facts.person, needs={P.EXPORT_DATA}),
        form("cronologia", "--person", facts.person, needs={P.EXPORT_DATA}),
        form("accordo-famiglia", "--person", facts.person, needs={P.EXPORT_DATA}),
        form(
            "ricevuta-contributo",
            *("--family", facts.family, "--person", facts.person, "--month", facts.month),
            needs={P.EXPORT_DATA, P.READ_MONEY},
        ),
        form("pagamenti-famiglie", "--month", facts.month, needs={P.EXPORT_DATA, P.READ_MONEY}),
        form(
            "registro-presenze-alloggio",
            *("--alloggio", facts.unit, "--month", facts.month),
            needs={P.EXPORT_DATA},
        ),
        Command(
            "canteen checkin",
            ("canteen", "checkin", facts.eater, "--date", "{day}", "--meal", "pranzo"),
            frozenset({P.WRITE_REGISTRY}),
        ),
        Command(
            "retention review",
            ("retention", "review", "--years", "60"),
            frozenset({P.ANONYMISE}),
        ),
        Command(
            "retention apply",
            ("retention", "apply", str(facts.batch)),
            frozenset({P.ANONYMISE}),
        ),
        Command(
            "user add",
            ("user", "add", "nuovo-{role}", "--role", "lettura"),
            frozenset({P.MANAGE_USERS}),
            stdin="Password-del-nuovo-1\n",
        ),
        Command(
            "db backup",
            ("db", "backup", "--out", "{out}.sqlite3"),
            frozenset({P.MANAGE_DATABASE}),
            True,
        ),
        Command("db verify-audit", ("db", "verify-audit"), frozenset({P.VERIFY_AUDIT})),
        # Last: a restore puts the data back as it was when the backup was made.
        Command(
            "db restore",
            ("db", "restore", str(facts.backup)),
            frozenset({P.RESTORE_DATABASE}),
        ),
    ]


def _prepare(db: Database, folder: Path) -> DemoFacts:
    demo.fill_demo_data(db, SYSTEM, people=12, seed=3)
    for role in ROLE_PERMISSIONS:
        make_user(db, f"cli-{role.value}", role)
    with db.reading() as session:
        family, code, month = session.execute(
            select(HostFamily.name, Person.code, HostingContribution.month)
            .join(HostingAgreement, HostingAgreement.family_id == HostFamily.id)
            .join(Person, Person.id == HostingAgreement.person_id)
            .join(HostingContribution, HostingContribution.agreement_id == HostingAgreement.id)
            .where(HostingContribution.paid_on.is_not(None))
            .order_by(HostingContribution.month)
        ).first()  # type: ignore[misc]
        unit = session.scalar(select(HousingUnit.name).order_by(HousingUnit.id))
        eater = session.scalar(
            select(Person.code)
            .where(~select(Meal.id).where(Meal.person_id == Person.id).exists())
            .order_by(Person.code)
        )
        batch = retention.review(session, SYSTEM, 60)
    workbook = persons_workbook(
        folder / "nuovi.xlsx", [person_row(Codice="CLI-1", **{"Codice fiscale": None})]
    )
    (folder / "elenco.json").write_text(batch.to_json(), encoding="utf-8")
    made = backup.backup_to_folder(db, SYSTEM, folder / "prima.sqlite3")
    return DemoFacts(
        person=code,
        family=family,
        month=f"{month:%m/%Y}",
        unit=str(unit),
        eater=str(eater),
        workbook=workbook,
        batch=folder / "elenco.json",
        backup=made.path,
    )


def _fingerprint(db: Database) -> dict[str, str]:
    """A digest of every table's rows, but the bookkeeping a login writes anyway."""
    digests = {}
    with db.reading() as session:
        for table in Base.metadata.sorted_tables:
            if table.name in BOOKKEEPING:
                continue
            rows = session.execute(select(table).order_by(*table.primary_key.columns)).all()
            digests[table.name] = hashlib.sha256(repr(rows).encode()).hexdigest()
        users = session.execute(
            text("SELECT username, role, active, password_hash FROM app_user ORDER BY username")
        ).all()
        digests["app_user"] = hashlib.sha256(repr(users).encode()).hexdigest()
    return digests


def _last_audit_id(db: Database) -> int:
    with db.reading() as session:
        return int(session.scalar(select(func.max(AuditEntry.id))) or 0)


def _unreadable_sheets(held: frozenset[Permission]) -> list[str]:
    return [s.name for s in SHEETS.values() if s.read_permission and s.read_permission not in held]


def _unreadable_in(path: Path, held: frozenset[Permission]) -> list[str]:
    """Sheets and columns of an exported workbook that the role may not read."""
    book = load_workbook(path, read_only=True)
    try:
        found = [f"sheet {name}" for name in _unreadable_sheets(held) if name in book.sheetnames]
        for spec in SHEETS.values():
            if spec.name not in book.sheetnames:
                continue
            header = next(book[spec.name].iter_rows(max_row=1, values_only=True))
            found.extend(
                f"column {spec.name}: {c.name}"
                for c in spec.columns
                if c.read_permission and c.read_permission not in held and c.name in header
            )
    finally:
        book.close()
    return found


def _pdf_text(path: Path) -> str:
    return "\n".join(page.extract_text() or "" for page in PdfReader(path).pages)


def _run(
    argv: list[str], stdin: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> tuple[int, str]:
    monkeypatch.setattr(sys, "stdin", io.StringIO(stdin))
    try:
        code = cli.run(argv)
    except SystemExit as exc:  # argparse: wrong usage
        code = int(exc.code or 0)
    captured = capsys.readouterr()
    return code, captured.out + captured.err


def test_every_command_obeys_the_matrix_for_every_role(
    db_url: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    # GIVEN the demo data, a user of each role and the files the commands read
    db = Database(db_url)
    facts = _prepare(db, tmp_path)
    commands = _commands(facts)
    monkeypatch.setenv("TIT_PASSWORD", PASSWORD)
    mismatches: list[str] = []
    leaks: list[str] = []
    walked = 0
    started = dt.datetime.now()
    for number, role in enumerate(ROLE_PERMISSIONS):
        held = ROLE_PERMISSIONS[role]
        day = f"{dt.date.today() - dt.timedelta(days=number):%d/%m/%Y}"
        for command in commands:
            out = tmp_path / f"{role.value}-{command.name.replace(' ', '-')}"
            argv = ["--database", db_url, "--user", f"cli-{role.value}"] + [
                a.format(out=out, role=role.value, day=day) for a in command.argv
            ]
            missing = sorted(command.needs - held, key=lambda p: p.name)
            before = _fingerprint(db) if missing else {}
            last_audit = _last_audit_id(db)
            # WHEN the role runs the command
            code, output = _run(argv, command.stdin, monkeypatch, capsys)
            walked += 1
            # THEN it is done exactly when the matrix allows it...
            where = f"{role.value} {command.name}"
            if not missing:
                if code != 0:
                    mismatches.append(f"{where}: exit {code} instead of 0: {output[-300:]}")
                    continue
                written = list(tmp_path.glob(out.name + ".*"))
                if command.writes_out and not written:
                    mismatches.append(f"{where}: no file written")
                for path in written:
                    if path.suffix == ".pdf" and P.READ_MONEY not in held:
                        found = MONEY_TEXT.search(_pdf_text(path))
                        if found:
                            leaks.append(f"{where}: {found.group(0)!r} in {path.name}")
                    if command.name == "export":
                        leaks.extend(f"{where}: {x}" for x in _unreadable_in(path, held))
                        if _unreadable_sheets(held) and "Non esportati" not in output:
                            leaks.append(f"{where}: the summary does not say what was left out")
                continue
            # ...and refused with the reason naming the first permission missing, writing
            # nothing but the refusal's own trail
            reason = f"il ruolo «{ROLE_LABELS[role]}» non permette di {[p.value for p in missing]}"
            if code != 1 or not any(
                f"il ruolo «{ROLE_LABELS[role]}» non permette di {p.value}" in output
                for p in missing
            ):
                mismatches.append(f"{where}: exit {code}, expected 1 ({reason}): {output[-300:]}")
            if _fingerprint(db) != before:
                mismatches.append(f"{where}: refused but rows changed")
            if list(tmp_path.glob(out.name + ".*")):
                mismatches.append(f"{where}: refused but a file was written")
            with db.reading() as session:
                trail = set(
                    session.scalars(select(AuditEntry.action).where(AuditEntry.id > last_audit))
                )
            if not trail <= REFUSAL_TRAIL or "denied" not in trail:
                mismatches.append(f"{where}: audit trail of the refusal {sorted(trail)}")
    elapsed = (dt.datetime.now() - started).total_seconds()
    print(f"\n{len(ROLE_PERMISSIONS)} ruoli x {len(commands)} comandi = {walked}, {elapsed:.1f} s")
    db.dispose()
    assert mismatches == []
    assert leaks == []


def _parser_commands() -> set[tuple[str, ...]]:
    """Every command of the parser, as the words that name it ("db", "restore")."""
    found: set[tuple[str, ...]] = set()

    def visit(parser: argparse.ArgumentParser, words: tuple[str, ...]) -> None:
        groups = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
        if not groups:
            found.add(words)
        for group in groups:
            for name, child in group.choices.items():
                visit(child, (*words, name))

    visit(cli.build_parser(), ())
    return found


def test_the_walk_knows_every_command() -> None:
    """A new command cannot be added without being walked, or named here with the reason."""
    not_walked = {
        ("db", "current"),  # reads the schema's revision, no record, no login
        ("demo",),  # only into an empty database: the service matrix walks it
    }
    facts = DemoFacts("X", "F", "01/2021", "U", "X", Path("w"), Path("b"), Path("k"))
    walked = {c.argv[: len(words)] for c in _commands(facts) for words in _parser_commands()}
    assert _parser_commands() - walked == not_walked
