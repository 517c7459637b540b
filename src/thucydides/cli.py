"""The ``thucydides`` command line: a thin click layer over the library.

Commands come from plugins (:mod:`thucydides.plugins`); each parses its arguments, makes one library
call and formats the result. Errors the library raises on purpose become a one-line message and exit 2.
"""

from __future__ import annotations

import sys

import click
import duckdb

from ._version import __version__
from .errors import ThucydidesError
from .outputs import terminal_safe
from .plugins import get_plugin_manager
from .store.connection import store_failure

__all__ = ["cli", "main"]


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="thucydides")
def cli() -> None:
    """Thucydides: sourced propositions, claims and loss figures from war and crisis news."""


get_plugin_manager().hook.register_commands(cli=cli)


def main(argv: list[str] | None = None) -> None:
    """Console entry point: run the CLI, turning library errors into one line on stderr and exit 2."""
    try:
        rc = cli.main(args=argv, prog_name="thucydides", standalone_mode=False)
    except ThucydidesError as exc:
        click.echo(terminal_safe(f"Error: {exc}"), err=True)  # a file name or value may hold escapes
        sys.exit(2)
    except duckdb.Error as exc:  # a store that opened but failed while being read or written (corrupt, full)
        failure = store_failure(exc, argv if argv is not None else sys.argv[1:])
        click.echo(terminal_safe(f"Error: {failure}"), err=True)
        sys.exit(2)
    except click.exceptions.Abort:
        click.echo("Aborted.", err=True)
        sys.exit(1)
    except click.ClickException as exc:
        exc.show()
        sys.exit(exc.exit_code)
    except KeyboardInterrupt:
        click.echo("Interrupted.", err=True)
        sys.exit(130)
    except BrokenPipeError:
        sys.exit(0)
    sys.exit(rc if isinstance(rc, int) else 0)
