"""Number series: the last number issued per series and year (person codes, cards,
receipts, payment requests...). Bookkeeping, not audited itself: the record that receives the
number is."""

from __future__ import annotations

from sqlalchemy import CheckConstraint, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from tit_desktop.models.base import Base


class NumberSeries(Base):
    __tablename__ = "number_series"
    __audit_skip__ = True
    __table_args__ = (CheckConstraint("last_number >= 0", name="last_number_not_negative"),)

    series: Mapped[str] = mapped_column(String(40), primary_key=True)
    # 0 for a series that never restarts (the person codes).
    year: Mapped[int] = mapped_column(Integer, primary_key=True)
    last_number: Mapped[int] = mapped_column(Integer)
