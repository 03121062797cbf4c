"""Every entry point that reads a code table takes ``codes=`` and reads the vendor's table, not a literal.

For each entry point a vendor table that changes one kenmerk (or adds one code) changes the
verdict: proof that the logic reads the table it is given. And no public function still has a
``tabel`` parameter (the one way to pass tables is ``codes=``).
"""

from __future__ import annotations

import datetime as dt
import importlib
import inspect
import pickle
import pkgutil
from decimal import Decimal
from typing import Any

import pytest

import duo_domain
from duo_domain import validate
from duo_domain.codes import Codetabellen, CodeValue, Waardenlijst, waardenlijst
from duo_domain.errors import InvalidDocument, InvalidValue
from duo_domain.serialize.json import structure_cijferlijst
from duo_domain.vo.codes import Vaksoort

D = dt.date


def _met(naam: str, code: str, **kenmerken: str | None) -> Codetabellen:
    """The shipped table ``naam`` with the kenmerken of ``code`` changed (``None`` removes one)."""
    lijst = waardenlijst(naam)
    value = lijst.get(code)
    assert value is not None
    nieuw = {k: v for k, v in {**value.kenmerken, **kenmerken}.items() if v is not None}
    return Codetabellen(
        lijst.met(CodeValue(code, value.omschrijving, value.geldig_van, value.geldig_tot, "", nieuw))
    )


def _zonder_deel(code: str) -> Codetabellen:
    """The vakcodetabel in which ``code`` is no longer of the vmbo gemeenschappelijk deel."""
    return _met("vakcodes", code, deel=None)


def _met_vak(code: str, schoolsoorten: str, soort: str = "algemeen") -> Codetabellen:
    extra = CodeValue(code, "nieuw vak (test)", kenmerken={"schoolsoorten": schoolsoorten, "soort": soort})
    return Codetabellen(waardenlijst("vakcodes").met(extra))


# --------------------------------------------------------------------------- VO


def test_vo_compute_uitslag_reads_the_kenmerk_deel(vo: Any) -> None:
    from duo_domain.vo import Uitslag, compute_uitslag

    # art. 3.33 lid 3: a subject marked extra is left out, unless it belongs to every exam
    doc = vo.set_vak(vo.vmbo_doc("vmbo-tl"), "0322", se="3", extra=True)
    k = structure_cijferlijst(doc)
    assert compute_uitslag(k, pakket=False).uitslag is Uitslag.AFGEWEZEN
    r = compute_uitslag(k, pakket=False, codes=_zonder_deel("0322"))
    assert (r.uitslag, r.buiten_beschouwing) == (Uitslag.GESLAAGD, ("0322",))


def test_vo_is_gemeenschappelijk_reads_the_kenmerk_deel() -> None:
    from duo_domain.vo import Vaksoort
    from duo_domain.vo.uitslag import is_gemeenschappelijk

    assert is_gemeenschappelijk("0071", Vaksoort.ALGEMEEN)
    assert not is_gemeenschappelijk("0071", Vaksoort.ALGEMEEN, codes=_zonder_deel("0071"))
    assert is_gemeenschappelijk(
        "0131", Vaksoort.ALGEMEEN, codes=_met("vakcodes", "0131", deel="gemeenschappelijk")
    )


def test_vo_cum_laude_reads_the_kenmerk_deel(vo: Any) -> None:
    from duo_domain.vo.cum_laude import cum_laude

    # art. 3.48 lid 1: Engelse taal counts in the vmbo-tl mean because it is of the gemeenschappelijk deel
    grades = dict.fromkeys(("0011", "0153", "0233", "0191", "0125"), "8.0") | {"0071": "6.0"}
    k = structure_cijferlijst(vo.set_vak(vo.vmbo_doc("vmbo-tl", grades), "0322", se="9"))
    shipped = cum_laude(k)
    assert shipped.toegekend is False
    assert "0071" in dict(shipped.betrokken)
    vendor = cum_laude(k, codes=_zonder_deel("0071"))
    # no longer a fixed part of the mean: the judicium now depends on where the subject is placed
    assert vendor.toegekend is None
    assert "examendeel" in vendor.redenen[0].toelichting


