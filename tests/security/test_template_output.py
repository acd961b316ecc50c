"""What comes back from an uploaded template is hostile too: its size, and what the document would fetch.

Found by the security review after issue 11 (each test failed on the main it started from):
- a template made the render child write 256 MB to its stderr (an error message quoting a
  huge string); the app read all of it and held about 1 GB for one render;
- a document from a template linked a picture by URL (`<a:blip r:link>`, TargetMode External):
  LibreOffice fetched it while making the PDF on the server (and copied a picture from the
  server's disk for a `file:///` link); Word follows attached templates and INCLUDEPICTURE too.
"""

from __future__ import annotations

import contextlib
import http.server
import io
import json
import os
import shutil
import socketserver
import subprocess
import sys
import threading
import zipfile
from collections.abc import Iterator
from pathlib import Path

import docx
import pytest

from tests.document_samples import rich_dossier
from workbench.documents import generate as documents
from workbench.documents.links import external_references
from workbench.documents.uploaded.pipes import AnswerTooLarge, exchange
from workbench.documents.uploaded.templates import TemplateForbidden, TemplateProblem, render_custom

ROOT = Path(__file__).resolve().parents[2]
IMAGE_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/image"
HYPERLINK_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink"
TEMPLATE_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/attachedTemplate"
PNG = (ROOT / "workbench" / "ui" / "static" / "icon.png").read_bytes()
needs_soffice = pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")


@pytest.fixture(scope="module")
def ctx() -> dict[str, object]:
    return documents.context(rich_dossier(), "nl")


@contextlib.contextmanager
def recording_server() -> Iterator[tuple[str, list[str]]]:
    """A loopback web server that records every request: nothing may ever reach it."""
    requests: list[str] = []

    class Recorder(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            requests.append(self.path)
            self.send_response(200)
            self.send_header("Content-Type", "image/png")
            self.end_headers()
            self.wfile.write(PNG)

        def log_message(self, *args: object) -> None:
            pass

    httpd = socketserver.ThreadingTCPServer(("127.0.0.1", 0), Recorder)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}", requests
    finally:
        httpd.shutdown()
        httpd.server_close()


@pytest.fixture
def server() -> Iterator[tuple[str, list[str]]]:
    with recording_server() as running:
        yield running


# ---------------------------------------------------------------- building hostile documents


