"""Small hand-made dossiers with known answers for the graph tests."""

from __future__ import annotations

from typing import Any

from workbench.model import Dossier


def make(
    partners: list[tuple[str, str, str]],
    roles: list[tuple[str, str, list[str]]] = (),  # type: ignore[assignment]
    flows: list[tuple[str, str, str | None, str | None]] = (),  # type: ignore[assignment]
    access_points: list[tuple[str, str, str | None, str]] = (),  # type: ignore[assignment]
    werkingsgebied: list[str] = (),  # type: ignore[assignment]
    call: str = "implementatietraject",
    **extra: Any,
) -> Dossier:
    """Build a valid dossier from short tuples: (id, name, org_type), (partner, role, objectives), ..."""
    return Dossier.model_validate(
        {
            "identity": {"name": "Testpartnerschap", "call": call, "werkingsgebied": list(werkingsgebied)},
            "partners": [{"id": i, "name": n, "org_type": o} for i, n, o in partners],
            "roles": [
                {"id": f"r{k}", "partner_id": p, "role": r, "objectives": obj}
                for k, (p, r, obj) in enumerate(roles)
            ],
            "flows": [
                {"id": i, "type": ty, "source_partner_id": s, "target_partner_id": tg}
                for i, ty, s, tg in flows
            ],
            "access_points": [
                {"id": i, "name": n, "host_partner_id": h, "municipality": m} for i, n, h, m in access_points
            ],
            **extra,
        }
    )


def healthy() -> Dossier:
    """Every objective, key role and org type covered twice; a ring of flows; two digipunten per town."""
    return make(
        partners=[
            ("stad", "Stad Mortsel", "lokaal_bestuur"),
            ("ocmw", "OCMW Mortsel", "ocmw"),
            ("vzw", "Vzw Samenlevingsopbouw", "vzw"),
            ("cvo", "CVO Crescendo", "opleidingsverstrekker"),
            ("kring", "Kringwinkel Zuid", "sociale_economie"),
            ("stw", "STW vzw", "sociale_economie"),
            ("tel", "Telecom bv", "bedrijf"),
        ],
        roles=[
            ("stad", "promotor", ["toegang", "vaardigheden", "ondersteuning"]),
            ("ocmw", "toeleider", ["ondersteuning"]),
            ("ocmw", "digipunt_host", ["ondersteuning"]),
            ("ocmw", "connectiviteit", ["toegang"]),
            ("vzw", "toeleider", ["ondersteuning"]),
            ("vzw", "trainer", ["vaardigheden"]),
            ("cvo", "trainer", ["vaardigheden"]),
            ("cvo", "digipunt_host", ["vaardigheden"]),
            ("kring", "refurbisher", ["toegang"]),
            ("stw", "uitleendienst", ["toegang"]),
            ("tel", "connectiviteit", ["toegang"]),
        ],
        flows=[
            ("f1", "subsidy", "stad", "ocmw"),
            ("f2", "referral", "ocmw", "vzw"),
            ("f3", "referral", "vzw", "cvo"),
            ("f4", "training", "cvo", "kring"),
            ("f5", "devices", "kring", "stw"),
            ("f6", "expertise", "stw", "tel"),
            ("f7", "data_exchange", "tel", "stad"),
        ],
        access_points=[
            ("ap1", "Digipunt OCMW", "ocmw", "Mortsel"),
            ("ap2", "Digipunt CVO Mortsel", "cvo", "Mortsel"),
            ("ap3", "Digipunt CVO Hove", "cvo", "Hove"),
            ("ap4", "Bibliotheek Hove", "stad", "Hove"),
        ],
        werkingsgebied=["Mortsel", "Hove"],
    )


def every_gap() -> Dossier:
    """A dossier built to have every kind of gap the analysis knows (but org_type_thin)."""
    return make(
        partners=[
            ("a", "Stad Alfa", "lokaal_bestuur"),
            ("b", "OCMW Beta", "ocmw"),
            ("c", "CVO Gamma", "opleidingsverstrekker"),
            ("d", "Vzw Delta", "vzw"),
            ("e", "Bedrijf Epsilon", "bedrijf"),
            ("f", "Bib Phi", "lokaal_bestuur"),
        ],
        roles=[
            ("a", "promotor", ["vaardigheden"]),
            ("b", "toeleider", ["ondersteuning"]),
            ("c", "trainer", ["vaardigheden"]),
            ("e", "hardware_donor", []),
            ("f", "vrijwilligers", []),
        ],
        flows=[
            ("f1", "subsidy", "a", "b"),
            ("f2", "referral", "b", "c"),
            ("f3", "training", "c", "f"),
            ("f4", "referral", "b", None),
            ("f5", "devices", None, None),
            ("f6", "data_exchange", None, "a"),
        ],
        access_points=[
            ("ap1", "Digipunt Stadhuis", "a", "Alfa"),
            ("ap2", "Digibus", None, " beta "),
        ],
        werkingsgebied=["Alfa", "Beta", "Gamma"],
        strategy={
            "impactmeting": {"indicators": [{"id": "i1", "name": "Deelnemers", "owner_partner_id": "c"}]}
        },
    )
