"""The absence report to DUO (WEB art. 8.1.7) for students with studiefinanciering.

The article is the rule (WEB, BWBR0007625, art. 8.1.7, text in force):

* lid 1: for every student under the Wet studiefinanciering 2000 (or the
  WTOS) the institution establishes whether the student stayed away without
  a valid reason for an uninterrupted period of **at least 5 weeks**;
* lid 2: by the **third working day** after a period of absence of **four
  weeks** it tells the student that the absence was noted and asks for the
  reason;
* lid 3-5: by the **fifth working day** after the period of **8 weeks** (from
  the start of the absence) it reports to DUO the student who stayed away at
  least 5 weeks without a valid reason (and the date of return, if any);
* lid 6: weeks of holiday without education lengthen the 5- and the 8-week
  period and do not interrupt them;
* lid 7: a copy goes to the student at the same time as the report;
* lid 9: valid reasons are illness (doctor's statement), pregnancy or birth,
  and special family circumstances;
* lid 11: the report of lid 5 and 7 concerns the student who follows an
  **entree or basisberoepsopleiding** (onder a) or who received
  studiefinanciering **before 1 August 2005** (onder b).

DUO's page (*Extra doorgeven afwezigheid leerling 18+*) sums this up in
practice as "18 or older, full-time bol at niveau 1 or 2, 5 weeks or
longer": studiefinanciering for mbo is for full-time bol students of 18 and
over. The library decides on the article and adds a note where the age or
leertraject does not fit studiefinanciering. The leertraject is judged by
its kenmerk ``voltijd`` in the value list, the level by the kenmerk
``niveau`` of the value list niveau.

This report is made with DUO's form *Melding afwezigheid scholier of
student*. It is **separate from the verzuimmelding** in the Register
Onderwijsdeelnemers (ROD); doing one does not replace the other.

Working days are Monday to Friday except the days the Algemene termijnenwet
(BWBR0002448) art. 3 names: Nieuwjaarsdag, Goede Vrijdag, tweede Paasdag,
Koningsdag, 5 mei, Hemelvaartsdag, tweede Pinksterdag and both Kerstdagen.

Examples:
    >>> import datetime as dt
    >>> from duo_domain.mbo.afwezigheid import melding_afwezigheid
    >>> kwestie = dict(geboortedatum=dt.date(2005, 1, 1), leertraject="BOL", niveau="MBO-2",
    ...                studiefinanciering=True, afwezig_van=dt.date(2025, 3, 3))
    >>> o = melding_afwezigheid(**kwestie, afwezig_tot=dt.date(2025, 4, 6))   # 35 days
    >>> o.melding_verplicht, o.termijn_mededeling_student, o.termijn_melding_duo
    (True, datetime.date(2025, 4, 2), datetime.date(2025, 5, 2))
    >>> melding_afwezigheid(**kwestie, afwezig_tot=dt.date(2025, 4, 5)).melding_verplicht   # 34 days
    False
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

import attrs

from duo_domain import _fields as f
from duo_domain._sources import WEB
from duo_domain.calendar import dagen_inclusief, leeftijd, plus_dagen
from duo_domain.codes import Codetabellen
from duo_domain.errors import DocumentProblem, InvalidDocument, InvalidValue, mask_numbers
from duo_domain.mbo.codes import LEERTRAJECT, NIVEAU, VOLTIJD_LEERTRAJECTEN

__all__ = [
    "LOS_VAN_VERZUIMMELDING",
    "MINIMUM_DAGEN",
    "STUDIEFINANCIERING_VOOR",
    "Afwezigheid",
    "AfwezigheidsOordeel",
    "melding_afwezigheid",
    "werkdag_na",
]

#: At least 5 weeks: 35 days, counted inclusively, holiday weeks left out.
MINIMUM_DAGEN = 35

#: Lid 11 onder b: studiefinanciering received before this date.
STUDIEFINANCIERING_VOOR = dt.date(2005, 8, 1)

#: The note every answer carries.
LOS_VAN_VERZUIMMELDING = (
    "The Melding afwezigheid (DUO form 'Melding afwezigheid scholier of student') is separate from the "
    "verzuimmelding in the Register Onderwijsdeelnemers (ROD); make both where both apply."
)

_WEB = f"{WEB} (BWBR0007625) art. 8.1.7"
_DUO = "DUO, Extra doorgeven afwezigheid leerling 18+"
_ATW = "Algemene termijnenwet (BWBR0002448) art. 3"


def _entree_of_basis(tabellen: Codetabellen) -> frozenset[str]:
    """Entree (niveau 1) and basisberoepsopleiding (niveau 2): kenmerk ``niveau`` of the table niveau."""
    lijst = tabellen.waardenlijst(NIVEAU.naam)
    return lijst.met_kenmerk("niveau", "1") | lijst.met_kenmerk("niveau", "2")


def _voltijd(tabellen: Codetabellen) -> frozenset[str]:
    return tabellen.waardenlijst(LEERTRAJECT.naam).met_kenmerk("voltijd", "ja")


_LID_11A_NIVEAUS = _entree_of_basis(Codetabellen())


def _kenmerken(codes: Codetabellen | None) -> tuple[frozenset[str], frozenset[str]]:
    """The niveaus of lid 11 onder a and the full-time leertrajecten, read from ``codes``."""
    if codes is None:
        return _LID_11A_NIVEAUS, VOLTIJD_LEERTRAJECTEN
    tabellen = Codetabellen.uit(codes)
    return (
        tabellen.afgeleid("mbo.afwezigheid.niveaus", _entree_of_basis),
        tabellen.afgeleid("mbo.voltijd_leertrajecten", _voltijd),
    )


def _pasen(jaar: int) -> dt.date:
    """Easter Sunday of the Gregorian calendar (the anonymous computus)."""
    a, b, c = jaar % 19, jaar // 100, jaar % 100
    d, e = divmod(b, 4)
    g = (8 * b + 13) // 25
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    m = (32 + 2 * e + 2 * i - h - k) % 7
    n = (a + 11 * h + 19 * m) // 433
    maand = (h + m - 7 * n + 90) // 25
    dag = (h + m - 7 * n + 33 * maand + 19) % 32
    return dt.date(jaar, maand, dag)


def _feestdagen(jaar: int) -> frozenset[dt.date]:
    pasen = _pasen(jaar)
    koningsdag = dt.date(jaar, 4, 27)
    if koningsdag.weekday() == 6:  # on a Sunday the day is celebrated on the 26th
        koningsdag = dt.date(jaar, 4, 26)
    dagen = (-2, 1, 39, 50)  # Goede Vrijdag, tweede Paasdag, Hemelvaartsdag, tweede Pinksterdag
    return frozenset(
        {dt.date(jaar, 1, 1), koningsdag, dt.date(jaar, 5, 5), dt.date(jaar, 12, 25), dt.date(jaar, 12, 26)}
        | {pasen + dt.timedelta(days=n) for n in dagen}
    )


def werkdag_na(datum: dt.date, n: int) -> dt.date:
    """The ``n``-th working day after ``datum`` (not counting ``datum`` itself).

    Raises:
        InvalidValue: when that day lies beyond the calendar's last day (9999-12-31).

    Examples:
        >>> import datetime as dt
        >>> werkdag_na(dt.date(2025, 4, 17), 1)   # Thursday; Goede Vrijdag, the weekend and Easter Monday
        datetime.date(2025, 4, 22)
    """
    dag = datum
    while n > 0:
        if dag == dt.date.max:
            raise InvalidValue("the working day sought lies beyond the calendar's last day (9999-12-31)")
        dag += dt.timedelta(days=1)
        if dag.weekday() < 5 and dag not in _feestdagen(dag.year):
            n -= 1
    return dag


@attrs.frozen
class AfwezigheidsOordeel:
    """The answer of [`melding_afwezigheid`][duo_domain.mbo.afwezigheid.melding_afwezigheid].

    Attributes:
        melding_verplicht: The report to DUO (lid 5) is due.
        dagen_afwezig: Days of absence counted (inclusive, holiday weeks left out).
        leeftijd: The student's age on the last day of absence.
        voorwaarden: Each condition of the article as ``(condition, met, source)``.
        termijn_mededeling_student: The last day for telling the student (lid 2), when the
            absence reached four weeks; else ``None``.
        einde_periode_acht_weken: The last day of the 8-week period (lid 3, lengthened by
            holiday weeks, lid 6).
        termijn_melding_duo: The last day for the report to DUO and the copy to the student
            (lid 5 and 7), when the report is due; else ``None``.
        opmerkingen: Notes where the data do not fit studiefinanciering (DUO's summary).
        toelichting: That this report is separate from the verzuimmelding in ROD.
    """

    melding_verplicht: bool
    dagen_afwezig: int
    leeftijd: int
    voorwaarden: tuple[tuple[str, bool, str], ...]
    termijn_mededeling_student: dt.date | None
    einde_periode_acht_weken: dt.date
    termijn_melding_duo: dt.date | None
    opmerkingen: tuple[str, ...] = ()
    toelichting: str = LOS_VAN_VERZUIMMELDING


def _opmerkingen(
    jaren: int, leertraject: str, *, studiefinanciering: bool, voltijd: frozenset[str]
) -> tuple[str, ...]:
    if not studiefinanciering:
        return ()
    notes: list[str] = []
    if jaren < 18:
        notes.append(f"the student is {jaren}: studiefinanciering for mbo starts at 18 ({_DUO}); check it")
    if leertraject not in voltijd:
        notes.append(
            f"leertraject {mask_numbers(repr(leertraject))} is not full-time bol (kenmerk voltijd): "
            f"studiefinanciering is for full-time bol ({_DUO}); check it"
        )
    return tuple(notes)


def melding_afwezigheid(
    *,
    geboortedatum: dt.date,
    leertraject: str,
    niveau: str | None,
    studiefinanciering: bool,
    afwezig_van: dt.date,
    afwezig_tot: dt.date,
    vakantieweken: int = 0,
    studiefinanciering_voor_2005: bool = False,
    codes: Codetabellen | None = None,
) -> AfwezigheidsOordeel:
    """Whether the report of WEB art. 8.1.7 lid 5 to DUO is due, and by when.

    Args:
        geboortedatum: The student's date of birth.
        leertraject: The period's leertraject (only checked against studiefinanciering, as a note).
        niveau: The period's niveau: ``MBO-1`` (entree) or ``MBO-2`` (basisberoepsopleiding)
            meet lid 11 onder a; ``None`` when unknown.
        studiefinanciering: The student falls under the Wet studiefinanciering 2000 (lid 1).
        afwezig_van: First day of the unauthorised absence.
        afwezig_tot: Last day of the unauthorised absence so far (inclusive).
        vakantieweken: Holiday weeks without education within the period (lid 6).
        studiefinanciering_voor_2005: The student received studiefinanciering before
            1 August 2005 (lid 11 onder b).
        codes: The code tables whose kenmerken are read: ``niveau`` of the table niveau
            (1 or 2 meets lid 11 onder a) and ``voltijd`` of the table leertraject; the
            shipped ones for ``None``.

    Returns:
        The judgement, with every condition and its article, and the deadlines.

    Raises:
        InvalidValue: when ``vakantieweken`` is negative, the absence ends before it begins, or the
            deadlines would lie beyond the calendar's last day (9999-12-31).
    """
    _check_period(afwezig_van, afwezig_tot, vakantieweken)
    dagen = max(0, dagen_inclusief(afwezig_van, afwezig_tot) - 7 * vakantieweken)
    jaren = leeftijd(geboortedatum, op=afwezig_tot)
    niveaus, voltijd = _kenmerken(codes)
    lid_11 = niveau in niveaus or studiefinanciering_voor_2005
    voorwaarden = (
        ("falls under the Wet studiefinanciering 2000", studiefinanciering, f"{_WEB} lid 1"),
        (
            "entree or basisberoepsopleiding (MBO-1, MBO-2), or studiefinanciering before 2005-08-01",
            lid_11,
            f"{_WEB} lid 11 onder a en b",
        ),
        (
            f"absent without valid reason for at least 5 weeks ({dagen} of {MINIMUM_DAGEN} days)",
            dagen >= MINIMUM_DAGEN,
            f"{_WEB} lid 1 ('ten minste 5 weken') and lid 6 (holidays)",
        ),
    )
    verplicht = all(met for _, met, _ in voorwaarden)
    vier_weken = plus_dagen(afwezig_van, 27)
    acht_weken = plus_dagen(afwezig_van, 55 + 7 * vakantieweken)
    mededeling = werkdag_na(vier_weken, 3) if studiefinanciering and afwezig_tot >= vier_weken else None
    return AfwezigheidsOordeel(
        melding_verplicht=verplicht,
        dagen_afwezig=dagen,
        leeftijd=jaren,
        voorwaarden=voorwaarden,
        termijn_mededeling_student=mededeling,
        einde_periode_acht_weken=acht_weken,
        termijn_melding_duo=werkdag_na(acht_weken, 5) if verplicht else None,
        opmerkingen=_opmerkingen(jaren, leertraject, studiefinanciering=studiefinanciering, voltijd=voltijd),
    )


#: Days after the 8-week period that the deadlines of lid 2 and 5 may need (5 working days, weekends
#: and the public holidays around them): an absence is judged only when these fit the calendar.
_MARGE_DAGEN = 31


def _check_period(afwezig_van: dt.date, afwezig_tot: dt.date, vakantieweken: int) -> None:
    """Refuse what cannot be judged: a negative count, an absence backwards, deadlines past the calendar."""
    if vakantieweken < 0:
        raise InvalidValue("cannot be negative", field="vakantieweken")
    if afwezig_tot < afwezig_van:
        raise InvalidValue("lies before afwezig_van", field="afwezig_tot")
    if afwezig_van.toordinal() + 55 + 7 * vakantieweken + _MARGE_DAGEN > dt.date.max.toordinal():
        raise InvalidValue(
            "the 8-week period (lengthened by the holiday weeks) and its deadline lie beyond the calendar's "
            "last day (9999-12-31)",
            field="afwezig_van",
        )


_FIELDS: dict[str, tuple[str, bool]] = {
    # name: (kind, required)
    "geboortedatum": ("date", True),
    "leertraject": ("str", True),
    "niveau": ("str", False),
    "studiefinanciering": ("bool", True),
    "studiefinanciering_voor_2005": ("bool", False),
    "afwezig_van": ("date", True),
    "afwezig_tot": ("date", True),
    "vakantieweken": ("int", False),
    "gemeld_op": ("date", False),
}


def _read_value(kind: str, value: object) -> tuple[object, str | None]:
    if kind == "date":
        if isinstance(value, str):
            # As the shared reading layer: YYYY-MM-DD with ASCII digits only, not the other ISO 8601
            # forms date.fromisoformat takes (20250303, 2025-W10-1): the date must read back as written.
            try:
                day = dt.date.fromisoformat(value)
            except ValueError:
                day = None
            if day is not None and day.isoformat() == value:
                return day, None
        return None, "not a date (YYYY-MM-DD)"
    if kind == "bool":
        return (value, None) if isinstance(value, bool) else (None, "not true or false")
    if kind == "int":
        ok = isinstance(value, int) and not isinstance(value, bool) and value >= 0
        return (value, None) if ok else (None, "not a whole number of 0 or more")
    return (value, None) if isinstance(value, str) else (None, "not a string")


@attrs.frozen
class Afwezigheid:
    """One student's absence, as the ``duo-domain afwezigheid`` document holds it.

    The fields are the arguments of [`melding_afwezigheid`][duo_domain.mbo.afwezigheid.melding_afwezigheid],
    plus
    ``gemeld_op``: the day the report went to DUO, if it did. Rule
    ``ROD.AFWEZIGHEID.MELDING`` checks that a due report is made in time.

    Examples:
        >>> a = Afwezigheid.from_dict({"geboortedatum": "2005-01-01", "leertraject": "BOL", "niveau": "MBO-2",
        ...     "studiefinanciering": True, "afwezig_van": "2025-03-03", "afwezig_tot": "2025-04-06"})
        >>> a.oordeel().termijn_melding_duo
        datetime.date(2025, 5, 2)
    """

    geboortedatum: dt.date = attrs.field(validator=f.date)
    leertraject: str = attrs.field(validator=f.text)
    niveau: str | None = attrs.field(validator=f.opt_text)
    studiefinanciering: bool = attrs.field(validator=f.boolean)
    afwezig_van: dt.date = attrs.field(validator=f.date)
    afwezig_tot: dt.date = attrs.field(validator=f.date)
    vakantieweken: int = attrs.field(default=0, validator=f.integer)
    studiefinanciering_voor_2005: bool = attrs.field(default=False, validator=f.boolean)
    gemeld_op: dt.date | None = attrs.field(default=None, validator=f.opt_date)

    def __attrs_post_init__(self) -> None:
        try:
            _check_period(self.afwezig_van, self.afwezig_tot, self.vakantieweken)
        except InvalidValue as exc:
            raise InvalidValue(exc.message, field=f"Afwezigheid.{exc.field}") from None

    def oordeel(self, *, codes: Codetabellen | None = None) -> AfwezigheidsOordeel:
        """The judgement of `melding_afwezigheid` for this absence, with the code tables ``codes``."""
        return melding_afwezigheid(
            codes=codes,
            geboortedatum=self.geboortedatum,
            leertraject=self.leertraject,
            niveau=self.niveau,
            studiefinanciering=self.studiefinanciering,
            afwezig_van=self.afwezig_van,
            afwezig_tot=self.afwezig_tot,
            vakantieweken=self.vakantieweken,
            studiefinanciering_voor_2005=self.studiefinanciering_voor_2005,
        )

    @classmethod
    def from_dict(cls, data: object, *, path: str = "$") -> Afwezigheid:
        """Read one absence from parsed JSON.

        Raises:
            InvalidDocument: a field is missing, unknown or of the wrong kind (every problem, with its
                path), or the absence ends before it begins.
        """
        if not isinstance(data, Mapping):
            raise InvalidDocument([DocumentProblem(path, "not an object")], document="afwezigheid")
        problems = [DocumentProblem(f"{path}.{k}", "unknown key") for k in data if k not in _FIELDS]
        values: dict[str, Any] = {}
        for name, (kind, required) in _FIELDS.items():
            if data.get(name) is None:
                if required:
                    problems.append(DocumentProblem(f"{path}.{name}", "missing"))
                continue
            value, problem = _read_value(kind, data[name])
            if problem:
                problems.append(DocumentProblem(f"{path}.{name}", problem))
            values[name] = value
        if not problems:
            try:
                _check_period(values["afwezig_van"], values["afwezig_tot"], values.get("vakantieweken", 0))
            except InvalidValue as exc:
                message = "before afwezig_van" if exc.field == "afwezig_tot" else exc.message
                problems.append(DocumentProblem(f"{path}.{exc.field}", message))
        if problems:
            raise InvalidDocument(problems, document="afwezigheid")
        values.setdefault("niveau", None)
        return cls(**values)
