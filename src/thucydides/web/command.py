"""``thucydides serve``: the workbench and REST API on uvicorn (FastAPI and uvicorn come with ``[web]``)."""

from __future__ import annotations

import click

from ..commands.options import db_option
from ..errors import ModelNotFound
from ..plugins import hookimpl

__all__ = ["register_commands"]


@click.command("serve")
@db_option()
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", type=click.IntRange(0, 65535), default=8000, show_default=True, help="Port to listen on.")
@click.option("--allow-ingest", is_flag=True, help="Accept POST /api/v1/documents (opens the store for writing).")
@click.option("--token", envvar="THUCYDIDES_TOKEN", help="Bearer token POST requests must carry "
              "(default: $THUCYDIDES_TOKEN).")
def serve_command(db: str, host: str, port: int, allow_ingest: bool, token: str | None) -> None:
    """Open the web workbench and the REST API (/docs) over a store; read-only unless --allow-ingest."""
    try:
        import uvicorn

        from .app import create_app
    except ImportError:
        raise ModelNotFound("E022", "an optional part is not installed: the web workbench needs its extra, "
                            "pip install 'thucydides[web]'") from None
    from .state import Settings

    app = create_app(Settings(db, allow_ingest, token))
    click.echo(f"Thucydides workbench on http://{host}:{port}/ (API docs at /docs)", err=True)
    uvicorn.run(app, host=host, port=port, log_level="warning")


@hookimpl
def register_commands(cli: click.Group) -> None:
    cli.add_command(serve_command)
