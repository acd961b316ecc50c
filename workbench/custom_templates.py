"""Render a template a coach uploads: sandboxed Jinja, in a separate process with limits.

The uploaded .docx is untrusted. It is checked (size, zip, unpacked size), then rendered by a
fresh Python process that sets its own CPU, memory and file-size limits before it reads the
template, runs jinja2's SandboxedEnvironment with StrictUndefined, and is killed when it runs
past the time limit. The context crosses the boundary as JSON: plain data only.
"""

from __future__ import annotations

import base64
import contextlib
import difflib
import io
import json
import os
import re
import signal
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path
from typing import Any

from workbench.i18n import t

MAX_TEMPLATE_BYTES = 5 * 1024 * 1024
MAX_UNPACKED_BYTES = 60 * 1024 * 1024
MAX_OUTPUT_BYTES = 100 * 1024 * 1024
MEMORY_LIMIT_BYTES = 1536 * 1024 * 1024
DEFAULT_TIMEOUT = 10.0

_PACKAGE_ROOT = Path(__file__).resolve().parent.parent
_CHILD = (
    "import sys; sys.path.insert(0, sys.argv[1]); "
    "from workbench.custom_templates import child_main; child_main()"
)


class TemplateProblem(Exception):
    """An uploaded template that cannot be rendered; the message is for the user."""

    kind = "failed"

    def __init__(self, message: str, names: tuple[str, ...] = ()) -> None:
        super().__init__(message)
        self.message = message
        self.names = names


class TemplateRejected(TemplateProblem):
    """The upload is not an acceptable .docx (too large, not a zip, no document)."""

    kind = "rejected"


class UnknownVariables(TemplateProblem):
    """The template uses variables the context does not have: reported, never left blank."""

    kind = "unknown"


class TemplateSyntaxProblem(TemplateProblem):
    """The Jinja tags in the template do not parse."""

    kind = "syntax"


class TemplateForbidden(TemplateProblem):
    """The template tried something the sandbox forbids (private attributes, unsafe calls)."""

    kind = "forbidden"


class TemplateTimeout(TemplateProblem):
    """Rendering ran past the time limit and was stopped."""

    kind = "timeout"


_KINDS: dict[str, type[TemplateProblem]] = {
    cls.kind: cls
    for cls in (TemplateProblem, TemplateRejected, UnknownVariables, TemplateSyntaxProblem, TemplateForbidden)
}


