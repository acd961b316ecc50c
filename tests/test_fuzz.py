"""Fuzzed bad input: hostile strings, wrong types and unknown keys never crash validation or the store."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from workbench.dossier.model import clean_line, clean_text
from workbench.dossier.portable import ImportFailed, from_json, to_json
from workbench.dossier.units import Change, item_unit, section_unit
from workbench.dossier.validation import check
from workbench.store.dossiers import InvalidChange, Store

PAYLOADS = [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "{{ 7*7 }}",
    "{% for x in y %}",
    "Jansen & Zn \"q\" 'a' <b>",
    "**bold** [link](javascript:alert(1))",
    "../../etc/passwd",
    "\x00\x0b\x1f control",
    "\u202eRTL override",
    "مرحبا بالعالم",
    "🚀👩‍💻",
    "x" * 25_000,
    "",
    "   ",
]
hostile_text = st.one_of(st.sampled_from(PAYLOADS), st.text(max_size=300))
scalar = st.one_of(hostile_text, st.integers(), st.floats(allow_nan=True), st.booleans(), st.none())
any_value = st.recursive(
    scalar,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(hostile_text, inner, max_size=3),
    max_leaves=8,
)

partner = st.fixed_dictionaries(
    {"id": st.one_of(st.sampled_from(["a", "b", "c"]), hostile_text), "name": hostile_text},
    optional={
        "enterprise_number": st.one_of(
            hostile_text, st.sampled_from(["0207451227", "BE 0207.451.227", "0207451228"])
        ),
        "org_type": st.one_of(st.sampled_from(["vzw", "ocmw", "circus"]), scalar),
        "funded": scalar,
        "address": st.one_of(any_value, st.fixed_dictionaries({"postcode": hostile_text})),
        "unknown": any_value,
    },
)
raw_dossier = st.fixed_dictionaries(
    {
        "identity": st.one_of(
            any_value,
            st.fixed_dictionaries({"name": hostile_text, "call": st.sampled_from(["voortraject", "x"])}),
        )
    },
    optional={
        "partners": st.one_of(st.lists(partner, max_size=4), any_value),
        "roles": st.lists(
            st.fixed_dictionaries(
                {
                    "id": hostile_text,
                    "partner_id": st.sampled_from(["a", "b", "zz"]),
                    "role": st.sampled_from(["promotor", "trainer", "Evil<>"]),
                }
            ),
            max_size=3,
        ),
        "strategy": st.one_of(
            any_value,
            st.fixed_dictionaries({"doelgroep": st.fixed_dictionaries({"narrative": hostile_text})}),
        ),
        "extra": any_value,
    },
)


@settings(max_examples=300, deadline=None)
@given(raw_dossier)
def test_validation_answers_every_input_with_messages_not_exceptions(raw: dict[str, Any]) -> None:
    for problem in check(raw):
        for lang in ("nl", "en"):
            message = problem.message(lang)
            assert message and "Value error" not in message


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(raw_dossier)
def test_import_either_refuses_clearly_or_round_trips_exactly(tmp_path: Path, raw: dict[str, Any]) -> None:
    data = json.dumps(raw).encode()
    try:
        dossier = from_json(data)
    except ImportFailed as refused:
        assert refused.reason.startswith("import.")
        return
    store = Store(tmp_path / "fuzz.db")
    new_id = store.import_dossier(dossier, by="fuzz")
    assert to_json(store.load(new_id).dossier) == to_json(dossier)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(name=hostile_text, narrative=hostile_text, legal=any_value)
def test_hostile_edits_are_saved_intact_or_refused_with_problems(
    store: Store, dossier_id: int, name: str, narrative: str, legal: Any
) -> None:
    record = store.load(dossier_id)
    partner = {"id": "vzw", "name": name, "legal_form": legal}
    section = {"narrative": narrative, "target_groups": []}
    units = (item_unit("partner", "vzw"), section_unit("doelgroep"))
    changes = [
        Change(unit=u, data=d, base_version=record.version(u))
        for u, d in zip(units, (partner, section), strict=True)
    ]
    try:
        store.apply(dossier_id, changes, by="fuzz")
    except InvalidChange as refused:
        assert refused.problems and all(p.message("nl") for p in refused.problems)
        assert store.load(dossier_id).dossier == record.dossier  # nothing half-saved
        return
    saved = store.load(dossier_id).dossier
    # Saved exactly as typed, apart from the control characters XML cannot carry.
    assert saved.strategy.doelgroep.narrative == clean_text(narrative)
    assert saved.partner("vzw") is not None and saved.partner("vzw").name == clean_line(name)
