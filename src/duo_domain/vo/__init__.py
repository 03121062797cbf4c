"""VO exam results for BRON: subject results, code tables, grade arithmetic and the uitslag.

The law is the Uitvoeringsbesluit WVO 2020 (BWBR0045787), art. 3.13 and
3.32–3.39, applied in the version that judges the examenjaar
([`duo_domain.vo.regelsets`][duo_domain.vo.regelsets]).

Examples:
    >>> from duo_domain.vo import cijferlijst_from_document, bepaal_uitslag
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
    >>> bepaal_uitslag(cijferlijst_from_document(doc)).uitslag.value
    'geslaagd'
"""

from duo_domain.vo.codes import (
    Elementcode,
    ElementcodeTabel,
    Vak,
    VakcodeTabel,
    Vaksoort,
    elementcodetabel,
    load_elementcodetabel,
    load_vakcodetabel,
    vakcodetabel,
)
from duo_domain.vo.deadlines import Termijn, se_termijn, te_laat, termijnen, uiterste_datum_uitslag
from duo_domain.vo.document import (
    cijferlijst_from_document,
    cijferlijst_from_json,
    cijferlijst_schema,
    uitslag_schema,
)
from duo_domain.vo.grades import (
    ce_gemiddelde,
    combinatiecijfer,
    combinatiecijfer_gl,
    eindcijfer,
    rond_af,
    voldoet_ce_eis,
)
from duo_domain.vo.model import (
    Beoordeling,
    Examendeel,
    Examenkandidaat,
    ExamResult,
    Profielwerkstuk,
    Rol,
    Schoolsoort,
    Uitslag,
)
from duo_domain.vo.regelsets import REGELSETS, Regelset, regelset
from duo_domain.vo.uitslag import Reden, UitslagResultaat, bepaal_uitslag

__all__ = [
    "REGELSETS",
    "Beoordeling",
    "Elementcode",
    "ElementcodeTabel",
    "ExamResult",
    "Examendeel",
    "Examenkandidaat",
    "Profielwerkstuk",
    "Reden",
    "Regelset",
    "Rol",
    "Schoolsoort",
    "Termijn",
    "Uitslag",
    "UitslagResultaat",
    "Vak",
    "VakcodeTabel",
    "Vaksoort",
    "bepaal_uitslag",
    "ce_gemiddelde",
    "cijferlijst_from_document",
    "cijferlijst_from_json",
    "cijferlijst_schema",
    "combinatiecijfer",
    "combinatiecijfer_gl",
    "eindcijfer",
    "elementcodetabel",
    "load_elementcodetabel",
    "load_vakcodetabel",
    "regelset",
    "rond_af",
    "se_termijn",
    "te_laat",
    "termijnen",
    "uiterste_datum_uitslag",
    "uitslag_schema",
    "vakcodetabel",
    "voldoet_ce_eis",
]
