"""Creating a task: validate, price, then insert + reserve + remember the key in one go."""

from __future__ import annotations

import hashlib
import json
import secrets
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from decimal import Decimal

from songforge.domain.billing import estimate
from songforge.domain.catalog import OPERATION_CONTINUE, UPLOAD_EXTEND, Catalog
from songforge.domain.errors import (
    ClipNotFound,
    IdempotencyKeyReused,
    InvalidParameter,
    ModelNotAllowed,
    RateLimited,
    UpstreamUnavailable,
)
from songforge.domain.generation_request import MAX_SEED, GenerationRequest, validate_create_body
from songforge.domain.tasks import Stage, Task, TaskStatus, new_task_id
from songforge.ports import Clock, Credential, RequestCheck, UnitOfWork, UnitOfWorkFactory
from songforge.services.audio_inputs import AudioInputContext, resolve_audio_url
from songforge.services.provider_routing import ProviderRouting
from songforge.services.webhook_destinations import DestinationRules, check_events

IDEMPOTENCY_WINDOW_SECONDS = 24 * 3600
_LONGEST_SONG_SECONDS = 240.0


@dataclass(frozen=True)
class CreateOutcome:
    task: Task
    replayed: bool


@dataclass(frozen=True)
class CreateContext:
    uow_factory: UnitOfWorkFactory
    catalog: Catalog
    clock: Clock
    routing: ProviderRouting
    max_attempts: int
    max_in_flight: int = 10
    request_checks: Mapping[str, RequestCheck] = field(default_factory=dict)
    audio: AudioInputContext | None = None
    destinations: DestinationRules | None = None  # None: callback_url is not accepted


@dataclass(frozen=True)
class Callback:
    url: str
    events: tuple[str, ...]


CALLBACK_FIELDS = ("callback_url", "callback_events")


def _split_callback(body: object) -> tuple[object, dict[str, object]]:
    """The body without its callback fields (which every model accepts), and those fields."""
    if not isinstance(body, dict) or not any(name in body for name in CALLBACK_FIELDS):
        return body, {}
    rest = {k: v for k, v in body.items() if k not in CALLBACK_FIELDS}
    return rest, {k: body[k] for k in CALLBACK_FIELDS if k in body}


def _check_callback(ctx: CreateContext, fields: dict[str, object]) -> Callback | None:
    if not fields:
        return None
    if ctx.destinations is None:
        raise InvalidParameter("This server does not send callbacks.", param="callback_url")
    if fields.get("callback_url") is None:
        if fields.get("callback_events") is None:
            return None
        raise InvalidParameter("'callback_events' needs a 'callback_url'.", param="callback_url")
    url = ctx.destinations.check_url(fields["callback_url"], "callback_url")
    return Callback(url, check_events(fields.get("callback_events"), "callback_events"))


class _LostIdempotencyRace(Exception):
    pass


