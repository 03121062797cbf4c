"""The element-name table and the shipped XSDs agree, element by element."""

from __future__ import annotations

import attrs
import pytest
from lxml import etree

from duo_domain.serialize.xml._mapping import MAPPINGS, NAMESPACES, XSD_VAN_NAMESPACE
from duo_domain.serialize.xml._schemas import XSD_FILES, schema, xsd_text

XS = "{http://www.w3.org/2001/XMLSchema}"


def _sequence(namespace: str, type_name: str) -> list[str]:
    doc = etree.fromstring(xsd_text(XSD_VAN_NAMESPACE[namespace]))
    found = doc.find(f"{XS}complexType[@name='{type_name}']")
    assert found is not None, type_name
    return [e.get("name") or "" for e in found.iter(f"{XS}element")]


@pytest.mark.parametrize("cls", list(MAPPINGS), ids=lambda c: c.__name__)
def test_xsd_sequence_matches_the_mapping(cls: type) -> None:
    mapping = MAPPINGS[cls]
    expected: list[str] = []
    for veld in mapping.velden:
        if isinstance(veld.soort, dict):
            expected.extend(veld.soort.values())
        else:
            expected.append(veld.element)
    assert _sequence(mapping.namespace, mapping.xsd_type) == expected


@pytest.mark.parametrize("cls", list(MAPPINGS), ids=lambda c: c.__name__)
def test_every_attribute_of_a_mapped_class_has_an_element(cls: type) -> None:
    mapped = {v.attr for v in MAPPINGS[cls].velden}
    assert {f.name for f in attrs.fields(cls)} == mapped


def test_namespaces_are_project_urns() -> None:
    assert all(ns.startswith("urn:duo-domain:schema:") for ns in NAMESPACES.values())


@pytest.mark.parametrize("name", XSD_FILES)
def test_every_xsd_compiles_and_says_it_is_not_duos(name: str) -> None:
    assert schema(name) is not None
    assert b"This is NOT a DUO schema" in xsd_text(name)


def test_unknown_xsd_name_is_refused() -> None:
    with pytest.raises(KeyError):
        xsd_text("../../etc/passwd")
