"""Health, readiness and metrics."""

from __future__ import annotations

import sqlalchemy as sa
from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse, PlainTextResponse, Response
from prometheus_client import CONTENT_TYPE_LATEST, generate_latest

from songforge.api.agent_overview import agent_overview
from songforge.api.dependencies import ServicesDep

router = APIRouter(tags=["operations"])


@router.get("/healthz", summary="The process is up")
def healthz() -> JSONResponse:
    return JSONResponse({"status": "ok"})


@router.get("/readyz", summary="The database answers; each backend's health")
def readyz(request: Request, services: ServicesDep) -> JSONResponse:
    checks: dict[str, str] = {}
    try:
        with services.engine.connect() as connection:
            connection.execute(sa.text("SELECT 1"))
        checks["database"] = "ok"
    except sa.exc.SQLAlchemyError as exc:
        checks["database"] = f"error: {exc.__class__.__name__}"
    dispatcher = getattr(request.app.state, "dispatcher", None)
    checks["workers"] = "embedded" if dispatcher is not None else "external"
    ready = checks["database"] == "ok"
    # Backends are reported, not required: a node with a backend down still serves reads
    # and queues work (the listed fallback, or the queue, takes it).
    backends = {report.name: report.as_dict() for report in services.monitor.reports()}
    return JSONResponse(
        {"status": "ready" if ready else "not_ready", "checks": checks, "backends": backends},
        status_code=200 if ready else 503,
    )


@router.get("/metrics", summary="Prometheus metrics")
def metrics(request: Request) -> Response:
    registry = request.app.state.metrics.registry
    return Response(generate_latest(registry), media_type=CONTENT_TYPE_LATEST)


@router.get(
    "/llms.txt",
    summary="An overview of the API for agents (Markdown, llmstxt.org)",
    response_class=PlainTextResponse,
)
def llms_txt(request: Request, services: ServicesDep) -> PlainTextResponse:
    routing = services.routing
    models = [m for m in routing.served_catalog() if routing.listed(m)]
    text = agent_overview(
        request.app.openapi(), models, services.settings.resolved_public_base_url()
    )
    return PlainTextResponse(text, media_type="text/plain; charset=utf-8")
