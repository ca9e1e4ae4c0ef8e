"""Two PCs registering overlapping hosting agreements for the same person at the same moment:
exactly one wins, every round, on both engines; the other is told which agreement it met."""

from __future__ import annotations

import datetime as dt
import threading

from tit_desktop.services import hosting, persons
from tit_desktop.services.database import Database
from tit_desktop.services.errors import ConflictError
from tit_desktop.services.permissions import Actor

ROUNDS = 6


def test_overlapping_agreements_race_and_one_wins(db_url: str, admin: Actor) -> None:
    setup = Database(db_url)
    with setup.transaction(admin) as session:
        family_ids = [
            hosting.create_family(session, admin, hosting.FamilyInput(name=f"Famiglia {n}"))
            for n in ("Rossi", "Bianchi")
        ]
        for round_number in range(ROUNDS):
            persons.create_person(
                session,
                admin,
                persons.PersonInput(
                    code=f"R-{round_number}",
                    last_name="Diallo",
                    first_name="Awa",
                    intake_date=dt.date(2025, 1, 1),
                ),
            )
    setup.dispose()
    # Each "PC" has its own engine (its own connections), as two machines would.
    pcs = [Database(db_url), Database(db_url)]
    try:
        for round_number in range(ROUNDS):
            barrier = threading.Barrier(2)
            outcomes: list[str] = []
            lock = threading.Lock()

            def register(pc: Database, family_id: int, start_day: int) -> None:
                data = hosting.AgreementInput(
                    family_id=family_id,
                    person_code=f"R-{round_number}",  # noqa: B023 - joined in this round
                    start_date=dt.date(2026, 3, start_day),
                    end_date=dt.date(2026, 8, 31),
                )
                barrier.wait(timeout=30)  # noqa: B023
                try:
                    with pc.transaction(admin) as session:
                        hosting.create_agreement(session, admin, data)
                    result = "won"
                except ConflictError as exc:
                    result = exc.message
                with lock:  # noqa: B023
                    outcomes.append(result)  # noqa: B023

            threads = [
                threading.Thread(target=register, args=(pc, family_id, day))
                for pc, family_id, day in zip(pcs, family_ids, (1, 15), strict=True)
            ]
            for thread in threads:
                thread.start()
            for thread in threads:
                thread.join(timeout=60)
            assert sorted(outcomes, key=lambda o: o != "won")[0] == "won", outcomes
            assert outcomes.count("won") == 1, outcomes
            refusal = next(o for o in outcomes if o != "won")
            assert "Diallo Awa (R-" in refusal and "già accolto/a presso la famiglia" in refusal
        with pcs[0].reading() as session:
            for round_number in range(ROUNDS):
                person_id = persons.find_id_by_code(session, f"R-{round_number}")
                assert len(hosting.agreements(session, admin, person_id=person_id)) == 1
    finally:
        for pc in pcs:
            pc.dispose()
