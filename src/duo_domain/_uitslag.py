"""What the MBO and VO uitslag share (private: import the names from their sector's module).

Both sectors answer the same question in the same shape: an [`Uitslag`][duo_domain.vo.Uitslag]
(geslaagd or afgewezen), every failed condition as a [`Reden`][duo_domain.vo.Reden] whose
``regel`` is a rule id of the catalogue, and the rule set that judged it.
Both round a mean to a whole grade the same way, [`round_half_up`][duo_domain.vo.round_half_up].

Examples:
    >>> from decimal import Decimal
    >>> Uitslag("geslaagd") is Uitslag.GESLAAGD, round_half_up(Decimal("5.45")), round_half_up(Decimal("5.5"))
    (True, 5, 6)
"""

from __future__ import annotations

import enum
from decimal import ROUND_HALF_UP, Decimal

import attrs

__all__ = ["Reden", "Uitslag", "round_half_up"]

_ONE = Decimal(1)


class Uitslag(enum.Enum):
    """The uitslag of an exam: geslaagd or afgewezen.

    VO: WVO 2020 art. 2.57 lid 2 and Uitvoeringsbesluit WVO 2020 art. 3.34/3.35;
    MBO: Ekb WEB art. 17 ("met goed gevolg afgelegd").
    """

    GESLAAGD = "geslaagd"
    AFGEWEZEN = "afgewezen"


@attrs.frozen
class Reden:
    """One failed condition of a pass/fail rule: which rule, its article, and what was wrong.

    Attributes:
        regel: The id of the rule in the catalogue, e.g. ``BRON.EXAMEN.KERNVAKKEN``
            or ``ROD.UITSLAG.NEDERLANDS_REKENEN``; look it up with
            ``duo_domain.registry.get(regel)`` for its source and validity.
        artikel: The article, e.g. ``Uitvoeringsbesluit WVO 2020 art. 3.34 lid 1 b``.
        toelichting: What is wrong, with the grades involved.

    Examples:
        >>> Reden("R.X", "art. 1", "te laag").to_dict()
        {'regel': 'R.X', 'artikel': 'art. 1', 'toelichting': 'te laag'}
    """

    regel: str
    artikel: str
    toelichting: str

    def to_dict(self) -> dict[str, str]:
        """The reason with the wire names of the output contracts (``redenen`` items)."""
        return {"regel": self.regel, "artikel": self.artikel, "toelichting": self.toelichting}


def round_half_up(value: Decimal) -> int:
    """Round to a whole number the way both exam laws prescribe: half up.

    "Indien het eerste cijfer achter de komma een 4 of lager is, naar beneden
    afgerond en indien dat cijfer een 5 of hoger is, naar boven afgerond"
    (Uitvoeringsbesluit WVO 2020 art. 3.32 lid 2; Ekb WEB art. 15 lid 1).
    Python's ``round()`` rounds half to even and is never used for grades.

    Examples:
        >>> from decimal import Decimal as D
        >>> [round_half_up(D(x)) for x in ("5.45", "5.5", "6.5", "4.49")]
        [5, 6, 7, 4]
    """
    return int(value.quantize(_ONE, rounding=ROUND_HALF_UP))
