"""`workbench graph ID -o OUT.html|OUT.png|OUT.svg`: the format follows the suffix."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from workbench.cli.main import main
from workbench.network.page import EXTERNAL_REFERENCE
from workbench.store.dossiers import Store


def run(*args: str, lang: str = "nl") -> tuple[int, str]:
    result = CliRunner().invoke(main, ["--lang", lang, *args])
    assert "Traceback" not in result.output
    return result.exit_code, result.output


@pytest.fixture
def demo_ids(db_path: Path) -> dict[str, int]:
    assert run("demo", "--db", str(db_path))[0] == 0
    return {s.name: s.id for s in Store(db_path).list_dossiers()}


def test_graph_has_help():
    code, out = run("graph", "--help")
    assert code == 0 and "OUTPUT" in out and "--db" in out


def test_html_needs_no_external_resource(db_path: Path, demo_ids: dict[str, int], tmp_path: Path):
    for name, dossier_id in demo_ids.items():
        out = tmp_path / f"{dossier_id}.html"
        code, said = run("graph", str(dossier_id), "-o", str(out), "--access-points", "--db", str(db_path))
        assert code == 0, said
        page = out.read_text(encoding="utf-8")
        assert not EXTERNAL_REFERENCE.search(page)
        assert "vis.Network" in page and name.split()[-1] in page
        assert said.startswith(f"Netwerk van dossier {dossier_id} geschreven naar {out}")


def test_png_and_svg_carry_a_legend(db_path: Path, demo_ids: dict[str, int], tmp_path: Path):
    dossier_id = demo_ids["Digibank ZORA Werkt"]
    assert run("graph", str(dossier_id), "-o", str(tmp_path / "n.PNG"), "--db", str(db_path))[0] == 0
    assert (tmp_path / "n.PNG").read_bytes().startswith(b"\x89PNG")
    code, _ = run("graph", str(dossier_id), "-o", str(tmp_path / "n.svg"), "--db", str(db_path), lang="en")
    svg = (tmp_path / "n.svg").read_text(encoding="utf-8")
    assert code == 0 and ">Legend<" in svg and ">Line: flow<" in svg and "Stad Mortsel" in svg
    assert not EXTERNAL_REFERENCE.search(svg)


def test_findings_are_printed_on_request(db_path: Path, demo_ids: dict[str, int], tmp_path: Path):
    code, out = run(
        "graph",
        str(demo_ids["DIGbij"]),
        "-o",
        str(tmp_path / "d.svg"),
        "--findings",
        "--db",
        str(db_path),
        lang="en",
    )
    assert code == 0
    assert "Problem: No partner holds the role Trainer / pedagogical partner." in out
    assert "Point of attention: Borgloon is part of the area but has no digipunt." in out


def test_an_unknown_format_is_refused_in_one_line(db_path: Path, demo_ids: dict[str, int], tmp_path: Path):
    code, out = run("graph", "1", "-o", str(tmp_path / "n.pdf"), "--db", str(db_path))
    assert code == 1
    assert out.strip() == "Fout: Onbekend formaat .pdf: kies .html, .png, .svg."
    assert not (tmp_path / "n.pdf").exists()


def test_an_unknown_dossier_is_refused(db_path: Path, tmp_path: Path):
    code, out = run("graph", "99", "-o", str(tmp_path / "n.html"), "--db", str(db_path), lang="en")
    assert code == 1 and "99" in out and len(out.strip().splitlines()) == 1
