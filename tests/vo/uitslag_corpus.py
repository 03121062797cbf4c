"""A seeded corpus of VO cijferlijst documents, and the full outcome of reading and judging one.

Used by ``test_vo_uitslag_fixture.py``: the fixture ``data/uitslag_fixture.json`` holds documents of
this corpus with the outcome the code had before the VO path was restructured for speed (issue 16),
so every field of every result (or every problem of every error) is held to what it was.

The documents are the benchmark's synthetic candidates (``bench/bench_uitslag_vo.py: candidate``)
and complete exams of `duo_domain.testing.vo.template` with random grades, each then changed at
random in the ways the law tests cover: subjects marked extra, left out, doubled or unknown; a
herkansing in tijdvak 2 or 3; a vrijstelling; a rol, a combinatiecijfer flag, an examendeel, a
higher programma, an art. 10.5 schooljaar, a herkomst; a leer-werktraject; grades out of form;
another examenjaar or elementcode. Only ``random.Random`` draws them, so a seed gives the same
documents on every version of every dependency.
"""

from __future__ import annotations

import copy
import json
import random
import sys
from decimal import Decimal
from typing import Any

from duo_domain.errors import DuoDomainError, InvalidDocument
from duo_domain.serialize.json import loads_cijferlijst, unstructure_cijferlijst
from duo_domain.testing.vo import build, elementcode_voor, elementcodes_for, template
from duo_domain.vo import Beoordeling, ExamResult, Profielwerkstuk, Schoolsoort, compute_uitslag
from tests._shared import bench_module


def _bench_candidate(rng: random.Random) -> dict[str, Any]:
    bench = bench_module("bench_uitslag_vo")
    doc: dict[str, Any] = bench.candidate(rng, examenjaar=rng.choice((2023, 2024, 2025, 2026, 2026, 2027)))
    return doc


_FAMILIES = ("1200", "1300")
_PROFIELEN = ("NT", "NG", "EM", "CM")
_TL_POOL = ("0191", "0125", "0063", "0053", "0233")


