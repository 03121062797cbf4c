"""VO exam results for BRON: subject results, code tables, grade arithmetic and the uitslag.

The law is the Uitvoeringsbesluit WVO 2020 (BWBR0045787), art. 3.13 and
3.32–3.39, applied in the version that judges the examenjaar
([`duo_domain.vo.regelsets`][duo_domain.vo.regelsets]); whether the subjects form an
eindexamen (art. 3.1–3.7) is [`duo_domain.vo.pakket`][duo_domain.vo.pakket]. What a candidate
receives besides the uitslag: the judicium cum laude (art. 3.47, 3.48,
[`duo_domain.vo.cum_laude`][duo_domain.vo.cum_laude]), the certificaat of a failed candidate
(art. 3.50, 3.73) and the vmbo-tl diploma of a gl candidate (art. 3.45), both in
[`duo_domain.vo.certificaten`][duo_domain.vo.certificaten].

Examples:
    >>> from duo_domain.vo import compute_uitslag
    >>> from duo_domain.serialize.json import structure_cijferlijst
    >>> doc = {"schoolsoort": "vmbo-tl", "examenjaar": 2025, "vakken": [
    ...     {"vakcode": "0011", "se": "5.5", "ce": "5.4"},
    ...     {"vakcode": "0071", "se": "6.5", "ce": "6.8"},
    ...     {"vakcode": "0153", "se": "6.0", "ce": "6.1"},
    ...     {"vakcode": "0233", "se": "7.1", "ce": "6.5"},
    ...     {"vakcode": "0191", "se": "6.2", "ce": "5.9"},
    ...     {"vakcode": "0125", "se": "6.4", "ce": "6.0"},
    ...     {"vakcode": "0322", "se": 6},
    ...     {"vakcode": "0353", "beoordeling": "goed"},
    ...     {"vakcode": "0416", "beoordeling": "voldoende"}],
    ...     "profielwerkstuk": {"beoordeling": "voldoende"}}
    >>> compute_uitslag(structure_cijferlijst(doc)).uitslag.value
    'geslaagd'
"""

from duo_domain.vo.certificaten import Certificaat, TlDiploma, certificaat, tl_diploma
from duo_domain.vo.codes import (
    Elementcode,
    ElementcodeTabel,
    Vak,
    VakcodeTabel,
    Vaksoort,
    elementcodetabel,
    elementcodetabel_uit,
    load_elementcodetabel,
    load_vakcodetabel,
    vakcodetabel,
    vakcodetabel_uit,
)
from duo_domain.vo.cum_laude import CumLaude, cum_laude
from duo_domain.vo.deadlines import (
    Termijn,
    se_termijn,
    se_termijnen,
    te_laat,
    termijnen,
    uiterste_datum_uitslag,
)
from duo_domain.vo.document import cijferlijst_schema, uitslag_schema
from duo_domain.vo.grades import (
    ce_gemiddelde,
    combinatiecijfer,
    combinatiecijfer_gl,
    eindcijfer,
    meets_ce_eis,
    round_half_up,
)
from duo_domain.vo.model import (
    Beoordeling,
    Examendeel,
    Examenkandidaat,
    ExamResult,
    Herkomst,
    Profielwerkstuk,
    Rol,
    Schoolsoort,
    Uitslag,
)
from duo_domain.vo.regelsets import REGELSETS, Regelset, choose_regelset
from duo_domain.vo.uitslag import (
    Reden,
    UitslagResultaat,
    compute_uitslag,
    herkansingen_niet_geteld,
    hoger_programma,
)

__all__ = [
    "REGELSETS",
    "Beoordeling",
    "Certificaat",
    "CumLaude",
    "Elementcode",
    "ElementcodeTabel",
    "ExamResult",
    "Examendeel",
    "Examenkandidaat",
    "Herkomst",
    "Profielwerkstuk",
    "Reden",
    "Regelset",
    "Rol",
    "Schoolsoort",
    "Termijn",
    "TlDiploma",
    "Uitslag",
    "UitslagResultaat",
    "Vak",
    "VakcodeTabel",
    "Vaksoort",
    "ce_gemiddelde",
    "certificaat",
    "choose_regelset",
    "cijferlijst_schema",
    "combinatiecijfer",
    "combinatiecijfer_gl",
    "compute_uitslag",
    "cum_laude",
    "eindcijfer",
    "elementcodetabel",
    "elementcodetabel_uit",
    "herkansingen_niet_geteld",
    "hoger_programma",
    "load_elementcodetabel",
    "load_vakcodetabel",
    "meets_ce_eis",
    "round_half_up",
    "se_termijn",
    "se_termijnen",
    "te_laat",
    "termijnen",
    "tl_diploma",
    "uiterste_datum_uitslag",
    "uitslag_schema",
    "vakcodetabel",
    "vakcodetabel_uit",
]
