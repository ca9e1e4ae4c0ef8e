"""The expenditure lock as a database rule: migration 0013's triggers refuse an UPDATE that
leaves a locked expenditure locked, and a DELETE of a locked one, on both engines (the
services refuse first, with the same words; the triggers stop any write that goes around
them). Here the refusal gets its Italian message, the lock's own."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from tit_desktop.models import Expenditure
from tit_desktop.services import conflicts
from tit_desktop.services.convention.expenditures import lock_message

LOCK_RULE = "expenditure_locked"

conflicts.trigger_rules(LOCK_RULE)

# Where the failed statement may carry the expenditure's id: the ORM's UPDATE ... WHERE
# expenditure.id = :expenditure_id, its DELETE and plain SQL's :id.
_ID_KEYS = ("expenditure_id", "id", "id_1")


@conflicts.explains(LOCK_RULE)
def _locked(session: Session, violation: conflicts.Violation) -> str | None:
    ids = [v for key in _ID_KEYS for v in violation.values(key) if isinstance(v, int)]
    requests = (
        set(
            session.scalars(
                select(Expenditure.payment_request_id).where(
                    Expenditure.id.in_(ids), Expenditure.payment_request_id.is_not(None)
                )
            )
        )
        if ids
        else set()
    )
    # One request found: its number and date; otherwise the lock's general wording.
    request_id = next(iter(requests)) if len(requests) == 1 else 0
    return lock_message(session, request_id or 0)