def test_vo_certificaat_and_tl_diploma_read_the_vakcodetabel(vo: Any) -> None:
    from duo_domain.vo.certificaten import certificaat, tl_diploma

    doc = vo.vmbo_doc("vmbo-gl")
    doc["vakken"].append(vo.vak("9100", 7))
    k = structure_cijferlijst(doc)
    with pytest.raises(InvalidDocument, match="9100"):
        certificaat(k)
    with pytest.raises(InvalidDocument, match="9100"):
        tl_diploma(k)
    codes = _met_vak("9100", "vmbo-gl vmbo-tl")
    assert "geslaagd" in certificaat(k, codes=codes).toelichting
    assert tl_diploma(k, codes=codes).redenen  # judged (no extra algemeen vak here), not refused


def test_vo_deadlines_read_the_table_se_termijnen(vo: Any) -> None:
    from duo_domain.errors import UnsupportedPeriod
    from duo_domain.vo.deadlines import se_termijn, te_laat, termijnen

    k = structure_cijferlijst(vo.havo_doc())  # examenjaar 2026
    extra = CodeValue("2026", "SE-cijfers 2026 (test)", kenmerken={"uiterlijk": "2026-05-15"})
    codes = Codetabellen(waardenlijst("se_termijnen").met(extra))
    with pytest.raises(UnsupportedPeriod):
        se_termijn(2026)
    assert se_termijn(2026, codes=codes) == D(2026, 5, 15)
    assert [t.wat for t in termijnen(k)] == []
    assert [t.wat for t in termijnen(k, codes=codes)] == ["se"]
    assert [t.wat for t in te_laat(k, D(2026, 5, 16), codes=codes)] == ["se"]


def test_vo_rules_read_the_tables_validation_was_given(vo: Any) -> None:
    doc = vo.set_vak(vo.vmbo_doc("vmbo-tl"), "0322", se="3", extra=True)
    k = structure_cijferlijst(doc)
    assert "BRON.EXAMEN.EXTRA_VAK" in validate(k).rule_ids
    assert "BRON.EXAMEN.EXTRA_VAK" not in validate(k, codes=_zonder_deel("0322")).rule_ids


def _in_groep(naam: str, *vakcodes: str, vakcodes_tabel: Codetabellen | None = None) -> Codetabellen:
    """The shipped tables with ``vakcodes`` added to group ``naam`` of ``vakgroepen`` (and new vakcodes)."""
    groepen = waardenlijst("vakgroepen")
    groep = groepen.get(naam)
    assert groep is not None
    codes = " ".join([groep.kenmerken["vakcodes"], *vakcodes])
    nieuw = CodeValue(
        naam, groep.omschrijving, bron=groep.bron, kenmerken={**groep.kenmerken, "vakcodes": codes}
    )
    eigen = [] if vakcodes_tabel is None else list(vakcodes_tabel)
    return Codetabellen(groepen.met(nieuw), *eigen)


def test_vo_pakket_reads_the_vakcodes_of_each_group_from_the_table_vakgroepen(vo: Any) -> None:
    from duo_domain.vo import Uitslag, compute_uitslag

    # art. 2.11 lid 3 (havo EM): a modern foreign language is a profielkeuzevak; 9001 stands for a language
    # of a vendor's newer vakcodetabel, in place of aardrijkskunde (0131)
    doc = vo.havo_doc() | {"uitslag": "geslaagd"}  # as the school reports it
    vo.set_vak(doc, "0131", vakcode="9001")
    k = structure_cijferlijst(doc)
    alleen_vak = _met_vak("9001", "vwo havo")
    r = compute_uitslag(k, codes=alleen_vak)  # a known subject, but of no group: the profile lacks a keuzevak
    assert r.uitslag is Uitslag.AFGEWEZEN
    assert [x.regel for x in r.redenen] == ["BRON.PAKKET.VOLLEDIG"]
    assert "BRON.PAKKET.VOLLEDIG" in validate(k, codes=alleen_vak).rule_ids
    met_groep = _in_groep("mvt_hv", "9001", vakcodes_tabel=alleen_vak)
    assert compute_uitslag(k, codes=met_groep).uitslag is Uitslag.GESLAAGD
    assert "BRON.PAKKET.VOLLEDIG" not in validate(k, codes=met_groep).rule_ids


