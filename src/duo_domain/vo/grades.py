"""Grade arithmetic of the VO exam, exact in `Decimal`.

Sources (Uitvoeringsbesluit WVO 2020, BWBR0045787):

* art. 3.13 lid 1 and 2: an SE grade has one decimal when the subject has a
  CE, and is a whole number when it has none;
* art. 3.32: the eindcijfer is the arithmetic mean of SE and CE, rounded to a
  whole number: down when the first decimal is 4 or lower, up when it is 5 or
  higher — half up on the *exact* mean (5.45 → 5, 5.50 → 6); with only an SE,
  the SE grade is the eindcijfer;
* art. 3.34 lid 1 a / 3.35 lid 1 a: the mean of the CE grades is at least 5.5,
  unrounded (5.49 fails, 5.50 passes);
* art. 3.34 lid 4 / 3.35 lid 5: the combinatiecijfer is the mean of the
  components' eindcijfers, rounded like the eindcijfer; for vmbo-gl the
  profielvak weighs as often as there are keuzevakken (art. 3.35 lid 4);
* art. 3.39 lid 1: the highest CE grade of the tijdvakken counts.

Python's ``round()`` rounds half to even and is never used.

Examples:
    >>> from decimal import Decimal as D
    >>> eindcijfer(D("5.4"), D("5.5")), eindcijfer(D("5.5"), D("5.5")), eindcijfer(D("7"))
    (5, 6, 7)
    >>> meets_ce_eis([D("5.1"), D("6.3"), D("5.9"), D("4.9"), D("5.3")])  # exactly 5.5
    True
    >>> combinatiecijfer([6, 5]), combinatiecijfer([5, 5, 6])
    (6, 5)
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from decimal import ROUND_DOWN, Decimal

from duo_domain._uitslag import round_half_up

__all__ = [
    "ce_gemiddelde",
    "combinatiecijfer",
    "combinatiecijfer_gl",
    "eindcijfer",
    "format_gemiddelde",
    "hoogste_ce",
    "is_ce_cijfer",
    "is_se_cijfer",
    "meets_ce_eis",
    "round_half_up",
]

_ONE = Decimal(1)
_TEN = Decimal(10)
_CENT = Decimal("0.01")
_FIVE_AND_A_HALF = Decimal("5.5")


def _in_range(value: Decimal) -> bool:
    return value.is_finite() and _ONE <= value <= _TEN


def is_se_cijfer(value: Decimal, *, met_ce: bool) -> bool:
    """Whether ``value`` is a valid SE grade (art. 3.13 lid 1 and 2).

    Examples:
        >>> from decimal import Decimal as D
        >>> is_se_cijfer(D("6.4"), met_ce=True), is_se_cijfer(D("6.45"), met_ce=True)
        (True, False)
        >>> is_se_cijfer(D("7"), met_ce=False), is_se_cijfer(D("6.5"), met_ce=False)
        (True, False)
        >>> is_se_cijfer(D("0.9"), met_ce=True), is_se_cijfer(D("10.0"), met_ce=True)
        (False, True)
    """
    if not _in_range(value):
        return False
    places = Decimal("0.1") if met_ce else _ONE
    return value == value.quantize(places, rounding=ROUND_DOWN)


def is_ce_cijfer(value: Decimal) -> bool:
    """Whether ``value`` is a valid CE grade: 1.0–10.0 with at most one decimal (art. 3.25 lid 4).

    Examples:
        >>> from decimal import Decimal as D
        >>> is_ce_cijfer(D("5.5")), is_ce_cijfer(D("5.55")), is_ce_cijfer(D("10.1"))
        (True, False, False)
    """
    return _in_range(value) and value == value.quantize(Decimal("0.1"), rounding=ROUND_DOWN)


def hoogste_ce(*tijdvakken: Decimal | None) -> Decimal | None:
    """The highest CE grade of the tijdvakken (art. 3.39 lid 1), or ``None`` if there is none.

    Examples:
        >>> from decimal import Decimal as D
        >>> hoogste_ce(D("5.1"), D("6.0"), None)
        Decimal('6.0')
    """
    present = [c for c in tijdvakken if c is not None]
    return max(present) if present else None


def eindcijfer(se: Decimal, ce: Decimal | None = None) -> int:
    """The eindcijfer of a subject (art. 3.32).

    With a CE grade: the exact mean of SE and CE, rounded half up; without:
    the SE grade itself, which must then be a whole number (art. 3.13 lid 2).

    Raises:
        ValueError: when ``se`` without ``ce`` is not a whole number.

    Examples:
        >>> from decimal import Decimal as D
        >>> eindcijfer(D("5.4"), D("5.5")), eindcijfer(D("6.4"), D("6.0")), eindcijfer(D("4.5"), D("4.5"))
        (5, 6, 5)
    """
    if ce is None:
        if se != se.to_integral_value():
            raise ValueError(f"an SE grade without CE is a whole number, got {se}")
        return int(se)
    return round_half_up((se + ce) / 2)


def ce_gemiddelde(cijfers: Iterable[Decimal]) -> Decimal | None:
    """The exact mean of the CE grades, or ``None`` when there are none.

    The result is computed in the current decimal context (28 significant
    digits); use [`meets_ce_eis`][duo_domain.vo.grades.meets_ce_eis] for the 5.5 test, which is exact.

    Examples:
        >>> from decimal import Decimal as D
        >>> ce_gemiddelde([D("6.0"), D("6.5")])
        Decimal('6.25')
    """
    values = list(cijfers)
    if not values:
        return None
    return sum(values, Decimal(0)) / len(values)


def meets_ce_eis(cijfers: Iterable[Decimal]) -> bool:
    """Whether the mean of the CE grades is at least 5.5, unrounded (art. 3.34/3.35 lid 1 a).

    Compares ``sum >= 5.5 * n`` exactly, so no rounding of the mean can move
    a candidate across the boundary. With no CE grades at all the test fails.

    Examples:
        >>> from decimal import Decimal as D
        >>> meets_ce_eis([D("5.4"), D("5.6")]), meets_ce_eis([D("5.4"), D("5.5")])
        (True, False)
    """
    values = list(cijfers)
    return bool(values) and sum(values, Decimal(0)) >= _FIVE_AND_A_HALF * len(values)


def format_gemiddelde(som_tienden: int, aantal: int) -> str:
    """A mean of grades in tenths, shown with two decimals, truncated (never rounded up).

    Truncation keeps a failing CE mean such as 5.4999 from showing as 5.50.

    Examples:
        >>> format_gemiddelde(125, 2), format_gemiddelde(329, 6), format_gemiddelde(330, 6)
        ('6.25', '5.48', '5.50')
    """
    mean = Decimal(som_tienden) / (Decimal(10) * aantal)
    return str(mean.quantize(_CENT, rounding=ROUND_DOWN))


def combinatiecijfer(eindcijfers: Sequence[int]) -> int:
    """The combinatiecijfer: the mean of whole eindcijfers, rounded half up (art. 3.34 lid 4, 3.35 lid 5).

    Raises:
        ValueError: when there are no components.

    Examples:
        >>> combinatiecijfer([7, 6, 6]), combinatiecijfer([6, 5, 5, 6])
        (6, 6)
    """
    if not eindcijfers:
        raise ValueError("a combinatiecijfer needs at least one component")
    total = sum(eindcijfers)
    n = len(eindcijfers)
    # half up on total / n, in integers: floor((2 * total + n) / (2 * n))
    return (2 * total + n) // (2 * n)


def combinatiecijfer_gl(profielvak: int, keuzevakken: Sequence[int]) -> int:
    """The vmbo-gl combinatiecijfer: the profielvak weighs as often as there are keuzevakken (3.35 lid 4).

    Examples:
        >>> combinatiecijfer_gl(6, [7, 5])  # (6 + 6 + 7 + 5) / 4 = 6.0
        6
        >>> combinatiecijfer_gl(5, [6, 6])  # (5 + 5 + 6 + 6) / 4 = 5.5
        6
    """
    k = len(keuzevakken)
    if k == 0:
        return profielvak
    return combinatiecijfer([profielvak] * k + list(keuzevakken))
