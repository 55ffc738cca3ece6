"""Typed dependencies: the process's services and the authenticated caller."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Header, Request

from songforge.ports import Credential
from songforge.services.credentials import INFERENCE, MANAGEMENT, authenticate
from songforge.services.rate_limits import CREATE, READ
from songforge.wiring import Services


def get_services(request: Request) -> Services:
    services: Services = request.app.state.services
    return services


ServicesDep = Annotated[Services, Depends(get_services)]


# Async on purpose: a key lookup is one indexed read, cheaper than a thread hop.
async def inference_key(
    request: Request,
    services: ServicesDep,
    authorization: Annotated[str | None, Header()] = None,
) -> Credential:
    credential = authenticate(
        services.uow_factory, services.clock, authorization, INFERENCE, services.credential_cache
    )
    kind = CREATE if request.method == "POST" else READ
    decision = services.rate_limiter.hit(credential, kind, services.clock.now())
    # The middleware copies these onto whatever response this request ends with.
    request.state.response_headers = decision.headers()
    return credential


async def management_token(
    services: ServicesDep, authorization: Annotated[str | None, Header()] = None
) -> Credential:
    return authenticate(
        services.uow_factory, services.clock, authorization, MANAGEMENT, services.credential_cache
    )


InferenceKey = Annotated[Credential, Depends(inference_key)]
ManagementToken = Annotated[Credential, Depends(management_token)]