def test_vo_pakket_functions_read_the_table_vakgroepen() -> None:
    from duo_domain.vo.pakket import eigen_vakcode, overtollig, tekorten

    # the shipped composition
    havo_em = ["1001", "1002", "1019", "1020", "0353", "1024", "1022", "1021", "9001", "1018"]
    assert [t.deel for t in tekorten("havo", "0372", havo_em)] == ["profieldeel"]
    assert tekorten("havo", "0372", havo_em, codes=_in_groep("mvt_hv", "9001")) == ()
    # art. 2.12 b: a language (elementair) next to the same language; kenmerk elementair_van
    elementair = CodeValue(
        "pools_elementair", "pools (elementair)", kenmerken={"vakcodes": "9002", "elementair_van": "9001"}
    )
    codes = Codetabellen(waardenlijst("vakgroepen").met(elementair))
    vakken = {"9001": Vaksoort.ALGEMEEN, "9002": Vaksoort.ALGEMEEN}
    assert overtollig("havo", vakken) == ()
    assert [t.artikel for t in overtollig("havo", vakken, codes=codes)] == [
        "Uitvoeringsbesluit WVO 2020 art. 2.12 b"
    ]
    # art. 3.4 lid 3: a havo subject in a vmbo exam; kenmerk vmbo_vak
    assert eigen_vakcode("9001", "vmbo-tl", "havo") == "9001"
    pools = CodeValue("pools_hv", "Poolse taal", kenmerken={"vakcodes": "9001", "vmbo_vak": "0053"})
    assert eigen_vakcode(
        "9001", "vmbo-tl", "havo", codes=Codetabellen(waardenlijst("vakgroepen").met(pools))
    ) == ("0053")
    # art. 2.21 lid 1: the profielvak of a vmbo profile (8: maritiem en techniek) by kenmerk vmbo_profiel
    mt = CodeValue(
        "profielvak_8", "profielvak maritiem en techniek", kenmerken={"vakcodes": "2100", "vmbo_profiel": "8"}
    )
    kb = dict.fromkeys(("0011", "0071", "0322", "0353", "0416"), Vaksoort.ALGEMEEN)
    kb.update(
        {"2100": Vaksoort.PROFIELVAK, **dict.fromkeys(("2101", "2102", "2103", "2104"), Vaksoort.KEUZEVAK)}
    )
    assert "the profielvak" in tekorten("vmbo-kb", "6810", kb)[-1].toelichting
    assert tekorten("vmbo-kb", "6810", kb, codes=Codetabellen(waardenlijst("vakgroepen").met(mt))) == ()


def test_vo_pakket_reads_the_role_of_plain_codes_from_the_table() -> None:
    """Plain vakcodes get their role (profielvak, keuzevak) from the table ``vakcodes``, not their number."""
    from duo_domain.vo.pakket import tekorten

    with_roles = bb_gl = {  # art. 3.7 lid 1: gemeenschappelijk deel, wiskunde, nask I, economie
        **dict.fromkeys(("0011", "0071", "0322", "0353", "0416", "0153", "0173", "0233"), Vaksoort.ALGEMEEN),
        "1200": Vaksoort.PROFIELVAK,
        "1201": Vaksoort.KEUZEVAK,
        "1202": Vaksoort.KEUZEVAK,
    }
    assert tekorten("vmbo-gl", "6031", with_roles) == ()
    assert tekorten("vmbo-gl", "6031", list(bb_gl)) == ()  # the roles read from the shipped table
    # a vendor table in which 1202 is no keuzevak: the plain codes now lack one
    codes = _met("vakcodes", "1202", soort="algemeen")
    assert [t.deel for t in tekorten("vmbo-gl", "6031", list(bb_gl), codes=codes)] == [
        "beroepsgericht programma"
    ]


