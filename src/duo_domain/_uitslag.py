"""What the MBO and VO uitslag share (private: import the names from their sector's module)."""

from __future__ import annotations

import attrs

__all__ = ["Reden"]


@attrs.frozen
class Reden:
    """One failed condition of a pass/fail rule: which rule, its article, and what was wrong.

    Attributes:
        regel: The rule, e.g. ``BRON.EXAMEN.KERNVAKKEN`` or ``generiek.nederlands_engels``.
        artikel: The article, e.g. ``Uitvoeringsbesluit WVO 2020 art. 3.34 lid 1 b``.
        toelichting: What is wrong, with the grades involved.

    Examples:
        >>> Reden("R", "art. 1", "te laag").to_dict()
        {'regel': 'R', 'artikel': 'art. 1', 'toelichting': 'te laag'}
    """

    regel: str
    artikel: str
    toelichting: str

    def to_dict(self) -> dict[str, str]:
        """The reason with the wire names of the output contracts (``redenen`` items)."""
        return {"regel": self.regel, "artikel": self.artikel, "toelichting": self.toelichting}
