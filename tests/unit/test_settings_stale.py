"""Settings shared by every desk (the canteen's hours and seats, the default contributions)
are saved against the version the form read: another PC's save in between is refused with
StaleRecord, so that the form can merge it instead of overwriting it."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from tit_desktop.models import MealType
from tit_desktop.services import canteen, hosting
from tit_desktop.services.database import Database
from tit_desktop.services.errors import StaleRecord
from tit_desktop.services.permissions import Actor

LUNCH = MealType.LUNCH


def test_meal_setting_saved_against_what_was_read(db: Database, admin: Actor) -> None:
    with db.reading() as session:
        seen = canteen.meal_settings(session)[LUNCH]
    assert seen.version is None  # never saved: the defaults
    with db.transaction(admin) as session:
        first = canteen.save_meal_setting(
            session, admin, LUNCH, seen.starts_at, seen.ends_at, 40, seen
        )
    assert first.version is not None
    # A second desk still holding the defaults it read is refused, and nothing changes.
    with pytest.raises(StaleRecord), db.transaction(admin) as session:
        canteen.save_meal_setting(session, admin, LUNCH, seen.starts_at, seen.ends_at, 50, seen)
    with db.transaction(admin) as session:
        canteen.save_meal_setting(session, admin, LUNCH, seen.starts_at, dt.time(15, 0), 50, first)
        now = canteen.meal_settings(session)[LUNCH]
    assert (now.seats, now.ends_at, now.version) == (50, dt.time(15, 0), first.version + 1)
    with pytest.raises(StaleRecord), db.transaction(admin) as session:
        canteen.save_meal_setting(session, admin, LUNCH, seen.starts_at, seen.ends_at, 9, first)


def test_default_amount_saved_against_what_was_read(db: Database, admin: Actor) -> None:
    part = hosting.HostingTime.PART
    with db.reading() as session:
        seen = hosting.read_default_amount_rows(session, admin)[part]
    assert seen.version is None
    with db.transaction(admin) as session:
        first = hosting.set_default_amount(session, admin, part, Decimal("400.00"), seen)
    with pytest.raises(StaleRecord), db.transaction(admin) as session:
        hosting.set_default_amount(session, admin, part, Decimal("380.00"), seen)
    with db.transaction(admin) as session:
        hosting.set_default_amount(session, admin, part, Decimal("380.00"), first)
        assert hosting.read_default_amounts(session, admin)[part] == Decimal("380.00")
