"""The audit log as a hash chain: a row rewritten, deleted or back-dated directly in the
database (with any SQLite or PostgreSQL tool) is found by :func:`verify`.

Design
------
* Each row has a **content hash**: sha256 of a canonical JSON of the row (sorted keys, no
  spaces, UTF-8) over ``id``, ``at`` (UTC, ``YYYY-MM-DDTHH:MM:SS.ffffffZ``), ``username``,
  ``action``, ``entity``, ``entity_id``, ``person_id``, ``changes`` and ``detail``.
  ``user_id`` is left out: deleting a user sets it to NULL by the foreign key, a legitimate
  change (the name is kept in ``username``). The JSON of ``changes`` is re-serialised with
  sorted keys, so PostgreSQL's JSONB (which does not keep key order) and SQLite's text
  give the same hash; a backup moved between engines verifies the same.
* Each row has a **place in the chain** (``chain_seq``: 1, 2, 3... with no gap, unique)
  and a **link hash** ``chain_hash = sha256(previous link hash + "\\n" + chain_seq + "\\n"
  + content hash)``; the first row's previous hash is 64 zeros.
* Rows are **sealed** (given their place and link) in the transaction that wrote them,
  just before it commits (a ``before_commit`` listener; the bulk helper's Core rows and the
  ORM's rows alike, any INSERT into ``audit_log`` marks its transaction), in id order.
  On PostgreSQL several PCs write at once and ids come from a sequence in any commit
  order: the seal takes ``pg_advisory_xact_lock`` (released by the commit), so the chain
  is appended by one transaction at a time, and each reads the head committed by the one
  before (READ COMMITTED). On SQLite a write transaction already holds the only write lock.
  The place in the chain is therefore the order of commits, not of ids.
* **Anonymisation** rewrites rows (:mod:`.gdpr.audit_scrub`): their content hash changes
  but their link stays. The scrub records, in a new audit row (action ``anonymise``,
  entity ``audit_log``, itself sealed in the chain), for every row it rewrote the content
  hash before and after: ``{"resealed": {"<id>": [old, new]}}``. The verifier accepts a
  row whose current content hash leads, through such records, to one that matches its
  link. The record holds hashes and row ids only, never personal data. A merge, its undo
  and an import only add rows.

What the verifier reports (the first broken link, in chain order): a row whose content no
longer matches its link (rewritten, back-dated), a gap in the places (rows deleted), a
link that does not follow from the one before (rows reordered or inserted), a row never
sealed (inserted directly in the database).

Limits, on purpose: the hash has no secret key, so someone who can write the database and
reads this code can recompute the whole chain after a change; deleting the last rows of
the chain leaves no gap. The chain makes tampering visible to an office's checks, it is
not a signature. Against a recomputed chain, a second copy helps: a backup is a copy of
the database, so it carries the chain as it was, and :func:`same_history` tells whether a
file's chain is a beginning of the live one (a backup edited and re-chained is not).
``audit_subject`` (an index of the persons a bulk summary names) is not covered.

For a restore: open the candidate file (at the application's schema revision), and before
it replaces anything, ``report = verify(conn)``; refuse it unless ``report.intact``, and
warn (or refuse) when ``same_history(live_conn, report) is False``. A backup older than
revision 0005 has no chain: upgrading it chains its rows as they are, unchecked.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Iterator
from dataclasses import asdict, dataclass
from typing import Any, cast

from sqlalchemy import Connection, Engine, Table, bindparam, event, select, text, update
from sqlalchemy.orm import Session
from sqlalchemy.sql.dml import Insert

from tit_desktop.models.audit import AuditAction, AuditEntry
from tit_desktop.services import audit
from tit_desktop.services.permissions import Actor, Permission, require

GENESIS = "0" * 64
# The key of PostgreSQL's advisory lock that serialises appends to the chain ("TITAUDIT").
LOCK_KEY = 0x5449544155444954
RESEAL_ENTITY = "audit_log"
RESEAL_KEY = "resealed"
_PENDING = "tit_audit_unsealed"

_table = cast(Table, AuditEntry.__table__)
_CONTENT = (
    AuditEntry.id,
    AuditEntry.at,
    AuditEntry.username,
    AuditEntry.action,
    AuditEntry.entity,
    AuditEntry.entity_id,
    AuditEntry.person_id,
    AuditEntry.changes,
    AuditEntry.detail,
)


def _moment(value: dt.datetime) -> str:
    if value.tzinfo is None:  # read without the column type: naive UTC
        value = value.replace(tzinfo=dt.UTC)
    return value.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def content_hash(
    id: int,
    at: dt.datetime,
    username: str,
    action: str,
    entity: str,
    entity_id: str | None,
    person_id: int | None,
    changes: Any,
    detail: str | None,
) -> str:
    """The sha256 of the row's canonical JSON (the arguments are :data:`_CONTENT`'s)."""
    document = {
        "id": int(id),
        "at": _moment(at),
        "username": username,
        "action": action,
        "entity": entity,
        "entity_id": entity_id,
        "person_id": person_id,
        "changes": changes,
        "detail": detail,
    }
    canonical = json.dumps(document, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def link_hash(previous: str, seq: int, content: str) -> str:
    return hashlib.sha256(f"{previous}\n{seq}\n{content}".encode("ascii")).hexdigest()


def _connection(source: Connection | Session) -> Connection:
    return source.connection() if isinstance(source, Session) else source


def row_content_hash(source: Connection | Session, audit_id: int) -> str:
    """The content hash of one row as it is now in the database."""
    row = _connection(source).execute(select(*_CONTENT).where(AuditEntry.id == audit_id)).one()
    return content_hash(*row)


# --- sealing -------------------------------------------------------------------------


def seal(source: Connection | Session) -> int:
    """Give every row not yet in the chain its place and link, in id order; returns how
    many. Runs in the caller's transaction (on PostgreSQL it holds the chain's lock until
    that transaction ends)."""
    conn = _connection(source)
    if conn.dialect.name == "postgresql":
        conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": LOCK_KEY})
    pending = conn.execute(
        select(*_CONTENT).where(AuditEntry.chain_seq.is_(None)).order_by(AuditEntry.id)
    ).all()
    if not pending:
        return 0
    head = conn.execute(
        select(AuditEntry.chain_seq, AuditEntry.chain_hash)
        .where(AuditEntry.chain_seq.is_not(None))
        .order_by(AuditEntry.chain_seq.desc())
        .limit(1)
    ).first()
    seq, previous = (int(head[0] or 0), str(head[1])) if head is not None else (0, GENESIS)
    params = []
    for row in pending:
        seq += 1
        previous = link_hash(previous, seq, content_hash(*row))
        params.append({"row_id": row.id, "seq": seq, "link": previous})
    statement = (
        update(_table)
        .where(_table.c.id == bindparam("row_id"))
        .values(chain_seq=bindparam("seq"), chain_hash=bindparam("link"))
    )
    for start in range(0, len(params), 5000):
        conn.execute(statement, params[start : start + 5000])
    return len(params)


@event.listens_for(Engine, "after_execute")
def _note_audit_insert(conn: Connection, statement: Any, *_args: Any, **_kwargs: Any) -> None:
    if isinstance(statement, Insert) and getattr(statement.table, "name", None) == "audit_log":
        owner = audit._owners.get(conn)
        session = owner() if owner is not None else None
        if session is not None:
            session.info[_PENDING] = True


@event.listens_for(Session, "before_commit")
def _seal_before_commit(session: Session) -> None:
    if session.new or session.dirty or session.deleted:
        session.flush()  # the commit's own flush would come after this listener
    if session.info.pop(_PENDING, False):
        seal(session)


@event.listens_for(Session, "after_rollback")
def _forget_pending(session: Session) -> None:
    session.info.pop(_PENDING, None)


# --- the anonymisation's record ---------------------------------------------------------


class Reseals:
    """The rows an anonymisation rewrites: each one's content hash before the first
    rewrite and after the last, recorded by :meth:`record` in one audit row."""

    def __init__(self, session: Session) -> None:
        self.session = session
        # rows written by this transaction join the chain now, with the content they
        # have before the scrub: every rewrite below is then of a sealed row
        session.flush()
        seal(session)
        self.hashes: dict[int, list[str]] = {}

    def before(self, audit_id: int) -> None:
        if audit_id not in self.hashes:
            self.hashes[audit_id] = [row_content_hash(self.session, audit_id), ""]

    def after(self, audit_id: int) -> None:
        self.hashes[audit_id][1] = row_content_hash(self.session, audit_id)

    def record(self, actor: Actor) -> None:
        changed = {str(k): v for k, v in sorted(self.hashes.items()) if v[0] != v[1]}
        if not changed:
            return
        audit.record(
            self.session,
            actor,
            AuditAction.ANONYMISE,
            RESEAL_ENTITY,
            detail=f"righe del registro rese anonime: {len(changed)} (impronte registrate)",
            changes={RESEAL_KEY: changed},
        )


# --- verifying -----------------------------------------------------------------------


@dataclass(frozen=True)
class BrokenLink:
    audit_id: int | None
    at: dt.datetime | None
    chain_seq: int | None
    reason: str  # Italian, for the user


@dataclass(frozen=True)
class ChainReport:
    rows_checked: int
    head_seq: int
    head_hash: str
    broken: BrokenLink | None

    @property
    def intact(self) -> bool:
        return self.broken is None

    def to_json(self) -> dict[str, Any]:
        broken = None
        if self.broken is not None:
            broken = asdict(self.broken)
            broken["at"] = self.broken.at.isoformat() if self.broken.at else None
        return {
            "intact": self.intact,
            "rows_checked": self.rows_checked,
            "head_seq": self.head_seq,
            "head_hash": self.head_hash,
            "broken": broken,
        }

    def describe(self) -> str:
        """The outcome in Italian, for the window and the command line."""
        if self.broken is None:
            return (
                f"Registro delle attività integro: {self.rows_checked} righe verificate "
                f"(ultima impronta {self.head_hash[:16]}…)."
            )
        b = self.broken
        where = f"riga {b.audit_id}" if b.audit_id is not None else "registro"
        if b.at is not None:
            local = b.at.astimezone().strftime("%d/%m/%Y %H:%M:%S")
            where += f" del {local}"
        if b.chain_seq is not None:
            where += f" (posizione {b.chain_seq} nella catena)"
        return (
            f"Registro delle attività ALTERATO: primo anello rotto alla {where}: {b.reason}. "
            f"Righe verificate prima del problema: {self.rows_checked}."
        )


def _reseals(conn: Connection) -> dict[int, list[tuple[str, str]]]:
    found: dict[int, list[tuple[str, str]]] = {}
    rows = conn.execute(
        select(AuditEntry.changes)
        .where(
            AuditEntry.entity == RESEAL_ENTITY,
            AuditEntry.action == AuditAction.ANONYMISE,
            AuditEntry.chain_seq.is_not(None),
        )
        .order_by(AuditEntry.chain_seq)
    )
    for (changes,) in rows:
        resealed = changes.get(RESEAL_KEY) if isinstance(changes, dict) else None
        if not isinstance(resealed, dict):
            continue
        for key, pair in resealed.items():
            if isinstance(pair, list) and len(pair) == 2 and str(key).isdigit():
                found.setdefault(int(key), []).append((str(pair[0]), str(pair[1])))
    return found


def _earlier_contents(current: str, pairs: list[tuple[str, str]]) -> Iterator[str]:
    """The contents a row had before the recorded rewrites, latest first."""
    seen = {current}
    while True:
        older = next((old for old, new in reversed(pairs) if new == current), None)
        if older is None or older in seen:
            return
        seen.add(older)
        yield older
        current = older


def verify(source: Connection | Session) -> ChainReport:
    """Walk the chain in order and report the first broken link. Reads the log once, in
    place order (the unique index); for a restore, call it on the restored file's
    connection before it replaces anything: ``verify(conn).intact``."""
    conn = _connection(source)
    unsealed = conn.execute(
        select(AuditEntry.id, AuditEntry.at)
        .where(AuditEntry.chain_seq.is_(None))
        .order_by(AuditEntry.id)
        .limit(1)
    ).first()
    reseals = _reseals(conn)
    previous, expected, checked = GENESIS, 1, 0
    rows = conn.execution_options(stream_results=True, yield_per=2000).execute(
        select(*_CONTENT, AuditEntry.chain_seq, AuditEntry.chain_hash)
        .order_by(AuditEntry.chain_seq)
        .where(AuditEntry.chain_seq.is_not(None))
    )
    broken: BrokenLink | None = None
    for row in rows:
        *content, seq, link = row
        if seq != expected:
            reason = (
                f"mancano le righe in posizione da {expected} a {seq - 1} (cancellate)"
                if seq > expected
                else "posizione ripetuta o fuori ordine nella catena"
            )
            broken = BrokenLink(row.id, row.at, seq, reason)
            break
        current = content_hash(*content)
        if link != link_hash(previous, seq, current) and not any(
            link == link_hash(previous, seq, older)
            for older in _earlier_contents(current, reseals.get(row.id, []))
        ):
            broken = BrokenLink(
                row.id,
                row.at,
                seq,
                "il contenuto della riga (data, utente, azione, record o valori) non "
                "corrisponde a quello registrato: riga modificata o anello sostituito",
            )
            break
        previous, expected, checked = link, expected + 1, checked + 1
    rows.close()
    if broken is None and unsealed is not None:
        broken = BrokenLink(
            unsealed.id,
            unsealed.at,
            None,
            "riga fuori dalla catena: scritta direttamente nel database, non dall'applicazione",
        )
    return ChainReport(checked, expected - 1, previous, broken)


def same_history(live: Connection | Session, candidate: ChainReport) -> bool | None:
    """Whether a verified chain (a backup about to be restored) is a beginning of the live
    database's: the live link at the candidate's last place is the candidate's last link.
    False means the two logs tell different stories (the file was edited and its chain
    recomputed, or it comes from another office's database); None means the live log is
    shorter or empty, nothing to compare."""
    if candidate.head_seq == 0:
        return None
    link = _connection(live).scalar(
        select(AuditEntry.chain_hash).where(AuditEntry.chain_seq == candidate.head_seq)
    )
    if link is None:
        return None
    return bool(link == candidate.head_hash)


def verify_as(session: Session, actor: Actor) -> ChainReport:
    """:func:`verify` for an administrator (the window, the command line)."""
    require(actor, Permission.VERIFY_AUDIT)
    return verify(session)