def test_vo_pakket_reads_the_kenmerk_deel_for_the_vmbo_gemeenschappelijk_deel() -> None:
    from duo_domain.vo.pakket import tekorten

    tl = ["0011", "0071", "0353", "0416", "0153", "0173", "0233", "0191"]  # no maatschappijleer (0322)
    assert [t.toelichting for t in tekorten("vmbo-tl", "0400", tl)] == [
        "gemeenschappelijk deel: 0322 is missing"
    ]
    assert tekorten("vmbo-tl", "0400", tl, codes=_zonder_deel("0322")) == ()


def test_a_vakgroepen_table_without_a_group_the_law_names_is_refused() -> None:
    from duo_domain.vo.pakket import tekorten

    groepen = waardenlijst("vakgroepen")
    zonder = Waardenlijst(
        groepen.naam, groepen.bron, [v for v in groepen if v.code != "klassiek"], kenmerken=groepen.kenmerken
    )
    with pytest.raises(InvalidDocument, match="group klassiek missing"):
        tekorten("vwo", "0270", ["1001"], codes=Codetabellen(zonder))


def test_a_vakgroepen_table_with_an_empty_group_is_refused() -> None:
    from duo_domain.vo.pakket import tekorten

    groepen = waardenlijst("vakgroepen")
    klassiek = groepen.get("klassiek")
    assert klassiek is not None
    leeg = CodeValue("klassiek", klassiek.omschrijving, kenmerken={**klassiek.kenmerken, "vakcodes": ""})
    with pytest.raises(InvalidDocument, match="group klassiek has no vakcodes"):
        tekorten("vwo", "0270", ["1001"], codes=Codetabellen(groepen.met(leeg)))


def test_a_vakcodes_table_without_any_gemeenschappelijk_deel_is_refused_not_judged_with() -> None:
    """Without any code of the vmbo gemeenschappelijk deel no vmbo exam would need Nederlands."""
    from duo_domain.vo.pakket import tekorten

    lijst = waardenlijst("vakcodes")
    zonder = Waardenlijst(
        lijst.naam,
        lijst.bron,
        [
            CodeValue(v.code, v.omschrijving, v.geldig_van, v.geldig_tot, "",
                      {k: w for k, w in v.kenmerken.items() if k != "deel"})
            for v in lijst
        ],
        kenmerken=lijst.kenmerken,
    )  # fmt: skip
    with pytest.raises(InvalidDocument, match="no code has kenmerk deel"):
        tekorten("vmbo-tl", "0400", ["0153"], codes=Codetabellen(zonder))


# --------------------------------------------------------------------------- MBO


def test_mbo_rules_read_the_leerweg_kenmerk() -> None:
    from duo_domain.testing.factories import make_mbo_student_record

    record = make_mbo_student_record(leertraject="BOL")
    assert "ROD.INSCHRIJVING.BBL_BPV" not in validate(record).rule_ids
    codes = _met("leertraject", "BOL", leerweg="BBL")
    assert "ROD.INSCHRIJVING.BBL_BPV" in validate(record, codes=codes).rule_ids


def _geo_3005_als_engels() -> Codetabellen:
    return _met("generieke_examenonderdelen", "3005", onderdeel="engels")


