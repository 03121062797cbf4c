"""``duo-domain check KIND VALUE``: check one identifier and print its canonical form.

Exit 0 and the canonical form when the value is valid; exit 1 and the reason
(with its machine code) when it is not; exit 2 for an unknown KIND. The
reason never repeats a nine-digit number in full (whatever KIND was asked
for), and a valid BSN or onderwijsnummer is printed masked unless
``--unmasked`` asks for the full number.
"""

from __future__ import annotations

from duo_domain._cli._common import EXIT_FINDINGS, EXIT_OK, Command

#: ``typing.TYPE_CHECKING`` without importing ``typing``: this command starts in a blink.
TYPE_CHECKING = False
if TYPE_CHECKING:
    import argparse
    from typing import TextIO

#: The kinds ``check`` knows, in the order of ``--help``.
KINDS: tuple[str, ...] = (
    "bsn",
    "onderwijsnummer",
    "brin",
    "vestiging",
    "onderwijsbestuur",
    "onderwijsaanbieder",
    "onderwijslocatie",
    "opleidingseenheid",
    "crebo",
    "keuzedeel",
    "leerbedrijf",
    "postcode",
    "elementcode",
    "vakcode",
    "oin",
)


def _configure(p: argparse.ArgumentParser) -> None:
    p.add_argument("kind", metavar="KIND", choices=KINDS, help="one of: " + ", ".join(KINDS))
    p.add_argument("value", metavar="VALUE", help="the value to check (quote it when it has spaces)")
    p.add_argument(
        "--unmasked",
        action="store_true",
        help="bsn, onderwijsnummer: print the full canonical number (personal data) instead of *****2333",
    )
    p.add_argument(
        "--strict",
        action="store_true",
        help="onderwijsnummer: read DUO's check-digit formula literally (last digit 0-5)",
    )


def _run(args: argparse.Namespace, out: TextIO) -> int:
    import importlib

    from duo_domain.errors import InvalidIdentifier, mask_numbers

    # Only the module of the KIND asked for is imported: checking a BSN loads nothing else.
    module = importlib.import_module(f"duo_domain.identity.{args.kind}")
    personal = args.kind in {"bsn", "onderwijsnummer"}
    try:
        if args.kind == "onderwijsnummer":
            canonical = module.validate(args.value, strict=args.strict)
        else:
            canonical = module.validate(args.value)
    except InvalidIdentifier as exc:
        out.write(mask_numbers(f"invalid {args.kind}: {exc.message} [{exc.code}]") + "\n")
        return EXIT_FINDINGS
    out.write((mask_numbers(canonical) if personal and not args.unmasked else canonical) + "\n")
    return EXIT_OK


COMMAND = Command(
    "check", "check one identifier (bsn, brin, crebo, ...) and print its canonical form", _configure, _run
)
