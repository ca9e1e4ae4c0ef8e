"""The command line: a thin layer over the same services the window uses.

Exit codes: 0 done, 1 refused (reasons printed; as JSON with --json), 2 wrong usage.
"""

from __future__ import annotations

import argparse
import datetime as dt
import getpass
import json
import logging
import os
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, NoReturn

from tit_desktop import APP_NAME, __version__
from tit_desktop.logging_setup import setup_logging
from tit_desktop.services import audit_chain, backup, schema, users
from tit_desktop.services.database import Database
from tit_desktop.services.errors import ServiceError, ValidationError
from tit_desktop.services.permissions import SYSTEM, Actor
from tit_desktop.settings import resolve_database_url

log = logging.getLogger(__name__)

EXIT_OK = 0
EXIT_REFUSED = 1
EXIT_USAGE = 2
# The keys of exchange.reader.CSV_ENCODINGS (a test keeps them equal), written out so that
# the command line starts without loading the exchange package and openpyxl.
CSV_ENCODINGS = ("cp1252", "utf-8")


class UsageError(Exception):
    """Wrong usage of the command line (exit code 2)."""


class ArgumentParser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        self.exit(EXIT_USAGE, f"{self.prog}: errore: {message}\n")


@dataclass
class Context:
    args: argparse.Namespace
    db: Database

    @property
    def as_json(self) -> bool:
        return bool(getattr(self.args, "json", False))

    def actor(self, allow_system_when_no_users: bool = False) -> Actor:
        """Log in as --user with TIT_PASSWORD (or a prompt)."""
        if allow_system_when_no_users and not self.has_users():
            return SYSTEM
        return users.login(self.db, *self.credentials())

    def credentials(self) -> tuple[str, str]:
        """--user (or TIT_USER) and TIT_PASSWORD (or a prompt)."""
        name = self.args.user or os.environ.get("TIT_USER")
        if not name:
            raise UsageError("questo comando richiede --user NOME (password in TIT_PASSWORD)")
        password = os.environ.get("TIT_PASSWORD")
        if password is None:
            if not sys.stdin.isatty():
                raise UsageError("password mancante: impostare TIT_PASSWORD")
            password = getpass.getpass(f"Password di {name}: ")
        return name, password

    def has_users(self) -> bool:
        """Whether the database has users (a new database with no tables has none)."""
        state = schema.status(self.db).state
        if state is schema.SchemaState.EMPTY:
            return False
        if state is schema.SchemaState.FOREIGN:
            schema.refuse_unusable(schema.status(self.db))
        with self.db.reading() as session:
            return users.users_exist(session)

    def upgrade_schema(self) -> None:
        result = schema.upgrade(self.db)
        if result.changed and result.from_revision is not None:
            print(
                f"Database aggiornato dalla revisione {result.from_revision} alla "
                f"{result.to_revision} (backup: {result.backup_path})",
                file=sys.stderr,
            )

    def emit(self, data: Any, text: str) -> None:
        if self.as_json:
            print(json.dumps(data, ensure_ascii=False, default=str, indent=2))
        else:
            print(text)


def _read_new_password() -> str:
    if sys.stdin.isatty():
        first = getpass.getpass("Nuova password: ")
        second = getpass.getpass("Ripetere la password: ")
        if first != second:
            raise ValidationError({"password": "le due password non coincidono"})
        return first
    line = sys.stdin.readline()
    return line.rstrip("\r\n")


# --- commands -------------------------------------------------------------------------


