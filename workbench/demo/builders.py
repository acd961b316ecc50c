"""Small builders shared by the demo dossiers."""

from __future__ import annotations

import unicodedata
from datetime import date
from decimal import Decimal

from workbench.dossier.model import (
    Address,
    Budget,
    ContactPerson,
    Dossier,
    EndOfLoan,
    Flow,
    FlowType,
    GdprLegalBasis,
    GdprRole,
    Indicator,
    IndicatorType,
    LendingPolicy,
    Mandate,
    Objective,
    OrgType,
    Partner,
    Representative,
    RoleAssignment,
    Signatory,
    VatStatus,
)

TOEGANG, VAARDIGHEDEN, ONDERSTEUNING = Objective.TOEGANG, Objective.VAARDIGHEDEN, Objective.ONDERSTEUNING
ALL_OBJECTIVES = (TOEGANG, VAARDIGHEDEN, ONDERSTEUNING)

CONTROLLER, PROCESSOR, JOINT = GdprRole.CONTROLLER, GdprRole.PROCESSOR, GdprRole.JOINT_CONTROLLER

# ---------------------------------------------------------------- small builders


def fictional_enterprise_number(seed: int) -> str:
    """Return a made-up enterprise number (0xxx.xxx.xxx) that passes the mod-97 check."""
    # Fictional: a leading 0 plus seven digits from the seed, check digits = 97 - (base mod 97).
    # A chance match with a real KBO entry is possible and means nothing.
    base = 9_700_000 + seed
    digits = f"{base:08d}{97 - base % 97:02d}"
    return f"{digits[:4]}.{digits[4:7]}.{digits[7:]}"


def _eur(amount: int | str) -> Decimal:
    return Decimal(amount).quantize(Decimal("0.01"))


def _partner(
    pid: str,
    name: str,
    org_type: OrgType,
    legal_form: str,
    kbo_seed: int,
    address: tuple[str, str, str],
    contact: tuple[str, str],
    vat: VatStatus,
    funded: bool,
    representative: tuple[str, str],
    mandate: tuple[str, date, str],
) -> Partner:
    contact_name, phone = contact
    # "Zoë Model" -> zoe.model: keep mail addresses plain ASCII.
    ascii_name = unicodedata.normalize("NFKD", contact_name).encode("ascii", "ignore").decode()
    mailbox = ascii_name.lower().replace(" ", ".")
    street, postcode, municipality = address
    body, decided, reference = mandate
    return Partner(
        id=pid,
        name=name,
        org_type=org_type,
        legal_form=legal_form,
        enterprise_number=fictional_enterprise_number(kbo_seed),
        address=Address(street=street, postcode=postcode, municipality=municipality),
        contact=ContactPerson(name=contact_name, email=f"{mailbox}@{pid}.example.org", phone=phone),
        vat_status=vat,
        funded=funded,
        representative=Representative(
            name=representative[0],
            function=representative[1],
            mandate=Mandate(body=body, decision_date=decided, reference=reference),
        ),
        dpo_contact=f"Functionaris voor gegevensbescherming, dpo@{pid}.example.org",
    )


def _role(
    rid: str,
    partner_id: str,
    role: str,
    objectives: tuple[Objective, ...],
    engagement: str = "",
    capacity: str = "",
    loon: int = 0,
    werking: int = 0,
    extern: int = 0,
) -> RoleAssignment:
    return RoleAssignment(
        id=rid,
        partner_id=partner_id,
        role=role,
        objectives=list(objectives),
        engagement=engagement,
        capacity=capacity,
        budget=Budget(loonkosten=_eur(loon), werkingskosten=_eur(werking), externe_prestaties=_eur(extern)),
    )


def _flow(fid: str, kind: FlowType, source: str, target: str, description: str) -> Flow:
    return Flow(
        id=fid, type=kind, source_partner_id=source, target_partner_id=target, description=description
    )


