"""THE element-name mapping: which XML element holds which attribute, in which order.

This module is the single place that names XML elements. DUO gives its
definitive XSDs only to registered vendors; the library's own schemas
(``xsd/*.xsd``) follow DUO's published conventions (lowerCamelCase element
names, the business-document header, ``elementFormDefault="qualified"``).
To follow DUO's definitive schemas, change the names here and in the XSDs;
``tests/xml/test_mapping.py`` checks that the two agree element by element.

Each `Typemapping` gives, for one domain class, its namespace and its
fields in XSD sequence order. A field names the attribute, the element and
the kind of value:

* a `Soort` for simple values (text, date, Decimal, BSN, ...);
* an `enum.Enum` class: the member's value is written;
* a domain class: a nested element with that class's own mapping;
* a dict ``{class: element}``: a choice between classes (such as a Dutch
  or a foreign address), each with its own element name.
"""

from __future__ import annotations

import enum
from collections.abc import Mapping
from typing import Final

import attrs

from duo_domain.identity.student import BuitenlandsAdres, NederlandsAdres, Persoonsgegevens, Student
from duo_domain.mbo.bpv import BpvAgreement
from duo_domain.mbo.enrolment import Enrolment, ExtraOndersteuning, Periode
from duo_domain.mbo.record import MboStudentRecord
from duo_domain.mbo.results import (
    AmvbOnderdeel,
    Diploma,
    Exemption,
    GeneriekExamenonderdeel,
    KeuzedeelResultaat,
    KeuzedeelUitkomst,
    LosseResultaten,
    VrijstellingOmvang,
)
from duo_domain.serialize.xml.header import Bedrijfsdocument
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

__all__ = [
    "BERICHTEN",
    "MAPPINGS",
    "NAMESPACES",
    "NS_BASIS",
    "NS_MBO",
    "NS_PERSOON",
    "NS_VO",
    "Berichtmapping",
    "Soort",
    "Typemapping",
    "Veldmapping",
]

#: DUO's basic types and the business-document header.
NS_BASIS: Final = "urn:duo-domain:schema:basis:v1"
#: A person: BSN or onderwijsnummer, or the personal data DUO matches on.
NS_PERSOON: Final = "urn:duo-domain:schema:persoon:v1"
#: MBO (ROD): enrolments, BPV agreements, diplomas and loose results.
NS_MBO: Final = "urn:duo-domain:schema:mbo:v1"
#: VO (BRON): a candidate's examenresultaten.
NS_VO: Final = "urn:duo-domain:schema:vo:v1"

#: Prefix per namespace, as written in the library's messages.
NAMESPACES: Final[Mapping[str, str]] = {"bas": NS_BASIS, "per": NS_PERSOON, "mbo": NS_MBO, "vo": NS_VO}


class Soort(enum.Enum):
    """The kind of a simple value and how it is written as element text."""

    TEXT = "text"
    """A string, written as is."""
    INT = "int"
    """An integer, in decimal digits."""
    BOOL = "bool"
    """``true`` or ``false`` (``1`` and ``0`` are read too)."""
    DECIMAL = "decimal"
    """A `Decimal`, in fixed-point notation, exactly (``6.50`` stays ``6.50``)."""
    DATE = "date"
    """A `datetime.date`, ISO 8601 ``YYYY-MM-DD``."""
    DATETIME_UTC = "datetime_utc"
    """An aware `datetime.datetime`, written in UTC with ``Z``."""
    UUID = "uuid"
    """A `uuid.UUID`, in its 36-character form."""
    BSN = "bsn"
    """A [`Bsn`][duo_domain.identity.Bsn], all nine digits."""
    ONDERWIJSNUMMER = "onderwijsnummer"
    """An [`Onderwijsnummer`][duo_domain.identity.Onderwijsnummer], all nine digits."""
    ONVOLLEDIGE_DATUM = "onvolledige_datum"
    """An `OnvolledigeDatum`, ``00`` for an unknown day or month."""


#: What a field's value is: a simple kind, an enum class, a domain class, or a choice of classes.
Waarde = Soort | type | Mapping[type, str]


