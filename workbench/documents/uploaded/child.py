"""The process that renders one uploaded template: read the request, preload, confine, render, answer.

It talks over its pipes only: the request (JSON: template, plain context, limits) on stdin,
"OK\\n" and the document, or "ERR\\n" and a JSON problem, on stdout. Everything the render needs
is imported before `confinement.confine`, which from then on refuses every file, process and
socket; an import that was missed fails the render, it never opens the sandbox.
"""

from __future__ import annotations

import base64
import difflib
import io
import json
import re
import sys
from typing import Any

from docxtpl import DocxTemplate
from jinja2 import TemplateSyntaxError, UndefinedError
from jinja2.sandbox import SecurityError

from workbench.documents import generate as documents
from workbench.documents.uploaded.confinement import LAYERS, ConfinementUnavailable, confine
from workbench.documents.uploaded.sandbox import (
    ForbiddenAttribute,
    ForbiddenCall,
    TooLarge,
    ensure_plain,
    environment,
)
from workbench.documents.uploaded.templates import (
    MAX_NAME_LENGTH,
    MAX_NAMES,
    MAX_OUTPUT_BYTES,
    variable_paths,
)

_ATTRIBUTE = re.compile(r"has no attribute '([^']+)'")
_UNDEFINED = re.compile(r"'([^']+)' is undefined")


def preload() -> None:
    """Import what a render can reach lazily, while files can still be read (the rest is above)."""
    import encodings.cp437  # zipfile, for member names that are not UTF-8
    import encodings.cp1252
    import encodings.idna
    import encodings.latin_1
    import encodings.raw_unicode_escape
    import encodings.unicode_escape  # jinja's lexer, for every string literal in a template
    import encodings.utf_16  # Word files may declare UTF-16 XML
    import encodings.utf_32
    import pprint  # jinja's pprint filter imports it lazily
    import textwrap  # jinja's wordwrap filter, likewise

    import jinja2.debug  # rewrites the traceback of every error a template raises

    del encodings, pprint, textwrap, jinja2  # imported is all they need to be


def prepare(cpu_seconds: int, memory_bytes: int, layers: frozenset[str] = LAYERS) -> dict[str, Any]:
    """Preload, then confine this process for good; the test probe runs exactly this too."""
    preload()
    return confine(cpu_seconds, memory_bytes, layers)


def main() -> None:
    """Render one template from stdin to stdout."""
    request = json.loads(sys.stdin.buffer.read())
    try:
        prepare(int(request["cpu_seconds"]), int(request["memory_bytes"]))
    except ConfinementUnavailable as exc:
        _answer_problem("unconfined", str(exc))
        return
    _render(request)


def _answer_problem(
    kind: str, message: str, names: tuple[str, ...] = (), hints: dict[str, str] | None = None
) -> None:
    # Bounded: a message may quote a huge string the template made (the app reads only so much).
    names = tuple(n[:MAX_NAME_LENGTH] for n in names[:MAX_NAMES])
    hints = {
        n[:MAX_NAME_LENGTH]: h[:MAX_NAME_LENGTH]
        for n, h in (hints or {}).items()
        if n[:MAX_NAME_LENGTH] in names
    }
    problem = {"kind": kind, "message": message[:1000], "names": names, "hints": hints}
    sys.stdout.buffer.write(b"ERR\n" + json.dumps(problem).encode())
    sys.stdout.buffer.flush()


def _render(request: dict[str, Any]) -> None:
    template = base64.b64decode(request["template"])
    context: dict[str, Any] = request["context"]
    ensure_plain(context)
    known = variable_paths(context)

    def unknown(names: tuple[str, ...], message: str = "") -> None:
        names = tuple(n[:MAX_NAME_LENGTH] for n in names[:MAX_NAMES])
        _answer_problem("unknown", message[:1000], names, {n: _hint(n, known) for n in names})

    env = environment(finalize=documents.finalize)
    try:
        missing = DocxTemplate(io.BytesIO(template)).get_undeclared_template_variables(env, context)
        if missing:
            unknown(tuple(sorted(missing)))
            return
        result = documents.render(
            template, context, lang=request["lang"], title=request["title"], jinja_env=env
        )
    except TemplateSyntaxError as exc:
        _answer_problem("syntax", f"{exc.message} (line {exc.lineno})")
        return
    except ForbiddenCall as exc:
        _answer_problem("forbidden_call", str(exc), (exc.name,))
        return
    except ForbiddenAttribute as exc:
        _answer_problem("forbidden_attribute", str(exc), (exc.name,))
        return
    except (TooLarge, OverflowError) as exc:  # OverflowError: jinja's range() above 100,000 items
        _answer_problem("too_large", str(exc))
        return
    except SecurityError as exc:
        _answer_problem("forbidden", str(exc))
        return
    except UndefinedError as exc:
        text = str(exc)
        match = _ATTRIBUTE.search(text) or _UNDEFINED.search(text)
        if match and not match.group(1).startswith("_"):
            unknown((match.group(1),), text)
        else:
            _answer_problem("forbidden", text)
        return
    except MemoryError:
        _answer_problem("memory", "")
        return
    except TypeError as exc:
        if "loader" in str(exc):  # include, import, extends: there is no loader, so no file
            _answer_problem("forbidden", "{% include %}, {% import %}, {% extends %}")
        else:
            _answer_problem("failed", f"{type(exc).__name__}: {exc}")
        return
    except Exception as exc:  # anything else a hostile or broken template provokes
        _answer_problem("failed", f"{type(exc).__name__}: {exc}")
        return
    if len(result) > MAX_OUTPUT_BYTES:  # the parent holds the answer in memory: keep it bounded
        _answer_problem("too_large", f"{len(result)} bytes")
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