def test_mbo_uitslag_from_diploma_reads_the_onderdeel_kenmerk() -> None:
    from duo_domain.mbo.results import Diploma, GeneriekExamenonderdeel
    from duo_domain.mbo.uitslag import uitslag_from_diploma

    geo = GeneriekExamenonderdeel("R1", "3005", eindcijfer=Decimal(7))
    diploma = Diploma("D1", "25655", D(2026, 7, 1), True, "C1", generieke_examenonderdelen=(geo,))  # noqa: FBT003
    kw: dict[str, Any] = {"niveau": 4, "cohort_start": D(2023, 8, 1), "studieduur_jaren": 3}
    assert uitslag_from_diploma(diploma, **kw).eindcijfers == {"nederlands": 7}
    assert uitslag_from_diploma(diploma, **kw, codes=_geo_3005_als_engels()).eindcijfers == {"engels": 7}


def test_mbo_uitslag_document_reader_reads_the_onderdeel_kenmerk() -> None:
    from duo_domain.serialize.json import structure_mbo_uitslag

    doc = {
        "sector": "mbo",
        "niveau": 4,
        "cohort_start": "2023-08-01",
        "studieduur_jaren": 3,
        "datum_uitslag": "2026-07-01",
        "generieke_onderdelen": [{"onderdeel": "nederlands", "code": "3005", "eindcijfer": 7}],
    }
    assert structure_mbo_uitslag(doc).generieke_onderdelen
    with pytest.raises(InvalidDocument, match="not nederlands"):
        structure_mbo_uitslag(doc, codes=_geo_3005_als_engels())


_ABSENCE: dict[str, Any] = {
    "geboortedatum": D(2005, 1, 1),
    "leertraject": "BOL",
    "niveau": "MBO-3",
    "studiefinanciering": True,
    "afwezig_van": D(2025, 3, 3),
    "afwezig_tot": D(2025, 4, 6),
}


def test_mbo_melding_afwezigheid_reads_the_niveau_and_voltijd_kenmerken() -> None:
    from duo_domain.mbo.afwezigheid import Afwezigheid, melding_afwezigheid

    # WEB art. 8.1.7 lid 11 onder a: entree or basisberoepsopleiding (kenmerk niveau 1 or 2)
    assert not melding_afwezigheid(**_ABSENCE).melding_verplicht
    als_2 = _met("niveau", "MBO-3", niveau="2")
    assert melding_afwezigheid(**_ABSENCE, codes=als_2).melding_verplicht
    a = Afwezigheid(**_ABSENCE)
    assert (a.oordeel().melding_verplicht, a.oordeel(codes=als_2).melding_verplicht) == (False, True)
    # the note on studiefinanciering reads the kenmerk voltijd
    assert not melding_afwezigheid(**_ABSENCE).opmerkingen[1:]
    deeltijd = _met("leertraject", "BOL", voltijd="nee")
    assert any("voltijd" in n for n in melding_afwezigheid(**_ABSENCE, codes=deeltijd).opmerkingen)


def test_mbo_afwezigheid_rule_reads_the_tables_validation_was_given() -> None:
    from duo_domain.mbo.afwezigheid import Afwezigheid

    a = Afwezigheid(**_ABSENCE)
    assert validate(a).ok
    assert "ROD.AFWEZIGHEID.MELDING" in validate(a, codes=_met("niveau", "MBO-3", niveau="2")).rule_ids


def test_mbo_uitschrijving_reads_the_startkwalificatie_and_niveau_kenmerken() -> None:
    from duo_domain.mbo.uitschrijving import beoordeel_uitschrijving, is_startkwalificatie

    # Leerplichtwet 1969 art. 1 onder f: a startkwalificatie is a diploma of niveau 2 or higher
    geen = _met("niveau", "MBO-2", startkwalificatie="nee")
    assert (is_startkwalificatie("MBO-2"), is_startkwalificatie("MBO-2", codes=geen)) == (True, False)
    args = (D(2005, 3, 1), D(2025, 1, 31))
    shipped = beoordeel_uitschrijving(*args, hoogste_diploma="MBO-2")
    vendor = beoordeel_uitschrijving(*args, hoogste_diploma="MBO-2", codes=geen)
    assert "STARTKWALIFICATIE" in [r.code for r in shipped.redenen]
    assert "STARTKWALIFICATIE" not in [r.code for r in vendor.redenen]
    # WEB art. 8.3.1 lid 2: the entree diploma is read from the kenmerk niveau 1
    kw: dict[str, Any] = {"hoogste_diploma": "MBO-1", "arbeidsovereenkomst": True}
    entree = beoordeel_uitschrijving(*args, **kw)
    als_2 = beoordeel_uitschrijving(*args, **kw, codes=_met("niveau", "MBO-1", niveau="2"))
    assert entree.voortijdig_schoolverlater != als_2.voortijdig_schoolverlater