def check_upload(data: bytes, lang: str = "nl") -> None:
    """Refuse an upload that is too large, not a .docx, or unpacks to too much."""
    if len(data) > MAX_TEMPLATE_BYTES:
        raise TemplateRejected(t("custom.too_large", lang, mb=MAX_TEMPLATE_BYTES // (1024 * 1024)))
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            infos = archive.infolist()
    except (zipfile.BadZipFile, ValueError) as exc:
        raise TemplateRejected(t("custom.not_docx", lang)) from exc
    if "word/document.xml" not in {info.filename for info in infos}:
        raise TemplateRejected(t("custom.not_docx", lang))
    if sum(info.file_size for info in infos) > MAX_UNPACKED_BYTES:
        raise TemplateRejected(t("custom.too_large_unpacked", lang))


def variable_paths(context: dict[str, Any], prefix: str = "") -> list[str]:
    """List every variable a template can use, e.g. 'parties[].name', for coaches and hints."""
    paths: list[str] = []
    for key, value in context.items():
        path = f"{prefix}{key}"
        if isinstance(value, dict):
            paths.extend(variable_paths(value, path + "."))
        elif isinstance(value, list) and value and isinstance(value[0], dict):
            paths.extend(variable_paths(value[0], path + "[]."))
        else:
            paths.append(path)
    return paths


def render_custom(
    template: bytes,
    context: dict[str, Any],
    *,
    lang: str = "nl",
    images: dict[str, bytes] | None = None,
    title: str = "",
    timeout: float = DEFAULT_TIMEOUT,
) -> bytes:
    """Render an uploaded template in a sandboxed, time- and memory-limited process."""
    check_upload(template, lang)
    payload = json.dumps(
        {
            "template": base64.b64encode(template).decode(),
            "context": context,
            "lang": lang,
            "title": title,
            "images": {k: base64.b64encode(v).decode() for k, v in (images or {}).items()},
            "cpu_seconds": int(timeout) + 1,
        }
    ).encode()
    with tempfile.TemporaryDirectory(prefix="workbench-template-") as empty:
        process = subprocess.Popen(
            [sys.executable, "-I", "-c", _CHILD, str(_PACKAGE_ROOT)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            cwd=empty,
            env={"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "LANG": "C.UTF-8", "HOME": empty},
            start_new_session=True,
        )
        try:
            out, err = process.communicate(payload, timeout=timeout)
        except subprocess.TimeoutExpired as exc:
            _kill(process)
            raise TemplateTimeout(t("custom.timeout", lang, seconds=f"{timeout:g}")) from exc
    return _result(out, err, process.returncode, lang)


def _kill(process: subprocess.Popen[bytes]) -> None:
    with contextlib.suppress(ProcessLookupError):
        os.killpg(process.pid, signal.SIGKILL)
    process.communicate()


def _result(out: bytes, err: bytes, returncode: int, lang: str) -> bytes:
    if out.startswith(b"OK\n") and returncode == 0:
        document = out[3:]
        if len(document) > MAX_OUTPUT_BYTES or not zipfile.is_zipfile(io.BytesIO(document)):
            raise TemplateProblem(t("custom.failed", lang, reason="invalid output"))
        return document
    if out.startswith(b"ERR\n"):
        problem = json.loads(out[4:])
        cls = _KINDS.get(problem["kind"], TemplateProblem)
        names = tuple(problem.get("names", ()))
        return_message = _message(cls, problem, names, lang)
        raise cls(return_message, names)
    if returncode in (-signal.SIGXCPU, -signal.SIGKILL):
        raise TemplateTimeout(t("custom.cpu", lang))
    reason = err.decode(errors="replace").strip().splitlines()[-1:] or [f"exit {returncode}"]
    raise TemplateProblem(t("custom.failed", lang, reason=reason[0][:300]))


def _message(cls: type[TemplateProblem], problem: dict[str, Any], names: tuple[str, ...], lang: str) -> str:
    detail = str(problem.get("message", ""))[:300]
    if cls is UnknownVariables:
        hints = problem.get("hints", {})
        shown = [
            f"{n} ({t('custom.did_you_mean', lang, hint=hints[n])})" if hints.get(n) else n for n in names
        ]
        return t("custom.unknown_variables", lang, names=", ".join(shown))
    if cls is TemplateSyntaxProblem:
        return t("custom.syntax", lang, detail=detail)
    if cls is TemplateForbidden:
        return t("custom.forbidden", lang, detail=detail)
    if cls is TemplateRejected:
        return t("custom.not_docx", lang)
    return t("custom.failed", lang, reason=detail)


# ---------------------------------------------------------------- the child process


def _limit_resources(cpu_seconds: int) -> None:
    import resource

    limits = {
        resource.RLIMIT_CPU: (cpu_seconds, cpu_seconds + 1),
        resource.RLIMIT_AS: (MEMORY_LIMIT_BYTES, MEMORY_LIMIT_BYTES),
        resource.RLIMIT_FSIZE: (0, 0),  # no file may be written
        resource.RLIMIT_CORE: (0, 0),
        resource.RLIMIT_NPROC: (0, 0),  # no new processes (root is exempt, the rest holds)
    }
    for which, limit in limits.items():
        with contextlib.suppress(ValueError, OSError):  # a limit already lower than ours stays
            resource.setrlimit(which, limit)


_ATTRIBUTE = re.compile(r"has no attribute '([^']+)'")
_UNDEFINED = re.compile(r"'([^']+)' is undefined")


def child_main() -> None:
    """Render one template from stdin to stdout; runs in the limited child process."""
    # Import everything before the limits: imports open files and need memory.
    from docxtpl import DocxTemplate
    from jinja2 import StrictUndefined, TemplateSyntaxError, UndefinedError
    from jinja2.sandbox import SandboxedEnvironment, SecurityError

    from workbench import documents

    request = json.loads(sys.stdin.buffer.read())
    _limit_resources(int(request["cpu_seconds"]))
    template = base64.b64decode(request["template"])
    context: dict[str, Any] = request["context"]
    known = variable_paths(context)

    def fail(kind: str, message: str, names: tuple[str, ...] = ()) -> None:
        hints = {n: _hint(n, known) for n in names}
        sys.stdout.buffer.write(
            b"ERR\n" + json.dumps({"kind": kind, "message": message, "names": names, "hints": hints}).encode()
        )
        sys.stdout.buffer.flush()

    env = SandboxedEnvironment(autoescape=True, undefined=StrictUndefined, finalize=documents.finalize)
    try:
        missing = DocxTemplate(io.BytesIO(template)).get_undeclared_template_variables(env, context)
        missing -= set(request["images"])
        if missing:
            fail("unknown", "", tuple(sorted(missing)))
            return
        images = {k: base64.b64decode(v) for k, v in request["images"].items()}
        result = documents.render(
            template, context, lang=request["lang"], images=images, title=request["title"], jinja_env=env
        )
    except TemplateSyntaxError as exc:
        fail("syntax", f"{exc.message} (line {exc.lineno})")
        return
    except SecurityError as exc:
        fail("forbidden", str(exc))
        return
    except UndefinedError as exc:
        text = str(exc)
        match = _ATTRIBUTE.search(text) or _UNDEFINED.search(text)
        if match and "unsafe" not in text and not match.group(1).startswith("_"):
            fail("unknown", text, (match.group(1),))
        else:
            fail("forbidden", text)
        return
    except TypeError as exc:
        if "loader" not in str(exc):
            fail("failed", f"{type(exc).__name__}: {exc}")
        else:  # include, import, extends: there is no loader, so no file can be reached
            fail("forbidden", "{% include %}, {% import %}, {% extends %}")
        return
    except Exception as exc:  # anything else a hostile or broken template provokes
        fail("failed", f"{type(exc).__name__}: {exc}")
        return
    sys.stdout.buffer.write(b"OK\n" + result)
    sys.stdout.buffer.flush()


def _hint(name: str, known: list[str]) -> str:
    leaves: dict[str, str] = {}
    for path in known:  # the first (outermost) path with a given last name
        leaves.setdefault(path.rsplit(".", 1)[-1], path)
    close = difflib.get_close_matches(name, [*known, *leaves], n=1, cutoff=0.7)
    if not close:
        return ""
    return leaves.get(close[0], close[0])
