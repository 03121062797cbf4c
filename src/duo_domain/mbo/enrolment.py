"""Enrolments (inschrijvingen) with their periods and periods of extra support.

An [`Enrolment`][duo_domain.mbo.enrolment.Enrolment] is what DUO's files call an ISG record: one student's
enrolment at one institution, keyed by the inschrijvingvolgnummer. Every
change to the programme (opleiding, leertraject, funding indication, ...)
starts a new [`Periode`][duo_domain.mbo.enrolment.Periode] (ISP record). Periods of extra support are
[`ExtraOndersteuning`][duo_domain.mbo.enrolment.ExtraOndersteuning] (ISE record). Field meanings: PvE
MBO-instelling –
DUO v4.8.2, §15.5.3–§15.5.5.

All end dates are **inclusive**: the last day the enrolment or period is
valid ("Dit is een inclusiefdatum", PvE §15.5.3).

Codes (opleidingscode, leertraject, onderwijslocatie, ...) are plain strings
here; whether they are valid is a business rule ([`duo_domain.mbo.rules`][duo_domain.mbo.rules]),
so that one bad code never stops the other checks.

Examples:
    >>> import datetime as dt
    >>> from duo_domain.mbo.enrolment import Enrolment, Periode
    >>> inschrijving = Enrolment(
    ...     inschrijvingvolgnummer="C3",
    ...     instelling="25LX",
    ...     datum_inschrijving=dt.date(2023, 8, 1),
    ...     datum_uitschrijving_gepland=dt.date(2026, 7, 31),
    ...     perioden=[
    ...         Periode(dt.date(2023, 8, 1), "25655", "BOL", True, onderwijslocatie="101X591"),
    ...         Periode(dt.date(2024, 8, 1), "25655", "BBL", True, onderwijslocatie="101X591"),
    ...     ],
    ... )
    >>> inschrijving.datum_einde
    datetime.date(2026, 7, 31)
    >>> [str(inschrijving.periode_einde(i)) for i in range(2)]
    ['2024-07-31', '2026-07-31']
    >>> inschrijving.periode_op(dt.date(2024, 8, 1)).leertraject
    'BBL'
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

import attrs

from duo_domain import _fields as f
from duo_domain.calendar import plus_dagen

__all__ = ["Enrolment", "ExtraOndersteuning", "Periode"]


@attrs.frozen
class Periode:
    """One inschrijvingsperiode: the programme of an enrolment from ``datum_begin`` on.

    A period lasts until the day before the next period begins, or until the
    end of the enrolment. ``datum_einde`` may be given explicitly (DUO's
    GRONDSLAG files carry it); it is inclusive.

    Attributes:
        datum_begin: First day of the period (inclusive).
        opleidingscode: The crebo code of the opleiding (5 digits).
        leertraject: Code of the value list [`LEERTRAJECT`][duo_domain.mbo.codes.LEERTRAJECT].
        indicatie_bekostigbaar: Whether the period qualifies for funding (DUO's J/N).
        niveau: ``MBO-1`` … ``MBO-4`` (optional in DUO's files).
        onderwijsaanbieder: RIO onderwijsaanbieder id (``nnnAnnn``).
        onderwijslocatie: RIO onderwijslocatie id (``nnnXnnn``); required for
            enrolments that start on or after 2019-08-01.
        locatiecode_vsv: NHR vestigingsnummer (12 characters) of the building
            where the student spends most time or the verzuimcoördinator sits.
        leerroute: Form of a vmbo-mbo leerroute (AN3).
        leerroutefase: ``VO`` or ``MBO`` (from 2020-08-01).
        datum_einde: Last day of the period (inclusive), when known explicitly.
    """

    datum_begin: dt.date = attrs.field(validator=f.date)
    opleidingscode: str = attrs.field(validator=f.text)
    leertraject: str = attrs.field(validator=f.text)
    indicatie_bekostigbaar: bool = attrs.field(validator=f.boolean)
    niveau: str | None = attrs.field(default=None, validator=f.opt_text)
    onderwijsaanbieder: str | None = attrs.field(default=None, validator=f.opt_text)
    onderwijslocatie: str | None = attrs.field(default=None, validator=f.opt_text)
    locatiecode_vsv: str | None = attrs.field(default=None, validator=f.opt_text)
    leerroute: str | None = attrs.field(default=None, validator=f.opt_text)
    leerroutefase: str | None = attrs.field(default=None, validator=f.opt_text)
    datum_einde: dt.date | None = attrs.field(default=None, validator=f.opt_date)


@attrs.frozen
class ExtraOndersteuning:
    """A period of extra support (ISE record): begin and optional end, both inclusive.

    Attributes:
        datum_begin: First day of the support.
        datum_einde: Last day of the support, or ``None`` while it lasts.
    """

    datum_begin: dt.date = attrs.field(validator=f.date)
    datum_einde: dt.date | None = attrs.field(default=None, validator=f.opt_date)


def _tuple_of_perioden(value: Iterable[Periode]) -> tuple[Periode, ...]:
    out: tuple[Periode, ...] = f.as_tuple(value)
    return out


def _tuple_of_extra(value: Iterable[ExtraOndersteuning]) -> tuple[ExtraOndersteuning, ...]:
    out: tuple[ExtraOndersteuning, ...] = f.as_tuple(value)
    return out


# Each gives a tuple back as it is: a reader that builds the tuple may leave the call out.
f.keeps_tuples(_tuple_of_perioden, _tuple_of_extra)


@attrs.frozen
class Enrolment:
    """One enrolment (inschrijving) of a student at an MBO institution.

    Attributes:
        inschrijvingvolgnummer: 1–20 letters and digits, unique per institution and student.
        instelling: The institution's BRIN code (``nnAA``).
        datum_inschrijving: First day of the enrolment.
        datum_uitschrijving_gepland: Planned last day (inclusive).
        perioden: One or more periods, in any order (they are judged sorted by ``datum_begin``).
        datum_uitschrijving_werkelijk: Actual last day (inclusive), once the student left.
        reden_uitschrijving: Code of [`REDEN_UITSCHRIJVING`][duo_domain.mbo.codes.REDEN_UITSCHRIJVING].
        extra_ondersteuning: Periods of extra support.
    """

    inschrijvingvolgnummer: str = attrs.field(validator=f.text)
    instelling: str = attrs.field(validator=f.text)
    datum_inschrijving: dt.date = attrs.field(validator=f.date)
    datum_uitschrijving_gepland: dt.date = attrs.field(validator=f.date)
    perioden: tuple[Periode, ...] = attrs.field(
        converter=_tuple_of_perioden, validator=f.items(Periode, "Periode objects")
    )
    datum_uitschrijving_werkelijk: dt.date | None = attrs.field(default=None, validator=f.opt_date)
    reden_uitschrijving: str | None = attrs.field(default=None, validator=f.opt_text)
    extra_ondersteuning: tuple[ExtraOndersteuning, ...] = attrs.field(
        default=(),
        converter=_tuple_of_extra,
        validator=f.items(ExtraOndersteuning, "ExtraOndersteuning objects"),
    )

    @property
    def datum_einde(self) -> dt.date:
        """The last day of the enrolment: the actual one if known, else the planned one."""
        werkelijk = self.datum_uitschrijving_werkelijk
        return werkelijk if werkelijk is not None else self.datum_uitschrijving_gepland

    def gesorteerde_perioden(self) -> list[tuple[int, Periode]]:
        """``(index, periode)`` pairs in order of ``datum_begin`` (index into `perioden`)."""
        return sorted(enumerate(self.perioden), key=lambda ip: ip[1].datum_begin)

    def periode_einde(self, index: int) -> dt.date:
        """The last day (inclusive) of period ``perioden[index]``.

        The explicit ``datum_einde`` when given; else the day before the next
        period begins; else the end of the enrolment.
        """
        periode = self.perioden[index]
        if periode.datum_einde is not None:
            return periode.datum_einde
        later = [p.datum_begin for p in self.perioden if p.datum_begin > periode.datum_begin]
        if later:
            return plus_dagen(min(later), -1)
        return self.datum_einde

    def periode_op(self, datum: dt.date) -> Periode | None:
        """The period in force on ``datum``, or ``None``."""
        for i, periode in self.gesorteerde_perioden():
            if periode.datum_begin <= datum <= self.periode_einde(i):
                return periode
        return None

    def leertrajecten(self) -> frozenset[str]:
        """Every leertraject code used in the enrolment's periods."""
        return frozenset(p.leertraject for p in self.perioden)
