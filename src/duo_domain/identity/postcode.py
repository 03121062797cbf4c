"""Dutch postcode: four digits (the first not zero) and two capital letters.

DUO's type ``Postcode-v02`` is ``[1-9][0-9]{3}[A-Z]{2}``, printed as
``NNNN AA``. PostNL does not hand out the letter pairs ``SA``, ``SD`` and
``SS`` (python-stdnum rejects them), but DUO's schema does not exclude them,
so neither does this module: what DUO accepts is accepted here. Whether a
postcode exists needs the BAG or PostNL.

Examples:
    >>> from duo_domain.identity import postcode
    >>> postcode.validate("2593 ce")
    '2593CE'
    >>> postcode.format("2593CE")
    '2593 CE'
    >>> postcode.is_valid("0593CE"), postcode.is_valid("2593 C")
    (False, False)
"""

from __future__ import annotations

from duo_domain.errors import InvalidIdentifier
from duo_domain.identity._code import CodeSpec

__all__ = ["KIND", "compact", "format", "is_valid", "validate"]

#: The ``kind`` of the errors this module raises.
KIND = "postcode"

_SPEC = CodeSpec(
    KIND, r"[1-9][0-9]{3}[A-Z]{2}", 6, "NNNN AA: four digits (the first not 0) and two letters", upper=True
)


def compact(value: str) -> str:
    """The postcode without spaces and dashes, upper-cased, an ``NL`` prefix dropped; not checked.

    Examples:
        >>> compact("NL-2593 ce")
        '2593CE'
    """
    code = _SPEC.compact(value)
    return code[2:] if code.startswith("NL") else code


def validate(value: str) -> str:
    """The canonical form (``NNNNAA``) of a valid postcode.

    Raises:
        InvalidFormat: not text, or not of the form ``NNNN AA`` with a first digit 1-9.
        InvalidLength: not six characters (separators aside).

    Examples:
        >>> validate("1234 SA")
        '1234SA'
    """
    return _SPEC.validate(compact(value))


def is_valid(value: object) -> bool:
    """Whether ``value`` is a valid postcode; never raises, whatever it is given.

    Examples:
        >>> is_valid("2593CE"), is_valid("2593"), is_valid(2593)
        (True, False, False)
    """
    if not isinstance(value, str):
        return False
    try:
        validate(value)
    except InvalidIdentifier:
        return False
    return True


def format(value: str) -> str:  # noqa: A001 - the uniform identifier interface
    """The postcode in DUO's print form ``NNNN AA``, after validating it.

    Raises:
        InvalidIdentifier: as [`validate`][duo_domain.identity.postcode.validate].

    Examples:
        >>> format("2593ce")
        '2593 CE'
    """
    code = validate(value)
    return f"{code[:4]} {code[4:]}"
