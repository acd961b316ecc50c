"""Uploaded templates are hostile: they see plain data, call only an allow-list, and run confined.

The attacks of the first sections worked on main before issue 11 part 2 closed them: the
network picture's live DocxTemplate copied, truncated and renamed files, and any public method
was callable. The confinement tests run snippets in the real render child (tests/security/
confined.py): each layer is shown to hold on its own on this machine, and all of them together.
"""

from __future__ import annotations

import io
import os
import socket
import subprocess
import sys
import threading
import time
import zipfile
from collections.abc import Callable, Iterator
from pathlib import Path

import docx
import pytest
from click.testing import CliRunner
from docxtpl import DocxTemplate, InlineImage
from markupsafe import Markup

from tests.document_samples import rich_dossier
from tests.documents.test_generate import document_text
from tests.security.confined import run_confined
from workbench.cli.main import main
from workbench.documents import generate as documents
from workbench.documents.uploaded.confinement import LAYERS, landlock_abi
from workbench.documents.uploaded.sandbox import UnsafeContext, ensure_plain
from workbench.documents.uploaded.templates import (
    RenderSlots,
    TemplateBusy,
    TemplateForbidden,
    TemplateProblem,
    TemplateTimeout,
    TemplateUnconfined,
    child_command,
    read_answer,
    render_custom,
)
from workbench.store import sqlite_pool
from workbench.store.dossiers import Store

SECRET = "GEHEIM-4f1c-niet-voor-sjablonen"
FOREVER = "{% for i in range(100000) %}{% for j in range(100000) %}{% endfor %}{% endfor %}"


def template_with(*paragraphs: str, header: str = "") -> bytes:
    document = docx.Document()
    for text in paragraphs:
        document.add_paragraph(text)
    if header:
        document.sections[0].header.paragraphs[0].text = header
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def every_member(data: bytes) -> bytes:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return b"".join(archive.read(name) for name in archive.namelist())


