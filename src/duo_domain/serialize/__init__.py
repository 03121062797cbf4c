"""Serializers: domain objects to and from their documents.

[`duo_domain.serialize.json`][duo_domain.serialize.json] reads and writes the JSON documents through a
cattrs converter ([`make_converter`][duo_domain.serialize.json.make_converter]). Import
the submodule you need; this package imports nothing at import time.
"""

__all__: list[str] = []
