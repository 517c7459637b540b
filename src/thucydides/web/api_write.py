"""``POST /api/v1/documents``: extract and store one article (a JSON object) or a JSON Lines batch.

Only mounted when the server was started with ``--allow-ingest`` and a token; each request must carry
``Authorization: Bearer <token>``. Extraction runs in a worker thread and the write is one transaction
through a cursor of its own, so readers go on reading the last committed state meanwhile.
"""

from __future__ import annotations

import json
import tempfile
from pathlib import Path
from typing import Any

from fastapi import APIRouter, HTTPException, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import Response

from ..errors import InputError
from . import schemas
from .responses import json_response
from .state import CursorStore, StoreHandle

__all__ = ["router"]

router = APIRouter(prefix="/api/v1", tags=["documents"])


def _as_jsonl(body: bytes, content_type: str) -> bytes:
    """The body as JSON Lines: a JSON object becomes one line; JSON Lines pass through."""
    if "ndjson" in content_type or "jsonl" in content_type:
        return body
    try:
        data = json.loads(body)
    except (ValueError, UnicodeDecodeError):
        raise InputError("E007", "the body is not JSON; send one JSON object or application/x-ndjson lines") from None
    if not isinstance(data, dict):
        raise InputError("E007", "expected one JSON object (an article with at least 'text')")
    return json.dumps(data).encode()


def _ingest(handle: StoreHandle, jsonl: bytes, extractor: Any) -> dict[str, Any]:
    from ..ingest import ReadOptions, ingest

    with tempfile.TemporaryDirectory() as tmp, handle.write_lock, CursorStore(handle.store) as store:
        path = Path(tmp) / "posted.jsonl"
        path.write_bytes(jsonl)
        try:
            report = ingest([str(path)], store, options=ReadOptions(format="jsonl"), extractor=extractor)
        finally:
            handle.changed()
    failures = [{"code": f.code, "reason": f.reason} for f in report.failures]
    return {"added": report.added, "skipped": report.skipped, "failed": len(report.failures),
            "stories": report.stories, "failures": failures}


@router.post("/documents", status_code=201, response_model=schemas.IngestOut,
             responses={400: {"model": schemas.ErrorOut}, 401: {"model": schemas.ErrorOut}})
async def post_documents(request: Request) -> Response:
    """Extract and store one article (``{"text": ..., "published": ..., "outlet": ..., "url": ...,
    "title": ...}``) or a batch (``Content-Type: application/x-ndjson``). Needs the bearer token."""
    settings = request.app.state.settings
    if not settings.token_ok(request.headers.get("authorization")):
        raise HTTPException(401, "a valid bearer token is needed to ingest (Authorization: Bearer <token>)")
    body = await request.body()
    if not body.strip():
        raise InputError("E005", "the request body is empty")
    jsonl = _as_jsonl(body, request.headers.get("content-type", ""))
    result = await run_in_threadpool(_ingest, request.app.state.handle, jsonl, request.app.state.extractor)
    return json_response(request, result, status=201)
