"""What every `workbench` command shares: the language, the database option, one-line refusals."""

from __future__ import annotations

import os
from collections.abc import Callable
from functools import wraps
from pathlib import Path
from typing import Any

import click

from workbench.i18n import t
from workbench.refusal import Refusal
from workbench.store.db import StorageFailure, database_address, driver_errors, open_backend
from workbench.store.dossiers import Store

DB_OPTION = click.option(
    "--db",
    "db_path",
    default=None,
    help="SQLite database file, or a postgresql:// URL (default: $WORKBENCH_DB, else workbench.db here).",
)


class CommandError(click.ClickException):
    """A one-line error in the user's language, exit code 1."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        # Taken now: by the time click shows the error, its context is gone.
        ctx = click.get_current_context(silent=True)
        obj = ctx.find_object(Context) if ctx else None
        self.lang = obj.lang if obj else os.environ.get("WORKBENCH_LANG", "nl")

    def show(self, file: Any = None) -> None:
        click.echo(f"{t('cli.error', self.lang)}: {self.format_message()}", err=True)


class Context:
    def __init__(self, lang: str) -> None:
        self.lang = lang

    def say(self, key: str, **params: Any) -> str:
        return t(key, self.lang, **params)


def actor() -> str:
    """Return the name a change from the command line is recorded under."""
    return os.environ.get("WORKBENCH_USER") or os.environ.get("USER") or "cli"


def open_store(ctx: Context, db_path: str | None) -> Store:
    """Open the database, or refuse in one line when it cannot be opened."""
    backend = open_backend(database_address(db_path))
    shown = backend.describe()  # a server's URL without its password
    cannot_open: tuple[type[Exception], ...] = (OSError, *driver_errors())
    try:
        return Store(backend)
    except StorageFailure as exc:
        reason = ctx.say(f"storage.{exc.reason}")
        raise CommandError(ctx.say("cli.database_error", path=shown, reason=reason)) from exc
    except cannot_open as exc:
        raise CommandError(ctx.say("cli.database_error", path=shown, reason=exc)) from exc


def friendly(func: Callable[..., Any]) -> Callable[..., Any]:
    """Turn every refusal of the core, and database faults, into one-line errors, never a traceback."""

    @wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        ctx: Context = click.get_current_context().obj
        try:
            return func(*args, **kwargs)
        except Refusal as exc:  # an unknown dossier, a file that is no dossier, a taken email, ...
            raise CommandError(exc.message(ctx.lang)) from exc
        except StorageFailure as exc:
            raise CommandError(ctx.say("storage.cli", reason=ctx.say(f"storage.{exc.reason}"))) from exc
        except driver_errors() as exc:
            raise CommandError(str(exc)) from exc

    return wrapper


def write_bytes(ctx: Context, path: Path, data: bytes) -> None:
    """Write a file, or refuse in one line."""
    try:
        path.write_bytes(data)
    except OSError as exc:
        raise CommandError(ctx.say("cli.write_error", path=path, reason=exc.strerror)) from exc
