"""The command line: every command, its help, and its errors as one clear line."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from workbench.cli.main import main
from workbench.demo import demo_dossiers
from workbench.dossier.portable import schema_text
from workbench.store.dossiers import Store


def run(*args: str, lang: str = "en") -> tuple[int, str]:
    result = CliRunner().invoke(main, ["--lang", lang, *args])
    assert "Traceback" not in result.output
    return result.exit_code, result.output


@pytest.mark.parametrize("command", ["demo", "list", "export", "import", "validate", "schemas"])
def test_every_command_has_help(command: str) -> None:
    code, out = run(command, "--help")
    assert code == 0 and "Usage:" in out


def test_demo_then_list_prints_id_tab_name(db_path: Path) -> None:
    code, _ = run("demo", "--db", str(db_path))
    assert code == 0
    code, out = run("list", "--db", str(db_path))
    names = {d.identity.name for d in demo_dossiers()}
    lines = out.splitlines()
    assert code == 0 and len(lines) == len(names)
    assert {line.split("\t")[1] for line in lines} == names
    assert all(line.split("\t")[0].isdigit() for line in lines)


def test_export_import_export_is_identical(db_path: Path, tmp_path: Path) -> None:
    run("demo", "--db", str(db_path))
    for summary in Store(db_path).list_dossiers():
        first, second = tmp_path / f"{summary.id}-a.json", tmp_path / f"{summary.id}-b.json"
        assert run("export", str(summary.id), "-o", str(first), "--db", str(db_path))[0] == 0
        assert run("validate", str(first))[0] == 0
        code, out = run("import", str(first), "--db", str(db_path))
        new_id = out.split()[-1]
        assert code == 0 and int(new_id) != summary.id
        assert run("export", new_id, "-o", str(second), "--db", str(db_path))[0] == 0
        assert first.read_bytes() == second.read_bytes()


def test_validate_reports_each_problem_and_exits_one(tmp_path: Path) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text(
        json.dumps(
            {
                "identity": {"name": "X", "call": "voortraject"},
                "partners": [
                    {"id": "a", "name": "Stad A", "enterprise_number": "123"},
                    {"id": "b", "name": "", "org_type": "circus"},
                ],
            }
        )
    )
    code, out = run("validate", str(bad), lang="nl")
    assert code == 1
    assert "Partners > Stad A > Ondernemingsnummer" in out
    assert "Partners > 2 > Naam: mag niet leeg zijn" in out
    assert "Partners > 2 > Type organisatie: moet een van deze waarden zijn" in out


def test_validate_reports_rule_problems(tmp_path: Path) -> None:
    file = tmp_path / "two-promotors.json"
    file.write_text(
        json.dumps(
            {
                "identity": {"name": "X", "call": "voortraject"},
                "partners": [{"id": "a", "name": "A"}, {"id": "b", "name": "B"}],
                "roles": [
                    {"id": "1", "partner_id": "a", "role": "promotor"},
                    {"id": "2", "partner_id": "b", "role": "promotor"},
                ],
            }
        )
    )
    code, out = run("validate", str(file))
    assert code == 1 and "There are 2 promotors (A, B)" in out


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (None, "File not found"),
        (b"{not json", "not valid JSON (line 1, column 2)"),
        (b"[1, 2, 3]", "not a Digibank Werkbank dossier"),
        (b'{"hello": "world"}', "not a Digibank Werkbank dossier"),
        (b"\xff\xfe\x00", "not UTF-8"),
    ],
)
def test_bad_files_give_one_clear_line(
    tmp_path: Path, db_path: Path, content: bytes | None, expected: str
) -> None:
    file = tmp_path / "input.json"
    if content is not None:
        file.write_bytes(content)
    for command in (["validate", str(file)], ["import", str(file), "--db", str(db_path)]):
        code, out = run(*command)
        assert code == 1
        assert expected in out and out.startswith("Error: ") and len(out.strip().splitlines()) == 1


def test_unknown_dossier_id_is_a_clear_error(db_path: Path, tmp_path: Path) -> None:
    code, out = run("export", "42", "-o", str(tmp_path / "x.json"), "--db", str(db_path), lang="nl")
    assert code == 1 and out.strip() == "Fout: Er is geen dossier met id 42."


def test_export_to_unwritable_place_is_a_clear_error(db_path: Path, tmp_path: Path) -> None:
    run("demo", "--db", str(db_path))
    code, out = run("export", "1", "-o", str(tmp_path / "missing" / "x.json"), "--db", str(db_path))
    assert code == 1 and "Cannot write to" in out


def test_database_that_is_not_sqlite_is_a_clear_error(tmp_path: Path) -> None:
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"this is not a database" * 100)
    code, out = run("list", "--db", str(junk))
    assert code == 1 and "cannot be opened" in out


def test_schemas_check_passes_on_the_committed_schema() -> None:
    root = Path(__file__).resolve().parents[2]
    assert (root / "schemas" / "dossier.schema.json").read_text(encoding="utf-8") == schema_text()


def test_schemas_check_fails_when_stale(tmp_path: Path) -> None:
    (tmp_path / "dossier.schema.json").write_text("{}")
    assert run("schemas", "--check", "--dir", str(tmp_path))[0] == 1
    assert run("schemas", "--dir", str(tmp_path))[0] == 0
    assert run("schemas", "--check", "--dir", str(tmp_path))[0] == 0


def test_installed_console_script_prints_no_traceback(tmp_path: Path) -> None:
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "workbench.cli",
            "--lang",
            "en",
            "import",
            str(tmp_path / "nope.json"),
            "--db",
            str(tmp_path / "x.db"),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 1
    assert result.stderr.strip() == f"Error: File not found: {tmp_path / 'nope.json'}"


def test_import_of_a_file_over_the_size_limit_is_refused_before_reading(
    tmp_path: Path, db_path: Path
) -> None:
    from workbench.dossier.portable import MAX_IMPORT_BYTES

    huge = tmp_path / "huge.json"
    with huge.open("wb") as out:
        out.truncate(MAX_IMPORT_BYTES + 1)
    code, out_text = run("import", str(huge), "--db", str(db_path))
    assert code == 1 and "larger than 10 MB" in out_text
    assert Store(db_path).list_dossiers() == []


def test_download_names_never_carry_user_text() -> None:
    # Download file names are built from ids, kinds and codes only: no path traversal via names.
    root = Path(__file__).resolve().parents[2] / "workbench" / "ui"
    names = [
        line for path in root.rglob("*.py") for line in path.read_text().splitlines() if "file_name=" in line
    ]
    assert len(names) >= 5
    user_text = ("identity.name", "partner.name", ".title", ".label", "actor(")
    assert [line for line in names if any(token in line for token in user_text)] == []
