"""Hostile input: JSON that attacks the parser, control characters pasted from Word, negative numbers."""

from __future__ import annotations

import io
import json
from decimal import Decimal
from pathlib import Path
from typing import Any

import docx
import pytest
from click.testing import CliRunner
from docx.oxml.ns import qn
from streamlit.testing.v1 import AppTest

from tests.shown import as_seen
from workbench.cli.main import main
from workbench.collab.reviews import Anchor
from workbench.collab.workshop import Workshops
from workbench.documents import generate as documents
from workbench.dossier.fields import clean_line, clean_text
from workbench.dossier.model import Dossier, Identity
from workbench.dossier.portable import ImportFailed, from_json, parse
from workbench.dossier.units import Change, section_unit
from workbench.store.dossiers import Store
from workbench.ui.common import PAGES
from workbench.workspace import Workspace

ROOT = Path(__file__).resolve().parents[2]
SMALL = {"identity": {"name": "Digibank Test", "call": "voortraject"}}


def cli(*args: str, lang: str = "nl") -> tuple[int, str]:
    result = CliRunner().invoke(main, ["--lang", lang, *args])
    assert "Traceback" not in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    return result.exit_code, result.output


def refused_reason(data: bytes) -> str:
    with pytest.raises(ImportFailed) as caught:
        from_json(data)
    return caught.value.reason


def with_summary(value: Any) -> bytes:
    return json.dumps({"identity": {**SMALL["identity"], "summary": value}}).encode()


# ---------------------------------------------------------------- JSON that attacks the parser

HOSTILE_FILES: dict[str, tuple[bytes, str]] = {
    "100,000 nested arrays": (b"[" * 100_000 + b"]" * 100_000, "import.too_deep"),
    "100,000 nested objects": (
        b'{"identity":' + b'{"a":' * 100_000 + b"1" + b"}" * 100_001,
        "import.too_deep",
    ),
    "nested arrays where a text belongs": (
        b'{"identity": {"name": "x", "call": "voortraject", "summary": '
        + b"[" * 5_000
        + b"]" * 5_000
        + b"}}",
        "import.too_deep",
    ),
    "a 5,000-digit integer": (
        b'{"identity": {"name": "x", "call": "voortraject"}, "partners": ' + b"9" * 5_000 + b"}",
        "import.number_too_long",
    ),
    "a key given twice": (
        b'{"identity": {"name": "Echt", "call": "voortraject", "name": "Vervalst"}}',
        "import.duplicate_key",
    ),
    "a top-level list": (json.dumps([SMALL]).encode(), "import.not_a_dossier"),
    "invalid UTF-8": (b'{"identity": {"name": "x\xff", "call": "voortraject"}}', "import.not_utf8_at"),
}


@pytest.mark.parametrize("name", HOSTILE_FILES)
def test_hostile_json_is_refused_with_its_own_reason(name: str) -> None:
    data, reason = HOSTILE_FILES[name]
    assert refused_reason(data) == reason


@pytest.mark.parametrize("command", ["import", "validate"])
@pytest.mark.parametrize("name", HOSTILE_FILES)
def test_the_command_line_says_what_is_wrong_in_dutch_and_stores_nothing(
    command: str, name: str, tmp_path: Path, db_path: Path
) -> None:
    data, _ = HOSTILE_FILES[name]
    file = tmp_path / "hostile.json"
    file.write_bytes(data)
    extra = ["--db", str(db_path)] if command == "import" else []
    code, out = cli(command, str(file), *extra)
    assert code == 1
    assert out.startswith("Fout: ")
    assert len(out) < 400  # one clear line, not a dump of the file
    assert Store(db_path).list_dossiers() == []


def test_a_key_given_twice_is_named() -> None:
    with pytest.raises(ImportFailed) as caught:
        from_json(HOSTILE_FILES["a key given twice"][0])
    assert caught.value.params["name"] == "name"


def test_invalid_utf8_says_where() -> None:
    with pytest.raises(ImportFailed) as caught:
        from_json(HOSTILE_FILES["invalid UTF-8"][0])
    assert caught.value.params["position"] == 24


def test_nan_and_infinity_are_refused_naming_the_field() -> None:
    for constant in (b"NaN", b"Infinity", b"-Infinity", b"1e999"):
        data = (
            b'{"identity": {"name": "x", "call": "voortraject"}, "partners": [{"id": "p", "name": "P"}],'
            b' "roles": [{"id": "r", "partner_id": "p", "role": "promotor",'
            b' "budget": {"loonkosten": ' + constant + b"}}]}"
        )
        with pytest.raises(ImportFailed) as caught:
            from_json(data)
        assert [p.loc for p in caught.value.problems] == [("roles", 0, "budget", "loonkosten")], constant


