"""What a candidate receives besides the uitslag: a certificaat, or a vmbo-tl diploma for a gl candidate.

**Certificaat** (Uitvoeringsbesluit WVO 2020, BWBR0045787):

* art. 3.50 — a candidate *afgewezen* for the vmbo exam at a school who leaves
  the school gets a certificaat listing every subject with an eindcijfer of
  **6 or higher** and the theme of the profielwerkstuk when it is judged
  *voldoende* or *goed*;
* art. 3.73 — a candidate of an instelling voor educatie en beroepsonderwijs
  (vavo) who cannot get a diploma, or who took the exam in one or more subjects
  only, gets a certificaat listing every subject with an eindcijfer of 6 or
  higher; for vwo and havo also the subject(s) and title of the
  profielwerkstuk; for vmbo its theme when judged *voldoende* or *goed*.

The decree names no certificaat for a havo or vwo candidate who fails at a
school: the cijferlijst (art. 3.40) is what that candidate receives. A subject
judged without an eindcijfer (lichamelijke opvoeding, the vmbo kunstvakken)
never earns one: the articles speak of an eindcijfer of 6 or higher.

**vmbo-tl diploma for a gl candidate** (art. 3.45): a candidate who passed the
vmbo-gl exam at a scholengemeenschap that includes a mavo, and who also took an
extra algemeen vak, receives on request the vmbo-tl diploma when, counting that
subject, the exam meets art. 3.35 for the tl uitslag.

Examples:
    >>> from decimal import Decimal as D
    >>> from duo_domain.vo import Beoordeling, ExamResult, Examenkandidaat, Profielwerkstuk, Schoolsoort
    >>> from duo_domain.vo.certificaten import certificaat
    >>> k = Examenkandidaat(Schoolsoort.VMBO_TL, 2025, (
    ...     ExamResult("0011", se=D("4.0"), ce=D("4.0")),
    ...     ExamResult("0071", se=D("6.5"), ce=D("6.0")),
    ...     ExamResult("0153", se=D("5.0"), ce=D("4.6")),
    ...     ExamResult("0233", se=D("7.1"), ce=D("6.5")),
    ...     ExamResult("0191", se=D("6.2"), ce=D("5.9")),
    ...     ExamResult("0125", se=D("5.4"), ce=D("5.5")),
    ...     ExamResult("0322", se=D(6)),
    ...     ExamResult("0353", beoordeling=Beoordeling.GOED),
    ...     ExamResult("0416", beoordeling=Beoordeling.VOLDOENDE),
    ... ), profielwerkstuk=Profielwerkstuk(beoordeling=Beoordeling.VOLDOENDE, titel="Water"))
    >>> c = certificaat(k)
    >>> c.uitgereikt, [code for code, _ in c.vakken], c.profielwerkstuk, c.artikel
    (True, ['0071', '0233', '0191', '0322'], 'Water', 'Uitvoeringsbesluit WVO 2020 art. 3.50')
"""

from __future__ import annotations

from typing import Any

import attrs

from duo_domain._sources import UB_WVO
from duo_domain.codes import Codetabellen
from duo_domain.vo.codes import Vaksoort, vakcodetabel
from duo_domain.vo.model import Examenkandidaat, Schoolsoort
from duo_domain.vo.uitslag import UitslagResultaat, compute_uitslag

__all__ = ["CERTIFICAAT", "Certificaat", "TlDiploma", "certificaat", "tl_diploma"]

_GEEN: tuple[Vaksoort | None, int] = (None, 0)

#: The rule of the catalogue that checks the reported certificaat indicator.
CERTIFICAAT = "BRON.EXAMEN.CERTIFICAAT"


@attrs.frozen
class Certificaat:
    """The certificaat the law gives a candidate, or why it gives none.

    Attributes:
        uitgereikt: Whether the law gives this candidate a certificaat.
        vakken: The subjects it lists: ``(vakcode, eindcijfer)`` with an eindcijfer of 6 or higher.
        profielwerkstuk: The theme or title of the profielwerkstuk it lists, or ``None``.
        artikel: The article applied.
        toelichting: Why the law gives a certificaat or none.
    """

    uitgereikt: bool
    vakken: tuple[tuple[str, int], ...]
    profielwerkstuk: str | None
    artikel: str
    toelichting: str

    def to_dict(self) -> dict[str, Any]:
        """The JSON form."""
        return {
            "uitgereikt": self.uitgereikt,
            "vakken": [[c, g] for c, g in self.vakken],
            "profielwerkstuk": self.profielwerkstuk,
            "artikel": self.artikel,
            "toelichting": self.toelichting,
        }


def _pws_vermelding(k: Examenkandidaat) -> str | None:
    """The profielwerkstuk line: vmbo only when voldoende or goed; havo/vwo (vavo) its title."""
    pws = k.profielwerkstuk
    if pws is None or pws.titel is None:
        return None
    if k.schoolsoort.is_vmbo:
        return pws.titel if pws.beoordeling is not None and pws.beoordeling.is_voldoende else None
    return pws.titel