@attrs.frozen
class Veldmapping:
    """One attribute of a domain class and the element that holds it.

    Attributes:
        attr: The attribute (the JSON wire name).
        element: The element's local name (for a choice: see ``soort``).
        soort: The kind of value.
        herhaald: True for a tuple attribute: one element per item.
    """

    attr: str
    element: str
    soort: Waarde
    herhaald: bool = False


@attrs.frozen
class Typemapping:
    """The elements of one domain class, in XSD sequence order.

    Attributes:
        cls: The domain class.
        namespace: The namespace of the class's elements.
        xsd_type: The name of the complex type in the XSD.
        velden: The fields in the order of the XSD sequence.
    """

    cls: type
    namespace: str
    xsd_type: str
    velden: tuple[Veldmapping, ...]


def _m(cls: type, namespace: str, xsd_type: str, *velden: Veldmapping) -> Typemapping:
    return Typemapping(cls, namespace, xsd_type, velden)


def _v(
    attr: str, element: str | None = None, soort: Waarde = Soort.TEXT, *, herhaald: bool = False
) -> Veldmapping:
    return Veldmapping(attr, element or attr, soort, herhaald)


S = Soort

_MAPPINGS: tuple[Typemapping, ...] = (
    _m(
        Bedrijfsdocument,
        NS_BASIS,
        "Bedrijfsdocument",
        _v("identificatiecode", "identificatiecodeBedrijfsdocument", S.UUID),
        _v("verzendende_instantie", "verzendendeInstantie"),
        _v("ontvangende_instantie", "ontvangendeInstantie"),
        _v("datum_tijd", "datumTijdBedrijfsdocument", S.DATETIME_UTC),
    ),
    # -- person ------------------------------------------------------------------------------
    _m(
        Student,
        NS_PERSOON,
        "Persoon",
        _v("bsn", "burgerservicenummer", S.BSN),
        _v("onderwijsnummer", "onderwijsnummer", S.ONDERWIJSNUMMER),
        _v("persoonsgegevens", "persoonsgegevens", Persoonsgegevens),
        _v("studentnummer"),
    ),
    _m(
        Persoonsgegevens,
        NS_PERSOON,
        "Persoonsgegevens",
        _v("geslachtsnaam"),
        _v("voorvoegsels"),
        _v("voornamen"),
        _v("geboortedatum", "geboortedatum", S.ONVOLLEDIGE_DATUM),
        _v("geslacht"),
        _v("adres", "adres", {NederlandsAdres: "binnenlandsAdres", BuitenlandsAdres: "buitenlandsAdres"}),
    ),
    _m(
        NederlandsAdres,
        NS_PERSOON,
        "BinnenlandsAdres",
        _v("straatnaam"),
        _v("huisnummer", soort=S.INT),
        _v("huisletter"),
        _v("huisnummertoevoeging", "huisnummerToevoeging"),
        _v("huisnummeraanduiding", "huisnummerAanduiding"),
        _v("postcode"),
        _v("plaatsnaam"),
    ),
    _m(
        BuitenlandsAdres,
        NS_PERSOON,
        "BuitenlandsAdres",
        _v("adresregel1"),
        _v("adresregel2"),
        _v("adresregel3"),
        _v("landcode"),
    ),
    # -- MBO: enrolments and BPV ---------------------------------------------------------------
    _m(
        MboStudentRecord,
        NS_MBO,
        "StudentMBO",
        _v("student", "persoon", Student),
        _v("inschrijvingen", "inschrijving", Enrolment, herhaald=True),
        _v("bpv_overeenkomsten", "bpvOvereenkomst", BpvAgreement, herhaald=True),
        _v("diplomas", "diploma", Diploma, herhaald=True),
        _v("losse_resultaten", "losseResultaten", LosseResultaten),
    ),
    _m(
        Enrolment,
        NS_MBO,
        "Inschrijving",
        _v("inschrijvingvolgnummer"),
        _v("instelling", "brin"),
        _v("datum_inschrijving", "datumInschrijving", S.DATE),
        _v("datum_uitschrijving_gepland", "datumUitschrijvingGepland", S.DATE),
        _v("datum_uitschrijving_werkelijk", "datumUitschrijvingWerkelijk", S.DATE),
        _v("reden_uitschrijving", "redenUitschrijving"),
        _v("perioden", "periode", Periode, herhaald=True),
        _v("extra_ondersteuning", "extraOndersteuning", ExtraOndersteuning, herhaald=True),
    ),
    _m(
        Periode,
        NS_MBO,
        "InschrijvingPeriode",
        _v("datum_begin", "datumBegin", S.DATE),
        _v("datum_einde", "datumEinde", S.DATE),
        _v("opleidingscode", "opleidingcode"),
        _v("leertraject"),
        _v("niveau"),
        _v("indicatie_bekostigbaar", "indicatieBekostigbaar", S.BOOL),
        _v("onderwijsaanbieder"),
        _v("onderwijslocatie"),
        _v("locatiecode_vsv", "locatiecodeVsv"),
        _v("leerroute"),
        _v("leerroutefase"),
    ),
    _m(
        ExtraOndersteuning,
        NS_MBO,
        "ExtraOndersteuning",
        _v("datum_begin", "datumBegin", S.DATE),
        _v("datum_einde", "datumEinde", S.DATE),
    ),
    _m(
        BpvAgreement,
        NS_MBO,
        "BpvOvereenkomst",
        _v("inschrijvingvolgnummer"),
        _v("volgnummer", "bpvVolgnummer"),
        _v("afsluitdatum", "afsluitdatum", S.DATE),
        _v("datum_begin", "datumBegin", S.DATE),
        _v("datum_einde_gepland", "datumEindeGepland", S.DATE),
        _v("datum_einde_werkelijk", "datumEindeWerkelijk", S.DATE),
        _v("omvang", "omvang", S.INT),
        _v("leerbedrijf_id", "leerbedrijfId"),
        _v("opleidingscode", "opleidingcode"),
        _v("keuzedeel", "keuzedeelcode"),
    ),
    # -- MBO: results ------------------------------------------------------------------------
    _m(
        Diploma,
        NS_MBO,
        "Diploma",
        _v("resultaatvolgnummer"),
        _v("opleidingscode", "opleidingcode"),
        _v("datum_resultaat", "datumResultaat", S.DATE),
        _v("indicatie_bekostigbaar", "indicatieBekostigbaar", S.BOOL),
        _v("inschrijvingvolgnummer"),
        _v("onderwijsaanbieder"),
        _v("niveau", "niveau", S.INT),
        _v("cohort_start", "datumStartOpleiding", S.DATE),
        _v(
            "generieke_examenonderdelen",
            "generiekExamenonderdeel",
            GeneriekExamenonderdeel,
            herhaald=True,
        ),
        _v("keuzedelen", "keuzedeel", KeuzedeelResultaat, herhaald=True),
        _v("amvb_onderdelen", "amvbOnderdeel", AmvbOnderdeel, herhaald=True),
    ),
    _m(
        GeneriekExamenonderdeel,
        NS_MBO,
        "GeneriekExamenonderdeel",
        _v("resultaatvolgnummer"),
        _v("code", "codeExamenonderdeel"),
        _v("cijfer_ie", "cijferIe", S.DECIMAL),
        _v("cijfer_ce", "cijferCe", S.DECIMAL),
        _v("eindcijfer", "eindcijfer", S.DECIMAL),
        _v("vrijstellingen", "vrijstelling", Exemption, herhaald=True),
        _v("datum_resultaat", "datumResultaat", S.DATE),
        _v("inschrijvingvolgnummer"),
        _v("onderwijsaanbieder"),
    ),
    _m(
        Exemption,
        NS_MBO,
        "Vrijstelling",
        _v("code", "codeVrijstelling"),
        _v("omvang", "omvang", VrijstellingOmvang),
        _v("grondslag"),
    ),
    _m(
        KeuzedeelResultaat,
        NS_MBO,
        "KeuzedeelResultaat",
        _v("resultaatvolgnummer"),
        _v("code", "codeKeuzedeel"),
        _v("resultaat", "resultaat", KeuzedeelUitkomst),
        _v("eindcijfer", "eindcijfer", S.DECIMAL),
        _v("certificaat", "certificaat", S.BOOL),
        _v("datum_resultaat", "datumResultaat", S.DATE),
        _v("inschrijvingvolgnummer"),
        _v("onderwijsaanbieder"),
    ),
    _m(
        AmvbOnderdeel,
        NS_MBO,
        "AmvbOnderdeel",
        _v("resultaatvolgnummer"),
        _v("code", "codeAmvbOnderdeel"),
        _v("certificaat", "certificaat", S.BOOL),
        _v("datum_resultaat", "datumResultaat", S.DATE),
        _v("inschrijvingvolgnummer"),
        _v("onderwijsaanbieder"),
    ),
    _m(
        LosseResultaten,
        NS_MBO,
        "LosseResultaten",
        _v(
            "generieke_examenonderdelen",
            "generiekExamenonderdeel",
            GeneriekExamenonderdeel,
            herhaald=True,
        ),
        _v("keuzedelen", "keuzedeel", KeuzedeelResultaat, herhaald=True),
        _v("amvb_onderdelen", "amvbOnderdeel", AmvbOnderdeel, herhaald=True),
    ),
    # -- VO: examenresultaten ------------------------------------------------------------------
    _m(
        Examenkandidaat,
        NS_VO,
        "Examenkandidaat",
        _v("student", "persoon", Student),
        _v("onderwijsaanbieder"),
        _v("elementcode"),
        _v("schoolsoort", "schoolsoort", Schoolsoort),
        _v("leerwerktraject", "leerwerktraject", S.BOOL),
        _v("examenjaar", "examenjaar", S.INT),
        _v("datum_uitslag", "datumUitslag", S.DATE),
        _v("uitslag", "uitslag", Uitslag),
        _v("cum_laude", "cumLaude", S.BOOL),
        _v("vakken", "examenvak", ExamResult, herhaald=True),
        _v("profielwerkstuk", "profielwerkstuk", Profielwerkstuk),
    ),
    _m(
        ExamResult,
        NS_VO,
        "Examenvak",
        _v("vakcode"),
        _v("examendeel", "examendeel", Examendeel),
        _v("programma"),
        _v("rol", "rol", Rol),
        _v("se", "cijferSchoolexamen", S.DECIMAL),
        _v("beoordeling", "beoordelingSchoolexamen", Beoordeling),
        _v("ce", "cijferCE1", S.DECIMAL),
        _v("ce2", "cijferCE2", S.DECIMAL),
        _v("ce3", "cijferCE3", S.DECIMAL),
        _v("eindcijfer", "eindcijfer", S.INT),
        _v("diplomavak", "diplomavak", S.BOOL),
        _v("combinatiecijfer", "indicatieCombinatiecijfer", S.BOOL),
        _v("extra", "extraVak", S.BOOL),
        _v("vrijstelling", "vrijstelling", S.BOOL),
        _v("certificaat", "certificaat", S.BOOL),
        _v("schooljaar_eindcijfer", "schooljaarEindcijfer"),
        _v("herkomst", "herkomst", Herkomst),
    ),
    _m(
        Profielwerkstuk,
        NS_VO,
        "Profielwerkstuk",
        _v("titel"),
        _v("cijfer", "cijfer", S.INT),
        _v("beoordeling", "beoordeling", Beoordeling),
    ),
)

