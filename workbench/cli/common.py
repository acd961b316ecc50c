"""What every `workbench` command shares: the language, the database option, one-line refusals."""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Callable
from functools import wraps
from pathlib import Path
from typing import Any

import click

from workbench.dossier.portable import ImportFailed
from workbench.i18n import t
from workbench.store.backup import BackupRefused
from workbench.store.db import StorageFailure, database_path
from workbench.store.dossiers import DossierNotFound, Store

DB_OPTION = click.option(
    "--db",
    "db_path",
    type=click.Path(dir_okay=False),
    default=None,
    help="SQLite database file (default: $WORKBENCH_DB, else workbench.db here).",
)


class Refusal(click.ClickException):
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
    path = database_path(db_path)
    try:
        return Store(path)
    except StorageFailure as exc:
        reason = ctx.say(f"storage.{exc.reason}")
        raise Refusal(ctx.say("cli.database_error", path=path, reason=reason)) from exc
    except (sqlite3.Error, OSError) as exc:
        raise Refusal(ctx.say("cli.database_error", path=path, reason=exc)) from exc


def friendly(func: Callable[..., Any]) -> Callable[..., Any]:
    """Turn the store's and importer's refusals into one-line errors, never a traceback."""

    @wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        ctx: Context = click.get_current_context().obj
        try:
            return func(*args, **kwargs)
        except DossierNotFound as exc:
            raise Refusal(ctx.say("cli.unknown_dossier", id=exc.dossier_id)) from exc
        except ImportFailed as exc:
            lines = [ctx.say(exc.reason, **exc.params)] + [p.message(ctx.lang) for p in exc.problems]
            raise Refusal("\n".join(lines)) from exc
        except BackupRefused as exc:
            raise Refusal(ctx.say(exc.reason, path=exc.path)) from exc
        except StorageFailure as exc:
            raise Refusal(ctx.say("storage.cli", reason=ctx.say(f"storage.{exc.reason}"))) from exc
        except sqlite3.Error as exc:
            raise Refusal(str(exc)) from exc

    return wrapper


def write_bytes(ctx: Context, path: Path, data: bytes) -> None:
    """Write a file, or refuse in one line."""
    try:
        path.write_bytes(data)
    except OSError as exc:
        raise Refusal(ctx.say("cli.write_error", path=path, reason=exc.strerror)) from exc
