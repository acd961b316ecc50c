"""A throwaway PostgreSQL server for the tests and benches: initdb in a folder, loopback only, then gone.

    python tests/postgres_server.py start DIR [--durable]   prints the server's URL (a new database)
    python tests/postgres_server.py stop DIR                stops it and removes DIR

Debian's `postgresql` package provides the programs (/usr/lib/postgresql/<version>/bin, or
$WORKBENCH_PG_BIN). initdb and pg_ctl refuse to run as root, so under root they run as the
`postgres` user in a folder handed to it. The server listens on 127.0.0.1 and a free port only,
with a random password (scram-sha-256) and its socket inside DIR. Without --durable it skips
fsync: it is thrown away afterwards, and tests should not wait for the disk.
"""

from __future__ import annotations

import argparse
import glob
import os
import secrets
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

DATABASE = "workbench"
USER = "workbench"


def binaries() -> Path:
    """Return the folder of initdb and pg_ctl, or exit when PostgreSQL is not installed."""
    given = os.environ.get("WORKBENCH_PG_BIN")
    found = [given] if given else sorted(glob.glob("/usr/lib/postgresql/*/bin"), key=_version)
    for folder in reversed(found):
        if (Path(folder) / "initdb").exists():
            return Path(folder)
    sys.exit("PostgreSQL is not installed (Debian: apt-get install postgresql)")


def _version(folder: str) -> tuple[int, ...]:
    name = Path(folder).parent.name
    return tuple(int(p) for p in name.split(".") if p.isdigit())


def _as_server_user(command: list[str]) -> list[str]:
    return ["runuser", "-u", "postgres", "--", *command] if os.geteuid() == 0 else command


def _hand_over(folder: Path) -> None:
    """Give the folder to the postgres user when we are root (initdb refuses to run as root)."""
    if os.geteuid() == 0:
        shutil.chown(folder, "postgres", "postgres")


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def start(folder: Path, durable: bool = False) -> str:
    """Create and start a server in `folder`; return the URL of a fresh database on it."""
    bin_dir = binaries()
    folder.mkdir(parents=True, exist_ok=True)
    folder.chmod(0o700)
    _hand_over(folder)
    password = secrets.token_urlsafe(18)
    secret = folder / "pw"
    secret.write_text(password + "\n")
    _hand_over(secret)
    data = folder / "data"
    subprocess.run(
        _as_server_user(
            [
                str(bin_dir / "initdb"),
                "-D",
                str(data),
                "-U",
                USER,
                "--pwfile",
                str(secret),
                "--auth",
                "scram-sha-256",
                "-E",
                "UTF8",
                "--locale",
                "C.UTF-8",
            ]
        ),
        check=True,
        capture_output=True,
    )
    secret.unlink()
    settings = [
        "-c listen_addresses=127.0.0.1",
        f"-k {folder}",
        "-c unix_socket_permissions=0700",
        "-c max_connections=300",
    ]
    if not durable:
        settings += ["-c fsync=off", "-c synchronous_commit=off", "-c full_page_writes=off"]
    for _ in range(5):  # a free port may be taken between asking and binding: try another
        port = _free_port()
        result = subprocess.run(
            _as_server_user(
                [
                    str(bin_dir / "pg_ctl"),
                    "-D",
                    str(data),
                    "-l",
                    str(folder / "server.log"),
                    "-o",
                    " ".join([*settings, f"-p {port}"]),
                    "-w",
                    "-t",
                    "120",
                    "start",
                ]
            ),
            capture_output=True,
            text=True,
        )
        if result.returncode == 0:
            break
    else:
        log = (folder / "server.log").read_text(errors="replace") if (folder / "server.log").exists() else ""
        sys.exit(f"PostgreSQL did not start:\n{result.stdout}{result.stderr}{log[-2000:]}")
    (folder / "port").write_text(str(port))
    base = f"postgresql://{USER}:{password}@127.0.0.1:{port}"
    _create_database(f"{base}/postgres")
    return f"{base}/{DATABASE}"


def _create_database(url: str) -> None:
    import psycopg  # the project's driver; imported here so that `stop` works without it

    for attempt in range(30):
        try:
            with psycopg.connect(url, autocommit=True) as conn:
                conn.execute(f"CREATE DATABASE {DATABASE}")
            return
        except psycopg.OperationalError:
            if attempt == 29:
                raise
            time.sleep(1)


def stop(folder: Path) -> None:
    """Stop the server in `folder` (if it runs) and remove the folder."""
    data = folder / "data"
    if (data / "postmaster.pid").exists():
        subprocess.run(
            _as_server_user([str(binaries() / "pg_ctl"), "-D", str(data), "-m", "fast", "-w", "stop"]),
            capture_output=True,
        )
    shutil.rmtree(folder, ignore_errors=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("action", choices=["start", "stop"])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--durable", action="store_true", help="keep fsync on (for benchmarks)")
    args = parser.parse_args()
    if args.action == "start":
        print(start(args.folder.resolve(), durable=args.durable))
    else:
        stop(args.folder.resolve())


if __name__ == "__main__":
    main()
