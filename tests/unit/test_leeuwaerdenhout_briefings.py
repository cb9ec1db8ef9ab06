"""What each Leeuwaerdenhout briefing says matters, checked against the role's points.

``CLAIMS`` lists, per role, sentences of its briefing (``phrase``) with what
they claim: the issue that weighs most, an option that is the role's best or
worst for an issue. Each phrase must stand in the briefing, and each claim must
hold in the role's points table. Edit a briefing or a points table without the
other and this test names the claim that broke.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from game.scenario.loader import load_scenario
from game.scenario.model import Role, Scenario

SCENARIO = Path(__file__).resolve().parents[2] / "scenarios" / "leeuwaerdenhout.yaml"

#: A claimed "weighs most" issue must have at least this share of the role's widest spread.
NEAR_WIDEST = 0.85

# role: [(kind, issue, option or None, phrase in the briefing)]; kind: most / best / worst
CLAIMS: dict[str, list[tuple[str, str, str | None, str]]] = {
    "wethouder": [
        ("most", "kosten", None, "Het geld en het waterstofconcept wegen voor jou het zwaarst"),
        (
            "best",
            "waterstof",
            "hybride",
            "Een hybride warmtepomp met waterstof voor de piek is politiek het veiligst",
        ),
        ("worst", "waterstof", "geen", "Helemaal geen waterstof is gezichtsverlies"),
        ("best", "kosten", "ligduur", "het liefst naar de ligduur"),
        (
            "worst",
            "kosten",
            "gemeente_herbestraat",
            "Dat de gemeente alle herbestrating betaalt, kost je veel punten",
        ),
        ("best", "plein", "verblijfsplein", "Een groen verblijfsplein is je visitekaartje"),
        ("best", "instemming", "drempel", "Een duidelijke drempelstemming"),
    ],
    "kl_coordinator": [
        ("most", "kosten", None, "De kosten en de fasering wegen voor jou het zwaarst"),
        ("best", "fasering", "mantelbuis", "Het liefst gaan de waterstofleidingen vooraf"),
        ("worst", "kosten", "gemeente_herbestraat", "dat is voor jou de slechtste"),
        ("best", "profiel", "leidingstrook", "een geordende leidingstrook volgens de norm"),
        ("best", "bomen", "herplanten", "Dat de lindes worden gekapt en er nieuwe bomen"),
        ("best", "regie", "coordinator", "Een onafhankelijke gebiedscoördinator"),
    ],
    "riolering": [
        ("most", "riool", None, "Afkoppelen van regenwater is je grootste wens"),
        ("best", "riool", "afkoppelen", "Afkoppelen van regenwater is je grootste wens"),
        ("worst", "riool", "relinen", "Relinen is daarom geen echte optie"),
        (
            "best",
            "fasering",
            "mantelbuis",
            "waterstofleidingen vooraf worden meegelegd, lost dat op",
        ),
        ("best", "kosten", "gemeente_herbestraat", "herbestrating uit de algemene middelen"),
    ],
    "groen": [
        ("most", "bomen", None, "Je wilt ze houden; dat is je belangrijkste punt"),
        ("best", "bomen", "behouden", "Je wilt ze houden; dat is je belangrijkste punt"),
        (
            "best",
            "profiel",
            "leidingstrook",
            "geordende leidingstrook onder één stoep en een eigen boomzone",
        ),
    ],
    "stedenbouw": [
        ("most", "plein", None, "Dat is je belangrijkste punt"),
        ("best", "plein", "verblijfsplein", "Jij wilt er een groen verblijfsplein van maken"),
        ("worst", "plein", "parkeren", "Minder auto's in de kern is voor jou het hele punt"),
        (
            "best",
            "profiel",
            "leidingstrook",
            "Een geordende leidingstrook met een eigen zone voor bomen",
        ),
        ("best", "waterstof", "ombouwen", "liever dat het bestaande gasnet wordt omgebouwd"),
        (
            "best",
            "instemming",
            "drempel_alternatief",
            "een drempelstemming met een elektrisch alternatief",
        ),
        ("best", "omgeving", "omgevingsmanager", "omgevingsmanager en gezamenlijke communicatie"),
    ],
    "nieuwe_energie": [
        ("most", "waterstof", None, "Het waterstofconcept is je belangrijkste punt"),
        (
            "best",
            "waterstof",
            "naast_gas",
            "Een eigen waterstofleiding naast het gasnet is je favoriet",
        ),
        ("best", "fasering", "een_contract", "Een gewoon gecombineerd contract past je prima"),
        ("worst", "instemming", "drempel", "past een kale drempelstemming slecht"),
        (
            "best",
            "instemming",
            "drempel_alternatief",
            "elektrisch alternatief houdt het vrijwillig",
        ),
        ("worst", "kosten", "subsidie", "de slechtste kostenverdeling"),
    ],
    "netbeheerder": [
        ("most", "waterstof", None, "Het waterstofconcept weegt voor jou het zwaarst"),
        (
            "best",
            "waterstof",
            "warmtenet",
            "Een warmtenet met de rest elektrisch is voor jou het beste",
        ),
        ("worst", "waterstof", "naast_gas", "is een nachtmerrie"),
        ("best", "profiel", "leidingstrook", "is je voorkeur"),
        (
            "worst",
            "kosten",
            "ligduur",
            "Een verdeling van de kosten naar ligduur is slecht voor jou",
        ),
        (
            "best",
            "kosten",
            "gemeente_herbestraat",
            "Het liefst betaalt de gemeente de herbestrating",
        ),
    ],
    "drinkwater": [
        ("most", "fasering", None, "De fasering is daarom je belangrijkste punt"),
        (
            "best",
            "fasering",
            "mantelbuis",
            "met de waterstofleidingen vooraf meegelegd, is voor jou het beste",
        ),
        ("worst", "fasering", "straat_voor_straat", "Straat voor straat duurt te lang"),
        (
            "best",
            "profiel",
            "leidingstrook",
            "Een geordende leidingstrook volgens de norm is prima",
        ),
        ("best", "kosten", "gemeente_herbestraat", "het liefst betaalt de gemeente"),
        ("worst", "kosten", "ligduur", "Een verdeling naar ligduur is het slechtst"),
        ("best", "regie", "convenant", "een convenant met een escalatieladder"),
    ],
    "waterschap": [
        ("most", "riool", None, "Afkoppelen is dus je belangrijkste punt"),
        ("best", "riool", "afkoppelen", "Afkoppelen is dus je belangrijkste punt"),
        ("worst", "kosten", "subsidie", "de slechtste"),
        ("best", "kosten", "ligduur", "Een verdeling naar ligduur vind je prima"),
        ("best", "regie", "intentie", "Een intentieverklaring kun je nu wel tekenen"),
        (
            "worst",
            "regie",
            "coordinator",
            "ook niet als er een onafhankelijke coördinator bij komt",
        ),
    ],
    "warmtebedrijf": [
        ("most", "waterstof", None, "Het waterstofconcept is je belangrijkste punt"),
        (
            "best",
            "waterstof",
            "warmtenet",
            "een warmtenet is de enige uitkomst waarin je echt wint",
        ),
        (
            "best",
            "profiel",
            "rijbaan",
            "Onder de rijbaan is er ruimte genoeg; dat heeft je voorkeur",
        ),
        ("best", "instemming", "vrijwillig", "helemaal vrijwillig blijft"),
        (
            "best",
            "kosten",
            "gemeente_herbestraat",
            "Het liefst betaalt de gemeente de herbestrating",
        ),
    ],
    "woningcorporatie": [
        ("most", "waterstof", None, "Het waterstofconcept is je belangrijkste punt"),
        ("best", "waterstof", "hybride", "dat is je favoriet"),
        ("worst", "waterstof", "warmtenet", "Een warmtenet is voor jou een rode lijn"),
        ("best", "instemming", "drempel_alternatief", "past daar precies bij"),
        ("worst", "riool", "afkoppelen", "Daar ben je niet blij mee"),
        ("best", "plein", "parkeren", "een parkeerplein is een kleine wens"),
        (
            "best",
            "kosten",
            "gemeente_herbestraat",
            "Je wilt dat de gemeente de herbestrating betaalt",
        ),
        ("best", "omgeving", "omgevingsmanager", "Eén omgevingsmanager voor alle"),
    ],
    "bewoners": [
        ("most", "omgeving", None, "Dat is je belangrijkste punt"),
        (
            "best",
            "omgeving",
            "omgevingsmanager",
            "Dat is je belangrijkste punt, en meer waard dan een fonds",
        ),
        (
            "best",
            "fasering",
            "straat_voor_straat",
            "Straat voor straat werken houdt de winkels bereikbaar",
        ),
        ("best", "plein", "parkeren", "Parkeren op het Marktplein is belangrijk"),
        ("best", "bomen", "behouden", "ze houden is een wens van iedereen"),
        ("best", "riool", "relinen", "zoals relinen, vinden je leden prima"),
        ("best", "instemming", "vrijwillig", "Bewoners willen zelf kiezen"),
    ],
}


@pytest.fixture(scope="module")
def sc() -> Scenario:
    return load_scenario(SCENARIO)


def _flat(text: str) -> str:
    return re.sub(r"\s+", " ", text).lower()


def _points(role: Role, scenario: Scenario, issue_id: str) -> dict[str, float]:
    pts = role.scoring.points.get(issue_id, {})
    return {o: pts.get(o, 0.0) for o in scenario.issue(issue_id).option_ids}


def _spread(role: Role, scenario: Scenario, issue_id: str) -> float:
    values = _points(role, scenario, issue_id).values()
    return max(values) - min(values)


def test_every_role_has_claims(sc: Scenario) -> None:
    assert set(CLAIMS) == set(sc.role_ids)
    for role_id, claims in CLAIMS.items():
        assert any(kind == "most" for kind, *_ in claims), role_id


@pytest.mark.parametrize("role_id", sorted(CLAIMS))
def test_briefing_claims_match_the_points(sc: Scenario, role_id: str) -> None:
    role = sc.role(role_id)
    text = _flat(role.briefing_text)
    widest = max(_spread(role, sc, i) for i in sc.issue_ids)
    for kind, issue_id, option, phrase in CLAIMS[role_id]:
        assert _flat(phrase) in text, (role_id, phrase)
        if kind == "most":
            assert _spread(role, sc, issue_id) >= NEAR_WIDEST * widest, (role_id, issue_id)
            continue
        assert option is not None
        pts = _points(role, sc, issue_id)
        target = max(pts.values()) if kind == "best" else min(pts.values())
        assert pts[option] == target, (role_id, kind, issue_id, option, pts)


@pytest.mark.parametrize("role_id", sorted(CLAIMS))
def test_briefing_says_what_happens_without_a_deal(sc: Scenario, role_id: str) -> None:
    text = sc.role(role_id).briefing_text
    assert "## Zonder akkoord" in text, role_id
    no_deal = text.split("## Zonder akkoord", 1)[1]
    assert "{{reservation}}" in no_deal, role_id
    assert re.search(r"\b(graaft|zonder plan|geen plan)\b", _flat(no_deal)), role_id