def _template_candidate(rng: random.Random) -> dict[str, Any]:
    ss = rng.choice(tuple(Schoolsoort))
    profiel = rng.choice(_PROFIELEN)
    wiskunde = rng.choice(("1024", "1025")) if profiel in ("NG", "EM") else None
    familie = rng.choice(_FAMILIES)
    keuze = rng.sample(_TL_POOL, 2)
    subjects = template(ss, profiel=profiel, wiskunde=wiskunde, keuze=keuze, familie=familie)
    lo = rng.choice((10, 40, 50, 55, 60))

    def tenths(t: int) -> Decimal:
        return Decimal(t).scaleb(-1)

    def grade(code: str, how: str) -> ExamResult:
        if how == "ce":
            return ExamResult(code, se=tenths(rng.randint(lo, 100)), ce=tenths(rng.randint(lo, 100)))
        if how == "se":
            return ExamResult(code, se=Decimal(rng.randint(max(1, (lo + 9) // 10), 10)))
        return ExamResult(code, beoordeling=rng.choice(tuple(Beoordeling)))

    if ss in (Schoolsoort.HAVO, Schoolsoort.VWO):
        pws: Profielwerkstuk | None = Profielwerkstuk(cijfer=rng.randint(max(1, lo // 10), 10))
    elif ss in (Schoolsoort.VMBO_GL, Schoolsoort.VMBO_TL):
        pws = Profielwerkstuk(beoordeling=rng.choice(tuple(Beoordeling)))
    else:
        pws = None
    k = build(
        ss,
        rng.randint(2023, 2027),
        subjects,
        grade,
        pws=pws,
        leerwerktraject=ss is Schoolsoort.VMBO_BB and rng.random() < 0.25,
        elementcode=elementcode_voor(ss, profiel=profiel, familie=familie),
        onderwijsaanbieder=None,
    )
    doc: dict[str, Any] = unstructure_cijferlijst(k)
    return doc


def _grade_text(rng: random.Random) -> Any:
    return rng.choice(("3.0", "4.4", "4.5", "5.0", "5.4", "5.5", "6.0", "7.3", "9.9", "10.0", "1.0"))


_SURPLUS = {
    "havo": ("1003", "1004", "1018", "1023", "1028", "1034", "0131"),
    "vwo": ("1003", "1022", "1021", "1034", "0131", "1024"),
    "vmbo": ("0063", "0053", "0191", "0125", "0233"),
}
_ODD_GRADES: tuple[Any, ...] = ("0.9", "10.1", "6.45", "", "abc", None, 6, 6.5, "6,5", 11, True, "-1.0")
_OTHER_CODES = (
    "1001",
    "0011",
    "1025",
    "1024",
    "1027",
    "0063",
    "1002",
    "0071",
    "9999",
    "0416",
    "0353",
    "1700",
)


def _mutate(rng: random.Random, doc: dict[str, Any]) -> None:  # noqa: C901 - one branch per change
    vakken: list[dict[str, Any]] = doc["vakken"]
    if not vakken:
        return
    v = rng.choice(vakken)
    kind = rng.randrange(30)
    if kind == 0:
        v["extra"] = True
    elif kind == 1:
        vakken.remove(v)
    elif kind == 2 and "ce" in v:
        v["ce2"] = _grade_text(rng)
    elif kind == 3 and "ce" in v:
        v["ce3"] = _grade_text(rng)
        if rng.random() < 0.5:
            del v["ce"]
    elif kind == 4:
        for key in ("se", "ce", "ce2", "ce3", "beoordeling"):
            v.pop(key, None)
        v["vrijstelling"] = True
    elif kind == 5:
        v["rol"] = rng.choice(("profielvak", "keuzevak"))
    elif kind == 6:
        v["combinatiecijfer"] = True
    elif kind == 7:
        v["examendeel"] = rng.choice(("gemeenschappelijk", "profiel", "vrij"))
    elif kind == 8:
        v["programma"] = rng.choice(("havo", "vwo", "vmbo-tl", "vmbo-bb", "mbo"))
    elif kind == 9:
        v["schooljaar_eindcijfer"] = rng.choice(("2020-2021", "2021-2022", "2019-2020"))
    elif kind == 10:
        v["herkomst"] = rng.choice(("deelstaatsexamen", "vavo"))
    elif kind == 11:
        doc["leerwerktraject"] = rng.random() < 0.8
    elif kind == 12:
        v[rng.choice(("se", "ce"))] = rng.choice(_ODD_GRADES)
    elif kind == 13:
        vakken.append(dict(v))  # the same vakcode twice
    elif kind == 14:
        vakken.append({"vakcode": rng.choice(_OTHER_CODES), "se": _grade_text(rng), "ce": _grade_text(rng)})
    elif kind == 15:
        vakken.append({"vakcode": rng.choice(_OTHER_CODES), "se": str(rng.randint(1, 10)), "extra": True})
    elif kind == 16:
        ss = Schoolsoort(doc["schoolsoort"])
        codes = elementcodes_for(ss)
        doc["elementcode"] = (
            rng.choice(codes) if codes and rng.random() < 0.8 else f"{rng.randint(0, 9999):04d}"
        )
    elif kind == 17:
        doc["examenjaar"] = rng.randint(2021, 2029)
    elif kind == 18:
        v["se"], v["ce"] = "4.0", "4.0"
        v.pop("beoordeling", None)
    elif kind == 19:
        v.pop("se", None)
    elif kind == 20:
        v["beoordeling"] = rng.choice(("goed", "voldoende", "onvoldoende"))
    elif kind == 21:
        doc["profielwerkstuk"] = rng.choice(
            ({"cijfer": rng.randint(1, 10)}, {"beoordeling": "onvoldoende"}, {"beoordeling": "goed"}, {})
        )
    elif kind == 22:
        for w in vakken:
            if "ce" in w and rng.random() < 0.4:
                w["se"], w["ce"] = _grade_text(rng), _grade_text(rng)
    elif kind == 23:
        v["extra"] = True
        rng.choice(vakken)["extra"] = True
    else:  # a surplus subject with low grades: art. 3.33 lid 3 may leave it out
        pool = _SURPLUS.get(doc["schoolsoort"], _SURPLUS["vmbo"])
        code = rng.choice([c for c in pool if all(w.get("vakcode") != c for w in vakken)] or [pool[0]])
        low = rng.choice(("2.0", "3.5", "4.4", "4.6", "5.0"))
        extra: dict[str, Any] = {"vakcode": code, "se": low, "ce": rng.choice(("3.0", "4.5", "5.4", low))}
        if rng.random() < 0.6:
            extra["extra"] = True
        vakken.insert(rng.randrange(len(vakken) + 1), extra)


def documents(seed: int, n: int) -> list[dict[str, Any]]:
    """``n`` cijferlijst documents (plain JSON data) drawn from ``seed``."""
    rng = random.Random(seed)
    out = []
    for _ in range(n):
        doc = _bench_candidate(rng) if rng.random() < 0.55 else _template_candidate(rng)
        for _ in range(rng.choice((0, 0, 1, 1, 2, 3))):
            _mutate(rng, doc)
        out.append(copy.deepcopy(doc))
    return out


def outcome(text: str, *, pakket: bool = True, full: bool = True) -> Any:
    """Everything reading and judging ``text`` gives, as plain JSON data: each field, or the error."""
    try:
        k = loads_cijferlijst(text)
        r = compute_uitslag(k, pakket=pakket)
    except InvalidDocument as exc:
        return {"error": type(exc).__name__, "problems": [[p.path, p.message, p.line] for p in exc.problems]}
    except DuoDomainError as exc:
        return {"error": type(exc).__name__, "message": str(exc)}
    return {
        "uitslag": r.uitslag.value,
        "eindcijfers": [[code, cijfer] for code, cijfer in r.eindcijfers.items()],
        "combinatiecijfer": r.combinatiecijfer,
        "ce_som_tienden": r.ce_som_tienden,
        "ce_aantal": r.ce_aantal,
        "buiten_beschouwing": list(r.buiten_beschouwing),
        "niet_meegeteld": list(r.niet_meegeteld),
        "redenen": [[x.regel, x.artikel, x.toelichting] for x in r.redenen],
        "regelset": [r.regelset.examenjaar_van, r.regelset.examenjaar_tot, r.regelset.wettekst],
        "examenjaar": r.examenjaar,
        "schoolsoort": r.schoolsoort.value,
        "opmerkingen": list(r.opmerkingen),
        "herkansingen_niet_geteld": list(r.herkansingen_niet_geteld),
        "ce_gemiddelde": None if r.ce_gemiddelde is None else str(r.ce_gemiddelde),
        "to_dict": r.to_dict() if full else None,
    }


def main() -> None:
    """``python tests/vo/uitslag_corpus.py SEED N [OUT]``: one JSON line of outcomes per document."""
    seed, n = int(sys.argv[1]), int(sys.argv[2])
    out = open(sys.argv[3], "w", encoding="utf-8") if len(sys.argv) > 3 else sys.stdout  # noqa: SIM115
    for i, doc in enumerate(documents(seed, n)):
        text = json.dumps(doc)
        line = [outcome(text), outcome(text, pakket=False) if i % 4 == 0 else None]
        out.write(json.dumps(line, sort_keys=True) + "\n")


if __name__ == "__main__":
    main()
