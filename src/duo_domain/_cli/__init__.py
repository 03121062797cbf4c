"""The subcommands of ``duo-domain``; one module each (private).

[`duo_domain.cli`][duo_domain.cli] reads what it needs from here, not from the private
modules inside this package.
"""

from duo_domain._cli._common import EXIT_USAGE, CliError, Command

__all__ = ["EXIT_USAGE", "CliError", "Command"]