def _subsidy_flows(promotor: str, partners: list[Partner], days: int = 30) -> list[Flow]:
    """Return one subsidy flow from the promotor to every other funded partner."""
    return [
        _flow(
            f"f-subsidie-{p.id}",
            FlowType.SUBSIDY,
            promotor,
            p.id,
            f"Doorstorting van het partneraandeel van {p.name} binnen {days} dagen na ontvangst "
            "van elke subsidieschijf; verworpen kosten worden niet doorgestort.",
        )
        for p in partners
        if p.funded and p.id != promotor
    ]


def _indicator(
    iid: str,
    name: str,
    kind: IndicatorType,
    unit: str,
    baseline: int | str | None,
    target: int | str,
    source: str,
    frequency: str,
    owner: str,
) -> Indicator:
    return Indicator(
        id=iid,
        name=name,
        type=kind,
        unit=unit,
        baseline=None if baseline is None else _eur(baseline),
        target=_eur(target),
        source=source,
        frequency=frequency,
        owner_partner_id=owner,
    )


# ---------------------------------------------------------------- the legal finish of a demo


def lawful(dossier: Dossier, policy: LendingPolicy | None = None) -> Dossier:
    """Finish a demo the way a lawyer would ask: public bodies niet-btw-plichtig, both signatories
    of a gemeente or OCMW, a complete register, a lending policy. All of it fictional."""
    from workbench.dossier.signatories import legal_form  # the demo data follows the legal-form data

    signatories = list(dossier.signatories)
    for p in dossier.partners:
        form = legal_form(p)
        if form.public_body and p.vat_status is VatStatus.VRIJGESTELD:
            p.vat_status = VatStatus.NIET_BTW_PLICHTIG
        have = " ".join(
            [p.representative.function, *(s.function for s in signatories if s.partner_id == p.id)]
        )
        for function in form.signatories:
            if function not in have:
                town = p.address.municipality or p.name
                signatories.append(
                    Signatory(
                        id=f"sig-{p.id}-{function.split()[-1]}",
                        partner_id=p.id,
                        name=f"{'Dirk' if 'directeur' in function else 'Hilde'} Voorbeeld ({town})",
                        function=function,
                    )
                )
    dossier.signatories = signatories
    for act in dossier.processing:
        joint = [r.partner_id for r in act.roles if r.role is GdprRole.JOINT_CONTROLLER]
        if act.legal_basis is GdprLegalBasis.UNKNOWN:
            act.legal_basis = GdprLegalBasis.PUBLIC_TASK
            act.legal_basis_detail = act.legal_basis_detail or (
                "taak van algemeen belang van de lokale besturen en de subsidievoorwaarden van het BVR "
                "van 17 december 2021 (digitale inclusie)"
            )
        act.data_subjects = act.data_subjects or "gebruikers van de digibank (volwassenen uit de doelgroep)"
        act.recipients = act.recipients or (
            "de betrokken partijen volgens deze overeenkomst; geanonimiseerd of geaggregeerd aan WSE"
        )
        act.security = act.security or (
            "toegang alleen voor aangewezen medewerkers, gedeelde map met logging, wissen na de bewaartermijn"
        )
        if joint and act.contact_point_partner_id is None:
            act.contact_point_partner_id = joint[0]
    if policy is not None:
        dossier.lending = policy
    return Dossier.model_validate(dossier.model_dump())


def standard_lending(operator: str, refurbisher: str) -> LendingPolicy:
    """Return a short-term lending policy with checks between borrowers (fictional but usual)."""
    return LendingPolicy(
        eligibility="Elke volwassene uit de doelgroep, na doorverwijzing door een partner of bij een "
        "digipunt.",
        loan_term_days=90,
        extensions=2,
        deposit=None,
        fee=None,
        insured_by_partner_id=operator,
        insurance="diefstal, brand en accidentele schade, zonder franchise voor de ontlener",
        end_of_loan=EndOfLoan.RETURN,
        revision_partner_id=refurbisher,
        revision="gecertificeerd wissen, herinstallatie, nazicht van batterij en lader",
        reuse_cycles=6,
    )
