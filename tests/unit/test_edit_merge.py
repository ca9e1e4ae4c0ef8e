"""Three-way merge of a record's fields (the engine behind the window's conflict dialog)."""

from __future__ import annotations

import dataclasses
import datetime as dt

from hypothesis import given
from hypothesis import strategies as st

from tit_desktop.services import edit_merge, person_edits, persons
from tit_desktop.services.database import Database
from tit_desktop.services.permissions import Actor

GROUPS = [("a",), ("b",), ("c", "d")]


def _merge(base: dict, mine: dict, theirs: dict) -> edit_merge.EditMerge[dict]:
    return edit_merge.three_way(
        base,
        mine,
        theirs,
        GROUPS,
        label=lambda g: "+".join(g),
        show=lambda g, v: ",".join(str(v[n]) for n in g),
        rebuild=dict,
        theirs_version=5,
    )


def test_only_theirs_is_taken_only_mine_is_kept_both_is_a_clash() -> None:
    base = {"a": 1, "b": 1, "c": 1, "d": 1}
    merge = _merge(base, {**base, "a": 2, "c": 2}, {**base, "b": 3, "d": 3})
    assert merge.taken == ("b",)
    assert [(c.label, c.mine, c.theirs) for c in merge.clashes] == [("c+d", "2,1", "1,3")]
    assert merge.merged == {"a": 2, "b": 3, "c": 2, "d": 1}  # a group is never split
    assert merge.resolve([("c", "d")]) == {"a": 2, "b": 3, "c": 1, "d": 3}
    assert merge.theirs_version == 5


values = st.integers(0, 2)


@given(
    st.fixed_dictionaries({k: values for k in "abcd"}),
    st.fixed_dictionaries({k: values for k in "abcd"}),
    st.fixed_dictionaries({k: values for k in "abcd"}),
)
def test_nothing_either_side_changed_is_lost(base: dict, mine: dict, theirs: dict) -> None:
    merge = _merge(base, mine, theirs)
    clashing = {n for c in merge.clashes for n in c.fields}
    for name in "abcd":
        group = next(g for g in GROUPS if name in g)
        if name in clashing:
            assert merge.merged[name] == mine[name]
            assert merge.resolve([group])[name] == theirs[name]
        elif all(mine[n] == base[n] for n in group):
            assert merge.merged[name] == theirs[name]
        else:
            assert merge.merged[name] == mine[name]


def test_a_person_permit_is_one_group_and_declined_goes_with_its_field(
    db: Database, admin: Actor
) -> None:
    start = persons.PersonInput(
        code="P-1",
        last_name="Ba",
        first_name="Awa",
        intake_date=dt.date(2025, 1, 1),
        permit_number="AB123",
        permit_expires_on=dt.date(2026, 1, 1),
    )
    with db.transaction(admin) as session:
        pid = persons.create_person(session, admin, start).id
        detail = persons.open_person(session, admin, pid)
        theirs = dataclasses.replace(
            detail.data, permit_expires_on=dt.date(2027, 1, 1), declined=frozenset({"employment"})
        )
        persons.update_person(session, admin, pid, theirs, detail.version)
    mine = dataclasses.replace(detail.data, permit_number="AB999")
    with db.transaction(admin) as session:
        merge = person_edits.compare_with_current(session, admin, pid, detail.data, mine)
    assert [c.label for c in merge.clashes] == ["Permesso di soggiorno"]
    assert "AB999" in merge.clashes[0].mine and "01/01/2027" in merge.clashes[0].theirs
    assert merge.merged.declined == frozenset({"employment"})
    assert merge.merged.permit_number == "AB999"
    assert merge.merged.permit_expires_on == dt.date(2026, 1, 1)
