"""`workbench user|member|invite`: passwords only from a prompt or stdin, errors as one line."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from click.testing import CliRunner

from workbench.access.accounts import Accounts
from workbench.cli.main import main

PASSWORD = "Een-Lang-Genoeg-Wachtwoord"
ROOT = Path(__file__).resolve().parents[2]


def run(*args: str, stdin: str | None = None, lang: str = "en") -> tuple[int, str]:
    result = CliRunner().invoke(main, ["--lang", lang, *args], input=stdin)
    assert "Traceback" not in result.output
    return result.exit_code, result.output


def test_user_add_reads_the_password_from_stdin(db_path: Path) -> None:
    code, out = run(
        "user",
        "add",
        "Admin@Stad.be",
        "--admin",
        "--name",
        "Ann",
        "--db",
        str(db_path),
        stdin=PASSWORD + "\n",
    )
    assert code == 0, out
    assert out.strip() == "Administrator created: admin@stad.be"
    assert PASSWORD not in out
    session = Accounts(db_path).login("admin@stad.be", PASSWORD)
    assert session.user.is_admin and session.user.display_name == "Ann"
    code, out = run("user", "list", "--db", str(db_path))
    assert out.strip() == f"{session.user.id}\tadmin@stad.be\tAnn\tadmin"


def test_password_is_never_an_argument(db_path: Path) -> None:
    code, out = run("user", "add", "admin@stad.be", PASSWORD, "--db", str(db_path), stdin="")
    assert code == 2 and "Got unexpected extra argument" in out
    code, out = run("user", "add", "admin@stad.be", "--password", PASSWORD, "--db", str(db_path), stdin="")
    assert code == 2 and "No such option" in out
    assert not Accounts(db_path).any_users()


def test_refusals_are_one_translated_line(db_path: Path) -> None:
    code, out = run("user", "add", "a@stad.be", "--db", str(db_path), stdin="kort\n", lang="nl")
    assert (code, out.strip()) == (1, "Fout: Het wachtwoord moet minstens 10 tekens lang zijn.")
    code, out = run("user", "add", "a@stad.be", "--db", str(db_path), stdin="")
    assert (code, out.strip()) == (1, "Error: No password received on stdin.")
    run("user", "add", "a@stad.be", "--db", str(db_path), stdin=PASSWORD)
    code, out = run("user", "add", "A@stad.be", "--db", str(db_path), stdin=PASSWORD)
    assert (code, out.strip()) == (1, "Error: An account for a@stad.be already exists.")
    code, out = run("member", "add", "99", "a@stad.be", "--role", "coach", "--db", str(db_path))
    assert (code, out.strip()) == (1, "Error: There is no dossier with id 99.")


def test_user_add_through_a_real_pipe(tmp_path: Path) -> None:
    db = tmp_path / "pipe.db"
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "workbench.cli",
            "--lang",
            "en",
            "user",
            "add",
            "root@stad.be",
            "--admin",
            "--db",
            str(db),
        ],
        input=PASSWORD + "\n",
        capture_output=True,
        text=True,
        env=env,
        cwd=tmp_path,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    assert PASSWORD not in done.stdout + done.stderr
    assert Accounts(db).login("root@stad.be", PASSWORD).user.is_admin


def test_member_and_invite(db_path: Path, dossier_id: int) -> None:
    run("user", "add", "coach@vlaanderen.be", "--no-password", "--db", str(db_path))
    code, out = run(
        "member", "add", str(dossier_id), "coach@vlaanderen.be", "--role", "coach", "--db", str(db_path)
    )
    assert code == 0 and out.strip() == f"coach@vlaanderen.be is now Coach in dossier {dossier_id}"
    assert (
        run("member", "list", str(dossier_id), "--db", str(db_path))[1].strip()
        == "coach@vlaanderen.be\tcoach"
    )
    code, out = run(
        "invite", str(dossier_id), "--role", "viewer", "--url", "http://10.0.0.5:8501/", "--db", str(db_path)
    )
    lines = out.strip().splitlines()
    assert code == 0 and lines[1].startswith("http://10.0.0.5:8501/?invite=")
    accounts = Accounts(db_path)
    assert accounts.check_invitation(lines[2]).dossier_id == dossier_id
    assert accounts.check_invitation(lines[1].split("=", 1)[1]).role == "viewer"


def test_user_password_resets(db_path: Path) -> None:
    run("user", "add", "a@stad.be", "--db", str(db_path), stdin=PASSWORD)
    code, _ = run("user", "password", "a@stad.be", "--db", str(db_path), stdin="Nog-Een-Wachtwoord\n")
    assert code == 0
    assert Accounts(db_path).login("a@stad.be", "Nog-Een-Wachtwoord")
