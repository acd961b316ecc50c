"""A person's Workspace: every call of the interfaces, authorised in the core (facade.py)."""

from workbench.workspace.facade import AccessDenied, DossierNotFound, LoginRequired, PortfolioRow, Workspace

__all__ = ["AccessDenied", "DossierNotFound", "LoginRequired", "PortfolioRow", "Workspace"]
