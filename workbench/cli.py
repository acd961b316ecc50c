"""The `workbench` command line: a thin client of the store, the portable format and the demo."""

from __future__ import annotations

import os
import sqlite3
import sys
from collections.abc import Callable
from functools import wraps
from pathlib import Path
from typing import Any, Literal

import click

from workbench.backup import BackupRefused, backup, restore_backup
from workbench.db import StorageFailure, database_path
from workbench.i18n import LANGUAGES, t
from workbench.portable import (
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
from workbench.store import DossierNotFound, Store
from workbench.validation import parse_dossier, rule_problems

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


def _actor() -> str:
    return os.environ.get("WORKBENCH_USER") or os.environ.get("USER") or "cli"


def _store(ctx: Context, db_path: str | None) -> Store:
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

    store = _store(ctx, db_path)
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
    for summary in _store(ctx, db_path).list_dossiers():
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
    record = _store(ctx, db_path).load(dossier_id)
    try:
        output.write_text(to_json(record.dossier), encoding="utf-8")
    except OSError as exc:
        raise Refusal(ctx.say("cli.write_error", path=output, reason=exc.strerror)) from exc
    click.echo(ctx.say("cli.exported", id=dossier_id, path=output))


@main.command(name="import")
@click.argument("file", type=click.Path(path_type=Path))
@DB_OPTION
@click.pass_obj
@friendly
def import_dossier(ctx: Context, file: Path, db_path: str | None) -> None:
    """Import a JSON file as a new dossier; prints the new ID last."""
    imported = parse(read_file(file))
    new_id = _store(ctx, db_path).import_dossier(imported.dossier, by=_actor())
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


GRAPH_FORMATS = (".html", ".png", ".svg")


@main.command(name="graph")
@click.argument("dossier_id", type=int)
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    required=True,
    help="File to write: .html (interactive, offline), .png or .svg (with legend).",
)
@click.option("--access-points", is_flag=True, help="Also draw the digipunten and who hosts them.")
@click.option("--target-groups", is_flag=True, help="Also draw the target groups and who reaches them.")
@click.option("--findings", is_flag=True, help="Also print what the analysis found, one line each.")
@DB_OPTION
@click.pass_obj
@friendly
def graph_command(
    ctx: Context,
    dossier_id: int,
    output: Path,
    access_points: bool,
    target_groups: bool,
    findings: bool,
    db_path: str | None,
) -> None:
    """Draw the partner network of a dossier; the format follows the suffix of OUTPUT."""
    from workbench import graph, graph_render

    suffix = output.suffix.lower()
    if suffix not in GRAPH_FORMATS:
        raise Refusal(ctx.say("graph.cli.format", suffix=suffix or "-", formats=", ".join(GRAPH_FORMATS)))
    dossier = _store(ctx, db_path).load(dossier_id).dossier
    built = graph.build(dossier, include_access_points=access_points, include_target_groups=target_groups)
    analysis = graph.analyse(dossier, built)
    content: str | bytes
    if suffix == ".html":
        content = graph_render.to_html(dossier, built, analysis, ctx.lang)
    elif suffix == ".png":
        content = graph_render.to_png(dossier, ctx.lang, built)
    else:
        content = graph_render.to_svg(dossier, ctx.lang, built)
    try:
        if isinstance(content, bytes):
            output.write_bytes(content)
        else:
            output.write_text(content, encoding="utf-8")
    except OSError as exc:
        raise Refusal(ctx.say("cli.write_error", path=output, reason=exc.strerror)) from exc
    if findings:
        for finding in analysis.findings:
            click.echo(f"{ctx.say('graph.severity.' + finding.severity)}: {finding.message(ctx.lang)}")
    click.echo(
        ctx.say(
            "graph.cli.written",
            id=dossier_id,
            path=output,
            errors=analysis.count("error"),
            warnings=analysis.count("warning"),
        )
    )


def _document_options(func: Callable[..., Any]) -> Callable[..., Any]:
    """Options shared by `workbench agreement` and `workbench strategy`."""
    options: list[Callable[[Callable[..., Any]], Callable[..., Any]]] = [
        click.argument("dossier_id", type=int),
        click.option(
            "-o",
            "--output",
            type=click.Path(dir_okay=False, path_type=Path),
            required=True,
            help="Word file to write (.docx).",
        ),
        click.option(
            "--lang",
            "doc_lang",
            type=click.Choice(LANGUAGES),
            default=None,
            help="Language of the document (default: the language of messages).",
        ),
        click.option(
            "--template",
            type=click.Path(dir_okay=False, exists=True, path_type=Path),
            default=None,
            help="Own .docx template (rendered sandboxed; unknown variables are reported).",
        ),
        click.option("--pdf", is_flag=True, help="Also write a PDF beside it (needs LibreOffice)."),
        click.option("--no-picture", is_flag=True, help="Leave out the network picture (faster)."),
        DB_OPTION,
        click.pass_obj,
        friendly,
    ]
    for option in reversed(options):
        func = option(func)
    return func