# --------------------------------------------------------------------------- batch


def test_a_bundle_pickles_with_its_tables_and_derives_again() -> None:
    from duo_domain.vo.codes import vakcodetabel

    codes = _met_vak("9100", "havo")
    assert vakcodetabel(codes).get("9100", "havo") is not None  # derived, kept in the bundle
    back = pickle.loads(pickle.dumps(codes))
    assert isinstance(back, Codetabellen)
    assert back.eigen() == ("vakcodes",)
    assert back.waardenlijst("vakcodes") == codes.waardenlijst("vakcodes")
    assert vakcodetabel(back).get("9100", "havo") is not None
    lijst = waardenlijst("leertraject")
    assert pickle.loads(pickle.dumps(lijst)) == lijst
    assert isinstance(pickle.loads(pickle.dumps(lijst)), Waardenlijst)


def test_batch_jobs_carry_the_tables_to_their_workers(vo: Any) -> None:
    from duo_domain.batch import UitslagJob, ValidateJob, compute_uitslagen, validate_records
    from duo_domain.testing.factories import make_mbo_student_record

    codes = _met("leertraject", "BOL", leerweg="BBL")
    job = ValidateJob(codes=codes)
    assert pickle.loads(pickle.dumps(job)).codes is not None
    records = [make_mbo_student_record(leertraject="BOL") for _ in range(3)]
    shipped = list(validate_records(records))
    assert not any(f.rule_id == "ROD.INSCHRIJVING.BBL_BPV" for o in shipped for f in o.findings)
    outcomes = list(validate_records(records, workers=2, chunk_size=1, codes=codes))
    assert all(any(f.rule_id == "ROD.INSCHRIJVING.BBL_BPV" for f in o.findings) for o in outcomes)

    doc = vo.havo_doc()
    doc["vakken"].append(vo.vak("9100", 7))
    assert pickle.loads(pickle.dumps(UitslagJob(codes=_met_vak("9100", "havo")))).codes is not None
    assert [o.readable for o in compute_uitslagen([doc])] == [False]
    assert [o.readable for o in compute_uitslagen([doc], codes=_met_vak("9100", "havo"))] == [True]


def test_dask_bags_take_the_tables(vo: Any) -> None:
    pytest.importorskip("dask")
    import dask.bag as db

    from duo_domain.batch.dask import uitslagen_bag, validate_bag
    from duo_domain.testing.factories import make_mbo_student_record

    codes = _met("leertraject", "BOL", leerweg="BBL")
    records = [make_mbo_student_record(leertraject="BOL")]
    judged = validate_bag(db.from_sequence(records), codes=codes).compute(scheduler="sync")
    assert [f.rule_id for o in judged for f in o.findings] == ["ROD.INSCHRIJVING.BBL_BPV"]
    doc = vo.havo_doc()
    doc["vakken"].append(vo.vak("9100", 7))
    bag = uitslagen_bag(db.from_sequence([doc]), codes=_met_vak("9100", "havo"))
    assert [o.readable for o in bag.compute(scheduler="sync")] == [True]


# --------------------------------------------------------------------------- one keyword, no `tabel`