def certificaat(
    kandidaat: Examenkandidaat,
    *,
    vavo: bool = False,
    deeleindexamen: bool = False,
    resultaat: UitslagResultaat | None = None,
    codes: Codetabellen | None = None,
) -> Certificaat:
    """The certificaat of art. 3.50 (vmbo at a school) or art. 3.73 (vavo).

    Args:
        kandidaat: The candidate's exam.
        vavo: The exam was taken at an instelling voor educatie en beroepsonderwijs (art. 3.73).
        deeleindexamen: The exam was taken in one or more subjects only (vavo: a certificaat
            whatever the uitslag, art. 3.73).
        resultaat: The uitslag if already computed; computed otherwise.
        codes: The code tables (table ``vakcodes``); the shipped ones for ``None``.

    Raises:
        UnsupportedPeriod: when no rule set covers the examenjaar.
        InvalidDocument: when the grades cannot be judged.
    """
    r = resultaat if resultaat is not None else compute_uitslag(kandidaat, codes=codes)
    art = f"{UB_WVO} art. 3.73" if vavo else f"{UB_WVO} art. 3.50"
    vrij = {v.vakcode for v in kandidaat.vakken if v.vrijstelling}
    vakken = tuple((c, g) for c, g in r.eindcijfers.items() if g >= 6 and c not in vrij)
    pws = _pws_vermelding(kandidaat)
    if vavo and (deeleindexamen or not r.geslaagd):
        grond = "an exam in one or more subjects" if deeleindexamen else "afgewezen: no diploma"
        return Certificaat(
            uitgereikt=True, vakken=vakken, profielwerkstuk=pws, artikel=art, toelichting=f"vavo, {grond}"
        )
    if r.geslaagd and not deeleindexamen:
        return _geen(art, "geslaagd: the candidate receives the diploma")
    if not kandidaat.schoolsoort.is_vmbo:
        return _geen(art, "the decree names a certificaat for vmbo at a school only (art. 3.50)")
    return Certificaat(
        uitgereikt=True,
        vakken=vakken,
        profielwerkstuk=pws,
        artikel=art,
        toelichting="vmbo afgewezen: issued when the candidate leaves school",
    )


def _geen(art: str, toelichting: str) -> Certificaat:
    return Certificaat(
        uitgereikt=False, vakken=(), profielwerkstuk=None, artikel=art, toelichting=toelichting
    )


@attrs.frozen
class TlDiploma:
    """Whether a vmbo-gl candidate can receive the vmbo-tl diploma (art. 3.45).

    Attributes:
        mogelijk: ``True`` when the exam, counting the extra algemene vakken, meets art. 3.35 for tl.
        extra_vakken: The extra algemene vakken counted.
        tl_uitslag: The uitslag of the exam judged as vmbo-tl, or ``None`` when it was not judged.
        redenen: Why not, each with its article (empty when it can).
    """

    mogelijk: bool
    extra_vakken: tuple[str, ...]
    tl_uitslag: UitslagResultaat | None
    redenen: tuple[str, ...]


def tl_diploma(kandidaat: Examenkandidaat, *, codes: Codetabellen | None = None) -> TlDiploma:
    """Art. 3.45: can a passed vmbo-gl candidate with an extra algemeen vak get the vmbo-tl diploma?

    The exam is judged as a vmbo-tl exam with the extra algemene vakken counted (their ``extra``
    mark removed): the gl beroepsgerichte programme (profielvak and two keuzevakken, or the
    praktijkgerichte programme) then counts as in art. 3.35 lid 2. The diploma is issued on the
    candidate's request by a scholengemeenschap that includes a mavo; the library cannot see
    either, and judges the grades only.

    Examples:
        >>> from duo_domain.vo import Examenkandidaat, Schoolsoort
        >>> tl_diploma(Examenkandidaat(Schoolsoort.HAVO, 2025, ())).redenen
        ('art. 3.45 is about a vmbo-gl candidate; this is havo (Uitvoeringsbesluit WVO 2020 art. 3.45)',)
    """
    art = f"{UB_WVO} art. 3.45"
    ss = kandidaat.schoolsoort
    if ss is not Schoolsoort.VMBO_GL:
        return _niet(art, f"art. 3.45 is about a vmbo-gl candidate; this is {ss.value}")
    tabel = vakcodetabel(codes)
    if not compute_uitslag(kandidaat, codes=codes).geslaagd:
        return _niet(art, "the candidate has not passed the gl exam")
    rollen = tabel.rollen(Schoolsoort.VMBO_TL.value)
    extra = tuple(
        v.vakcode
        for v in kandidaat.vakken
        if v.extra and not v.vrijstelling and rollen.get(v.vakcode, _GEEN)[0] is Vaksoort.ALGEMEEN
    )
    if not extra:
        return _niet(art, "no extra algemeen vak of the tl exam was taken")
    vakken = [attrs.evolve(v, extra=False) if v.vakcode in extra else v for v in kandidaat.vakken]
    als_tl = attrs.evolve(
        kandidaat, schoolsoort=Schoolsoort.VMBO_TL, vakken=vakken, uitslag=None, cum_laude=None
    )
    tl = compute_uitslag(als_tl, codes=codes)
    redenen = tuple(f"judged as vmbo-tl: {x.toelichting} ({x.artikel}; {art})" for x in tl.redenen)
    return TlDiploma(mogelijk=tl.geslaagd, extra_vakken=extra, tl_uitslag=tl, redenen=redenen)


def _niet(art: str, tekst: str) -> TlDiploma:
    return TlDiploma(mogelijk=False, extra_vakken=(), tl_uitslag=None, redenen=(f"{tekst} ({art})",))