def test_utf16_and_byte_order_marks_are_read() -> None:
    text = json.dumps(SMALL, ensure_ascii=False)
    for data in (
        text.encode("utf-16"),  # Windows Notepad's "Unicode"
        text.encode("utf-16-le"),
        "\ufeff".encode() + text.encode(),
        text.encode("utf-32"),
    ):
        assert from_json(data).identity.name == "Digibank Test"


def test_a_huge_unknown_key_does_not_flood_the_message(tmp_path: Path) -> None:
    raw = {"identity": {**SMALL["identity"], "k" * 1_000_000: 1}}
    file = tmp_path / "key.json"
    file.write_text(json.dumps(raw))
    code, out = cli("validate", str(file))
    assert code == 1
    assert len(out) < 400
    assert "kkkk" in out  # the key is still recognisable


def test_a_huge_text_is_refused_as_too_long() -> None:
    with pytest.raises(ImportFailed) as caught:
        from_json(json.dumps({"identity": {"name": "x" * 5_000_000, "call": "voortraject"}}).encode())
    assert [p.code for p in caught.value.problems] == ["error.string_too_long"]


def test_a_lone_surrogate_is_dropped_not_a_crash(db_path: Path) -> None:
    # JSON may spell one (\\ud800); SQLite cannot store it as UTF-8 and XML forbids it.
    data = b'{"identity": {"name": "x\\ud800y", "call": "voortraject", "summary": "a\\udfffb"}}'
    dossier = from_json(data)
    assert (dossier.identity.name, dossier.identity.summary) == ("xy", "ab")
    store = Store(db_path)
    new_id = store.import_dossier(dossier, by="ann")
    assert store.load(new_id).dossier.identity.summary == "ab"


def test_a_surrogate_in_a_key_gives_a_readable_message(tmp_path: Path) -> None:
    file = tmp_path / "key.json"
    file.write_bytes(b'{"identity": {"name": "x", "call": "voortraject", "\\ud800zz": 1}}')
    code, out = cli("validate", str(file))
    assert code == 1 and "zz" in out


# ---------------------------------------------------------------- the start page's import


def upload(app: AppTest, data: bytes) -> AppTest:
    app.run()
    app.file_uploader(key="start_import_file").set_value(("dossier.json", data, "application/json")).run()
    app.button(key="start_import_button").click().run()
    return app


@pytest.mark.parametrize("name", ["100,000 nested arrays", "a 5,000-digit integer", "a key given twice"])
def test_the_start_page_refuses_hostile_json_in_dutch(app: AppTest, db_path: Path, name: str) -> None:
    upload(app, HOSTILE_FILES[name][0])
    assert not app.exception
    assert app.error, "a message is shown"
    assert Store(db_path).list_dossiers() == []


def test_the_start_page_says_in_english_which_fields_it_cleaned(app: AppTest, db_path: Path) -> None:
    app.session_state["lang"] = "en"
    raw = {
        "identity": {"name": "Digibank\x07 Test", "call": "voortraject", "summary": "een\x0btwee\x01"},
        "partners": [{"id": "p", "name": "Stad\x1b Mortsel"}],
    }
    upload(app, json.dumps(raw).encode())
    assert not app.exception
    shown = " | ".join(str(e.value) for e in (*app.success, *app.info, *app.text, *app.warning))
    assert "3 fields were cleaned" in shown
    assert "Partnership > Name" in shown
    assert "Partnership > Short description" in shown
    assert "Partners > Stad Mortsel > Name" in shown
    stored = Store(db_path).load(Store(db_path).list_dossiers()[0].id).dossier
    assert stored.identity.summary == "een\ntwee"


# ---------------------------------------------------------------- control characters, one rule everywhere

BREAKS = ["\x0b", "\x0c", "\u2028", "\u2029", "\r\n", "\r", "\x85"]
DROPPED = [
    chr(c) for c in (*range(0x00, 0x09), *range(0x0E, 0x20), 0x7F, *range(0x80, 0x85), *range(0x86, 0xA0))
]
DROPPED += ["\ud800", "\udfff", "\ufffe", "\uffff"]


