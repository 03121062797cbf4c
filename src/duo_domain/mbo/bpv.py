"""BPV agreements (beroepspraktijkvorming, the praktijkovereenkomst).

A [`BpvAgreement`][duo_domain.mbo.bpv.BpvAgreement] is DUO's BPV record (PvE MBO-instelling – DUO v4.8.2,
§15.5.6). It belongs to one enrolment, named by its
``inschrijvingvolgnummer``. The leerbedrijf must first be known at SBB: its
SBB id (``leerbedrijf_id``, 9 digits) is required before the agreement can be
exchanged with DUO ("Wissel eerst de gegevens van het leerbedrijf uit met
SBB", DUO, *Uitwisselen met ROD*).

Examples:
    >>> import datetime as dt
    >>> from duo_domain.mbo.bpv import BpvAgreement
    >>> bpv = BpvAgreement(
    ...     inschrijvingvolgnummer="C3", volgnummer="C1", afsluitdatum=dt.date(2023, 1, 7),
    ...     datum_begin=dt.date(2023, 2, 1), datum_einde_gepland=dt.date(2025, 1, 29),
    ...     omvang=2163, leerbedrijf_id="100018965", opleidingscode="25655",
    ... )
    >>> bpv.datum_einde
    datetime.date(2025, 1, 29)
"""

from __future__ import annotations

import datetime as dt

import attrs

from duo_domain import _fields as f

__all__ = ["BpvAgreement"]


@attrs.frozen
class BpvAgreement:
    """One BPV agreement (praktijkovereenkomst) of a student.

    Attributes:
        inschrijvingvolgnummer: The enrolment the agreement belongs to.
        volgnummer: 1–20 letters and digits, given by the institution.
        afsluitdatum: The date the praktijkovereenkomst was drawn up.
        datum_begin: First day of the BPV.
        datum_einde_gepland: Planned last day.
        datum_einde_werkelijk: Actual last day, once it ended.
        omvang: Total size of the BPV in hours (1–9999).
        leerbedrijf_id: The SBB leerbedrijf id (9 digits, 100000000–999999999).
        opleidingscode: The crebo code the BPV is part of.
        keuzedeel: The keuzedeel code, for a BPV in the frame of a keuzedeel.
    """

    inschrijvingvolgnummer: str = attrs.field(validator=f.text)
    volgnummer: str = attrs.field(validator=f.text)
    afsluitdatum: dt.date = attrs.field(validator=f.date)
    datum_begin: dt.date = attrs.field(validator=f.date)
    datum_einde_gepland: dt.date = attrs.field(validator=f.date)
    datum_einde_werkelijk: dt.date | None = attrs.field(default=None, validator=f.opt_date)
    omvang: int | None = attrs.field(default=None, validator=f.opt_integer)
    leerbedrijf_id: str | None = attrs.field(default=None, validator=f.opt_text)
    opleidingscode: str | None = attrs.field(default=None, validator=f.opt_text)
    keuzedeel: str | None = attrs.field(default=None, validator=f.opt_text)

    @property
    def datum_einde(self) -> dt.date:
        """The last day of the BPV: the actual one if known, else the planned one."""
        werkelijk = self.datum_einde_werkelijk
        return werkelijk if werkelijk is not None else self.datum_einde_gepland
