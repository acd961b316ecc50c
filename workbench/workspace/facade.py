"""A person's view of the workbench: the dossier store, comments and reviews, with every call authorised.

Pages talk to a Workspace exactly as they would to a Store (same method names and arguments),
but the Workspace knows who acts: it checks the permission matrix before each call and records
changes under the person's own name. A `by` argument is accepted for compatibility with Store
and ignored, so a page cannot record a change under someone else's name.

Open workshop mode: while no account exists, an open Workspace lets everybody do everything
except managing members (there is nobody to manage). As soon as the first account is created
(`workbench user add EMAIL --admin`), an open Workspace refuses every call with LoginRequired.

The calls live by concern: person.py (who acts, the checks), dossiers.py, documents.py,
review.py, suggestions.py, inbox.py (what is new, review requests, assignments, mail),
people.py, together.py (workshops, consent) and portfolio.py.
"""

from __future__ import annotations

from workbench.access.permissions import AccessDenied, LoginRequired
from workbench.dossier.records import DossierNotFound
from workbench.store.db import Address
from workbench.workspace.documents import DocumentCalls
from workbench.workspace.inbox import InboxCalls
from workbench.workspace.people import PeopleCalls
from workbench.workspace.portfolio import PortfolioCalls, PortfolioRow
from workbench.workspace.suggestions import SuggestionCalls
from workbench.workspace.together import WorkshopCalls


class Workspace(PortfolioCalls, DocumentCalls, InboxCalls, SuggestionCalls, PeopleCalls, WorkshopCalls):
    """Everything one person may do, checked in the core: a refused call raises AccessDenied."""

    @classmethod
    def open_mode(cls, address: Address, name: str) -> Workspace:
        """Return the workspace of the single-user workshop mode (no accounts yet)."""
        return cls(address, None, open_name=name)


__all__ = ["AccessDenied", "DossierNotFound", "LoginRequired", "PortfolioRow", "Workspace"]
