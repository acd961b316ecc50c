"""Render a template a coach uploads: plain data, an allow-listed sandbox, a confined process, few at once.

The uploaded .docx is untrusted. It is checked (size, zip, unpacked size). The context must be
plain data (`sandbox.ensure_plain`); each picture becomes a marker string
(`pictures.py`). A fresh Python process (`workbench.documents.uploaded.child`) preloads what it
needs, confines itself for good (`confinement.py`: no file, no process, no socket) and
renders with the allow-listed sandbox; it is killed past the time limit. At most a few such
processes run at once per app process (`RenderSlots`). Trusted code here then checks the result
and puts the pictures in.
"""

from __future__ import annotations

import base64
import contextlib
import io
import json
import os
import signal
import subprocess
import sys
import tempfile
import threading
import zipfile
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path
from typing import Any

from workbench.documents.builder import IMAGE_WIDTH
from workbench.documents.links import describe, external_references
from workbench.documents.uploaded.pictures import new_marker, place_pictures
from workbench.documents.uploaded.pipes import AnswerTooLarge, exchange, kill
from workbench.documents.uploaded.sandbox import ensure_plain
from workbench.i18n import t

MAX_TEMPLATE_BYTES = 5 * 1024 * 1024
MAX_UNPACKED_BYTES = 60 * 1024 * 1024
MAX_OUTPUT_BYTES = 100 * 1024 * 1024
MAX_OUTPUT_UNPACKED_BYTES = 100 * 1024 * 1024  # parsed here to place the pictures
# ... of which XML: the agreement of a dossier with 500 partners (the most a dossier holds) has 7.7 MB.
MAX_OUTPUT_XML_BYTES = 32 * 1024 * 1024
MAX_ANSWER_BYTES = MAX_OUTPUT_BYTES + 64 * 1024  # read from the child's stdout: "OK\n" and the document
MAX_ERROR_BYTES = 64 * 1024  # read from its stderr: the last line names a crash
MAX_NAMES = 20  # names of unknown variables (or refused calls) an answer may carry ...
MAX_NAME_LENGTH = 200  # ... and their length: the coach reads them
MEMORY_LIMIT_BYTES = 1536 * 1024 * 1024
# Seconds of wall time (and one more of CPU) for one render: a real template takes about one second, but a
# workshop laptop under load was seen taking many times that; a slot is held this long at worst.
DEFAULT_TIMEOUT = 30.0
DEFAULT_SLOTS = 2  # renders at once per app process: $WORKBENCH_TEMPLATE_SLOTS
DEFAULT_SLOT_WAIT = 5.0  # seconds a render waits for a slot: $WORKBENCH_TEMPLATE_WAIT

