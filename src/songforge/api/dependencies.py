"""Typed dependencies: the process's services and the authenticated caller."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Request, Security
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from songforge.ports import Credential
from songforge.services.credentials import INFERENCE, MANAGEMENT, authenticate
from songforge.services.rate_limits import CREATE, READ
from songforge.wiring import Services


def get_services(request: Request) -> Services:
    services: Services = request.app.state.services
    return services


ServicesDep = Annotated[Services, Depends(get_services)]


# These only describe the two credentials in the OpenAPI document (security schemes);
# the raw header is still read by `authenticate`, which gives the contract's 401 errors.
_inference_scheme = HTTPBearer(
    scheme_name="InferenceKey", description="An `sk-` API key.", auto_error=False
)
_management_scheme = HTTPBearer(
    scheme_name="ManagementToken", description="An `mt-` management token.", auto_error=False
)
Described = HTTPAuthorizationCredentials | None


# Async on purpose: a key lookup is one indexed read, cheaper than a thread hop.
async def inference_key(
    request: Request,
    services: ServicesDep,
    _scheme: Annotated[Described, Security(_inference_scheme)],
) -> Credential:
    authorization = request.headers.get("authorization")
    credential = authenticate(
        services.uow_factory, services.clock, authorization, INFERENCE, services.credential_cache
    )
    kind = CREATE if request.method == "POST" else READ
    decision = services.rate_limiter.hit(credential, kind, services.clock.now())
    # The middleware copies these onto whatever response this request ends with.
    request.state.response_headers = decision.headers()
    return credential


async def management_token(
    request: Request,
    services: ServicesDep,
    _scheme: Annotated[Described, Security(_management_scheme)],
) -> Credential:
    authorization = request.headers.get("authorization")
    return authenticate(
        services.uow_factory, services.clock, authorization, MANAGEMENT, services.credential_cache
    )


InferenceKey = Annotated[Credential, Depends(inference_key)]
ManagementToken = Annotated[Credential, Depends(management_token)]
