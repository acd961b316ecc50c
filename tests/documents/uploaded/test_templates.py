"""Templates uploaded by a coach: sandboxed, time-limited, strict about unknown variables."""

from __future__ import annotations

import io
import time
import zipfile

import docx
import pytest

from tests.document_samples import hostile_dossier, rich_dossier
from tests.documents.test_generate import document_text
from workbench.documents import generate as documents
from workbench.documents.uploaded.templates import (
    TemplateForbidden,
    TemplateProblem,
    TemplateRejected,
    TemplateSyntaxProblem,
    TemplateTimeout,
    UnknownVariables,
    check_upload,
    render_custom,
    variable_paths,
)


def template_with(*paragraphs: str, header: str = "") -> bytes:
    document = docx.Document()
    for text in paragraphs:
        document.add_paragraph(text)
    if header:
        document.sections[0].header.paragraphs[0].text = header
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


@pytest.fixture(scope="module")
def ctx() -> dict[str, object]:
    return documents.context(rich_dossier(), "nl")


def test_a_custom_template_renders_the_dossier(ctx: dict[str, object]) -> None:
    template = template_with(
        "Overeenkomst {{ dossier_name }}",
        "{% for p in parties %}{{ p.name }}; {% endfor %}",
        header="{{ dossier_name }}",
    )
    text = document_text(render_custom(template, ctx))
    assert "Overeenkomst Digibank ZORA Werkt" in text
    assert "Stad Mortsel; Gemeente Boechout;" in text


def test_our_own_templates_render_the_same_in_the_sandbox(ctx: dict[str, object]) -> None:
    template = documents.template_bytes("agreement", "nl")
    sandboxed = render_custom(template, ctx, timeout=60)
    direct = documents.render(template, ctx, lang="nl")
    assert documents.clauses(sandboxed) == documents.clauses(direct)


def test_hostile_strings_come_out_exactly_in_a_custom_template() -> None:
    dossier, _ = hostile_dossier(long_text=500)
    context = documents.context(dossier, "nl")
    template = template_with("{{ dossier_name }}", "{% for p in parties %}{{ p.name }}|{% endfor %}")
    text = document_text(render_custom(template, context))
    assert dossier.identity.name in text
    assert all(p.name in text for p in dossier.partners)


def test_an_unknown_variable_is_reported_with_a_hint(ctx: dict[str, object]) -> None:
    with pytest.raises(UnknownVariables) as caught:
        render_custom(template_with("{{ dossier_naam }} {{ totaal_budget }}"), ctx)
    assert caught.value.names == ("dossier_naam", "totaal_budget")
    assert "dossier_naam (bedoelde u dossier_name?)" in caught.value.message


def test_an_unknown_attribute_is_reported_not_left_blank(ctx: dict[str, object]) -> None:
    with pytest.raises(UnknownVariables) as caught:
        render_custom(template_with("{% for p in parties %}{{ p.naam }}{% endfor %}"), ctx, lang="en")
    assert caught.value.names == ("naam",)
    assert "parties[].name" in caught.value.message


def test_variable_paths_list_what_a_template_can_use(ctx: dict[str, object]) -> None:
    paths = variable_paths(ctx)
    assert {"dossier_name", "parties[].name", "budget.totals.total", "sections.doelgroep.narrative"} <= set(
        paths
    )


def test_a_syntax_error_is_reported(ctx: dict[str, object]) -> None:
    with pytest.raises(TemplateSyntaxProblem):
        render_custom(template_with("{% if %}"), ctx)


# ---------------------------------------------------------------- hostile templates


@pytest.mark.parametrize(
    "payload",
    [
        "{{ ''.__class__.__mro__ }}",
        "{{ ''.__class__.__mro__[1].__subclasses__() }}",
        "{{ lipsum.__globals__ }}",
        "{{ cycler.__init__.__globals__.os.popen('id').read() }}",
        "{{ dossier_name.__class__.__base__ }}",
        "{{ parties.__class__ }}",
        "{{ ''.format.__self__ }}",
    ],
)
def test_a_template_cannot_reach_python_internals(ctx: dict[str, object], payload: str) -> None:
    with pytest.raises(TemplateForbidden):
        render_custom(template_with(payload), ctx)


@pytest.mark.parametrize(
    "payload",
    [
        "{% include '/etc/passwd' %}",
        "{% import '/etc/passwd' as p %}{{ p }}",
        "{% extends '/etc/passwd' %}",
        "{% from 'os' import system %}{{ system('id') }}",
        "{{ __import__('os').system('id') }}",
        "{{ open('/etc/passwd').read() }}",
        "{{ self._TemplateReference__context }}",
    ],
)
def test_a_template_cannot_read_files_or_import_modules(ctx: dict[str, object], payload: str) -> None:
    with pytest.raises(TemplateProblem) as caught:
        render_custom(template_with(payload), ctx)
    assert "root:" not in caught.value.message


def test_an_external_entity_in_the_docx_is_not_resolved(ctx: dict[str, object]) -> None:
    template = template_with("XXE")
    source = zipfile.ZipFile(io.BytesIO(template))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as target:
        for name in source.namelist():
            data = source.read(name)
            if name == "word/document.xml":
                text = data.decode()
                head, body = text.split("?>", 1)
                doctype = '<!DOCTYPE w:document [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'
                data = (head + "?>" + doctype + body.replace(">XXE<", ">&xxe;<")).encode()
            target.writestr(name, data)
    try:
        result = render_custom(out.getvalue(), ctx)
    except TemplateProblem as problem:
        assert "root:" not in problem.message
    else:
        assert "root:" not in document_text(result)


def test_a_huge_range_is_refused(ctx: dict[str, object]) -> None:
    with pytest.raises(TemplateProblem):
        render_custom(template_with("{% for i in range(10**12) %}x{% endfor %}"), ctx)


def test_a_template_that_runs_forever_is_stopped(ctx: dict[str, object]) -> None:
    loop = "{% for i in range(100000) %}{% for j in range(100000) %}{% endfor %}{% endfor %}"
    started = time.monotonic()
    with pytest.raises(TemplateTimeout):
        render_custom(template_with(loop), ctx, timeout=2)
    assert time.monotonic() - started < 8


def test_a_template_that_eats_memory_is_stopped(ctx: dict[str, object]) -> None:
    with pytest.raises(TemplateProblem):
        render_custom(template_with("{{ 'x' * 10**10 }}"), ctx, timeout=20)


def test_uploads_that_are_too_large_or_no_docx_are_refused() -> None:
    with pytest.raises(TemplateRejected):
        check_upload(b"x" * (5 * 1024 * 1024 + 1))
    with pytest.raises(TemplateRejected):
        check_upload(b"plain text, no zip")
    bomb = io.BytesIO()
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("word/document.xml", "<a/>")
        archive.writestr("filler.bin", b"\0" * (70 * 1024 * 1024))
    with pytest.raises(TemplateRejected):
        check_upload(bomb.getvalue())