def cmd_db_upgrade(ctx: Context) -> int:
    """Needs a login, except on a database with no users (a new one); audited. On an old
    schema the password is checked without writing (the login writes columns the old
    schema may lack), the schema upgraded, then the login counted and audited."""
    before = schema.status(ctx.db)
    schema.refuse_unusable(before)
    actor: Actor | None = None
    credentials: tuple[str, str] | None = None
    if not ctx.has_users():
        actor = SYSTEM
    elif before.state is schema.SchemaState.CURRENT:
        actor = ctx.actor()
    else:
        credentials = ctx.credentials()
        users.check_credentials(ctx.db, *credentials)
    result = schema.upgrade(ctx.db)
    if actor is None:
        assert credentials is not None
        actor = users.login(ctx.db, *credentials)
    if result.changed:
        schema.record_upgrade(ctx.db, actor, result)
    data = {
        "from": result.from_revision,
        "to": result.to_revision,
        "backup": str(result.backup_path) if result.backup_path else None,
    }
    if result.changed:
        text = f"Database aggiornato: {result.from_revision or 'vuoto'} -> {result.to_revision}"
        if result.backup_path:
            text += f"\nBackup precedente: {result.backup_path}"
    else:
        text = f"Il database è già aggiornato (revisione {result.to_revision})."
    ctx.emit(data, text)
    return EXIT_OK


def cmd_db_current(ctx: Context) -> int:
    st = schema.status(ctx.db)
    data = {
        "current": st.current,
        "head": st.head,
        "state": st.state.name.lower(),
        "database": ctx.db.describe(),
    }
    ctx.emit(
        data,
        f"{ctx.db.describe()}\nRevisione: {st.current or 'nessuna'} (applicazione: {st.head}), "
        f"stato: {st.state.value}",
    )
    return EXIT_OK


def cmd_db_backup(ctx: Context) -> int:
    actor = ctx.actor(allow_system_when_no_users=True)
    written = backup.backup_to_folder(ctx.db, actor, Path(ctx.args.out) if ctx.args.out else None)
    if written.warning:
        print(f"Attenzione: {written.warning}", file=sys.stderr)
    path = written.path
    ctx.emit({"backup": str(path)}, f"Backup scritto in {path}")
    return EXIT_OK


def cmd_db_restore(ctx: Context) -> int:
    actor = ctx.actor(allow_system_when_no_users=True)
    safety = backup.restore(ctx.db, actor, Path(ctx.args.file))
    text = f"Ripristinato da {ctx.args.file}."
    if safety:
        text += f"\nI dati precedenti sono stati salvati in {safety}"
    ctx.emit({"restored": ctx.args.file, "previous_data": str(safety) if safety else None}, text)
    return EXIT_OK


def cmd_db_verify_audit(ctx: Context) -> int:
    """Exit 0 when the audit log's chain is intact, 1 naming the first broken link."""
    ctx.upgrade_schema()
    actor = ctx.actor()
    with ctx.db.reading() as session:
        report = audit_chain.verify_as(session, actor)
    ctx.emit(report.to_json(), report.describe())
    return EXIT_OK if report.intact else EXIT_REFUSED


def cmd_retention_review(ctx: Context) -> int:
    """List the persons past the retention period; with --out, save the list as a batch file
    for someone to review and then apply."""
    from tit_desktop.services.gdpr import retention

    ctx.upgrade_schema()
    actor = ctx.actor()
    with ctx.db.transaction(actor) as session:
        batch = retention.review(session, actor, ctx.args.years)
    if ctx.args.out:
        Path(ctx.args.out).write_text(batch.to_json(), encoding="utf-8")
    lines = [
        f"{len(batch.persons)} persone senza attività dal {batch.cutoff:%d/%m/%Y} "
        f"({batch.years} anni):"
    ] + [
        f"  {c.code}  {c.name}  ultima attività {c.last_activity:%d/%m/%Y} ({c.last_kind})"
        for c in batch.persons
    ]
    if ctx.args.out:
        lines.append(f"Elenco salvato in {ctx.args.out}: verificarlo, poi «retention apply».")
    ctx.emit(json.loads(batch.to_json()), "\n".join(lines))
    return EXIT_OK


