"""Fuzzed hostile text through the graph and the Word documents: valid output, text intact."""

from __future__ import annotations

import html
import io

import docx
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.documents.test_generate import document_text
from workbench.documents import generate as documents
from workbench.dossier.model import Dossier, Flow, Identity, Partner, RoleAssignment, clean_line, clean_text
from workbench.network import picture
from workbench.network.analysis import analyse
from workbench.network.graph import build
from workbench.network.page import to_html

PAYLOADS = [
    "<script>window.__x=1</script>",
    "zie href <img src=x onerror=alert(1)>",
    "{{ 7*7 }}",
    "{%- raw %}",
    "{_{ x }_}",
    "Jansen & Zn \"q\" 'a' <b>",
    "$x^2$ **vet** [l](javascript:x)",
    "مرحبا",
    "🚀",
    "a\x0bb",
]
text = st.one_of(st.sampled_from(PAYLOADS), st.text(min_size=1, max_size=80))
name = text.map(clean_line).filter(bool)


def hostile_dossier(names: list[str], narrative: str, engagement: str) -> Dossier:
    partners = [Partner(id=f"p{i}", name=n) for i, n in enumerate(names)]
    return Dossier(
        identity=Identity(name=names[0], call="voortraject"),
        partners=partners,
        roles=[
            RoleAssignment(id="r0", partner_id="p0", role="promotor", engagement=engagement),
            RoleAssignment(id="r1", partner_id="p1", role="toeleider", objectives=["ondersteuning"]),
        ],
        flows=[
            Flow(
                id="f0",
                type="referral",
                source_partner_id="p1",
                target_partner_id="p0",
                description=engagement,
            )
        ],
        strategy={"doelgroep": {"narrative": narrative}},
    )


@settings(max_examples=25, deadline=None)
@given(names=st.lists(name, min_size=2, max_size=3, unique=True), narrative=text, engagement=text)
def test_graph_page_escapes_every_hostile_name(names: list[str], narrative: str, engagement: str) -> None:
    dossier = hostile_dossier(names, narrative, engagement)
    built = build(dossier)
    page = to_html(dossier, built, analyse(dossier, built), "nl")
    assert "<script>window.__x" not in page and "<img src=x" not in page
    assert picture.to_svg(dossier, "nl").lstrip().startswith(("<?xml", "<svg"))


@settings(max_examples=15, deadline=None)
@given(names=st.lists(name, min_size=2, max_size=3, unique=True), narrative=text, engagement=text)
def test_documents_keep_hostile_text_exactly(names: list[str], narrative: str, engagement: str) -> None:
    dossier = hostile_dossier(names, narrative, engagement)
    for data in (documents.agreement(dossier, "nl"), documents.strategy(dossier, "en")):
        docx.Document(io.BytesIO(data))  # opens: the XML is valid
        body = document_text(data)
        for value in names:
            assert value in body
    assert (
        clean_text(narrative).strip() in document_text(documents.strategy(dossier, "nl"))
        or not narrative.strip()
    )
    assert html.escape("<b>") not in document_text(documents.agreement(dossier, "nl"))  # never pre-escaped
