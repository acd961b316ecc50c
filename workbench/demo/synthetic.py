"""A large synthetic dossier for benchmarks: deterministic, valid, any size."""

from __future__ import annotations

import random
from datetime import date
from decimal import ROUND_DOWN, Decimal

from workbench.demo.builders import (
    ALL_OBJECTIVES,
    CONTROLLER,
    JOINT,
    ONDERSTEUNING,
    PROCESSOR,
    TOEGANG,
    VAARDIGHEDEN,
    _eur,
    _flow,
    _indicator,
    _partner,
    _role,
    _subsidy_flows,
)
from workbench.dossier.calls import call_profile
from workbench.dossier.model import (
    ROLE_CATALOGUE,
    AccessPoint,
    AccessPointKind,
    CallKind,
    CirculariteitSection,
    ConnectiviteitSection,
    ConnectivityKind,
    ConnectivityMeasure,
    DeviceLine,
    DoelgroepSection,
    Dossier,
    DossierStatus,
    DuurzaamheidSection,
    FinancingSource,
    FlowType,
    Governance,
    Identity,
    ImpactmetingSection,
    IndicatorType,
    Klankbordgroep,
    Milestone,
    Objective,
    OrgType,
    OutreachChannel,
    OutreachSection,
    Partner,
    Period,
    Planning,
    ProcessingActivity,
    ProcessingRole,
    RoleAssignment,
    ScalingStep,
    SocialEconomyActivity,
    SocialeEconomieSection,
    Strategy,
    Stuurgroep,
    TargetGroup,
    VatStatus,
    Werkgroep,
)

# ---------------------------------------------------------------- a large synthetic dossier


_SYNTHETIC_STEMS = ("Voorbeeld", "Proef", "Demo", "Schets", "Model", "Ontwerp", "Staal", "Concept", "Test")
_SYNTHETIC_SUFFIXES = ("egem", "beke", "hove", "zele", "laar", "donk", "kerke", "rode")
_SYNTHETIC_KINDS = (
    (OrgType.LOKAAL_BESTUUR, "gemeente", "Gemeente"),
    (OrgType.OCMW, "openbaar centrum voor maatschappelijk welzijn", "OCMW"),
    (OrgType.VZW, "vzw", "Buurtwerk"),
    (OrgType.SOCIALE_ECONOMIE, "vzw (maatwerkbedrijf)", "Maatwerkbedrijf"),
    (OrgType.OPLEIDINGSVERSTREKKER, "vzw", "Leerpunt"),
    (OrgType.BEDRIJF, "bv", "IT-bedrijf"),
)
_KEY_ROLES = ("toeleider", "digipunt_host", "trainer", "refurbisher", "uitleendienst", "connectiviteit")
_UNFUNDED_ROLES = frozenset({"toeleider", "hardware_donor", "expertise"})
_ROLE_OBJECTIVES: dict[str, tuple[Objective, ...]] = {
    "promotor": ALL_OBJECTIVES,
    "partner": ALL_OBJECTIVES,
    "coordinator": ALL_OBJECTIVES,
    "toeleider": (ONDERSTEUNING,),
    "digipunt_host": (TOEGANG, ONDERSTEUNING),
    "trainer": (VAARDIGHEDEN,),
    "refurbisher": (TOEGANG,),
    "uitleendienst": (TOEGANG,),
    "hardware_donor": (TOEGANG,),
    "outreach": (ONDERSTEUNING,),
    "expertise": (VAARDIGHEDEN,),
    "connectiviteit": (TOEGANG,),
    "vrijwilligers": (ONDERSTEUNING,),
    "regionale_ondersteuning": (VAARDIGHEDEN, ONDERSTEUNING),
}
_ROLE_ENGAGEMENT = {
    "promotor": "Dient de aanvraag in, beheert de subsidie en stort de partneraandelen binnen 30 dagen door.",
    "partner": "Voert de afgesproken acties mee uit en neemt deel aan de stuurgroep.",
    "coordinator": "Coördineert de werking en bereidt de stuurgroep voor.",
    "toeleider": "Verwijst inwoners met digitale noden door naar digipunten en de uitleendienst.",
    "digipunt_host": "Houdt een digipunt open met vaste inloopmomenten.",
    "trainer": "Geeft vormingsreeksen basisvaardigheden in kleine groepen.",
    "refurbisher": "Maakt tweedehandstoestellen klaar, wist ze en herstelt ze.",
    "uitleendienst": "Baat de uitleendienst uit volgens het uitleenreglement.",
    "hardware_donor": "Schenkt afgeschreven toestellen voor hergebruik.",
    "outreach": "Zoekt kwetsbare inwoners op in wijken en op warme locaties.",
    "expertise": "Deelt expertise over digitale inclusie en toegankelijkheid.",
    "connectiviteit": "Leent 4G-boxen uit en helpt bij het sociaal internettarief.",
    "vrijwilligers": "Werft en begeleidt digibuddy's.",
    "regionale_ondersteuning": "Ondersteunt de partners met vorming en intervisie.",
}
# Which roles usually sit at either end of a flow; other partners are the fallback.
_FLOW_ENDS = {
    FlowType.REFERRAL: ("toeleider", "digipunt_host"),
    FlowType.DEVICES: ("refurbisher", "uitleendienst"),
    FlowType.TRAINING: ("trainer", "digipunt_host"),
    FlowType.DATA_EXCHANGE: ("digipunt_host", "promotor"),
    FlowType.EXPERTISE: ("expertise", "partner"),
}
_FLOW_TEXT = {
    FlowType.REFERRAL: "{source} verwijst inwoners door naar {target}.",
    FlowType.DEVICES: "{source} levert klaargemaakte toestellen aan {target}.",
    FlowType.TRAINING: "{source} geeft vormingsreeksen bij {target}.",
    FlowType.DATA_EXCHANGE: "{source} bezorgt registraties van gebruikers aan {target}.",
    FlowType.EXPERTISE: "{source} deelt expertise met {target}.",
}


