"""The ``ROD.UITSLAG.*`` rules: the conditions of the MBO uitslag (Ekb WEB art. 17, art. 18c).

Every condition of [`duo_domain.mbo.uitslag.compute_uitslag`][duo_domain.mbo.uitslag.compute_uitslag] is a
rule of
the catalogue with its source and validity. Validating an
[`UitslagInput`][duo_domain.mbo.uitslag.UitslagInput] gives one finding per failed
condition, with the same rule ids as the reasons (``redenen``) of the uitslag.
A finding is at level ``afkeur``: with it the exam is not passed (afgewezen).
Each rule is in force from the first day of the text of art. 17 it comes from:
2020-03-15 for the conditions of the version of 15 March 2020 (which art. 18c
keeps for rekenen, and which stays for the keuzedelen of a student who started
before 2020-08-01), 2020-08-01 for the graded keuzedelen, 2022-08-01 for the
conditions of Stb. 2022, 62.

Examples:
    >>> import datetime as dt
    >>> from decimal import Decimal as D
    >>> from duo_domain import validate
    >>> from duo_domain.mbo.examencodes import Onderdeel
    >>> from duo_domain.mbo.uitslag import GeneriekInput, UitslagInput
    >>> inp = UitslagInput(niveau=3, cohort_start=dt.date(2023, 8, 1), studieduur_jaren=3,
    ...     datum_uitslag=dt.date(2026, 7, 1), generieke_onderdelen=(
    ...         GeneriekInput(Onderdeel.NEDERLANDS, eindcijfer=D(5)),
    ...         GeneriekInput(Onderdeel.REKENEN, eindcijfer=D(5))))
    >>> [f.rule_id for f in validate(inp)]
    ['ROD.UITSLAG.NEDERLANDS_REKENEN']
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Sequence

from duo_domain._sources import EKB, EKB_URL
from duo_domain.errors import DuoDomainError
from duo_domain.mbo import uitslag as u
from duo_domain.rules import CheckContext, Severity, Violation, registry

__all__: list[str] = []

_ART17 = f"{EKB} (BWBR0027963) art. 17"
_ART18C = f"{EKB} (BWBR0027963) art. 18c"


@functools.lru_cache(maxsize=64)
def _redenen(inp: u.UitslagInput) -> tuple[u.Reden, ...]:
    # Every ROD.UITSLAG rule reads the same uitslag: computed once per input, not once per rule.
    try:
        return u.compute_uitslag(inp).redenen
    except DuoDomainError:  # unusable input: the reader and compute_uitslag report it
        return ()


def _check(rule_id: str, inp: u.UitslagInput, ctx: CheckContext) -> Sequence[Violation]:
    return [Violation("", f"{r.toelichting} ({r.artikel})") for r in _redenen(inp) if r.regel == rule_id]


def _rule(
    rule_id: str, summary: str, guidance: str, source: str, geldig_van: dt.date = u.INVOERING_2022
) -> None:
    # A partial of a module-level function, not a closure, so that the rule pickles (batch workers).
    check = functools.partial(_check, rule_id)
    registry.rule(
        rule_id,
        severity=Severity.AFKEUR,
        severity_origin="library",
        summary=summary,
        guidance=guidance,
        source=source,
        applies_to=u.UitslagInput,
        geldig_van=geldig_van,
        url=f"{EKB_URL}#Artikel17",
    )(check)


_rule(
    u.ENTREE_REKENEN,
    "Entree: rekenen has the eindwaardering «voldaan».",
    "Record rekenen of the entreeopleiding as «voldaan» or «niet voldaan» (art. 15 lid 6).",
    f"{_ART17} lid 1 onderdeel c (Stb. 2022, 62)",
)
_rule(
    u.NEDERLANDS_REKENEN,
    "Niveau 2 and 3: of Nederlandse taal and rekenen one at least 5, the other at least 6.",
    "Check the eindwaarderingen of Nederlandse taal and rekenen; a 4 or two 5s fail.",
    f"{_ART17} lid 2 onderdeel a (Stb. 2022, 62)",
)
_rule(
    u.NEDERLANDS_ENGELS_REKENEN,
    "Niveau 4: of Engels, Nederlandse taal and rekenen one at least 5, the others at least 6.",
    "Check the three eindwaarderingen; a 4 or two 5s fail.",
    f"{_ART17} lid 3 onderdeel a (Stb. 2022, 62)",
)
_rule(
    u.OVERGANG_NEDERLANDS,
    "Text until 2022-07-31 (and art. 18c), niveau 2 and 3: Nederlandse taal at least 5.",
    "An uitslag before 2022-08-01, or of a student of art. 18c lid 1 or 2, is judged by art. 17 lid 2 a "
    "as it read from 2020-03-15 to 2022-07-31.",
    f"{_ART17} lid 2 onderdeel a (tekst 15-03-2020 tot en met 31-07-2022); {_ART18C} lid 1 onderdeel a",
    u.EERSTE_TEKST,
)
_rule(
    u.OVERGANG_NEDERLANDS_ENGELS,
    "Text until 2022-07-31 (and art. 18c), niveau 4: of Nederlandse taal and Engels one at least 5, "
    "the other at least 6.",
    "An uitslag before 2022-08-01, or of a student of art. 18c lid 1 or 2, is judged by art. 17 lid 3 a "
    "as it read from 2020-03-15 to 2022-07-31.",
    f"{_ART17} lid 3 onderdeel a (tekst 15-03-2020 tot en met 31-07-2022); {_ART18C} lid 1 onderdeel a",
    u.EERSTE_TEKST,
)
_rule(
    u.OVERGANG_REKENEN_AFGELEGD,
    "Text until 2022-07-31 (and art. 18c), niveau 2-4: rekenen has been taken (its grade does not count).",
    "Record the rekenen result; before 2022-08-01 and under art. 18c only its being taken counts.",
    f"{_ART17} lid 2 en 3 onderdeel a (tekst 15-03-2020 tot en met 31-07-2022); {_ART18C} lid 1 onderdeel a",
    u.EERSTE_TEKST,
)
_rule(
    u.SPECIFIEK,
    "Every specifiek examenonderdeel has at least 6 or «voldoende».",
    "Check the eindwaarderingen of the specifieke examenonderdelen.",
    f"{_ART17} lid 1 onderdeel a; lid 2 en 3 onderdeel b",
    u.EERSTE_TEKST,
)
_rule(
    u.LOOPBAAN_BURGERSCHAP,
    "Loopbaan en burgerschap has the eindwaardering «voldaan».",
    "Record loopbaan en burgerschap as «voldaan» or «niet voldaan» (art. 15 lid 5).",
    f"{_ART17} lid 1 onderdeel b; lid 2 en 3 onderdeel c",
    u.EERSTE_TEKST,
)
_rule(
    u.KEUZEDEEL,
    "The keuzedeel (entree, or one keuzedeel) has at least 6 or «voldoende»; at least one keuzedeel counts.",
    "Check the keuzedelen that make up the minimum studielast (art. 17d); extra keuzedelen do not count. "
    "Applies to a student who started on or after 2020-08-01: that cohort limit is the announced "
    "introduction of the keuzedelen slaag-zakregeling (Kamerbrief, September 2017), not a text of the "
    "consolidated Ekb.",
    f"{_ART17} lid 1 onderdeel a; lid 2 en 3 onderdeel d (cohort from 2020-08-01: Kamerbrief "
    "'Uitstel met twee jaar van invoering slaag-zakregeling keuzedelen', September 2017)",
    u.KEUZEDELEN_2020,
)
_rule(
    u.KEUZEDEEL_AFGELEGD,
    "Before the keuzedelen slaag-zakregeling: the keuzedeel exam has been taken (its grade does not count).",
    "An uitslag before 2020-08-01, or of a student who started before 2020-08-01, needs only that the "
    "keuzedeel (or keuzedelen) of the opleiding have been examined; record the keuzedeel result. "
    "A student who started before 2016-08-01 has no keuzedelen in the exam (art. 18 lid 1).",
    f"{_ART17} lid 1 onderdeel c; lid 2 en 3 onderdeel d (tekst 15-03-2020); {EKB} (BWBR0027963) art. 18 "
    "lid 1",
    u.EERSTE_TEKST,
)
_rule(
    u.KEUZEDELEN_GEMIDDELDE,
    "Two or more keuzedelen: their average eindwaardering is at least 6.",
    "Check the eindcijfers of the keuzedelen of the minimum studielast (art. 17d).",
    f"{_ART17} lid 2 en 3 onderdeel d onder 1°",
    u.KEUZEDELEN_2020,
)
_rule(
    u.KEUZEDELEN_HELFT,
    "Two or more keuzedelen: at least half of them have at least 6.",
    "Check the eindcijfers of the keuzedelen of the minimum studielast (art. 17d).",
    f"{_ART17} lid 2 en 3 onderdeel d onder 2°",
    u.KEUZEDELEN_2020,
)
_rule(
    u.KEUZEDELEN_MINIMAAL_4,
    "Two or more keuzedelen: every one has at least 4.",
    "Check the eindcijfers of the keuzedelen of the minimum studielast (art. 17d).",
    f"{_ART17} lid 2 en 3 onderdeel d onder 2°",
    u.KEUZEDELEN_2020,
)