#: Every mapped domain class and its elements.
MAPPINGS: Final[Mapping[type, Typemapping]] = {m.cls: m for m in _MAPPINGS}

#: The global element of each domain class: ``(namespace, local name)``; an
#: object on its own is written as this element (:func:`~duo_domain.serialize.xml.dumps`).
ELEMENTEN: Final[Mapping[type, tuple[str, str]]] = {
    Student: (NS_PERSOON, "persoon"),
    Persoonsgegevens: (NS_PERSOON, "persoonsgegevens"),
    NederlandsAdres: (NS_PERSOON, "binnenlandsAdres"),
    BuitenlandsAdres: (NS_PERSOON, "buitenlandsAdres"),
    MboStudentRecord: (NS_MBO, "student"),
    Enrolment: (NS_MBO, "inschrijving"),
    Periode: (NS_MBO, "periode"),
    ExtraOndersteuning: (NS_MBO, "extraOndersteuning"),
    BpvAgreement: (NS_MBO, "bpvOvereenkomst"),
    Diploma: (NS_MBO, "diploma"),
    GeneriekExamenonderdeel: (NS_MBO, "generiekExamenonderdeel"),
    Exemption: (NS_MBO, "vrijstelling"),
    KeuzedeelResultaat: (NS_MBO, "keuzedeel"),
    AmvbOnderdeel: (NS_MBO, "amvbOnderdeel"),
    LosseResultaten: (NS_MBO, "losseResultaten"),
    Examenkandidaat: (NS_VO, "examenkandidaat"),
    ExamResult: (NS_VO, "examenvak"),
    Profielwerkstuk: (NS_VO, "profielwerkstuk"),
}


