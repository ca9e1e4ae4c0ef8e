"""Application users and their roles."""

from __future__ import annotations

import datetime as dt
import enum

from sqlalchemy import Boolean, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from tit_desktop.models.base import Base, VersionedMixin
from tit_desktop.models.columns import UTCDateTime, enum_column, utc_now


class Role(enum.StrEnum):
    ADMIN = "admin"
    COORDINATOR = "coordinatore"
    OPERATOR = "operatore"
    READ_ONLY = "lettura"


class User(VersionedMixin, Base):
    __tablename__ = "app_user"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    # Stored lower-case: logins are case-insensitive and unique regardless of case.
    username: Mapped[str] = mapped_column(String(64), unique=True, nullable=False)
    full_name: Mapped[str] = mapped_column(String(200), nullable=False, default="")
    role: Mapped[Role] = mapped_column(enum_column(Role, "role"), nullable=False)
    password_hash: Mapped[str] = mapped_column(String(255), nullable=False)
    active: Mapped[bool] = mapped_column(Boolean, nullable=False, default=True)
    must_change_password: Mapped[bool] = mapped_column(Boolean, nullable=False, default=False)
    failed_logins: Mapped[int] = mapped_column(Integer, nullable=False, default=0)
    locked_until: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)
    last_login_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, nullable=False, default=utc_now)

    # Never copied into the audit log.
    __audit_redacted__ = frozenset({"password_hash"})
    __audit_ignored__ = frozenset({"version", "last_login_at", "created_at"})