def body_fingerprint(body: object) -> str:
    canonical = json.dumps(body, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def _check_continuation(
    uow: UnitOfWork, credential: Credential, request: GenerationRequest
) -> None:
    if request.operation != OPERATION_CONTINUE or request.continue_clip_id is None:
        return
    source = uow.tasks.find_clip(credential.organisation_id, request.continue_clip_id)
    if source is None or source.clip_id is None:
        raise ClipNotFound(
            f"Clip '{request.continue_clip_id}' was not found among your completed songs.",
            param="continue_clip_id",
        )
    if "files_expired_at" in source.metadata:
        raise ClipNotFound(
            f"Clip '{request.continue_clip_id}' can no longer be continued: its files were "
            "removed under the retention policy.",
            param="continue_clip_id",
        )
    duration = float(source.metadata.get("duration", 0.0))
    if request.continue_at is not None and request.continue_at > duration:
        raise InvalidParameter(
            f"'continue_at' must be at most the clip's duration ({duration:.2f} s).",
            param="continue_at",
        )


def _seed_for(idempotency_key: str | None, fingerprint: str) -> int:
    if not idempotency_key:
        return secrets.randbelow(MAX_SEED + 1)
    digest = hashlib.sha256(f"{idempotency_key}\n{fingerprint}".encode()).digest()
    return int.from_bytes(digest[:8], "big") % (MAX_SEED + 1)


def _replay(uow: UnitOfWork, task_id: str) -> CreateOutcome:
    task = uow.tasks.get(task_id)
    if task is None:  # the original was removed; nothing sensible to replay
        raise IdempotencyKeyReused("This Idempotency-Key belongs to a task that no longer exists.")
    return CreateOutcome(task, replayed=True)


def create_task(
    ctx: CreateContext,
    credential: Credential,
    body: object,
    request_id: str,
    idempotency_key: str | None,
) -> CreateOutcome:
    model_body, callback_fields = _split_callback(body)
    request = validate_create_body(model_body, ctx.routing.served_catalog())
    model = ctx.routing.served(request.model)
    if credential.models and model.id not in credential.models:
        raise ModelNotAllowed(
            f"This API key may not use model '{model.id}'.",
            param="model",
            allowed_models=list(credential.models),
        )
    if not ctx.routing.is_available(model.id, request.operation):
        raise UpstreamUnavailable(
            f"The backend serving model '{model.id}' is not available.",
            retryable=True,
        )
    fingerprint = body_fingerprint(body) if idempotency_key else ""
    if request.seed is None:
        # Fixed at create so that a retried attempt renders the very same song; derived
        # from the Idempotency-Key when there is one, so a replayed request is judged (and
        # would be rendered) exactly like the original.
        request = replace(request, seed=_seed_for(idempotency_key, fingerprint))
    check = ctx.request_checks.get(ctx.routing.provider_for(model.id, request.operation))
    if check is not None:
        check(request, model.duration.max if model.duration else _LONGEST_SONG_SECONDS)
    callback = _check_callback(ctx, callback_fields)
    if request.audio_url is not None:
        request = _with_audio(ctx, credential, request)
    price = estimate(model, request.operation)
    try:
        return _insert(
            ctx,
            credential,
            request,
            request_id,
            idempotency_key,
            fingerprint,
            price,
            model.time_limit_seconds,
            callback,
        )
    except _LostIdempotencyRace:
        with ctx.uow_factory(read_only=True) as uow:
            assert idempotency_key is not None
            found = uow.idempotency.find(credential.id, idempotency_key, 0.0)
            if found is None or found[0] != fingerprint:
                raise IdempotencyKeyReused(
                    "This Idempotency-Key was already used with a different request body.",
                    param="Idempotency-Key",
                ) from None
            return _replay(uow, found[1])


def _with_audio(
    ctx: CreateContext, credential: Credential, request: GenerationRequest
) -> GenerationRequest:
    """Fetches (or finds) and checks the caller's audio now, before anything is reserved."""
    assert request.audio_url is not None
    if ctx.audio is None:
        raise UpstreamUnavailable("Uploaded audio is not accepted here.", retryable=False)
    upload = resolve_audio_url(ctx.audio, credential, request.audio_url)
    if request.operation == UPLOAD_EXTEND and (request.continue_at or 0) > upload.duration:
        raise InvalidParameter(
            f"'continue_at' must be at most the audio's duration ({upload.duration:.2f} s).",
            param="continue_at",
        )
    return replace(request, audio_file_id=upload.id)


def _insert(
    ctx: CreateContext,
    credential: Credential,
    request: GenerationRequest,
    request_id: str,
    idempotency_key: str | None,
    fingerprint: str,
    price: Decimal,
    time_limit: float,
    callback: Callback | None = None,
) -> CreateOutcome:
    now = ctx.clock.now()
    with ctx.uow_factory() as uow:
        if idempotency_key:
            found = uow.idempotency.find(
                credential.id, idempotency_key, now - IDEMPOTENCY_WINDOW_SECONDS
            )
            if found is not None:
                if found[0] != fingerprint:
                    raise IdempotencyKeyReused(
                        "This Idempotency-Key was already used with a different request body.",
                        param="Idempotency-Key",
                    )
                return _replay(uow, found[1])
        _check_continuation(uow, credential, request)
        in_flight_limit = credential.max_in_flight or ctx.max_in_flight
        if uow.keys.in_flight(credential.id) >= in_flight_limit:
            raise RateLimited(
                f"This key already has {in_flight_limit} tasks pending or processing; "
                "wait for one to finish.",
                headers={"Retry-After": "5"},
                retryable=True,
                retry_after=5,
            )
        task = Task(
            id=new_task_id(),
            organisation_id=credential.organisation_id,
            api_key_id=credential.id,
            model=request.model,
            action=request.action,
            status=TaskStatus.PENDING,
            stage=Stage.QUEUED,
            progress=0,
            request=request.to_dict(),
            request_id=request_id,
            created=now,
            updated=now,
            reserved_amount=price,
            user=request.user,
            max_attempts=ctx.max_attempts,
            time_limit_seconds=time_limit,
            available_at=now,
        )
        uow.tasks.insert(task)
        if callback is not None:
            uow.webhooks.set_callback(task.id, callback.url, callback.events)
        uow.ledger.reserve(credential.organisation_id, credential.id, price)
        uow.jobs.enqueue(task.id)
        if idempotency_key and not uow.idempotency.remember(
            credential.id, idempotency_key, fingerprint, task.id, now
        ):
            raise _LostIdempotencyRace
        uow.commit()
    return CreateOutcome(task, replayed=False)