def cmd_retention_apply(ctx: Context) -> int:
    """Anonymise the persons of a reviewed batch file that still qualify."""
    from tit_desktop.services.gdpr import retention

    try:
        text = Path(ctx.args.file).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ValidationError({"batch": f"file non leggibile ({exc})"}) from exc
    batch = retention.Batch.from_json(text)
    ctx.upgrade_schema()
    actor = ctx.actor()
    with ctx.db.transaction(actor) as session:
        outcome = retention.apply(session, actor, batch, reason=ctx.args.reason)
    data = {
        "anonymised": [c.code for c in outcome.anonymised],
        "skipped": [{"code": c.code, "reason": why} for c, why in outcome.skipped],
    }
    lines = [f"Anonimizzate {len(outcome.anonymised)} persone."] + [
        f"  saltata {c.code}: {why}" for c, why in outcome.skipped
    ]
    ctx.emit(data, "\n".join(lines))
    return EXIT_OK


def cmd_user_add(ctx: Context) -> int:
    ctx.upgrade_schema()
    actor = ctx.actor(allow_system_when_no_users=True)
    password = _read_new_password()
    with ctx.db.transaction(actor) as session:
        info = users.add_user(
            session, actor, ctx.args.name, ctx.args.role, password, ctx.args.full_name or ""
        )
    ctx.emit(
        {"id": info.id, "username": info.username, "role": info.role.value},
        f"Utente «{info.username}» creato con ruolo {info.role.value}.",
    )
    return EXIT_OK


def cmd_demo(ctx: Context) -> int:
    from tit_desktop.services import demo

    ctx.upgrade_schema()
    actor = ctx.actor(allow_system_when_no_users=True)
    summary = demo.fill_demo_data(ctx.db, actor, people=ctx.args.people, seed=ctx.args.seed)
    lines = ["Dati dimostrativi inseriti:"] + [f"  {k}: {v}" for k, v in summary.items()]
    ctx.emit(summary, "\n".join(lines))
    return EXIT_OK


def cmd_form(ctx: Context) -> int:
    from tit_desktop.reports.forms import SELECTORS, get_form, list_forms
    from tit_desktop.services import forms

    if ctx.args.list:
        specs = list_forms()
        if ctx.as_json:
            # Exactly DOMAIN.md 10's shape; the selectors show at a terminal and in the
            # usage message of a form asked for without them.
            ctx.emit([{"name": s.name, "title": s.title} for s in specs], "")
        elif sys.stdout.isatty():
            # A person at a terminal also sees what each form asks for.
            width = max(len(s.name) for s in specs)
            print("\n".join(f"{s.name:<{width}}  {s.usage()}".rstrip() for s in specs))
        else:
            # Piped into a script: one form name per line (DOMAIN.md 10); --json has the rest.
            print("\n".join(s.name for s in specs))
        return EXIT_OK
    if not ctx.args.name or not ctx.args.out:
        raise UsageError("indicare: form NOME [--person CODICE ...] --out FILE.pdf (oppure --list)")
    try:
        spec = get_form(ctx.args.name)
    except KeyError as exc:
        raise UsageError(str(exc.args[0])) from exc
    selection = {key: getattr(ctx.args, f"sel_{key}") for key in SELECTORS}
    missing = [
        SELECTORS[k].flag for k in spec.selectors if not selection[k] and k not in spec.optional
    ]
    if missing:
        raise UsageError(f"il modulo {spec.name} richiede: {spec.usage()}")
    ctx.upgrade_schema()
    actor = ctx.actor()
    out = Path(ctx.args.out)
    with ctx.db.transaction(actor) as session:
        forms.print_document(session, actor, spec.name, selection, out, lang=ctx.args.lang)
    given = {k: v for k, v in selection.items() if v}
    ctx.emit({"form": spec.name, **given, "out": str(out)}, f"Modulo scritto in {out}")
    return EXIT_OK


