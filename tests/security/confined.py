"""A test-only entry into the real render child: run a Python snippet after the same preload and confinement.

`run_confined` starts the interpreter exactly as `custom_templates.render_custom` does (same
flags, environment, working folder, new session), calls `template_child.prepare` (the function
the real child calls before it renders) and only then runs the snippet. The snippet sets
`result`; the probe answers with it and with what `confine` reported as engaged.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

from workbench.documents.uploaded.confinement import LAYERS
from workbench.documents.uploaded.templates import MEMORY_LIMIT_BYTES

ROOT = Path(__file__).resolve().parents[2]

_PROBE = """
import json, sys
sys.path.insert(0, sys.argv[1])
request = json.loads(sys.stdin.read())
import os, socket, subprocess
from workbench.documents.uploaded.child import prepare

def attempt(action):
    try:
        value = action()
    except BaseException as exc:
        return {"ok": False, "error": f"{type(exc).__name__}: {exc}", "errno": getattr(exc, "errno", None)}
    return {"ok": True, "value": repr(value)[:200]}

engaged = prepare(request["cpu_seconds"], request["memory_bytes"], frozenset(request["layers"]))
values = request["values"]
result = None
exec(request["snippet"])
sys.stdout.write(json.dumps({"engaged": engaged, "result": result}))
"""


def run_confined(
    snippet: str, layers: frozenset[str] = LAYERS, timeout: float = 120, **values: Any
) -> dict[str, Any]:
    """Run `snippet` in a confined child; return {"engaged": ..., "result": ...}."""
    request = {
        "snippet": snippet,
        "layers": sorted(layers),
        "values": values,
        "cpu_seconds": 30,
        "memory_bytes": MEMORY_LIMIT_BYTES,
    }
    with tempfile.TemporaryDirectory(prefix="workbench-probe-") as empty:
        process = subprocess.run(
            [sys.executable, "-I", "-c", _PROBE, str(ROOT)],
            input=json.dumps(request).encode(),
            capture_output=True,
            cwd=empty,
            env={"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "LANG": "C.UTF-8", "HOME": empty},
            start_new_session=True,
            timeout=timeout,
        )
    assert process.stdout, (
        f"the probe answered nothing (exit {process.returncode}): {process.stderr[-2000:]!r}"
    )
    answer: dict[str, Any] = json.loads(process.stdout)
    return answer
