"""Talk to a child process over its pipes without trusting how much it says.

`subprocess.communicate` reads everything a child writes into memory. The child that renders an
uploaded template answers with whatever the template makes it say: on main an error message that
quoted a huge string put 128 MB on its stderr and 96 MB on its stdout, and the app held up to 1 GB
for one render. `exchange` sends the request and reads both pipes like communicate, with a limit per
pipe: past it the child's process group is killed and AnswerTooLarge raised.
"""

from __future__ import annotations

import contextlib
import os
import selectors
import signal
import subprocess
import time
from typing import IO

_CHUNK = 64 * 1024


class AnswerTooLarge(Exception):
    """The child wrote more to a pipe than the caller allows; it has been killed."""


def exchange(
    process: subprocess.Popen[bytes], payload: bytes, timeout: float, limits: tuple[int, int]
) -> tuple[bytes, bytes]:
    """Write payload to stdin, read stdout and stderr up to limits (bytes); return them when the child ends.

    Raises subprocess.TimeoutExpired past the timeout (the child still runs: the caller kills it)
    and AnswerTooLarge when a pipe goes past its limit (the child is killed).
    """
    assert process.stdin is not None and process.stdout is not None and process.stderr is not None
    deadline = time.monotonic() + timeout
    pipes: dict[IO[bytes], tuple[bytearray, int]] = {
        process.stdout: (bytearray(), limits[0]),
        process.stderr: (bytearray(), limits[1]),
    }
    sent = 0
    os.set_blocking(process.stdin.fileno(), False)
    with selectors.DefaultSelector() as selector:
        if payload:
            selector.register(process.stdin, selectors.EVENT_WRITE)
        else:
            process.stdin.close()
        for pipe in pipes:
            selector.register(pipe, selectors.EVENT_READ)
        while selector.get_map():
            left = deadline - time.monotonic()
            if left <= 0:
                raise subprocess.TimeoutExpired(process.args, timeout)
            for key, _ in selector.select(left):
                if key.fileobj is process.stdin:
                    try:
                        sent += os.write(key.fd, payload[sent : sent + _CHUNK])
                    except BlockingIOError:
                        continue
                    except BrokenPipeError:  # the child stopped reading: its answer says why
                        sent = len(payload)
                    if sent >= len(payload):
                        selector.unregister(process.stdin)
                        with contextlib.suppress(BrokenPipeError):
                            process.stdin.close()
                    continue
                buffer, limit = pipes[key.fileobj]  # type: ignore[index]
                data = os.read(key.fd, _CHUNK)
                if not data:
                    selector.unregister(key.fileobj)
                    continue
                if len(buffer) + len(data) > limit:
                    kill(process)
                    raise AnswerTooLarge(f"more than {limit} bytes on one pipe")
                buffer.extend(data)
    process.wait(max(0.0, deadline - time.monotonic()))
    return bytes(pipes[process.stdout][0]), bytes(pipes[process.stderr][0])


def kill(process: subprocess.Popen[bytes]) -> None:
    """Kill the child's whole process group (it runs in a session of its own) and reap it."""
    with contextlib.suppress(ProcessLookupError):
        os.killpg(process.pid, signal.SIGKILL)
    with contextlib.suppress(ProcessLookupError):
        process.kill()  # a child started without a session of its own
    process.wait()
    for pipe in (process.stdin, process.stdout, process.stderr):
        if pipe is not None:
            with contextlib.suppress(OSError):
                pipe.close()