@pytest.mark.parametrize("brk", BREAKS, ids=repr)
def test_word_line_breaks_become_line_breaks(brk: str) -> None:
    assert clean_text(f"a{brk}b") == "a\nb"
    assert clean_line(f"a{brk}b") == "a b"


@pytest.mark.parametrize("char", DROPPED, ids=lambda c: f"U+{ord(c):04X}")
def test_other_control_characters_are_dropped(char: str) -> None:
    assert clean_text(f"a{char}b\tc\nd") == "ab\tc\nd"


def test_the_model_keeps_a_manual_line_break_as_a_line_break() -> None:
    identity = Identity(name="Digibank\x0bRupel", call="voortraject", summary="eerste\x0btweede")
    assert (identity.name, identity.summary) == ("Digibank Rupel", "eerste\ntweede")


def test_forms_save_a_manual_line_break_as_a_line_break(store: Store, dossier_id: int) -> None:
    change = Change(
        unit=section_unit("doelgroep"),
        data={"narrative": "regel een\x0bregel twee\u2028regel drie"},
        base_version=store.load(dossier_id).version(section_unit("doelgroep")),
    )
    store.apply(dossier_id, [change], by="ann")
    assert store.load(dossier_id).dossier.strategy.doelgroep.narrative == "regel een\nregel twee\nregel drie"


def test_workshop_ideas_and_comments_keep_a_manual_line_break(
    store: Store, db_path: Path, dossier_id: int
) -> None:
    workshops = Workshops(db_path)
    workshop = workshops.start(store, dossier_id, "doelgroep", by="Fien")
    joined = workshops.join(workshop.code, "Jan\x0bPeeters")
    idea = workshops.add_idea(joined.token, "meer\x0bpc's\x07")
    assert idea.text == "meer\npc's"
    assert joined.participant.name == "Jan Peeters"
    thread = Workspace.open_mode(db_path, "Ann").start_thread(
        dossier_id, Anchor(step="doelgroep"), "zie\x0bhier\x1b"
    )
    assert thread.entries[0].body == "zie\nhier"


def paragraph_with(data: bytes, first: str, second: str) -> Any:
    body = docx.Document(io.BytesIO(data)).element.body
    for paragraph in body.iter(qn("w:p")):
        texts = "".join(t.text or "" for t in paragraph.iter(qn("w:t")))
        if first in texts and second in texts:
            return paragraph
    raise AssertionError(f"no paragraph holds {first!r} and {second!r}")


def test_the_word_document_shows_the_manual_line_break(small_dossier: Dossier) -> None:
    dossier = small_dossier.model_copy(deep=True)
    dossier.strategy.doelgroep.narrative = clean_text("eersteregel\x0btweederegel")
    data = documents.strategy(dossier, "nl")
    paragraph = paragraph_with(data, "eersteregel", "tweederegel")
    runs = [child.tag for r in paragraph.iter(qn("w:r")) for child in r]
    assert qn("w:br") in runs
    assert "eersteregeltweederegel" not in documents_text(data)


def test_a_context_built_elsewhere_is_cleaned_the_same_way() -> None:
    assert documents.finalize("a\x0bb\x07") == "a\nb"


def documents_text(data: bytes) -> str:
    return "\n".join(p.text for p in docx.Document(io.BytesIO(data)).paragraphs)


# ---------------------------------------------------------------- numbers: refused in words, never clamped


def role_app(app: AppTest, store: Store, small_dossier: Dossier) -> tuple[AppTest, int]:
    dossier_id = store.import_dossier(small_dossier, by="ann")
    app.session_state["dossier_id"] = dossier_id
    app.session_state["open_role:new"] = True
    app.run()
    app.switch_page(PAGES["rollen"]).run()
    assert not app.exception
    return app, dossier_id


def test_a_negative_amount_in_a_new_role_is_refused_naming_the_field(
    app: AppTest, store: Store, small_dossier: Dossier
) -> None:
    app, dossier_id = role_app(app, store, small_dossier)
    before = store.load(dossier_id).dossier.roles
    app.number_input(key="edit_role:new_budget.loonkosten").set_value(-5).run()
    app.button(key="save_role:new").click().run()
    assert not app.exception
    errors = " | ".join(as_seen(e.value) for e in (*app.markdown, *app.text, *app.error))
    assert "Loonkosten: moet minstens 0 zijn" in errors
    assert app.number_input(key="edit_role:new_budget.loonkosten").value == -5  # kept for correcting
    assert store.load(dossier_id).dossier.roles == before


