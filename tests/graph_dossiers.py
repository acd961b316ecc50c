"""Small hand-made dossiers with known answers for the graph tests."""

from __future__ import annotations

from typing import Any

from workbench.dossier.model import Dossier


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


PAYLOADS = (
    "<img src=x onerror=window.__xss=1>",
    "zie href <script>window.__xss=1</script>",
    "{{7*7}} ${7*7} {partner}",
    "</script><script>window.__xss=1</script>",
    '"><svg onload=window.__xss=1>',
    "$x^2$ & <b>vet</b> $\\frac{1",
    "javascript:window.__xss=1 <a href=//example.org/x>klik</a>",
)
ORG_TYPES = ("lokaal_bestuur", "ocmw", "vzw", "sociale_economie", "bedrijf", "vdab", "andere")


def payload_dossier() -> Dossier:
    """Every text a user can type holds script and HTML: the renderers must show it literally."""
    p = PAYLOADS
    data = make(
        partners=[
            (f"x{i}", f"P{i} {text}", org) for i, (text, org) in enumerate(zip(p, ORG_TYPES, strict=True))
        ],
        roles=[
            ("x0", "promotor", ["toegang"]),
            ("x1", "toeleider", ["ondersteuning"]),
            ("x2", "eigen_rol", ["vaardigheden"]),
            ("x3", "refurbisher", ["toegang"]),
        ],
        flows=[
            ("f0", "subsidy", "x0", "x1"),
            ("f1", "referral", "x1", "x2"),
            ("f2", "devices", "x3", "x2"),
            ("f3", "data_exchange", "x4", None),
            ("f4", "expertise", "x5", "x0"),
        ],
        access_points=[("ap0", f"Digipunt {p[0]}", "x1", p[1]), ("ap1", f"Digibus {p[4]}", None, p[2])],
        werkingsgebied=[p[1], p[3], "Hove"],
        custom_roles=[{"key": "eigen_rol", "label": f"Rol {p[1]}"}],
        strategy={
            "doelgroep": {"target_groups": [{"id": "tg0", "name": f"Doelgroep {p[3]}"}]},
            "outreach": {
                "channels": [
                    {
                        "id": "c0",
                        "description": f"Kanaal {p[4]}",
                        "toeleider_partner_ids": ["x1"],
                        "target_group_ids": ["tg0"],
                    }
                ]
            },
            "impactmeting": {
                "indicators": [{"id": "i0", "name": f"Indicator {p[5]}", "owner_partner_id": "x2"}]
            },
        },
    ).model_dump(mode="json")
    data["identity"]["name"] = f"Dossier {p[1]}"
    for i, role in enumerate(data["roles"]):
        role["engagement"] = f"Engagement {p[i]}\nTweede regel {p[(i + 3) % len(p)]}"
        role["capacity"] = f"Capaciteit {p[(i + 1) % len(p)]}"
    for i, flow in enumerate(data["flows"]):
        flow["description"] = f"Stroom {p[i]}"
    return Dossier.model_validate(data)
