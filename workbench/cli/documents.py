"""`workbench graph`, `workbench agreement`, `workbench strategy`: the network and the Word documents."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any, Literal

import click

from workbench.cli.common import DB_OPTION, CommandError, Context, actor, friendly, open_store, write_bytes
from workbench.i18n import LANGUAGES

GRAPH_FORMATS = (".html", ".png", ".svg")


@click.command(name="graph")
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
    from workbench.network import page, picture
    from workbench.network.analysis import analyse
    from workbench.network.graph import build

    suffix = output.suffix.lower()
    if suffix not in GRAPH_FORMATS:
        raise CommandError(
            ctx.say("graph.cli.format", suffix=suffix or "-", formats=", ".join(GRAPH_FORMATS))
        )
    dossier = open_store(ctx, db_path).load(dossier_id).dossier
    built = build(dossier, include_access_points=access_points, include_target_groups=target_groups)
    analysis = analyse(dossier, built)
    content: str | bytes
    if suffix == ".html":
        content = page.to_html(dossier, built, analysis, ctx.lang)
    elif suffix == ".png":
        content = picture.to_png(dossier, ctx.lang, built)
    else:
        content = picture.to_svg(dossier, ctx.lang, built)
    try:
        if isinstance(content, bytes):
            output.write_bytes(content)
        else:
            output.write_text(content, encoding="utf-8")
    except OSError as exc:
        raise CommandError(ctx.say("cli.write_error", path=output, reason=exc.strerror)) from exc
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


@click.command(name="agreement")
@_document_options
def agreement_command(ctx: Context, **options: Any) -> None:
    """Write the draft samenwerkingsovereenkomst of a dossier as a Word file."""
    _write_document(ctx, "agreement", **options)


@click.command(name="strategy")
@_document_options
def strategy_command(ctx: Context, **options: Any) -> None:
    """Write the samenwerkingsstrategie of a dossier as a Word file."""
    _write_document(ctx, "strategy", **options)


@click.command(name="submission")
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
    from workbench.collab.reviews import Reviews
    from workbench.collab.section_state import clause_checks, section_progress
    from workbench.documents import generate as documents
    from workbench.documents.uploaded import templates as custom_templates
    from workbench.workspace.documents import make_document_version

    lang = doc_lang or ctx.lang
    store = open_store(ctx, db_path)
    try:
        made = make_document_version(
            store,  # the command line is trusted: the bare Store
            dossier_id,
            kind,
            lang,
            by=actor(),
            template=template.read_bytes() if template else None,
            template_name=template.name if template else "",
            picture=not no_picture,
            before_keeping=lambda data: write_bytes(ctx, output, data),
        )
    except custom_templates.TemplateProblem as exc:
        raise CommandError(exc.message) from exc
    record, data = made.record, made.data
    click.echo(
        ctx.say("documents.cli.written", path=output, revision=record.revision, version=made.version.id)
    )
    # The same open points as the Documenten page: the document's gaps and a coach's "werk nodig".
    reviews = Reviews(store.backend, migrate=False).section_reviews(dossier_id)
    sections = section_progress(record.dossier, reviews, store.step_changes(dossier_id))
    for check in clause_checks(record.dossier, sections, ctx.lang, kind):
        if check.missing:
            click.echo(ctx.say("documents.cli.open_points", number=check.number, title=check.title))
            for missing in check.missing:
                click.echo(f"  - {missing}")
    if pdf:
        try:
            converted = documents.to_pdf(data, lang=ctx.lang)
        except documents.PdfError as exc:
            raise CommandError(ctx.say("documents.cli.pdf_failed", reason=exc)) from exc
        if converted is None:
            raise CommandError(documents.pdf_unavailable_reason(ctx.lang) or "")
        pdf_path = output.with_suffix(".pdf")
        write_bytes(ctx, pdf_path, converted)
        click.echo(ctx.say("documents.cli.pdf_written", path=pdf_path))