@attrs.frozen
class Berichtmapping:
    """One message: its root element, the element of each item, and what an item may hold.

    Every message is the header ([`Bedrijfsdocument`][duo_domain.serialize.xml.Bedrijfsdocument])
    followed by one or more items.

    Attributes:
        naam: The root element's local name, which names the message kind.
        namespace: The root element's namespace.
        xsd: The XSD file (in ``xsd/``) that declares the root element.
        item_element: The local name of each item element (in ``namespace``).
        item_cls: The domain class of an item.
        velden: The item attributes the message carries; ``None`` for all.
            An item with a non-empty attribute outside this set cannot be written
            in this message.
        omschrijving: One line on what the message is for.
        verplicht: Attributes of which an item must have at least one
            (not ``None``, not empty).
    """

    naam: str
    namespace: str
    xsd: str
    item_element: str
    item_cls: type
    velden: frozenset[str] | None
    omschrijving: str
    verplicht: frozenset[str] = frozenset()


_BERICHTEN: tuple[Berichtmapping, ...] = (
    Berichtmapping(
        "aanleverenStudentMBO",
        NS_MBO,
        "mbo.xsd",
        "student",
        MboStudentRecord,
        None,
        "MBO student records with every enrolment, BPV agreement and result",
    ),
    Berichtmapping(
        "aanleverenInschrijvingMBO",
        NS_MBO,
        "mbo.xsd",
        "student",
        MboStudentRecord,
        frozenset({"student", "inschrijvingen"}),
        "MBO enrolments (inschrijvingen) with their periods",
        frozenset({"inschrijvingen"}),
    ),
    Berichtmapping(
        "aanleverenBpvMBO",
        NS_MBO,
        "mbo.xsd",
        "student",
        MboStudentRecord,
        frozenset({"student", "bpv_overeenkomsten"}),
        "MBO BPV agreements (praktijkovereenkomsten)",
        frozenset({"bpv_overeenkomsten"}),
    ),
    Berichtmapping(
        "aanleverenResultaatMBO",
        NS_MBO,
        "mbo.xsd",
        "student",
        MboStudentRecord,
        frozenset({"student", "diplomas", "losse_resultaten"}),
        "MBO diplomas with generic exam parts and keuzedelen, and loose results",
        frozenset({"diplomas", "losse_resultaten"}),
    ),
    Berichtmapping(
        "identificerenPersoon",
        NS_PERSOON,
        "persoon.xsd",
        "persoon",
        Student,
        frozenset({"onderwijsnummer", "persoonsgegevens", "studentnummer"}),
        "identification of persons without a BSN, by the personal data DUO matches on",
        frozenset({"persoonsgegevens"}),
    ),
    Berichtmapping(
        "aanleverenExamenresultaatVO",
        NS_VO,
        "vo.xsd",
        "examenkandidaat",
        Examenkandidaat,
        None,
        "VO examenresultaten of candidates (one cijferlijst each)",
    ),
)

#: Every message kind, by the local name of its root element.
BERICHTEN: Final[Mapping[str, Berichtmapping]] = {b.naam: b for b in _BERICHTEN}

#: The XSD file that declares the elements of each namespace.
XSD_VAN_NAMESPACE: Final[Mapping[str, str]] = {
    NS_BASIS: "basis.xsd",
    NS_PERSOON: "persoon.xsd",
    NS_MBO: "mbo.xsd",
    NS_VO: "vo.xsd",
}
