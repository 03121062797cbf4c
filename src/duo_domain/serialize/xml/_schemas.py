"""The shipped XSDs, loaded lazily from the package and cached.

The schema files import each other by file name (``basis.xsd``); a resolver
serves those names from the package data, so loading a schema never touches
the file system outside the package or the network.
"""

from __future__ import annotations

import functools
import importlib.resources
from typing import Any, Final

from lxml import etree

from duo_domain.serialize.xml._hardened import new_parser

__all__ = ["XSD_FILES", "schema", "xsd_text"]

#: The XSD files shipped in ``duo_domain/serialize/xml/xsd/``.
XSD_FILES: Final = ("basis.xsd", "persoon.xsd", "mbo.xsd", "vo.xsd")
_BASE: Final = "duo-domain-xsd:///"


@functools.cache
def xsd_text(name: str) -> bytes:
    """The bytes of the shipped XSD file ``name`` (one of `XSD_FILES`).

    Raises:
        KeyError: for a name that is not a shipped XSD.
    """
    if name not in XSD_FILES:
        raise KeyError(name)
    return importlib.resources.files("duo_domain.serialize.xml").joinpath("xsd", name).read_bytes()


class _PackageXsd(etree.Resolver):
    """Serves ``basis.xsd`` and the others from the package; refuses anything else."""

    def resolve(self, system_url: str | None, public_id: str | None, context: Any) -> Any:
        name = (system_url or "").rsplit("/", 1)[-1]
        if name in XSD_FILES:
            return self.resolve_string(xsd_text(name), context, base_url=_BASE + name)
        return None  # refused by the parser's next resolver


@functools.cache
def schema(name: str) -> etree.XMLSchema:
    """The compiled schema of the shipped XSD file ``name``, with its imports."""
    parser = new_parser(_PackageXsd())
    document = etree.fromstring(xsd_text(name), parser, base_url=_BASE + name)
    return etree.XMLSchema(document)
