"""The `workbench` command line: the group, and the commands on whole dossiers (demo, list, export, ...).

Documents and the network have their commands in cli/documents.py, people theirs in cli/access.py.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import click

from workbench.cli import access, documents
from workbench.cli.common import DB_OPTION, CommandError, Context, actor, friendly, open_store
from workbench.dossier.portable import (
    SCHEMA_NAME,
    ImportFailed,
    cleaned_fields,
    cleaned_summary,
    looks_like_dossier,
    parse,
    read_file,
    read_json,
    schema_text,
    to_json,
)
from workbench.dossier.validation import parse_dossier, rule_problems
from workbench.i18n import LANGUAGES, t
from workbench.store.backup import backup, restore_backup
from workbench.store.copy import copy_database
from workbench.store.db import database_address, open_backend


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.option(
    "--lang",
    type=click.Choice(LANGUAGES),
    default=lambda: os.environ.get("WORKBENCH_LANG", "nl"),
    show_default="nl, or $WORKBENCH_LANG",
    help="Language of messages.",
)
@click.pass_context
def main(click_ctx: click.Context, lang: str) -> None:
    """Digibank Werkbank: dossiers of digibank partnerships, from the command line."""
    click_ctx.obj = Context(lang)


@main.command()
@DB_OPTION
@click.pass_obj
@friendly
def demo(ctx: Context, db_path: str | None) -> None:
    """Load the demo dossiers into the database."""
    from workbench.demo import demo_dossiers

    store = open_store(ctx, db_path)
    dossiers = demo_dossiers()
    click.echo(ctx.say("cli.demo_loaded", count=len(dossiers)))
    for dossier in dossiers:
        new_id = store.import_dossier(dossier, by="demo")
        click.echo(f"{new_id}\t{dossier.identity.name}")


@main.command(name="list")
@DB_OPTION
@click.pass_obj
@friendly
def list_dossiers(ctx: Context, db_path: str | None) -> None:
    """List the dossiers, one per line: ID<TAB>name."""
    for summary in open_store(ctx, db_path).list_dossiers():
        click.echo(f"{summary.id}\t{summary.name}")


@main.command(name="export")
@click.argument("dossier_id", type=int)
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    required=True,
    help="JSON file to write.",
)
@DB_OPTION
@click.pass_obj
@friendly
def export_dossier(ctx: Context, dossier_id: int, output: Path, db_path: str | None) -> None:
    """Export a dossier to one portable JSON file."""
    record = open_store(ctx, db_path).load(dossier_id)
    try:
        output.write_text(to_json(record.dossier), encoding="utf-8")
    except OSError as exc:
        raise CommandError(ctx.say("cli.write_error", path=output, reason=exc.strerror)) from exc
    click.echo(ctx.say("cli.exported", id=dossier_id, path=output))


@main.command(name="import")
@click.argument("file", type=click.Path(path_type=Path))
@DB_OPTION
@click.pass_obj
@friendly
def import_dossier(ctx: Context, file: Path, db_path: str | None) -> None:
    """Import a JSON file as a new dossier; prints the new ID last."""
    imported = parse(read_file(file))
    new_id = open_store(ctx, db_path).import_dossier(imported.dossier, by=actor())
    if cleaned := cleaned_summary(imported.cleaned, ctx.lang):
        click.echo(cleaned, err=True)  # stdout keeps the new ID as its last word
    click.echo(f"{ctx.say('cli.imported')}: {new_id}")


@main.command()
@click.argument("file", type=click.Path(path_type=Path))
@click.pass_obj
@friendly
def validate(ctx: Context, file: Path) -> None:
    """Check a JSON dossier: exit 0 when valid, 1 with one line per problem."""
    raw = read_json(read_file(file))
    if not looks_like_dossier(raw):
        raise ImportFailed("import.not_a_dossier")
    dossier, problems = parse_dossier(raw)
    if dossier is not None:
        problems = rule_problems(dossier)
        if cleaned := cleaned_summary(cleaned_fields(raw, dossier), ctx.lang):
            click.echo(f"{t('severity.warning', ctx.lang)}: {cleaned}")
    errors = [p for p in problems if p.severity == "error"]
    for problem in problems:
        click.echo(
            f"{t('severity.' + problem.severity, ctx.lang)}: {problem.message(ctx.lang)}",
            err=problem.severity == "error",
        )
    if errors:
        sys.exit(1)
    assert dossier is not None
    click.echo(ctx.say("cli.valid", name=dossier.identity.name))


@main.command()
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    required=True,
    help="New file to write the backup to.",
)
@DB_OPTION
@click.pass_obj
@friendly
def backup_command(ctx: Context, output: Path, db_path: str | None) -> None:
    """Back up the database while the app may be running (SQLite online backup)."""
    backup(open_store(ctx, db_path).backend, output)
    click.echo(ctx.say("backup.written", path=output))


@main.command()
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--force", is_flag=True, help="Overwrite an existing database.")
@DB_OPTION
@click.pass_obj
@friendly
def restore(ctx: Context, file: Path, force: bool, db_path: str | None) -> None:
    """Restore the database from a backup; refuses to overwrite without --force."""
    target = database_address(db_path)
    restore_backup(file, target, force=force)
    click.echo(ctx.say("backup.restored", path=target))


@main.command("copy-db")
@click.argument("source")
@click.argument("target")
@click.pass_obj
@friendly
def copy_db(ctx: Context, source: str, target: str) -> None:
    """Copy a whole database to an empty one (a SQLite file or a postgresql:// URL) and check the copy.

    The check compares every table: the number of rows and a digest of their content.
    """
    origin, destination = open_backend(source), open_backend(target)
    checks = copy_database(origin, destination)
    click.echo(ctx.say("copy.copied", source=origin.describe(), target=destination.describe()))
    for check in checks:
        click.echo(f"{check.table}\t{check.source_rows}\t{check.target_rows}")
    click.echo(ctx.say("copy.checked", tables=len(checks), rows=sum(c.target_rows for c in checks)))


@main.command()
@click.option("--check", is_flag=True, help="Fail when the schema on disk is stale instead of writing it.")
@click.option(
    "--dir",
    "directory",
    type=click.Path(file_okay=False, path_type=Path),
    default=Path("schemas"),
    show_default=True,
    help="Folder of the schema files.",
)
@click.pass_obj
def schemas(ctx: Context, check: bool, directory: Path) -> None:
    """Write schemas/dossier.schema.json from the model (or check it with --check)."""
    path = directory / SCHEMA_NAME
    wanted = schema_text()
    if check:
        current = path.read_text(encoding="utf-8") if path.exists() else ""
        if current != wanted:
            raise CommandError(ctx.say("cli.schema_stale", path=path))
        click.echo(ctx.say("cli.schema_fresh", path=path))
        return
    directory.mkdir(parents=True, exist_ok=True)
    path.write_text(wanted, encoding="utf-8")
    click.echo(ctx.say("cli.schema_written", path=path))


for command in (
    documents.graph_command,
    documents.agreement_command,
    documents.strategy_command,
    documents.submission_command,
    access.user,
    access.member,
    access.invite,
):
    main.add_command(command)

if __name__ == "__main__":  # pragma: no cover
    main()
