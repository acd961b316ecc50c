"""`workbench user ...`, `workbench member ...`, `workbench invite ...`: people from the command line.

Whoever can open the database file may do everything here: this is how the first
administrator is made. Passwords are read from a hidden prompt or from stdin, never from an
argument (arguments end up in shell history and process lists).
"""

from __future__ import annotations

import sys
from datetime import timedelta

import click

from workbench.access.account_records import format_code
from workbench.access.accounts import Accounts
from workbench.access.permissions import DossierRole
from workbench.cli.common import DB_OPTION, CommandError, Context, friendly, open_store
from workbench.i18n import fmt_datetime


def _accounts(ctx: Context, db_path: str | None) -> Accounts:
    store = open_store(ctx, db_path)  # the same friendly refusal when the database cannot be opened
    return Accounts(store.backend, migrate=False)


def _read_password(ctx: Context) -> str:
    stdin = sys.stdin  # CliRunner swaps it too; click.get_text_stream is deprecated in click 8.5
    if stdin.isatty():
        value = click.prompt(
            ctx.say("cli.user.password_prompt"),
            hide_input=True,
            confirmation_prompt=ctx.say("cli.user.password_repeat"),
        )
        return str(value)
    line = stdin.readline()
    if not line:
        raise CommandError(ctx.say("cli.user.password_missing"))
    return line.rstrip("\r\n")


@click.group()
def user() -> None:
    """Accounts: add the first administrator, list accounts, set a password."""


@user.command(name="add")
@click.argument("email")
@click.option(
    "--admin", is_flag=True, help="Make the account an administrator (sees and manages everything)."
)
@click.option("--name", default="", help="Display name shown beside changes and comments.")
@click.option("--no-password", is_flag=True, help="No local password: the person logs in through OIDC only.")
@DB_OPTION
@click.pass_obj
@friendly
def user_add(
    ctx: Context, email: str, admin: bool, name: str, no_password: bool, db_path: str | None
) -> None:
    """Create an account; the password comes from a hidden prompt, or from stdin when piped."""
    accounts = _accounts(ctx, db_path)
    password = None if no_password else _read_password(ctx)
    created = accounts.add_user(email, name, password, admin=admin)
    key = "cli.user.added_admin" if created.is_admin else "cli.user.added"
    click.echo(ctx.say(key, email=created.email))


@user.command(name="list")
@DB_OPTION
@click.pass_obj
@friendly
def user_list(ctx: Context, db_path: str | None) -> None:
    """List the accounts, one per line: ID<TAB>email<TAB>name<TAB>flags."""
    for account in _accounts(ctx, db_path).list_users():
        flags = ",".join(f for f, on in (("admin", account.is_admin), ("disabled", account.disabled)) if on)
        click.echo(f"{account.id}\t{account.email}\t{account.display_name}\t{flags}")


@user.command(name="password")
@click.argument("email")
@DB_OPTION
@click.pass_obj
@friendly
def user_password(ctx: Context, email: str, db_path: str | None) -> None:
    """Set a new password (prompt or stdin); the account's open sessions end."""
    accounts = _accounts(ctx, db_path)
    account = accounts.find_user(email)
    if account is None:
        raise CommandError(ctx.say("members.no_such_account"))
    accounts.set_password(account.id, _read_password(ctx))
    click.echo(ctx.say("cli.user.password_set", email=account.email))


@click.group()
def member() -> None:
    """Who works on a dossier, and in which role."""


ROLE_CHOICE = click.Choice([r.value for r in DossierRole])


@member.command(name="add")
@click.argument("dossier_id", type=int)
@click.argument("email")
@click.option("--role", type=ROLE_CHOICE, required=True, help="Role in this dossier.")
@DB_OPTION
@click.pass_obj
@friendly
def member_add(ctx: Context, dossier_id: int, email: str, role: str, db_path: str | None) -> None:
    """Give an existing account a role in a dossier (or change it)."""
    accounts = _accounts(ctx, db_path)
    account = accounts.find_user(email)
    if account is None:
        raise CommandError(ctx.say("members.no_such_account"))
    accounts.set_member(dossier_id, account.id, DossierRole(role), by="cli")
    click.echo(
        ctx.say("cli.member.added", email=account.email, id=dossier_id, role=ctx.say(f"role.dossier.{role}"))
    )


@member.command(name="list")
@click.argument("dossier_id", type=int)
@DB_OPTION
@click.pass_obj
@friendly
def member_list(ctx: Context, dossier_id: int, db_path: str | None) -> None:
    """List a dossier's members, one per line: email<TAB>role."""
    open_store(ctx, db_path).load(dossier_id)
    for membership in _accounts(ctx, db_path).members(dossier_id):
        click.echo(f"{membership.email}\t{membership.role.value}")


@click.command()
@click.argument("dossier_id", type=int)
@click.option("--role", type=ROLE_CHOICE, required=True, help="Role the invited person gets.")
@click.option(
    "--days", type=click.IntRange(1, 90), default=7, show_default=True, help="Days the code stays valid."
)
@click.option(
    "--url", default="", help="Address of the app, to print a link as well, e.g. http://10.0.0.5:8501"
)
@DB_OPTION
@click.pass_obj
@friendly
def invite(ctx: Context, dossier_id: int, role: str, days: int, url: str, db_path: str | None) -> None:
    """Create a one-time invitation code for a dossier; it is shown once."""
    code, invitation = _accounts(ctx, db_path).create_invitation(
        dossier_id, DossierRole(role), by="cli", valid_for=timedelta(days=days)
    )
    click.echo(ctx.say("cli.invite.created", until=fmt_datetime(invitation.expires_at, ctx.lang)))
    if url:
        click.echo(f"{url.rstrip('/')}/?invite={code}")
    click.echo(format_code(code))