@pytest.fixture
def secret_file(tmp_path: Path) -> Path:
    path = tmp_path / "secret.txt"
    path.write_text(SECRET, encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def ctx() -> dict[str, object]:
    return documents.context(rich_dossier(), "nl")


@pytest.fixture(scope="module")
def png() -> bytes:
    return documents.network_picture(rich_dossier(), "nl")


def generate_with(template: bytes) -> bytes | TemplateProblem:
    """Generate as the Documenten page does: custom template, with the network picture."""
    try:
        return documents.generate(rich_dossier(), "nl", "agreement", template=template, picture=True)
    except TemplateProblem as problem:
        return problem


# ---------------------------------------------------------------- the live docxtpl object (old attacks)


def test_the_network_picture_cannot_copy_a_file_into_the_document(secret_file: Path) -> None:
    hostile = template_with(
        f"{{{{ network_picture.tpl.replace_zipname('docProps/thumbnail.jpeg', '{secret_file}') }}}}"
    )
    result = generate_with(hostile)
    assert isinstance(result, TemplateProblem) or SECRET.encode() not in every_member(result)


def test_the_network_picture_cannot_copy_the_database_into_the_document(db_path: Path) -> None:
    Store(db_path).import_dossier(rich_dossier(), by="ann")
    hostile = template_with(
        f"{{{{ network_picture.tpl.replace_zipname('docProps/thumbnail.jpeg', '{db_path}') }}}}"
    )
    result = generate_with(hostile)
    assert isinstance(result, TemplateProblem) or b"SQLite format 3" not in every_member(result)


def test_the_network_picture_cannot_truncate_a_file(secret_file: Path) -> None:
    generate_with(template_with(f"{{{{ network_picture.tpl.write_xml('{secret_file}') }}}}"))
    assert secret_file.read_text(encoding="utf-8") == SECRET


def test_the_network_picture_cannot_rename_a_file(secret_file: Path) -> None:
    hostile = template_with(
        f"{{{{ network_picture.tpl.replace_zipname('word/document.xml', '{secret_file}') }}}}"
        f"{{{{ network_picture.tpl.post_processing('{secret_file}') }}}}"
    )
    generate_with(hostile)
    assert secret_file.read_text(encoding="utf-8") == SECRET
    assert sorted(p.name for p in secret_file.parent.iterdir()) == ["secret.txt"]


def test_the_network_picture_is_no_object_in_the_template() -> None:
    result = generate_with(template_with("{{ network_picture.tpl }}|{{ network_picture.tpl.docx }}"))
    assert isinstance(result, TemplateProblem)
    assert "DocxTemplate" not in result.message


def test_the_command_line_applies_the_same_sandbox(db_path: Path, tmp_path: Path, secret_file: Path) -> None:
    dossier_id = Store(db_path).import_dossier(rich_dossier(), by="ann")
    hostile = tmp_path / "hostile.docx"
    hostile.write_bytes(
        template_with(
            f"{{{{ network_picture.tpl.replace_zipname('docProps/thumbnail.jpeg', '{secret_file}') }}}}"
        )
    )
    out = tmp_path / "out.docx"
    result = CliRunner().invoke(
        main,
        ["agreement", str(dossier_id), "-o", str(out), "--template", str(hostile), "--db", str(db_path)],
    )
    assert "Traceback" not in result.output
    assert not out.exists() or SECRET.encode() not in every_member(out.read_bytes())
    assert result.exit_code != 0


# ---------------------------------------------------------------- plain data only, pictures placed by us


def test_the_full_context_of_both_documents_is_plain_data() -> None:
    for lang in ("nl", "en"):
        ensure_plain(documents.context(rich_dossier(), lang))


@pytest.mark.parametrize(
    "value",
    [
        pytest.param(
            lambda: InlineImage(DocxTemplate(io.BytesIO(template_with("x"))), io.BytesIO()), id="image"
        ),
        pytest.param(lambda: print, id="function"),
        pytest.param(lambda: b"bytes", id="bytes"),
        pytest.param(lambda: {1, 2}, id="set"),
        pytest.param(lambda: Markup("<b>unescaped</b>"), id="markup"),
        pytest.param(lambda: object(), id="object"),
        pytest.param(lambda: [{"deep": [object()]}], id="nested"),
        pytest.param(lambda: {1: "int key"}, id="key"),
    ],
)
def test_a_context_with_anything_but_plain_data_is_refused_before_the_child(
    ctx: dict[str, object], value: Callable[[], object]
) -> None:
    slots = RenderSlots(1, wait=0)
    with pytest.raises(UnsafeContext):
        render_custom(template_with("{{ dossier_name }}"), {**ctx, "extra": value()}, slots=slots)
    assert slots.in_use == 0 and slots.running == 0


def test_the_network_picture_is_placed_by_trusted_code(ctx: dict[str, object], png: bytes) -> None:
    template = template_with(
        "Netwerk van {{ dossier_name }}: {{ network_picture }} (figuur 1)",
        "{% for p in parties[:1] %}{{ p.name }}{% endfor %}",
        header="{{ dossier_name }}",
    )
    result = render_custom(template, ctx, images={"network_picture": png})
    document = docx.Document(io.BytesIO(result))
    assert len(document.inline_shapes) == 1
    [image] = [p for p in document.part.package.iter_parts() if p.partname.startswith("/word/media/")]
    assert image.blob == png
    text = document_text(result)
    assert "Netwerk van Digibank ZORA Werkt:  (figuur 1)" in text
    assert "Stad Mortsel" in text and "[[picture:" not in text


def test_a_marker_typed_in_the_dossier_is_no_picture(ctx: dict[str, object], png: bytes) -> None:
    forged = {**ctx, "dossier_name": "[[picture:000000000000000000000000]]"}
    result = render_custom(
        template_with("{{ dossier_name }} {{ network_picture }}"), forged, images={"n": png}
    )
    assert len(docx.Document(io.BytesIO(result)).inline_shapes) == 0
    assert "[[picture:000000000000000000000000]]" in document_text(result)


@pytest.mark.parametrize(("kind", "lang"), [("agreement", "nl"), ("strategy", "en")])
def test_a_big_realistic_template_renders_in_the_confined_child(kind: str, lang: str, png: bytes) -> None:
    """Our own templates use every feature: preloading must cover all of it (no lazy import fails)."""
    dossier = rich_dossier()
    context = documents.context(dossier, lang)
    template = documents.template_bytes(kind, lang)  # type: ignore[arg-type]
    sandboxed = render_custom(template, context, lang=lang, images={"network_picture": png}, timeout=120)
    direct = documents.render(template, context, lang=lang, images={"network_picture": png})
    assert documents.clauses(sandboxed) == documents.clauses(direct)
    assert len(docx.Document(io.BytesIO(sandboxed)).inline_shapes) == 1


# ---------------------------------------------------------------- only allow-listed callables


@pytest.mark.parametrize(
    "payload",
    [
        "{{ parties.pop() }}",
        "{{ parties.clear() }}",
        "{{ (parties|attr('append'))(1) }}",
        "{{ sections.update({}) }}",
        "{{ cycler('a', 'b').next() }}",
        "{{ joiner(',')() }}",
        "{{ lipsum(1) }}",
        "{{ dossier_name.encode('utf-8') }}",
        "{{ dossier_name.format_map({}) }}",
        "{{ '{}'.format(dossier_name) }}",
        "{{ '{0.__class__}'.format(dossier_name) }}",
        "{{ dossier_name.ljust(10) }}",
        "{% block b %}x{% endblock %}{{ self.b() }}",
        "{{ self.__init__ }}",
        "{{ namespace(a=1).__class__ }}",
        "{{ namespace.__init__.__globals__ }}",
        "{{ cycler.__init__.__globals__ }}",
        "{{ joiner.__init__.__globals__ }}",
        "{{ lipsum.__globals__['os'] }}",
        "{{ dossier_name|attr('__class__') }}",
        "{{ (parties|attr('__class__')).__subclasses__() }}",
        "{{ range.__self__ }}",
        "{{ dict.fromkeys('ab') }}",
        "{{ range(10**9)|list }}",
        "{{ 'x' * 10**10 }}",
        "{{ [1] * 10**9 }}",
        "{{ 2 ** 1000000 }}",
    ],
)
def test_a_template_may_call_only_the_allow_list(ctx: dict[str, object], payload: str) -> None:
    with pytest.raises(TemplateForbidden):
        render_custom(template_with(payload), ctx)


def test_the_allow_list_covers_what_templates_need(ctx: dict[str, object]) -> None:
    lines = {
        "{{ dossier_name.upper() }}": "DIGIBANK ZORA WERKT",
        "{{ ', '.join(['a', 'b']) }}|{{ 'a-b'.split('-')|join('+') }}": "a, b|a+b",
        "{% for k, v in {'b': 1}.items() %}{{ k }}{{ v }}{% endfor %}{{ {'a': 2}.get('a') }}": "b12",
        "{% for i in range(3) %}{{ loop.cycle('x', 'y') }}{% endfor %}": "xyx",
        "{% set ns = namespace(n=0) %}{% for p in parties %}{% set ns.n = ns.n + 1 %}{% endfor %}"
        "{{ ns.n }}": "5",
        "{% macro box(x) %}[{{ x }}{{ caller() }}]{% endmacro %}{% call box('a') %}b{% endcall %}": "[ab]",
        "{{ dict(a=1).a }} {{ dossier_name.startswith('Digi') }} {{ ' x '.strip().title() }}": "1 True X",
        "{{ '%s-%d'|format('K', 3) }} {{ parties|map(attribute='name')|first }}": "K-3 Stad Mortsel",
    }
    text = document_text(render_custom(template_with(*lines), ctx)).splitlines()
    assert text[: len(lines)] == list(lines.values())


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("nl", "Het sjabloon roept list.pop() aan en dat is niet toegelaten."),
        ("en", "The template calls list.pop()"),
    ],
)
def test_a_refused_call_is_named_in_the_users_language(
    ctx: dict[str, object], lang: str, expected: str
) -> None:
    with pytest.raises(TemplateForbidden) as refused:
        render_custom(template_with("{{ parties.pop() }}"), ctx, lang=lang)
    assert refused.value.message.startswith(expected)
    assert "0x" not in refused.value.message  # no memory address of the object


