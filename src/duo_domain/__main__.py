"""``python -m duo_domain``: the same as the ``duo-domain`` command."""

from duo_domain.cli import run

if __name__ == "__main__":
    run()