def _synthetic_place(i: int) -> str:
    stem = _SYNTHETIC_STEMS[i % len(_SYNTHETIC_STEMS)]
    suffix = _SYNTHETIC_SUFFIXES[(i // len(_SYNTHETIC_STEMS)) % len(_SYNTHETIC_SUFFIXES)]
    cycle = i // (len(_SYNTHETIC_STEMS) * len(_SYNTHETIC_SUFFIXES))
    return f"{stem}{suffix}" + (f" {cycle + 1}" if cycle else "")


def large_dossier(partners: int = 60, flows: int | None = None, seed: int = 1) -> Dossier:
    """Build a deterministic, valid synthetic dossier with many partners, for benchmarks."""
    if not 2 <= partners <= 500:
        raise ValueError("partners must be between 2 and 500")
    flow_count = 3 * partners if flows is None else flows
    if not 0 <= flow_count <= 5000:
        raise ValueError("flows must be between 0 and 5000")
    rng = random.Random(seed)
    call = CallKind.IMPLEMENTATIETRAJECT
    catalogue = [r for r in ROLE_CATALOGUE if r != "promotor"]

    # Plan the roles first: whether a partner is funded depends on them.
    plans: list[list[str]] = [["promotor", "coordinator"]]
    for i in range(1, partners):
        chosen = [_KEY_ROLES[i - 1]] if i <= len(_KEY_ROLES) else []
        wanted = rng.randint(max(1, len(chosen)), 3)
        while len(chosen) < wanted:
            role = rng.choice(catalogue)
            if role not in chosen:
                chosen.append(role)
        plans.append(chosen)
    weights = [
        [40 if role == "promotor" else (0 if role in _UNFUNDED_ROLES else rng.randint(1, 6)) for role in plan]
        for plan in plans
    ]
    # Stay a little under the cap so that rounding can never cross it.
    available = call_profile(call).max_subsidy * Decimal("0.95")
    total_weight = sum(sum(w) for w in weights)

    partner_list: list[Partner] = []
    roles: list[RoleAssignment] = []
    for i, plan in enumerate(plans):
        pid = f"p{i:03d}"
        place = _synthetic_place(i)
        org_type, legal_form, label = (
            (OrgType.LOKAAL_BESTUUR, "stad", "Stad") if i == 0 else rng.choice(_SYNTHETIC_KINDS)
        )
        for j, (role, weight) in enumerate(zip(plan, weights[i], strict=True)):
            amount = (available * weight / total_weight).quantize(Decimal(1), rounding=ROUND_DOWN)
            loon = (amount * Decimal("0.7")).quantize(Decimal(1), rounding=ROUND_DOWN)
            werking = (amount * Decimal("0.2")).quantize(Decimal(1), rounding=ROUND_DOWN)
            roles.append(
                _role(
                    f"r-{pid}-{j}",
                    pid,
                    role,
                    _ROLE_OBJECTIVES[role],
                    _ROLE_ENGAGEMENT[role],
                    f"{rng.choice((2, 4, 6, 8, 12))} uur per week",
                    loon=int(loon),
                    werking=int(werking),
                    extern=int(amount - loon - werking),
                )
            )
        partner_list.append(
            _partner(
                pid,
                f"{label} {place}",
                org_type,
                legal_form,
                1_000 + i,
                (f"Dorpsstraat {i + 1}", f"{1000 + (i * 37) % 8999:04d}", place),
                (
                    f"{_SYNTHETIC_STEMS[i % 9]} {_SYNTHETIC_STEMS[(i // 9) % 9]}",
                    f"+32 9 000 {i // 100:02d} {i % 100:02d}",
                ),
                VatStatus.VRIJGESTELD if org_type is not OrgType.BEDRIJF else VatStatus.BTW_PLICHTIG,
                any(weights[i]),
                (f"{_SYNTHETIC_STEMS[(i + 4) % 9]} {_SYNTHETIC_STEMS[(i // 9 + 2) % 9]}", "voorzitter"),
                ("bestuursorgaan", date(2022, 12, 1 + i % 28), f"besluit {i + 1}/2022"),
            )
        )

    ids = [p.id for p in partner_list]
    holders: dict[str, list[str]] = {}
    for r in roles:
        holders.setdefault(r.role, []).append(r.partner_id)
    names = {p.id: p.name for p in partner_list}

    flow_list = _subsidy_flows("p000", partner_list)[:flow_count]
    kinds = list(_FLOW_TEXT)
    while len(flow_list) < flow_count:
        kind = kinds[len(flow_list) % len(kinds)]
        source_role, target_role = _FLOW_ENDS[kind]
        source = rng.choice(holders.get(source_role) or ids)
        target = rng.choice([t for t in holders.get(target_role) or ids if t != source] or ids)
        flow_list.append(
            _flow(
                f"f-{len(flow_list):04d}",
                kind,
                source,
                target,
                _FLOW_TEXT[kind].format(source=names[source], target=names[target]),
            )
        )

    ap_kinds = (AccessPointKind.VAST, AccessPointKind.VAST, AccessPointKind.HYBRIDE, AccessPointKind.MOBIEL)
    access_points = [
        AccessPoint(
            id=f"ap-{i:03d}",
            name=f"Digipunt {_synthetic_place(i)}",
            kind=ap_kinds[(i // 4) % len(ap_kinds)],
            host_partner_id=ids[i],
            municipality=_synthetic_place(i),
            address=f"Dorpsstraat {i + 1}",
            opening_hours="di en do 9.00-12.00",
            accessibility="Gelijkvloers en rolstoeltoegankelijk.",
            objectives=[TOEGANG, ONDERSTEUNING],
        )
        for i in range(0, partners, 4)
    ]

    def some(role: str, limit: int) -> list[str]:
        return (holders.get(role) or ids)[:limit]

    target_groups = [
        TargetGroup(
            id="tg-kortgeschoolden", name="Kortgeschoolden", estimated_number=40 * partners, priority=True
        ),
        TargetGroup(id="tg-armoede", name="Mensen in armoede", estimated_number=30 * partners, priority=True),
        TargetGroup(id="tg-werkzoekenden", name="Werkzoekenden", estimated_number=20 * partners),
    ]
    for group in target_groups:
        group.needs = "Toegang tot een toestel, basisvaardigheden en hulp bij essentiële onlinediensten."
    strategy = Strategy(
        doelgroep=DoelgroepSection(
            target_groups=target_groups,
            narrative="Synthetische doelgroepen, geschaald naar het aantal partners.",
        ),
        outreach=OutreachSection(
            channels=[
                OutreachChannel(
                    id=f"oc-{k}",
                    description=f"Doorverwijzing door toeleiders, groep {k + 1}",
                    toeleider_partner_ids=some("toeleider", 50)[k::3],
                    target_group_ids=[target_groups[k].id],
                )
                for k in range(3)
            ],
            narrative="Toeleiders verwijzen door naar digipunten en de uitleendienst.",
        ),
        sociale_economie=SocialeEconomieSection(
            activities=[
                SocialEconomyActivity(
                    id=f"se-{pid}", partner_id=pid, activity="Klaarmaken van toestellen", jobs=2
                )
                for pid in some("refurbisher", 50)
            ],
            narrative="Refurbishers uit de sociale economie maken de toestellen klaar.",
        ),
        circulariteit=CirculariteitSection(
            devices=[
                DeviceLine(
                    id="dl-laptops",
                    device_type="Laptop",
                    source="Afgeschreven toestellen van partners",
                    collected=5 * partners,
                    refurbished=4 * partners,
                    lent=6 * partners,
                    end_of_life="Erkende recyclage.",
                )
            ],
            responsible_partner_id=some("refurbisher", 1)[0],
            narrative="Alle toestellen zijn tweedehands en worden gewist tussen twee ontleners.",
        ),
        duurzaamheid=DuurzaamheidSection(
            financing_after_subsidy=[
                FinancingSource(
                    id="fs-eigen", source="Eigen middelen partners", amount=_eur(50_000), secured=True
                )
            ],
            scaling_steps=[
                ScalingStep(
                    id="ss-verankering",
                    description="Verankering in meerjarenplannen",
                    planned=date(2024, 12, 31),
                )
            ],
            narrative="De werking wordt verankerd in de reguliere werking van de partners.",
        ),
        connectiviteit=ConnectiviteitSection(
            measures=[
                ConnectivityMeasure(
                    id=f"cm-{pid}",
                    kind=ConnectivityKind.INTERNETBOX,
                    description="4G-boxen en info over het sociaal internettarief",
                    partner_id=pid,
                )
                for pid in some("connectiviteit", 50)
            ],
            narrative="Wifi in elk digipunt en 4G-boxen voor wie thuis geen internet heeft.",
        ),
        impactmeting=ImpactmetingSection(
            indicators=[
                _indicator(
                    f"ind-{k}",
                    name,
                    kind,
                    unit,
                    0,
                    target,
                    "Gedeeld registratieformulier",
                    "maandelijks",
                    rng.choice(ids),
                )
                for k, (name, kind, unit, target) in enumerate(
                    [
                        ("Unieke gebruikers bereikt", IndicatorType.OUTPUT, "personen", 20 * partners),
                        ("Uitgeleende toestellen", IndicatorType.OUTPUT, "uitleningen", 6 * partners),
                        ("Klaargemaakte toestellen", IndicatorType.OUTPUT, "toestellen", 4 * partners),
                        ("Deelnemers aan vorming", IndicatorType.OUTPUT, "personen", 8 * partners),
                        ("Openingsuren digipunten", IndicatorType.OUTPUT, "uren per week", 2 * partners),
                        ("Deelnemers die zich vaardiger voelen", IndicatorType.OUTCOME, "%", 70),
                        ("Zelfstandig gebruik essentiële dienst", IndicatorType.OUTCOME, "%", 50),
                        ("Gebruikers met internet thuis", IndicatorType.IMPACT, "%", 80),
                    ]
                )
            ],
            narrative="Nulmeting bij de start, daarna maandelijkse registratie.",
        ),
    )

    governance = Governance(
        stuurgroep=Stuurgroep(
            member_partner_ids=ids,
            chair_partner_id="p000",
            frequency="driemaandelijks",
            decision_rule="consensus, anders gewone meerderheid",
        ),
        werkgroepen=[
            Werkgroep(
                id=f"wg-{role}",
                name=f"Werkgroep {role}",
                member_partner_ids=some(role, 100),
                frequency="maandelijks",
            )
            for role in ("digipunt_host", "trainer", "uitleendienst", "toeleider")
        ],
        klankbordgroep=Klankbordgroep(
            composition="Tien gebruikers uit de doelgroepen", frequency="om de zes weken"
        ),
        narrative="De stuurgroep met alle partners beslist; werkgroepen bereiden voor.",
    )
    processing = [
        ProcessingActivity(
            id="pa-vragen",
            name="Registratie van vragen in de digipunten",
            purpose="Opvolging en anonieme rapportering aan Vlaanderen.",
            retention="Tot het einde van het project",
            roles=[ProcessingRole(partner_id="p000", role=JOINT)]
            + [
                ProcessingRole(partner_id=pid, role=JOINT)
                for pid in some("digipunt_host", 99)
                if pid != "p000"
            ],
        ),
        ProcessingActivity(
            id="pa-uitleen",
            name="Uitleenregister",
            purpose="Uitlenen en terugvorderen van toestellen.",
            retention="Twee jaar na de laatste uitlening",
            roles=[ProcessingRole(partner_id="p000", role=CONTROLLER)]
            + [
                ProcessingRole(partner_id=pid, role=PROCESSOR)
                for pid in some("uitleendienst", 99)
                if pid != "p000"
            ],
        ),
    ]
    planning = Planning(
        milestones=[
            Milestone(id="ms-start", title="Start", due=date(2023, 1, 1), owner_partner_id="p000"),
            Milestone(
                id="ms-tussentijds",
                title="Tussentijds rapport",
                due=date(2023, 12, 31),
                owner_partner_id="p000",
            ),
            Milestone(id="ms-eind", title="Eindrapport", due=date(2024, 12, 31), owner_partner_id="p000"),
        ],
        narrative="Synthetische planning.",
    )
    places = [p.address.municipality for p in partner_list if p.org_type is OrgType.LOKAAL_BESTUUR]
    return Dossier(
        identity=Identity(
            name=f"Synthetische digibank ({partners} partners)",
            call=call,
            werkingsgebied=places[:100],
            period=Period(start=date(2023, 1, 1), end=date(2024, 12, 31)),
            status=DossierStatus.IN_REVIEW,
            summary="Een synthetisch dossier voor benchmarks, deterministisch opgebouwd uit een seed.",
        ),
        partners=partner_list,
        roles=roles,
        flows=flow_list,
        access_points=access_points,
        governance=governance,
        strategy=strategy,
        processing=processing,
        planning=planning,
    )