@pytest.mark.parametrize(
    ("page", "form", "field", "value", "message"),
    [
        ("doelgroep", "target_group:new", "estimated_number", -3, "moet minstens 0 zijn"),
        ("circulariteit", "device:new", "collected", -1, "moet minstens 0 zijn"),
        ("duurzaamheid", "financing:new", "amount", -100.0, "moet minstens 0 zijn"),
        ("impactmeting", "indicator:new", "baseline", -1.0, "moet minstens 0 zijn"),
        ("impactmeting", "indicator:new", "target", -2.5, "moet minstens 0 zijn"),
    ],
)
def test_no_number_widget_clamps_what_was_typed(
    app: AppTest,
    store: Store,
    small_dossier: Dossier,
    page: str,
    form: str,
    field: str,
    value: float,
    message: str,
) -> None:
    dossier_id = store.import_dossier(small_dossier, by="ann")
    app.session_state["dossier_id"] = dossier_id
    app.session_state[f"open_{form}"] = True
    app.run()
    app.switch_page(PAGES[page]).run()
    widget = app.number_input(key=f"edit_{form}_{field}")
    # A min or max becomes an HTML attribute: the browser refuses the value with its own
    # English tooltip, and the app silently keeps the old one.
    assert (widget.min, widget.max) == (None, None)
    widget.set_value(value).run()
    assert app.number_input(key=f"edit_{form}_{field}").value == value
    app.button(key=f"save_{form}").click().run()
    assert not app.exception
    assert message in " | ".join(str(e.value) for e in app.markdown)


def test_a_negative_amount_in_the_budget_table_is_refused_naming_the_role(
    app: AppTest, store: Store, small_dossier: Dossier
) -> None:
    from workbench.guide.budget import budget_changes_on
    from workbench.store.dossiers import InvalidChange

    dossier_id = store.import_dossier(small_dossier, by="ann")
    record = store.load(dossier_id)
    with pytest.raises(InvalidChange) as caught:
        budget_changes_on(record, {"r1": {"loonkosten": -5}})(record)
    assert [p.message("nl") for p in caught.value.problems] == [
        "Rollen en engagementen > Stad Voorbeeld (promotor) > Budget > Loonkosten: moet minstens 0 zijn"
    ]
    assert store.load(dossier_id).dossier.roles[0].budget.loonkosten == Decimal(0)


def test_workshop_dots_out_of_range_are_refused_in_dutch(
    app: AppTest, store: Store, small_dossier: Dossier
) -> None:
    dossier_id = store.import_dossier(small_dossier, by="ann")
    app.session_state["dossier_id"] = dossier_id
    app.run()
    app.switch_page(PAGES["workshop"]).run()
    assert (app.number_input(key="ws_dots").min, app.number_input(key="ws_dots").max) == (None, None)
    app.number_input(key="ws_dots").set_value(50)  # inside a form: sent with the submit
    app.button(key="FormSubmitter:ws_start-Workshop starten").click().run()
    assert not app.exception
    assert "Kies 1 tot 20 stippen per deelnemer." in [as_seen(str(e.value)) for e in app.error]
    assert Workshops(store.backend).of_dossier(dossier_id) == []


def test_parse_reports_the_cleaned_fields_by_their_names() -> None:
    raw = {
        "identity": {"name": "Digibank\x07 Test", "call": "voortraject", "summary": "a\r\nb"},
        "partners": [{"id": "p", "name": "Stad\x0bMortsel"}],
    }
    imported = parse(json.dumps(raw).encode())
    assert [p.where("nl") for p in imported.cleaned] == [
        "Partnerschap > Naam",
        "Partners > Stad Mortsel > Naam",
    ]
    assert imported.dossier.partners[0].name == "Stad Mortsel"


def test_a_date_outside_the_plausible_range_is_refused_naming_the_field(
    app: AppTest, store: Store, small_dossier: Dossier
) -> None:
    from datetime import date

    dossier_id = store.import_dossier(small_dossier, by="ann")
    app.session_state["dossier_id"] = dossier_id
    app.run()
    app.switch_page(PAGES["partnerschap"]).run()
    app.date_input(key="edit_identity_period.start").set_value(date(1990, 1, 1)).run()
    app.button(key="save_identity").click().run()
    assert not app.exception
    assert "Startdatum: moet tussen de jaren 2000 en 2100 liggen" in " ".join(
        as_seen(e.value) for e in app.error
    )
    assert store.load(dossier_id).dossier.identity.period.start is None