def cmd_import(ctx: Context) -> int:
    from tit_desktop.services import exchange

    ctx.upgrade_schema()
    actor = ctx.actor()
    with ctx.db.transaction(actor) as session:
        report = exchange.import_workbook(
            session,
            actor,
            Path(ctx.args.file),
            dry_run=ctx.args.dry_run,
            encoding=ctx.args.encoding,
        )
    if ctx.as_json:
        print(json.dumps(report.to_json(), ensure_ascii=False, indent=2))
    else:
        out = sys.stdout if report.ok else sys.stderr
        for issue in report.errors:
            print(issue.text(), file=out)
        for issue in report.warnings:
            print(f"Avviso: {issue.text()}", file=out)
        print(report.summary(), file=out)
    return EXIT_OK if report.ok else EXIT_REFUSED


def cmd_export(ctx: Context) -> int:
    from tit_desktop.services import exchange

    ctx.upgrade_schema()
    actor = ctx.actor()
    target = Path(ctx.args.file)
    result = exchange.export_database(ctx.db, actor, target)
    counts = ", ".join(f"{sheet} {count}" for sheet, count in result.exported.items())
    files = ", ".join(str(path) for path in result.files)
    text = f"Esportati {counts} in {files}"
    if result.note:
        text += f"\n{result.note}"
    ctx.emit(result.to_json(target), text)
    return EXIT_OK


def _cli_date(text: str) -> Any:
    """A ``dd/mm/yyyy`` argument (argparse type: wrong usage when it is not one)."""
    import datetime as dt
    import re

    match = re.fullmatch(r"(\d{1,2})/(\d{1,2})/(\d{4})", text.strip())
    if match is None:
        raise argparse.ArgumentTypeError(f"«{text}» non è una data gg/mm/aaaa")
    day, month, year = (int(part) for part in match.groups())
    try:
        return dt.date(year, month, day)
    except ValueError:
        raise argparse.ArgumentTypeError(f"la data «{text}» non esiste") from None


def cmd_report_payment_request(ctx: Context) -> int:
    from tit_desktop.services.convention import conventions, payment_requests

    ctx.upgrade_schema()
    actor = ctx.actor()
    with ctx.db.reading() as session:
        convention_id = conventions.by_name(session, actor, ctx.args.convention)
        figures = payment_requests.for_period(
            session, actor, convention_id, ctx.args.date_from, ctx.args.date_to
        )
    out = Path(ctx.args.out) if ctx.args.out else None
    xlsx = Path(ctx.args.xlsx) if ctx.args.xlsx else None
    if out or xlsx:
        with ctx.db.transaction(actor) as session:
            payment_requests.export_documents(session, actor, figures, out, xlsx)
    data = figures.to_json()
    written = [str(p) for p in (out, xlsx) if p]
    lines = [
        f"Domanda di rimborso {figures.short_name} (CUP {figures.cup}) dal "
        f"{figures.period_from:%d/%m/%Y} al {figures.period_to:%d/%m/%Y}",
        *(
            [f"Domanda n. {figures.number}, protocollo n. {figures.protocol.cited}"]
            if figures.protocol
            else []
        ),
        *(
            f"  {line.name}: {payment_requests.eur(line.this)} "
            f"(previsto {payment_requests.eur(line.planned)}, "
            f"residuo {payment_requests.eur(line.remaining)})"
            for line in figures.lines
        ),
        f"Totale richiesto: {payment_requests.eur(figures.total)} ({len(figures.annex)} spese)",
        *(f"Scritto {path}" for path in written),
    ]
    ctx.emit({"ok": True, **data, "files": written}, "\n".join(lines))
    return EXIT_OK


def cmd_report_quarterly(ctx: Context) -> int:
    from tit_desktop.services.convention import conventions, quarterly
    from tit_desktop.services.convention.payment_requests import eur

    year, quarter = quarterly.parse_quarter(ctx.args.quarter)
    ctx.upgrade_schema()
    actor = ctx.actor()
    out = Path(ctx.args.out) if ctx.args.out else None
    with ctx.db.transaction(actor) as session:
        convention_id = conventions.by_name(session, actor, ctx.args.convention)
        sheet = quarterly.quarterly_sheet(session, actor, convention_id, year, quarter)
        if out is not None:
            quarterly.write_pdf(session, actor, sheet, out)
    lines = [
        f"Monitoraggio {sheet.convention} {sheet.label} (CUP {sheet.cup})",
        f"  Persone servite: {sheet.persons.persons_served}; nuovi ingressi: "
        f"{sheet.persons.new_entries}",
        f"  Spese nel trimestre: {eur(sheet.quarter_total)}; cumulate: "
        f"{eur(sheet.cumulative_total)}",
        *(f"  {date} {text}" for date, text in sheet.document.activities),
        *([f"Scritto {out}"] if out else []),
    ]
    ctx.emit({"ok": True, **sheet.to_json(), "files": [str(out)] if out else []}, "\n".join(lines))
    return EXIT_OK


