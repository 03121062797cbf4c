"""The MBO value lists read their kenmerken from the table (WEB art. 7.2.2, Leerplichtwet 1969 art. 1)."""

from __future__ import annotations

import pytest

from duo_domain.mbo.codes import (
    BBL_LEERTRAJECTEN,
    BOL_LEERTRAJECTEN,
    LEERTRAJECT,
    NIVEAU,
    STARTKWALIFICATIE_NIVEAUS,
    VOLTIJD_LEERTRAJECTEN,
)


def test_leerweg_sets_follow_web_7_2_2_lid_2() -> None:
    # onder a: beroepsopleidende leerweg (voltijd or deeltijd, also the gecombineerde COL);
    # onder b: beroepsbegeleidende leerweg (also the gecombineerde CBL).
    assert frozenset({"BOL", "BOL_DT", "COL", "COL_DT"}) == BOL_LEERTRAJECTEN
    assert frozenset({"BBL", "CBL", "CBL_DT"}) == BBL_LEERTRAJECTEN
    assert not BOL_LEERTRAJECTEN & BBL_LEERTRAJECTEN
    for outside in ("OVO", "EX", "ODT"):
        value = LEERTRAJECT.get(outside)
        assert value is not None
        assert "leerweg" not in value.kenmerken


def test_voltijd_is_the_full_time_bol_only() -> None:
    assert frozenset({"BOL", "COL"}) == VOLTIJD_LEERTRAJECTEN


@pytest.mark.parametrize(
    ("code", "niveau", "startkwalificatie"),
    [("MBO-1", "1", "nee"), ("MBO-2", "2", "ja"), ("MBO-3", "3", "ja"), ("MBO-4", "4", "ja")],
)
def test_startkwalificatie_from_niveau_2_leerplichtwet_art_1_f(
    code: str, niveau: str, startkwalificatie: str
) -> None:
    value = NIVEAU.get(code)
    assert value is not None
    assert dict(value.kenmerken) == {"niveau": niveau, "startkwalificatie": startkwalificatie}
    assert (code in STARTKWALIFICATIE_NIVEAUS) is (startkwalificatie == "ja")
