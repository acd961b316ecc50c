"""The .docx templates are generated from readable sources: they must be current."""

from __future__ import annotations

import importlib.util
import io
import sys
import zipfile
from functools import cache
from pathlib import Path
from types import ModuleType

import docx
import pytest

ROOT = Path(__file__).resolve().parent.parent


@cache
def build_module() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "build_templates", ROOT / "agreement_templates" / "build_templates.py"
    )
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while the class is built
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def built() -> dict[str, bytes]:
    return build_module().build_all()


def parts(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def test_committed_templates_equal_a_fresh_build(built: dict[str, bytes]) -> None:
    for name, data in built.items():
        committed = parts((ROOT / "agreement_templates" / name).read_bytes())
        fresh = parts(data)
        assert committed.keys() == fresh.keys(), name
        for part in ("word/document.xml", "word/styles.xml", "word/numbering.xml", "word/settings.xml"):
            assert committed[part] == fresh[part], f"{name}: {part} is stale, run build_templates.py"
        assert committed == fresh, f"{name} is stale: run python agreement_templates/build_templates.py"


def test_a_build_is_deterministic(built: dict[str, bytes]) -> None:
    assert build_module().build_all() == built


def test_templates_use_real_word_styles(built: dict[str, bytes]) -> None:
    document = docx.Document(io.BytesIO(built["agreement_nl.docx"]))
    used = {p.style.name for p in document.paragraphs}
    assert {"Title", "Heading 1", "Heading 2", "Annex Heading", "List Bullet", "toc 1"} <= used
    assert all(table.style.name == "Table Grid" for table in document.tables)
    header = document.sections[0].header.paragraphs[0].text
    assert "{{ dossier_name }}" in header
    footer_xml = document.sections[0].footer._element.xml
    assert "PAGE" in footer_xml and "NUMPAGES" in footer_xml
    assert 'TOC \\o "1-1"' in document.element.xml


def test_articles_are_numbered_by_word(built: dict[str, bytes]) -> None:
    numbering = parts(built["agreement_nl.docx"])["word/numbering.xml"].decode()
    assert 'w:val="Artikel %1 –"' in numbering
    assert 'w:val="Bijlage %1 –"' in numbering
    assert 'w:val="Article %1 –"' in parts(built["agreement_en.docx"])["word/numbering.xml"].decode()


def test_a_table_with_the_wrong_number_of_widths_is_refused() -> None:
    with pytest.raises(ValueError, match="widths"):
        build_module().build("[widths] 50 40\n| a | b |\n| c | d |\n")