def test_a_refused_attribute_is_named_in_the_users_language(ctx: dict[str, object]) -> None:
    with pytest.raises(TemplateForbidden) as refused:
        render_custom(template_with("{{ dossier_name.__class__ }}"), ctx, lang="en")
    assert refused.value.message.startswith("The template asks for str.__class__, which is not allowed")


def test_the_memory_limit_still_stops_a_filter_that_eats_memory(ctx: dict[str, object]) -> None:
    with pytest.raises(TemplateTimeout) as stopped:
        render_custom(template_with("{{ 'x'|center(2000000000) }}"), ctx, timeout=60)
    assert "geheugen" in stopped.value.message


# ---------------------------------------------------------------- the confined child process


@pytest.fixture
def target(tmp_path: Path) -> Path:
    path = tmp_path / "target.txt"
    path.write_text(SECRET, encoding="utf-8")
    return path


@pytest.fixture
def listener() -> Iterator[socket.socket]:
    """A loopback TCP listener the child must not reach."""
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(8)
    yield server
    server.close()


def _no_connection_arrived(server: socket.socket) -> bool:
    server.setblocking(False)  # the child has exited: a connection would be queued by now
    try:
        connection, _ = server.accept()
    except BlockingIOError:
        return True
    connection.close()
    return False


ATTACKS: dict[str, str] = {
    "read /etc/passwd": "result = attempt(lambda: open('/etc/passwd').read())",
    "read the database": "result = attempt(lambda: open(values['db'], 'rb').read(16))",
    "open for writing (O_TRUNC)": "result = attempt(lambda: open(values['target'], 'w'))",
    "os.open with O_TRUNC": "result = attempt(lambda: os.open(values['target'], os.O_WRONLY | os.O_TRUNC))",
    "rename": "result = attempt(lambda: os.rename(values['target'], values['target'] + '.moved'))",
    "subprocess": "result = attempt(lambda: subprocess.run(['/bin/true']))",
    "os.execv": "result = attempt(lambda: os.execv('/bin/true', ['true']))",
    "os.fork": "result = attempt(lambda: os.fork() or os.wait())",
    "connect to loopback": "result = attempt(lambda: socket.socket().connect(('127.0.0.1', values['port'])))",
}