def _document(paragraphs: tuple[str, ...] = ("Hallo {{ dossier_name }}",)) -> dict[str, bytes]:
    document = docx.Document()
    for text in paragraphs:
        document.add_paragraph(text)
    out = io.BytesIO()
    document.save(out)
    with zipfile.ZipFile(io.BytesIO(out.getvalue())) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def _zip(parts: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    return out.getvalue()


def _add_rel(parts: dict[str, bytes], part: str, rel_id: str, rel_type: str, target: str) -> None:
    rels = parts[part].decode()
    rel = f'<Relationship Id="{rel_id}" Type="{rel_type}" Target="{target}" TargetMode="External"/>'
    parts[part] = rels.replace("</Relationships>", rel + "</Relationships>").encode()


def _add_body(parts: dict[str, bytes], xml: str) -> None:
    document = parts["word/document.xml"].decode()
    parts["word/document.xml"] = document.replace("<w:sectPr", xml + "<w:sectPr", 1).encode()


def _linked_picture(url: str) -> str:
    """A picture that is linked, not embedded: the reader fetches it (DrawingML, as Word writes it)."""
    return (
        '<w:p><w:r><w:drawing><wp:inline xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/'
        'wordprocessingDrawing"><wp:extent cx="914400" cy="914400"/><wp:docPr id="901" name="P"/>'
        '<a:graphic xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><a:graphicData '
        'uri="http://schemas.openxmlformats.org/drawingml/2006/picture"><pic:pic xmlns:pic="http://'
        'schemas.openxmlformats.org/drawingml/2006/picture"><pic:nvPicPr><pic:cNvPr id="901" name="P"/>'
        '<pic:cNvPicPr/></pic:nvPicPr><pic:blipFill><a:blip xmlns:r="http://schemas.openxmlformats.org/'
        'officeDocument/2006/relationships" r:link="rIdLinked"/><a:stretch><a:fillRect/></a:stretch>'
        '</pic:blipFill><pic:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="914400" cy="914400"/></a:xfrm>'
        '<a:prstGeom prst="rect"><a:avLst/></a:prstGeom></pic:spPr></pic:pic></a:graphicData></a:graphic>'
        "</wp:inline></w:drawing></w:r></w:p>"
    )


def linked_picture_docx(url: str) -> bytes:
    parts = _document()
    _add_rel(parts, "word/_rels/document.xml.rels", "rIdLinked", IMAGE_REL, url)
    _add_body(parts, _linked_picture(url))
    return _zip(parts)


def attached_template_docx(url: str) -> bytes:
    parts = _document()
    parts["word/_rels/settings.xml.rels"] = (
        b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.'
        b'openxmlformats.org/package/2006/relationships"></Relationships>'
    )
    _add_rel(parts, "word/_rels/settings.xml.rels", "rIdTpl", TEMPLATE_REL, url)
    settings = parts["word/settings.xml"].decode()
    attached = (
        '<w:attachedTemplate xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'
        ' r:id="rIdTpl"/>'
    )
    parts["word/settings.xml"] = settings.replace("<w:zoom", attached + "<w:zoom", 1).encode()
    return _zip(parts)


def field_docx(*instructions: str) -> bytes:
    """A complex field whose code is split over one run per instruction piece."""
    parts = _document()
    runs = "".join(f'<w:r><w:instrText xml:space="preserve">{i}</w:instrText></w:r>' for i in instructions)
    _add_body(
        parts,
        '<w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r>'
        + runs
        + '<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>x</w:t></w:r>'
        '<w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>',
    )
    return _zip(parts)


def simple_field_docx(instruction: str) -> bytes:
    parts = _document()
    _add_body(parts, f'<w:p><w:fldSimple w:instr="{instruction}"><w:r><w:t>x</w:t></w:r></w:fldSimple></w:p>')
    return _zip(parts)


def hyperlink_docx(url: str) -> bytes:
    parts = _document()
    _add_rel(parts, "word/_rels/document.xml.rels", "rIdLink", HYPERLINK_REL, url)
    _add_body(
        parts,
        '<w:p><w:hyperlink xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" '
        'r:id="rIdLink"><w:r><w:t>website</w:t></w:r></w:hyperlink></w:p>',
    )
    return _zip(parts)


# ---------------------------------------------------------------- what a document fetches by itself


def hostile_documents(url: str) -> dict[str, bytes]:
    return {
        "linked picture (http)": linked_picture_docx(f"{url}/linked.png"),
        "linked picture (file)": linked_picture_docx("file:///etc/passwd"),
        "attached template (UNC)": attached_template_docx("file://203.0.113.9/share/t.dotx"),
        "INCLUDEPICTURE field": field_docx(f' INCLUDEPICTURE "{url}/field.png" \\d '),
        "INCLUDETEXT split over runs": field_docx(" INCLUDE", 'TEXT "/etc/passwd" '),
        "simple INCLUDEPICTURE field": simple_field_docx(f" INCLUDEPICTURE &quot;{url}/simple.png&quot; "),
        "LINK field": field_docx(' LINK Excel.Sheet.8 "C:\\\\data.xls" "" \\a '),
    }


@pytest.mark.parametrize(
    "name",
    [
        "linked picture (http)",
        "linked picture (file)",
        "attached template (UNC)",
        "INCLUDEPICTURE field",
        "INCLUDETEXT split over runs",
        "simple INCLUDEPICTURE field",
        "LINK field",
    ],
)
def test_an_uploaded_template_that_links_outside_the_document_is_refused(
    ctx: dict[str, object], server: tuple[str, list[str]], name: str
) -> None:
    url, requests = server
    template = hostile_documents(url)[name]
    with pytest.raises(TemplateForbidden) as refused:
        render_custom(template, ctx)
    assert "buiten het document" in refused.value.message
    assert requests == []


def test_a_refused_link_is_named_in_english_too(
    ctx: dict[str, object], server: tuple[str, list[str]]
) -> None:
    url, _ = server
    with pytest.raises(TemplateForbidden) as refused:
        render_custom(linked_picture_docx(f"{url}/linked.png"), ctx, lang="en")
    assert refused.value.message.startswith("The template refers to something outside the document")
    assert f"{url}/linked.png" in refused.value.message


def test_a_hyperlink_in_a_template_stays(ctx: dict[str, object]) -> None:
    result = render_custom(hyperlink_docx("https://www.digibank.be"), ctx)
    assert external_references(result) == []
    assert "website" in "\n".join(p.text for p in docx.Document(io.BytesIO(result)).paragraphs)


@pytest.mark.parametrize(("kind", "lang"), [("agreement", "nl"), ("agreement", "en"), ("strategy", "nl")])
def test_the_built_in_documents_link_to_nothing(kind: str, lang: str) -> None:
    data = documents.generate(rich_dossier(), lang, kind, picture=True)
    assert external_references(data) == []


@needs_soffice
@pytest.mark.parametrize("name", ["linked picture (http)", "linked picture (file)"])
def test_libreoffice_never_converts_a_document_that_links_outside_itself(
    server: tuple[str, list[str]], name: str
) -> None:
    url, requests = server
    with pytest.raises(documents.PdfError) as refused:
        documents.to_pdf(hostile_documents(url)[name], lang="en")
    assert "outside the document" in str(refused.value)
    assert requests == []


# ---------------------------------------------------------------- how much the app reads back


@pytest.mark.parametrize(
    "doublings",
    [
        5,  # a 32 MB name: the child's error answer on stdout was 96 MB
        7,  # a 128 MB name: the child ran out of memory answering and Python printed it all to stderr
    ],
)
def test_a_template_that_floods_the_pipes_costs_the_app_little_memory(doublings: int) -> None:
    """The render runs in a fresh interpreter, so its peak memory is the app's side of one render alone."""
    script = """
import io, json, sys
import docx
from tests.document_samples import rich_dossier
from workbench.documents import generate as documents
from workbench.documents.uploaded.pipes import AnswerTooLarge, exchange
from workbench.documents.uploaded.templates import TemplateProblem, render_custom

document = docx.Document()
# A huge string made by doubling, then used as a key: the error message quotes it whole.
document.add_paragraph(
    "{% set ns = namespace(s='a' * 1000000) %}{% for i in range(" + sys.argv[1] + ") %}"
    "{% set ns.s = ns.s ~ ns.s %}{% endfor %}{{ {}[ns.s] }}"
)
template = io.BytesIO()
document.save(template)
try:
    render_custom(template.getvalue(), documents.context(rich_dossier(), "nl"), timeout=300)
    outcome, length = "rendered", 0
except TemplateProblem as problem:
    outcome = type(problem).__name__ + ": " + problem.message[:300]
    length = len(problem.message)
# VmHWM, not ru_maxrss: Linux keeps ru_maxrss across exec, so it would report the size of the
# pytest process that started this one (410 MiB late in a full run), not this render's.
status = open("/proc/self/status").read()
peak = int(status.split("VmHWM:")[1].split()[0]) // 1024
print(json.dumps({"outcome": outcome, "message_length": length, "peak_mib": peak}))
"""
    done = subprocess.run(
        [sys.executable, "-c", script, str(doublings)],
        capture_output=True,
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        timeout=600,
    )
    assert done.returncode == 0, done.stderr.decode(errors="replace")[-2000:]
    answer = json.loads(done.stdout.decode().strip().splitlines()[-1])
    assert answer["outcome"] != "rendered"
    assert answer["message_length"] < 2000  # the coach reads why, not the string
    # Python, the documents and graph modules and a dossier take about 150 MiB; on main one
    # render took 500 to 1,000 MiB here.
    assert answer["peak_mib"] < 400, answer


def _flooding_child(stream: str, megabytes: int) -> subprocess.Popen[bytes]:
    code = f"import sys; sys.{stream}.buffer.write(b'x' * {megabytes} * 1024 * 1024); sys.{stream}.flush()"
    return subprocess.Popen(
        [sys.executable, "-c", code],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        start_new_session=True,
    )


@pytest.mark.parametrize("stream", ["stdout", "stderr"])
def test_the_app_stops_reading_a_child_that_answers_too_much(stream: str) -> None:
    process = _flooding_child(stream, 300)
    with pytest.raises(AnswerTooLarge):
        exchange(process, b"{}", timeout=120, limits=(8 * 1024 * 1024, 64 * 1024))
    assert process.wait(timeout=60) != 0  # stopped, not left writing into a pipe nobody reads


def test_the_app_reads_a_normal_answer_whole() -> None:
    echo = "import sys; data = sys.stdin.buffer.read(); sys.stdout.buffer.write(b'OK\\n' + data)"
    process = subprocess.Popen(
        [sys.executable, "-c", echo], stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE
    )
    payload = os.urandom(3 * 1024 * 1024)  # larger than a pipe's buffer, both ways
    out, err = exchange(process, payload, timeout=120, limits=(8 * 1024 * 1024, 64 * 1024))
    assert out == b"OK\n" + payload
    assert err == b""
    assert process.returncode == 0


def test_an_error_answer_of_the_child_stays_short(ctx: dict[str, object]) -> None:
    key = "k" * 200_000
    document = docx.Document()
    document.add_paragraph("{{ {}['" + key + "'] }}")
    out = io.BytesIO()
    document.save(out)
    with pytest.raises(TemplateProblem) as refused:
        render_custom(out.getvalue(), ctx)
    assert len(refused.value.message) < 2000


def test_an_answer_with_more_xml_than_any_document_needs_is_refused_before_the_app_parses_it() -> None:
    """Parsing takes some 25 times the XML's size in the app: 20 MB of it took 500 MB there on main."""
    from workbench.documents.uploaded.templates import read_answer

    parts = _document()
    filler = "<w:p><w:r><w:t>x</w:t></w:r></w:p>" * (40 * 1024 * 1024 // 34)
    parts["word/document.xml"] = parts["word/document.xml"].replace(
        b"<w:sectPr", filler.encode() + b"<w:sectPr", 1
    )
    with pytest.raises(TemplateForbidden):
        read_answer(b"OK\n" + _zip(parts), b"", 0, "nl")
    assert read_answer(b"OK\n" + _zip(_document()), b"", 0, "nl").startswith(b"PK")
