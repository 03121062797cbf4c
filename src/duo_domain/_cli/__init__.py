"""The subcommands of ``duo-domain``; one module each (private)."""