def _attack(name: str, layers: frozenset[str], db: Path, target: Path, port: int) -> dict[str, object]:
    answer = run_confined(ATTACKS[name], layers, db=str(db), target=str(target), port=port)
    assert set(answer["engaged"]) == layers
    result: dict[str, object] = answer["result"]
    return result


@pytest.fixture
def database(db_path: Path) -> Path:
    Store(db_path).import_dossier(rich_dossier(), by="ann")
    return db_path


def _untouched(target: Path, server: socket.socket) -> None:
    assert target.read_text(encoding="utf-8") == SECRET
    sqlite_pool.close_all()  # this process's own connection keeps a WAL and SHM beside the file
    assert sorted(p.name for p in target.parent.iterdir()) == ["target.txt", "workbench.db"]
    assert _no_connection_arrived(server)


@pytest.mark.parametrize("name", ATTACKS)
def test_the_confined_child_can_do_none_of_it(
    name: str, database: Path, target: Path, listener: socket.socket
) -> None:
    result = _attack(name, LAYERS, database, target, listener.getsockname()[1])
    assert result["ok"] is False, result
    assert "not allowed while rendering an uploaded template" in str(result["error"])  # the audit hook first
    _untouched(target, listener)


LANDLOCK_DENIES = [
    "read /etc/passwd",
    "read the database",
    "open for writing (O_TRUNC)",
    "os.open with O_TRUNC",
    "rename",
    "subprocess",
    "os.execv",
    "connect to loopback",
]


