"""``python -m thucydides``: the command line."""

from .cli import main

main()
