"""The audit log: who did what to which record, when, with old and new values."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import BigInteger, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from tit_desktop.models.base import Base
from tit_desktop.models.columns import BigIntKey, JSONDocument, UTCDateTime


class AuditAction:
    INSERT = "insert"
    UPDATE = "update"
    DELETE = "delete"
    VIEW = "view"
    LOGIN = "login"
    LOGIN_FAILED = "login_failed"
    LOGOUT = "logout"
    EXPORT = "export"
    BACKUP = "backup"
    RESTORE = "restore"
    IMPORT = "import"
    MERGE = "merge"
    UNDO_MERGE = "undo_merge"
    ANONYMISE = "anonymise"
    BULK = "bulk"
    DENIED = "denied"  # an operation refused for the user's role
    LOCK = "lock"  # the window locked after the user's inactivity
    UNLOCK = "unlock"  # ... and unlocked by the same user's password
    ALL = (
        INSERT,
        UPDATE,
        DELETE,
        VIEW,
        LOGIN,
        LOGIN_FAILED,
        LOGOUT,
        EXPORT,
        BACKUP,
        RESTORE,
        IMPORT,
        MERGE,
        UNDO_MERGE,
        ANONYMISE,
        BULK,
        DENIED,
        LOCK,
        UNLOCK,
    )


class AuditEntry(Base):
    __tablename__ = "audit_log"
    __audit_skip__ = True

    id: Mapped[int] = mapped_column(BigIntKey, primary_key=True, autoincrement=True)
    at: Mapped[dt.datetime] = mapped_column(UTCDateTime, nullable=False)
    user_id: Mapped[int | None] = mapped_column(ForeignKey("app_user.id", ondelete="SET NULL"))
    # A copy of the name: the row still reads right if the user is later renamed.
    username: Mapped[str] = mapped_column(String(64), nullable=False)
    action: Mapped[str] = mapped_column(String(20), nullable=False)
    entity: Mapped[str] = mapped_column(String(64), nullable=False)
    entity_id: Mapped[str | None] = mapped_column(String(64))
    # The person (beneficiary) the row concerns, when there is one: a person's whole trail
    # (access request, anonymisation) is found through an index, not by reading JSON. No
    # foreign key: the trail outlives a merged or deleted record.
    person_id: Mapped[int | None] = mapped_column(Integer)
    # {field: [old, new]} for updates, {field: value} for inserts and deletes; for a bulk
    # write, a summary naming the records ({"table": ..., "count": n, "ids": [...]}).
    changes: Mapped[dict[str, Any] | None] = mapped_column(JSONDocument)
    detail: Mapped[str | None] = mapped_column(Text)
    # The row's place in the hash chain and its link (tit_desktop.services.audit_chain):
    # set when the writing transaction commits.
    chain_seq: Mapped[int | None] = mapped_column(BigInteger)
    chain_hash: Mapped[str | None] = mapped_column(String(64))

    __table_args__ = (
        # Both read newest first by (at, id): the activity log's order.
        Index("ix_audit_log_at", "at", "id"),
        Index("ix_audit_log_entity", "entity", "entity_id"),
        Index("ix_audit_log_user_at", "user_id", "at"),
        Index("ix_audit_log_person", "person_id", "id"),
        Index("ix_audit_log_username", "username", "at", "id"),
        Index("ix_audit_log_chain_seq", "chain_seq", unique=True),
    )


class AuditSubject(Base):
    """One person named by an audit row that concerns many (a bulk write's summary): the
    person's trail finds the row through this table's primary key, person first."""

    __tablename__ = "audit_subject"
    __audit_skip__ = True

    person_id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    audit_id: Mapped[int] = mapped_column(
        BigIntKey,
        ForeignKey("audit_log.id", ondelete="CASCADE"),
        primary_key=True,
        autoincrement=False,
    )