@pytest.mark.parametrize("name", LANDLOCK_DENIES)
def test_landlock_alone_denies_every_path_and_tcp(
    name: str, database: Path, target: Path, listener: socket.socket
) -> None:
    """As root and without the other layers: only the kernel's Landlock domain can refuse this."""
    assert landlock_abi() >= 4  # this machine: file-system and TCP rights (6.18 has ABI 7)
    result = _attack(name, frozenset({"landlock"}), database, target, listener.getsockname()[1])
    assert result["ok"] is False, result
    assert result["errno"] == 13  # EACCES: Landlock's answer
    _untouched(target, listener)


SECCOMP_DENIES = ["rename", "subprocess", "os.execv", "os.fork", "connect to loopback"]


@pytest.mark.parametrize("name", SECCOMP_DENIES)
def test_seccomp_alone_denies_processes_and_sockets(
    name: str, database: Path, target: Path, listener: socket.socket
) -> None:
    result = _attack(name, frozenset({"seccomp"}), database, target, listener.getsockname()[1])
    assert result["ok"] is False, result
    assert result["errno"] == 1  # EPERM: the filter's answer
    _untouched(target, listener)


def test_seccomp_refuses_even_a_socket_landlock_would_allow() -> None:
    snippet = "result = attempt(lambda: socket.socket(socket.AF_INET, socket.SOCK_DGRAM))"
    assert run_confined(snippet, frozenset({"landlock"}))["result"]["ok"] is True
    refused = run_confined(snippet, frozenset({"seccomp"}))["result"]
    assert refused["ok"] is False and refused["errno"] == 1


def test_the_child_reports_every_layer_engaged() -> None:
    engaged = run_confined("result = os.getuid()")["engaged"]
    assert engaged["landlock"] == landlock_abi() >= 1
    assert engaged["seccomp"] is True and engaged["audit"] is True and engaged["limits"] is True
    if os.geteuid() == 0:
        assert engaged["privileges"] == 65534


def test_the_child_still_answers_through_its_pipes() -> None:
    assert run_confined("result = sum(range(10))")["result"] == 45


def _no_landlock() -> None:
    """Run in the child before exec: the kernel answers ENOSYS to Landlock, as before Linux 5.13."""
    import errno

    import pyseccomp

    rules = pyseccomp.SyscallFilter(pyseccomp.ALLOW)
    rules.add_rule(pyseccomp.ERRNO(errno.ENOSYS), "landlock_create_ruleset")
    rules.load()


@pytest.mark.parametrize(("lang", "expected"), [("nl", "niet veilig"), ("en", "cannot be processed safely")])
def test_without_landlock_the_child_refuses_to_render(
    ctx: dict[str, object], lang: str, expected: str
) -> None:
    import base64
    import json

    request = {
        "template": base64.b64encode(template_with("{{ dossier_name }}")).decode(),
        "context": ctx,
        "lang": lang,
        "title": "",
        "cpu_seconds": 30,
        "memory_bytes": 1536 * 1024 * 1024,
    }
    process = subprocess.run(
        child_command(), input=json.dumps(request).encode(), capture_output=True, preexec_fn=_no_landlock
    )
    with pytest.raises(TemplateUnconfined) as refused:
        read_answer(process.stdout, process.stderr, process.returncode, lang)
    assert expected in refused.value.message and "Landlock" in refused.value.message