@main.command(name="agreement")
@_document_options
def agreement_command(ctx: Context, **options: Any) -> None:
    """Write the draft samenwerkingsovereenkomst of a dossier as a Word file."""
    _write_document(ctx, "agreement", **options)


@main.command(name="strategy")
@_document_options
def strategy_command(ctx: Context, **options: Any) -> None:
    """Write the samenwerkingsstrategie of a dossier as a Word file."""
    _write_document(ctx, "strategy", **options)


@main.command(name="submission")
@_document_options
def submission_command(ctx: Context, **options: Any) -> None:
    """Write the samenwerkingsstrategie as it is submitted: no tool language, consent or raw findings."""
    _write_document(ctx, "submission", **options)


def _write_document(
    ctx: Context,
    kind: Literal["agreement", "strategy", "submission"],
    dossier_id: int,
    output: Path,
    doc_lang: str | None,
    template: Path | None,
    pdf: bool,
    no_picture: bool,
    db_path: str | None,
) -> None:
    from workbench import custom_templates, documents
    from workbench.consent import consent_matrix

    store = _store(ctx, db_path)
    record = store.load(dossier_id)
    lang = doc_lang or ctx.lang
    try:
        data = documents.generate(
            record.dossier,
            lang,
            kind,
            revision=record.revision,
            template=template.read_bytes() if template else None,
            picture=not no_picture,
            consent=consent_matrix(store.path, dossier_id, record.dossier),
        )
    except custom_templates.TemplateProblem as exc:
        raise Refusal(exc.message) from exc
    _write_bytes(ctx, output, data)
    version = store.save_document(
        dossier_id,
        kind=kind,
        lang=lang,
        revision=record.revision,
        data=data,
        by=_actor(),
        template=template.name if template else "",
    )
    click.echo(ctx.say("documents.cli.written", path=output, revision=record.revision, version=version.id))
    for check in documents.readiness(record.dossier, ctx.lang, kind):
        if check.missing:
            click.echo(ctx.say("documents.cli.open_points", number=check.number, title=check.title))
            for missing in check.missing:
                click.echo(f"  - {missing}")
    if pdf:
        try:
            converted = documents.to_pdf(data, lang=ctx.lang)
        except documents.PdfError as exc:
            raise Refusal(ctx.say("documents.cli.pdf_failed", reason=exc)) from exc
        if converted is None:
            raise Refusal(documents.pdf_unavailable_reason(ctx.lang) or "")
        pdf_path = output.with_suffix(".pdf")
        _write_bytes(ctx, pdf_path, converted)
        click.echo(ctx.say("documents.cli.pdf_written", path=pdf_path))


def _write_bytes(ctx: Context, path: Path, data: bytes) -> None:
    try:
        path.write_bytes(data)
    except OSError as exc:
        raise Refusal(ctx.say("cli.write_error", path=path, reason=exc.strerror)) from exc


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
    backup(_store(ctx, db_path).path, output)
    click.echo(ctx.say("backup.written", path=output))


@main.command()
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--force", is_flag=True, help="Overwrite an existing database.")
@DB_OPTION
@click.pass_obj
@friendly
def restore(ctx: Context, file: Path, force: bool, db_path: str | None) -> None:
    """Restore the database from a backup; refuses to overwrite without --force."""
    target = database_path(db_path)
    restore_backup(file, target, force=force)
    click.echo(ctx.say("backup.restored", path=target))


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
            raise Refusal(ctx.say("cli.schema_stale", path=path))
        click.echo(ctx.say("cli.schema_fresh", path=path))
        return
    directory.mkdir(parents=True, exist_ok=True)
    path.write_text(wanted, encoding="utf-8")
    click.echo(ctx.say("cli.schema_written", path=path))


# Accounts, members and invitations have their own module; importing it registers the commands.
from workbench import cli_access  # noqa: E402

if __name__ == "__main__":  # pragma: no cover
    # Run the registered group of workbench.cli, not the copy that `python -m` loads as __main__.
    cli_access.main()
