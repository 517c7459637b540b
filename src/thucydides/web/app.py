"""The app factory: the REST API, the workbench pages, static files, security headers and errors."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from importlib import resources
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from .._version import __version__
from ..errors import InputError, InvalidValue, StoreError, ThucydidesError
from .responses import NOT_FOUND, UNAUTHORISED, error_body
from .state import Settings, StoreHandle

__all__ = ["CSP", "SecurityHeaders", "create_app"]

#: Content-Security-Policy of every response: scripts, styles, images and data only from this server.
CSP = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
       "font-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'")
_HEADERS = {"Content-Security-Policy": CSP, "X-Content-Type-Options": "nosniff", "Referrer-Policy": "no-referrer",
            "X-Frame-Options": "DENY"}


def _status_of(exc: ThucydidesError) -> int:
    if isinstance(exc, InputError | InvalidValue):
        return 400
    if isinstance(exc, StoreError):
        return 503
    return 500


def _error(request: Request, status: int, code: str, message: str) -> Response:
    if request.url.path.startswith("/api/") or request.url.path == "/openapi.json":
        return JSONResponse(error_body(code, message), status_code=status)
    from .pages import error_page

    return error_page(request, status, code, message)


def _handlers(app: FastAPI) -> None:
    @app.exception_handler(ThucydidesError)
    async def library_error(request: Request, exc: ThucydidesError) -> Response:
        message = str(exc).removeprefix(f"[{exc.code}] ")
        return _error(request, _status_of(exc), exc.code, message)

    @app.exception_handler(RequestValidationError)
    async def bad_parameter(request: Request, exc: RequestValidationError) -> Response:
        first = exc.errors()[0] if exc.errors() else {}
        where = ".".join(str(p) for p in first.get("loc", ()) if p not in ("query", "path", "body"))
        return _error(request, 400, "E001", f"invalid parameter {where!r}: {first.get('msg', 'invalid value')}")

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        code = {401: UNAUTHORISED, 404: NOT_FOUND}.get(exc.status_code, "E001")
        detail = str(exc.detail) if exc.status_code != 404 or exc.detail != "Not Found" else \
            f"no such page {request.url.path!r}"
        response = _error(request, exc.status_code, code, detail)
        if exc.status_code == 401:
            response.headers["WWW-Authenticate"] = "Bearer"
        return response


class SecurityHeaders:
    """ASGI middleware adding :data:`CSP` and the other security headers to every response (a plain ASGI
    wrapper: no per-request task as with Starlette's ``BaseHTTPMiddleware``)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app
        self.headers = [(k.lower().encode(), v.encode()) for k, v in _HEADERS.items()]

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                present = {k.lower() for k, _ in message.get("headers", [])}
                message["headers"] = [*message.get("headers", []), *(h for h in self.headers if h[0] not in present)]
            await send(message)

        await self.app(scope, receive, with_headers)


def create_app(settings: Settings, extractor: Any = None) -> FastAPI:
    """The workbench over the store in ``settings.db``, opened now (read-only unless ingest is allowed).

    Raises:
        StoreError: (E013) the store cannot be opened. InputError: (E021) ingest allowed without a token.
    """
    if settings.allow_ingest and not settings.token:
        raise InputError("E021", "ingest over the web API needs a bearer token: give --token or THUCYDIDES_TOKEN "
                         "with --allow-ingest")
    handle = StoreHandle(settings)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        preparing = handle.prepare_search()
        yield
        preparing.join()
        handle.close()

    app = FastAPI(title="Thucydides", version=__version__, docs_url=None, redoc_url=None, lifespan=lifespan,
                  description="Propositions, the claims about them and the loss ledger, from war and crisis news.")
    app.state.settings, app.state.handle, app.state.extractor = settings, handle, extractor
    _handlers(app)

    app.add_middleware(SecurityHeaders)
    from . import api, api_ledger, api_write, pages

    app.include_router(api.router)
    app.include_router(api_ledger.router)
    if settings.allow_ingest:
        app.include_router(api_write.router)
    app.include_router(pages.router)
    static = resources.files("thucydides.web").joinpath("static")
    app.mount("/static", StaticFiles(directory=str(static)), name="static")
    return app