# ---------------------------------------------------------------- a few renders at once


def _in_thread(call: Callable[[], bytes]) -> tuple[threading.Thread, dict[str, object]]:
    outcome: dict[str, object] = {}

    def run() -> None:
        try:
            outcome["value"] = call()
        except TemplateProblem as problem:
            outcome["value"] = problem

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    return thread, outcome


def test_a_render_is_refused_while_every_slot_is_taken(ctx: dict[str, object]) -> None:
    slots = RenderSlots(1, wait=0)
    slow, outcome = _in_thread(lambda: render_custom(template_with(FOREVER), ctx, timeout=300, slots=slots))
    assert slots.wait_for(lambda s: s.running == 1, timeout=120)
    with pytest.raises(TemplateBusy) as busy:
        render_custom(template_with("{{ dossier_name }}"), ctx, lang="en", slots=slots)
    assert (
        busy.value.message
        == "1 own templates are already being processed at once. Please try again in a few moments."
    )
    assert slots.stop_all() == 1
    slow.join(timeout=120)
    assert isinstance(outcome["value"], TemplateTimeout)
    assert slots.in_use == 0 and slots.running == 0


def test_a_render_waits_for_a_slot_and_then_runs(ctx: dict[str, object]) -> None:
    slots = RenderSlots(1, wait=300)
    slow, first = _in_thread(lambda: render_custom(template_with(FOREVER), ctx, timeout=300, slots=slots))
    assert slots.wait_for(lambda s: s.running == 1, timeout=120)
    queued, second = _in_thread(lambda: render_custom(template_with("{{ dossier_name }}"), ctx, slots=slots))
    assert slots.wait_for(lambda s: s.waiting == 1, timeout=120)
    assert slots.running == 1  # the second waits: it has not started a process
    slots.stop_all()
    slow.join(timeout=120)
    queued.join(timeout=120)
    assert isinstance(first["value"], TemplateTimeout)
    assert isinstance(second["value"], bytes)
    assert "Digibank ZORA Werkt" in document_text(second["value"])


def test_six_renders_at_once_start_at_most_two_children(ctx: dict[str, object]) -> None:
    """On main six parallel renders took 4.5 GiB; now the rest are told to try again."""
    slots = RenderSlots(2, wait=0)
    started = [
        _in_thread(lambda: render_custom(template_with(FOREVER), ctx, timeout=300, slots=slots))
        for _ in range(6)
    ]
    assert slots.wait_for(lambda s: s.running == 2, timeout=120)
    deadline = time.monotonic() + 120  # a condition to wait for, not a timing to assert
    while sum("value" in outcome for _, outcome in started) < 4 and time.monotonic() < deadline:
        time.sleep(0.05)
    answered = [outcome["value"] for _, outcome in started if "value" in outcome]
    assert len(answered) == 4 and all(isinstance(value, TemplateBusy) for value in answered)
    assert slots.running == 2
    slots.stop_all()
    for thread, _ in started:
        thread.join(timeout=120)
    assert slots.in_use == 0 and slots.running == 0


def test_the_app_process_shares_one_limiter_set_by_the_environment() -> None:
    shown = subprocess.run(
        [
            sys.executable,
            "-c",
            "import threading; from workbench.documents.uploaded.templates import default_slots; seen = [];"
            "threads = [threading.Thread(target=lambda: seen.append(default_slots())) for _ in range(8)];"
            "[t.start() for t in threads]; [t.join() for t in threads];"
            "print(len({id(s) for s in seen}), seen[0].size, seen[0].wait)",
        ],
        env={**os.environ, "WORKBENCH_TEMPLATE_SLOTS": "3", "WORKBENCH_TEMPLATE_WAIT": "0.5"},
        capture_output=True,
        text=True,
        check=True,
    )
    assert shown.stdout.split() == ["1", "3", "0.5"]
