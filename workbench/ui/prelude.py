"""What a dossier page does first: load the open dossier, or say why there is none and link back."""

from __future__ import annotations

import streamlit as st

from workbench.store.dossiers import DossierNotFound, DossierRecord
from workbench.ui.common import current_dossier_id, store, tr
from workbench.ui.markup import md
from workbench.ui.progress_view import link_to_step


def open_record() -> DossierRecord | None:
    """Return the open dossier; None, with a word on the page and a link to the start, if there is none."""
    dossier_id = current_dossier_id()
    if dossier_id is not None:
        try:
            return store().load(dossier_id)
        except DossierNotFound:
            st.error(md("cli.unknown_dossier", id=dossier_id))
    else:
        st.info(tr("dossier.none_open"))
    link_to_step("start", tr("nav.start"), None, icon=":material/home:")
    return None