def add_report_commands(
    report_sub: Any, json_flag: Callable[[argparse.ArgumentParser], None]
) -> None:
    """The ``report`` group's commands, one block each (``report year-end`` joins here)."""
    pr = report_sub.add_parser(
        "payment-request",
        help="domanda di rimborso di una convenzione per un periodo (PDF, XLSX, JSON)",
    )
    pr.add_argument("--convention", required=True, metavar="C", help="nome breve della convenzione")
    pr.add_argument("--from", dest="date_from", required=True, type=_cli_date, metavar="gg/mm/aaaa")
    pr.add_argument("--to", dest="date_to", required=True, type=_cli_date, metavar="gg/mm/aaaa")
    pr.add_argument("--out", metavar="F.pdf")
    pr.add_argument("--xlsx", metavar="F.xlsx")
    json_flag(pr)
    pr.set_defaults(handler=cmd_report_payment_request)

    qu = report_sub.add_parser(
        "quarterly", help="scheda di monitoraggio trimestrale di una convenzione (PDF, JSON)"
    )
    qu.add_argument("--convention", required=True, metavar="C", help="nome breve della convenzione")
    qu.add_argument("--quarter", required=True, metavar="AAAA-Qn", help="per esempio 2022-Q1")
    qu.add_argument("--out", metavar="F.pdf")
    json_flag(qu)
    qu.set_defaults(handler=cmd_report_quarterly)


def cmd_canteen_checkin(ctx: Context) -> int:
    from tit_desktop.services import canteen

    ctx.upgrade_schema()
    actor = ctx.actor()
    try:
        with ctx.db.transaction(actor) as session:
            result = canteen.check_in(session, actor, ctx.args.card, ctx.args.date, ctx.args.meal)
    except ServiceError as exc:
        reason = canteen.refusal_reason(exc)
        log.info("Check-in refused (%s): %s", reason, exc.message)
        if ctx.as_json:
            data: dict[str, Any] = {"ok": False, **exc.to_json()}
            if reason:
                data["reason"] = reason
            print(json.dumps(data, ensure_ascii=False, indent=2))
        else:
            print(f"Rifiutato: {exc.message}", file=sys.stderr)
        return EXIT_REFUSED
    text = result.message
    if not result.has_card:
        text += " (senza tessera: rilasciarne una)"
    ctx.emit(result.to_json(), f"{text} — {result.seats.text()}")
    return EXIT_OK


# --- parser ---------------------------------------------------------------------------


def _day_arg(text: str) -> dt.date:
    try:
        return dt.datetime.strptime(text.strip(), "%d/%m/%Y").date()
    except ValueError:
        raise argparse.ArgumentTypeError(f"data «{text}» non valida: scrivere gg/mm/aaaa") from None


def _meal_arg(text: str) -> Any:
    from tit_desktop.models.canteen import MealType

    try:
        return MealType(text.strip().casefold())
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"pasto «{text}» sconosciuto: indicare colazione, pranzo o cena"
        ) from None


def _positive_int(text: str) -> int:
    try:
        value = int(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"«{text}» non è un numero intero") from exc
    if value < 1:
        raise argparse.ArgumentTypeError("deve essere almeno 1")
    return value