def _public_callables() -> list[tuple[str, Any]]:
    found: list[tuple[str, Any]] = []
    modules = [duo_domain]
    for info in pkgutil.walk_packages(duo_domain.__path__, "duo_domain."):
        if (
            any(part.startswith("_") for part in info.name.split(".")[1:])
            or info.name == "duo_domain.batch.dask"
        ):
            continue
        modules.append(importlib.import_module(info.name))
    for module in modules:
        for name in getattr(module, "__all__", ()):
            obj = getattr(module, name)
            if inspect.isclass(obj):
                found.append((f"{module.__name__}.{name}", obj))
                found += [
                    (f"{module.__name__}.{name}.{m}", f)
                    for m, f in vars(obj).items()
                    if not m.startswith("_") and callable(f)
                ]
            elif callable(obj):
                found.append((f"{module.__name__}.{name}", obj))
    return found


def _parameters(obj: Any) -> list[str]:
    try:
        return list(inspect.signature(obj).parameters)
    except (TypeError, ValueError):
        return []


def test_no_public_function_takes_a_tabel_parameter() -> None:
    callables = _public_callables()
    assert len(callables) > 200  # the walk reached the package
    offenders = [
        f"{where}({p})"
        for where, obj in callables
        for p in _parameters(obj)
        if p == "tabel" or p.endswith("_tabel")
    ]
    assert offenders == []


@pytest.mark.parametrize(
    "where",
    [
        "duo_domain.vo.uitslag.compute_uitslag",
        "duo_domain.vo.uitslag.is_gemeenschappelijk",
        "duo_domain.vo.cum_laude.cum_laude",
        "duo_domain.vo.certificaten.certificaat",
        "duo_domain.vo.certificaten.tl_diploma",
        "duo_domain.vo.deadlines.se_termijn",
        "duo_domain.vo.deadlines.termijnen",
        "duo_domain.vo.deadlines.te_laat",
        "duo_domain.vo.codes.vakcodetabel",
        "duo_domain.vo.codes.elementcodetabel",
        "duo_domain.vo.pakket.tekorten",
        "duo_domain.vo.pakket.overtollig",
        "duo_domain.vo.pakket.eigen_vakcode",
        "duo_domain.mbo.uitslag.uitslag_from_diploma",
        "duo_domain.mbo.examencodes.examencodetabel",
        "duo_domain.mbo.afwezigheid.melding_afwezigheid",
        "duo_domain.mbo.uitschrijving.beoordeel_uitschrijving",
        "duo_domain.mbo.uitschrijving.is_startkwalificatie",
        "duo_domain.mbo.afwezigheid.Afwezigheid.oordeel",
        "duo_domain.serialize.json.structure_mbo_uitslag",
        "duo_domain.serialize.json.loads_mbo_uitslag",
        "duo_domain.serialize.json.structure_document",
        "duo_domain.rules.validate",
        "duo_domain.batch.validate_records",
        "duo_domain.batch.compute_uitslagen",
    ],
)
def test_every_entry_point_takes_codes_defaulting_to_the_shipped_tables(where: str) -> None:
    module_name, _, name = where.rpartition(".")
    try:
        obj: Any = getattr(importlib.import_module(module_name), name)
    except ModuleNotFoundError:  # a method: module.Class.method
        module_name, _, cls = module_name.rpartition(".")
        obj = getattr(getattr(importlib.import_module(module_name), cls), name)
    codes = inspect.signature(obj).parameters["codes"]
    assert codes.kind is inspect.Parameter.KEYWORD_ONLY or codes.default is None
    assert codes.default is None


def test_a_bundle_refuses_a_table_the_library_cannot_use() -> None:
    with pytest.raises(InvalidValue, match="no shipped code table 'kleur'"):
        Codetabellen(Waardenlijst("kleur", "test", ()))
    lijst = waardenlijst("leertraject")
    kaal = Waardenlijst("leertraject", lijst.bron, [CodeValue(v.code, v.omschrijving) for v in lijst])
    with pytest.raises(InvalidValue, match="lacks the kenmerk leerweg, voltijd"):
        Codetabellen(kaal)