_PACKAGE_ROOT = Path(__file__).resolve().parents[3]
_CHILD = (
    "import sys; sys.path.insert(0, sys.argv[1]); from workbench.documents.uploaded.child import main; main()"
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


class TemplateBusy(TemplateProblem):
    """Every render slot stayed taken: the user is asked to try again in a moment."""

    kind = "busy"


class TemplateUnconfined(TemplateProblem):
    """This machine cannot confine the render process (no Landlock or seccomp): nothing is rendered."""

    kind = "unconfined"


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


class RenderSlots:
    """At most `size` renders at once in this process; a caller waits up to `wait` seconds for a slot.

    Six parallel renders took 4.5 GiB on main: the slots bound memory to `size` times the limit
    of one child. Running children are tracked so that `stop_all` can end them (shutdown, tests).
    """

    def __init__(self, size: int = DEFAULT_SLOTS, wait: float = DEFAULT_SLOT_WAIT) -> None:
        if size < 1:
            raise ValueError("at least one render slot")
        self.size = size
        self.wait = wait
        self._changed = threading.Condition()
        self._in_use = 0
        self._waiting = 0
        self._running: set[subprocess.Popen[bytes]] = set()

    @property
    def in_use(self) -> int:
        return self._in_use

    @property
    def waiting(self) -> int:
        return self._waiting

    @property
    def running(self) -> int:
        return len(self._running)

    def wait_for(self, condition: Callable[[RenderSlots], bool], timeout: float) -> bool:
        """Wait until `condition(self)` holds (True) or the timeout passes (False)."""
        with self._changed:
            return self._changed.wait_for(lambda: condition(self), timeout)

    @contextlib.contextmanager
    def slot(self, lang: str) -> Iterator[None]:
        """Hold one slot for the duration; raise TemplateBusy when none comes free in time."""
        with self._changed:
            self._waiting += 1
            self._changed.notify_all()
            try:
                free = self._changed.wait_for(lambda: self._in_use < self.size, self.wait)
            finally:
                self._waiting -= 1
            if not free:
                raise TemplateBusy(t("custom.busy", lang, slots=self.size))
            self._in_use += 1
            self._changed.notify_all()
        try:
            yield
        finally:
            with self._changed:
                self._in_use -= 1
                self._changed.notify_all()

    @contextlib.contextmanager
    def tracking(self, process: subprocess.Popen[bytes]) -> Iterator[None]:
        """Know a child process while it runs."""
        with self._changed:
            self._running.add(process)
            self._changed.notify_all()
        try:
            yield
        finally:
            with self._changed:
                self._running.discard(process)
                self._changed.notify_all()

    def stop_all(self) -> int:
        """Kill every running child (they answer as stopped); return how many there were."""
        with self._changed:
            running = list(self._running)
        for process in running:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(process.pid, signal.SIGKILL)
        return len(running)


def _setting(name: str, default: float) -> float:
    try:
        return float(os.environ.get(name, default))
    except ValueError:
        return default


# One limiter per app process, shared by every session: created once, under a lock, because
# two sessions may ask for it at the same moment (functools.cache could build two).
_DEFAULT_SLOTS: list[RenderSlots] = []
_DEFAULT_SLOTS_LOCK = threading.Lock()


def default_slots() -> RenderSlots:
    """Return the slots of this app process ($WORKBENCH_TEMPLATE_SLOTS, $WORKBENCH_TEMPLATE_WAIT)."""
    with _DEFAULT_SLOTS_LOCK:
        if not _DEFAULT_SLOTS:
            size = max(1, int(_setting("WORKBENCH_TEMPLATE_SLOTS", DEFAULT_SLOTS)))
            wait = max(0.0, _setting("WORKBENCH_TEMPLATE_WAIT", DEFAULT_SLOT_WAIT))
            _DEFAULT_SLOTS.append(RenderSlots(size, wait))
        return _DEFAULT_SLOTS[0]


def child_command() -> list[str]:
    """Return the command line of the render process (workbench.documents.uploaded.child)."""
    return [sys.executable, "-I", "-c", _CHILD, str(_PACKAGE_ROOT)]


def render_custom(
    template: bytes,
    context: dict[str, Any],
    *,
    lang: str = "nl",
    images: dict[str, bytes] | None = None,
    title: str = "",
    timeout: float = DEFAULT_TIMEOUT,
    slots: RenderSlots | None = None,
) -> bytes:
    """Render an uploaded template in a confined, time- and memory-limited process."""
    check_upload(template, lang)
    ensure_plain(context)  # before anything crosses into the child: plain data only
    values = dict(context)
    pictures: dict[str, bytes] = {}
    for key, png in (images or {}).items():
        values[key] = marker = new_marker()
        pictures[marker] = png
    payload = json.dumps(
        {
            "template": base64.b64encode(template).decode(),
            "context": values,
            "lang": lang,
            "title": title,
            "cpu_seconds": int(timeout) + 1,
            "memory_bytes": MEMORY_LIMIT_BYTES,
        },
        default=_iso_date,
    ).encode()
    slots = slots or default_slots()
    # The answer is read, checked and parsed inside the slot: the app's share of a render is bounded too.
    with slots.slot(lang), tempfile.TemporaryDirectory(prefix="workbench-template-") as empty:
        process = subprocess.Popen(
            child_command(),
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            cwd=empty,
            env={"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "LANG": "C.UTF-8", "HOME": empty},
            start_new_session=True,
        )
        with slots.tracking(process):
            try:
                out, err = exchange(process, payload, timeout, (MAX_ANSWER_BYTES, MAX_ERROR_BYTES))
            except subprocess.TimeoutExpired as exc:
                kill(process)
                raise TemplateTimeout(t("custom.timeout", lang, seconds=f"{timeout:g}")) from exc
            except AnswerTooLarge as exc:
                raise TemplateForbidden(t("custom.answer_too_large", lang)) from exc
        document = read_answer(out, err, process.returncode, lang)
        del out  # the answer's copy: only the document is needed from here
        linked = external_references(document)
        if linked:
            raise TemplateForbidden(t("custom.external", lang, names=describe(linked)), tuple(linked))
        try:
            return place_pictures(document, pictures, IMAGE_WIDTH)
        except Exception as exc:  # the document's structure came from the template: never a crash
            raise TemplateProblem(t("custom.failed", lang, reason="invalid output")) from exc


def _iso_date(value: Any) -> str:
    if isinstance(value, date):
        return value.isoformat()
    raise TypeError(f"{type(value).__name__} is not plain data")


def read_answer(out: bytes, err: bytes, returncode: int, lang: str) -> bytes:
    """Return the document the child answered, or raise the problem it reported, in the user's language."""
    if out.startswith(b"OK\n") and returncode == 0:
        return _checked_output(out[3:], lang)
    if out.startswith(b"ERR\n"):
        raise _problem(json.loads(out[4:]), lang)
    if returncode in (-signal.SIGXCPU, -signal.SIGKILL):
        raise TemplateTimeout(t("custom.cpu", lang))
    reason = err.decode(errors="replace").strip().splitlines()[-1:] or [f"exit {returncode}"]
    raise TemplateProblem(t("custom.failed", lang, reason=reason[0][:300]))


def _checked_output(document: bytes, lang: str) -> bytes:
    """Refuse output that is not a reasonable .docx: the parent parses it to place the pictures."""
    invalid = TemplateProblem(t("custom.failed", lang, reason="invalid output"))
    if len(document) > MAX_OUTPUT_BYTES:
        raise invalid
    try:
        with zipfile.ZipFile(io.BytesIO(document)) as archive:
            unpacked = sum(info.file_size for info in archive.infolist())
            xml = sum(
                info.file_size for info in archive.infolist() if info.filename.endswith((".xml", ".rels"))
            )
    except (zipfile.BadZipFile, ValueError) as exc:
        raise invalid from exc
    if unpacked > MAX_OUTPUT_UNPACKED_BYTES:
        raise invalid
    if xml > MAX_OUTPUT_XML_BYTES:  # parsing XML here takes some 25 times its size in memory
        raise TemplateForbidden(t("custom.too_large_result", lang))
    return document


def _problem(answer: dict[str, Any], lang: str) -> TemplateProblem:
    """Turn the child's answer into the problem to raise, with its message in the user's language."""
    kind = answer.get("kind", "failed")
    detail = str(answer.get("message", ""))[:300]
    names = tuple(str(n)[:MAX_NAME_LENGTH] for n in list(answer.get("names", ()))[:MAX_NAMES])
    name = names[0] if names else ""
    if kind == "unknown":
        hints = {
            str(n)[:MAX_NAME_LENGTH]: str(h)[:MAX_NAME_LENGTH] for n, h in answer.get("hints", {}).items()
        }
        shown = [
            f"{n} ({t('custom.did_you_mean', lang, hint=hints[n])})" if hints.get(n) else n for n in names
        ]
        return UnknownVariables(t("custom.unknown_variables", lang, names=", ".join(shown)), names)
    if kind == "syntax":
        return TemplateSyntaxProblem(t("custom.syntax", lang, detail=detail))
    if kind == "forbidden_call":
        return TemplateForbidden(t("custom.forbidden_call", lang, name=name), names)
    if kind == "forbidden_attribute":
        return TemplateForbidden(t("custom.forbidden_attribute", lang, name=name), names)
    if kind == "too_large":
        return TemplateForbidden(t("custom.too_large_result", lang))
    if kind == "forbidden":
        return TemplateForbidden(t("custom.forbidden", lang, detail=detail))
    if kind == "memory":
        return TemplateTimeout(t("custom.cpu", lang))
    if kind == "unconfined":
        return TemplateUnconfined(t("custom.unconfined", lang, reason=detail))
    return TemplateProblem(t("custom.failed", lang, reason=detail))
