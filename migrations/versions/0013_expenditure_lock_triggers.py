"""expenditure lock in the database: a submitted payment request's expenditures refuse changes

Revision ID: 0013
Revises: 0014
Create Date: 2026-12-01 10:00:00

An expenditure included in a submitted payment request (``payment_request_id`` set) is locked:
until now only the services refused to change it. These triggers refuse, on both engines,

- an UPDATE of a locked row that leaves it locked (old and new ``payment_request_id`` both
  set): the request's submission (NULL -> id) and the administrator's unlock (id -> NULL)
  still go through;
- a DELETE of a locked row.

SQLite reports the refusal as "CHECK constraint failed: expenditure_locked", PostgreSQL as a
check violation (SQLSTATE 23514) with that constraint name: services.conflicts words both as
the lock's message (services/convention/locks.py).

A later migration that rebuilds the expenditure table on SQLite (batch "move and copy") drops
these triggers with the old table and must create them again (``create_lock_rule``).
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0013"
down_revision: str | None = "0014"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

RULE = "expenditure_locked"

_SQLITE_TRIGGERS = (
    (
        "trg_expenditure_locked_update",
        "BEFORE UPDATE ON expenditure",
        "OLD.payment_request_id IS NOT NULL AND NEW.payment_request_id IS NOT NULL",
    ),
    (
        "trg_expenditure_locked_delete",
        "BEFORE DELETE ON expenditure",
        "OLD.payment_request_id IS NOT NULL",
    ),
)

_POSTGRES_FUNCTION = f"""
CREATE FUNCTION expenditure_locked() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF OLD.payment_request_id IS NOT NULL THEN
        IF TG_OP = 'DELETE' THEN
            RAISE EXCEPTION 'expenditure % is locked by payment request %',
                OLD.id, OLD.payment_request_id
                USING ERRCODE = '23514', CONSTRAINT = '{RULE}', TABLE = TG_TABLE_NAME;
        ELSIF NEW.payment_request_id IS NOT NULL THEN
            RAISE EXCEPTION 'expenditure % is locked by payment request %',
                OLD.id, OLD.payment_request_id
                USING ERRCODE = '23514', CONSTRAINT = '{RULE}', TABLE = TG_TABLE_NAME;
        END IF;
    END IF;
    IF TG_OP = 'DELETE' THEN
        RETURN OLD;
    END IF;
    RETURN NEW;
END
$$
"""

_POSTGRES_TRIGGER = """
CREATE TRIGGER trg_expenditure_locked
BEFORE UPDATE OR DELETE ON expenditure
FOR EACH ROW EXECUTE FUNCTION expenditure_locked()
"""


def create_lock_rule() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute(_POSTGRES_FUNCTION)
        op.execute(_POSTGRES_TRIGGER)
        return
    for name, event, condition in _SQLITE_TRIGGERS:
        op.execute(
            f"CREATE TRIGGER {name} {event} FOR EACH ROW WHEN {condition} "
            f"BEGIN SELECT RAISE(ABORT, 'CHECK constraint failed: {RULE}'); END"
        )


def drop_lock_rule() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP TRIGGER IF EXISTS trg_expenditure_locked ON expenditure")
        op.execute("DROP FUNCTION IF EXISTS expenditure_locked()")
        return
    for name, _event, _condition in _SQLITE_TRIGGERS:
        op.execute(f"DROP TRIGGER IF EXISTS {name}")


def upgrade() -> None:
    create_lock_rule()


def downgrade() -> None:
    drop_lock_rule()