def build_parser() -> ArgumentParser:
    parser = ArgumentParser(
        prog=APP_NAME,
        description="TIT Desktop: senza comando apre l'applicazione.",
    )
    parser.add_argument("--version", action="version", version=f"{APP_NAME} {__version__}")
    parser.add_argument(
        "--database",
        metavar="URL",
        help="database da usare (sqlite:///file.sqlite3 o postgresql+psycopg://utente@host/db);"
        " anche TIT_DATABASE_URL",
    )
    parser.add_argument("--user", metavar="NOME", help="utente (password in TIT_PASSWORD)")
    sub = parser.add_subparsers(dest="command", metavar="COMANDO", parser_class=ArgumentParser)

    def json_flag(p: argparse.ArgumentParser) -> None:
        p.add_argument("--json", action="store_true", help="risultato in JSON")

    demo = sub.add_parser("demo", help="riempie un database VUOTO con dati dimostrativi")
    demo.add_argument("--people", type=_positive_int, default=120, metavar="N")
    demo.add_argument("--seed", type=int, default=2020, metavar="S")
    json_flag(demo)
    demo.set_defaults(handler=cmd_demo)

    db = sub.add_parser("db", help="aggiornamento, backup e ripristino del database")
    db_sub = db.add_subparsers(dest="db_command", metavar="AZIONE", parser_class=ArgumentParser)
    db_sub.required = True
    up = db_sub.add_parser("upgrade", help="aggiorna lo schema (con backup prima)")
    json_flag(up)
    up.set_defaults(handler=cmd_db_upgrade)
    cur = db_sub.add_parser("current", help="revisione dello schema")
    json_flag(cur)
    cur.set_defaults(handler=cmd_db_current)
    bk = db_sub.add_parser("backup", help="copia di sicurezza in un file SQLite")
    bk.add_argument("--out", metavar="FILE")
    json_flag(bk)
    bk.set_defaults(handler=cmd_db_backup)
    rs = db_sub.add_parser("restore", help="ripristina un backup (sostituisce tutti i dati)")
    rs.add_argument("file", metavar="FILE")
    json_flag(rs)
    rs.set_defaults(handler=cmd_db_restore)
    va = db_sub.add_parser(
        "verify-audit", help="verifica che il registro delle attività non sia stato alterato"
    )
    json_flag(va)
    va.set_defaults(handler=cmd_db_verify_audit)

    form = sub.add_parser(
        "form", help="stampa un modulo (PDF): per una persona, un alloggio, un mese…"
    )
    form.add_argument("name", nargs="?", metavar="NOME")
    form.add_argument(
        "--list", action="store_true", help="elenca i moduli e ciò che ciascuno richiede"
    )
    from tit_desktop.reports.forms import SELECTORS

    for selector in SELECTORS.values():
        form.add_argument(
            selector.flag, dest=f"sel_{selector.key}", metavar=selector.metavar, help=selector.help
        )
    form.add_argument("--lang", choices=["it", "en", "fr"], default="it")
    form.add_argument("--out", metavar="FILE.pdf")
    json_flag(form)
    form.set_defaults(handler=cmd_form)

    imp = sub.add_parser("import", help="importa una cartella di lavoro di scambio (.xlsx o .csv)")
    imp.add_argument("file", metavar="FILE.xlsx")
    imp.add_argument(
        "--dry-run", action="store_true", help="controlla soltanto, senza scrivere nulla"
    )
    imp.add_argument(
        "--encoding",
        choices=CSV_ENCODINGS,
        help="codifica dei file .csv (senza: UTF-8, o Windows-1252 se il file non ha nessun "
        "carattere UTF-8)",
    )
    json_flag(imp)
    imp.set_defaults(handler=cmd_import)

    exp = sub.add_parser(
        "export",
        help="esporta la cartella di scambio (.xlsx, o .csv per foglio), senza i fogli e le "
        "colonne che il ruolo non può leggere",
    )
    exp.add_argument("file", metavar="FILE.xlsx")
    json_flag(exp)
    exp.set_defaults(handler=cmd_export)

    ret = sub.add_parser(
        "retention", help="conservazione dei dati: anonimizzare chi è inattivo da anni"
    )
    ret_sub = ret.add_subparsers(
        dest="retention_command", metavar="AZIONE", parser_class=ArgumentParser
    )
    ret_sub.required = True
    rv = ret_sub.add_parser("review", help="elenca le persone senza attività da N anni")
    rv.add_argument("--years", type=int, required=True, metavar="N")
    rv.add_argument("--out", metavar="ELENCO.json", help="salva l'elenco da verificare")
    json_flag(rv)
    rv.set_defaults(handler=cmd_retention_review)
    ap = ret_sub.add_parser("apply", help="anonimizza le persone di un elenco verificato")
    ap.add_argument("file", metavar="ELENCO.json")
    ap.add_argument(
        "--reason", metavar="TESTO", help="motivo registrato (ha un valore predefinito)"
    )
    json_flag(ap)
    ap.set_defaults(handler=cmd_retention_apply)
    report = sub.add_parser("report", help="resoconti: domanda di rimborso, monitoraggio…")
    report_sub = report.add_subparsers(
        dest="report_command", metavar="RESOCONTO", parser_class=ArgumentParser
    )
    report_sub.required = True
    add_report_commands(report_sub, json_flag)
    canteen = sub.add_parser("canteen", help="mensa: registrare un pasto")
    canteen_sub = canteen.add_subparsers(
        dest="canteen_command", metavar="AZIONE", parser_class=ArgumentParser
    )
    canteen_sub.required = True
    checkin = canteen_sub.add_parser(
        "checkin", help="registra il pasto di chi mostra la tessera (o dice il Codice)"
    )
    checkin.add_argument("card", metavar="CARD-OR-CODICE", help="numero di tessera o Codice")
    checkin.add_argument(
        "--date", type=_day_arg, metavar="dd/mm/yyyy", help="giorno passato (registrato in ritardo)"
    )
    checkin.add_argument(
        "--meal", type=_meal_arg, metavar="pranzo", help="colazione, pranzo o cena (senza: l'ora)"
    )
    json_flag(checkin)
    checkin.set_defaults(handler=cmd_canteen_checkin)

    user = sub.add_parser("user", help="utenti")
    user_sub = user.add_subparsers(
        dest="user_command", metavar="AZIONE", parser_class=ArgumentParser
    )
    user_sub.required = True
    add = user_sub.add_parser("add", help="nuovo utente (password da standard input)")
    add.add_argument("name", metavar="NOME")
    add.add_argument("--role", required=True, choices=[r.value for r in users.Role])
    add.add_argument("--full-name", metavar='"NOME COGNOME"')
    json_flag(add)
    add.set_defaults(handler=cmd_user_add)
    return parser


def run(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        from tit_desktop.ui.app import main as gui_main

        return gui_main(database_url=args.database)
    handler: Callable[[Context], int] = args.handler
    setup_logging()
    as_json = bool(getattr(args, "json", False))
    try:
        db = Database(resolve_database_url(args.database))
    except ServiceError as exc:
        return _refused(exc, as_json)
    ctx = Context(args=args, db=db)
    try:
        return handler(ctx)
    except UsageError as exc:
        print(f"{APP_NAME}: errore: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except ServiceError as exc:
        return _refused(exc, as_json)
    except Exception as exc:
        refusal = db.open_error(exc)  # a database that cannot be opened or is busy
        if refusal is None:
            raise
        log.warning("Database unusable", exc_info=True)
        return _refused(refusal, as_json)
    finally:
        db.dispose()


def _refused(exc: ServiceError, as_json: bool) -> int:
    log.info("Refused: %s", exc.message)
    if as_json:
        print(json.dumps({"ok": False, **exc.to_json()}, ensure_ascii=False, indent=2))
    else:
        print(f"Rifiutato: {exc.message}", file=sys.stderr)
    return EXIT_REFUSED


def main() -> None:
    sys.exit(run())


if __name__ == "__main__":
    main()
