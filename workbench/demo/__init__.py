"""Demo dossiers, shared by tests, the CLI and the app.

The partnerships, their municipalities and the organisations named in DOMAIN section 7 are
real; so are the facts listed there (90 laptops and EUR 499,892 for ZORA Werkt, the Boechout
council decision of 27 Feb 2023). Everything else is invented but plausible: extra partners,
addresses, contact persons, representatives, decision dates, enterprise numbers, budgets,
figures and opening hours. Contact data is fictional on purpose (names such as "An Voorbeeld",
mail addresses under example.org, which is reserved for examples, phone numbers 000 00 ..).

The three demos of issue 13 (Vlaamse Ardennen, Noordrand, Leuven) are fictional partnerships in
real municipalities: an interlokale vereniging without legal personality, an extension with
federal co-funding and a change of lending operator, and a city network of 18 digipunten.
"""

from workbench.demo.ardennen import vlaamse_ardennen
from workbench.demo.builders import fictional_enterprise_number
from workbench.demo.digbij import digbij
from workbench.demo.digibasics import digibasics
from workbench.demo.halle import halle_pepingen_gooik
from workbench.demo.leuven import leuven
from workbench.demo.noordrand import noordrand
from workbench.demo.synthetic import large_dossier
from workbench.demo.zora import zora_werkt
from workbench.dossier.model import Dossier


def demo_dossiers() -> list[Dossier]:
    """Return the demo partnerships, built anew on every call."""
    return [
        zora_werkt(),
        halle_pepingen_gooik(),
        digibasics(),
        digbij(),
        vlaamse_ardennen(),
        noordrand(),
        leuven(),
    ]


__all__ = ["demo_dossiers", "fictional_enterprise_number", "large_dossier"]
