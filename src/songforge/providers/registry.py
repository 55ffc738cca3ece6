"""Providers by name, built lazily once per process (the engine's SoundFont loads once)."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING

from songforge.domain.catalog import (
    ADD_INSTRUMENTAL,
    OPERATION_CONTINUE,
    OPERATION_LYRICS,
    OPERATION_MUSIC,
    UPLOAD_COVER,
    UPLOAD_EXTEND,
    UPLOAD_OPERATIONS,
)
from songforge.domain.errors import UpstreamUnavailable
from songforge.domain.generation_request import GenerationRequest
from songforge.ports import Provider, RequestCheck
from songforge.settings import Settings

if TYPE_CHECKING:
    from songforge.providers.acestep import AceStepSettings

ProviderFactory = Callable[[Settings], Provider]


def _fake(settings: Settings) -> Provider:
    from songforge.providers.fake import FakeProvider

    return FakeProvider()


def _engine(settings: Settings) -> Provider:
    from songforge.providers.engine_provider import EngineProvider

    return EngineProvider()


def _lyricist(settings: Settings) -> Provider:
    from songforge.providers.chat_lyrics import ChatSettings
    from songforge.providers.lyricist_provider import LyricistProvider

    chat = None
    if settings.lyrics_api_base_url:
        chat = ChatSettings(
            base_url=settings.lyrics_api_base_url,
            api_key=settings.lyrics_api_key,
            model=settings.lyrics_api_model,
            timeout_seconds=settings.lyrics_api_timeout_seconds,
        )
    return LyricistProvider(chat)


def _upstream(settings: Settings) -> Provider:
    from songforge.providers.upstream import UpstreamProvider, UpstreamSettings

    assert settings.upstream_url is not None
    return UpstreamProvider(
        UpstreamSettings(
            base_url=settings.upstream_url,
            api_key=settings.upstream_api_key or "",
            timeout_seconds=settings.upstream_timeout_seconds,
            poll_initial_seconds=settings.upstream_poll_initial_seconds,
            poll_max_seconds=settings.upstream_poll_max_seconds,
            deadline_seconds=settings.upstream_deadline_seconds,
        )
    )


def acestep_settings(settings: Settings) -> AceStepSettings:
    from songforge.providers.acestep import AceStepSettings, parse_servers

    return AceStepSettings(
        servers=parse_servers(settings.acestep_url or ""),
        api_key=settings.acestep_api_key,
        max_in_flight=settings.acestep_max_in_flight,
        model=settings.acestep_model,
        timeout_seconds=settings.acestep_timeout_seconds,
        poll_initial_seconds=settings.acestep_poll_initial_seconds,
        poll_max_seconds=settings.acestep_poll_max_seconds,
        lost_after_seconds=settings.acestep_lost_after_seconds,
        unreachable_grace_seconds=settings.acestep_unreachable_grace_seconds,
    )


def _acestep(settings: Settings) -> Provider:
    from songforge.providers.acestep import AceStepProvider

    return AceStepProvider(acestep_settings(settings))


def configured_factories(settings: Settings) -> dict[str, ProviderFactory]:
    """The built-in providers plus the HTTP backends the operator configured."""
    factories = builtin_factories()
    if settings.upstream_url:
        factories["upstream"] = _upstream
    if settings.acestep_url:
        factories["acestep"] = _acestep
    return factories


def _engine_check(request: GenerationRequest, longest_duration: float) -> None:
    # Imported on first use: API processes that never see caller lyrics skip the engine.
    from songforge.providers.engine_checks import check_lyrics_fit

    check_lyrics_fit(request, longest_duration)


def builtin_checks() -> dict[str, RequestCheck]:
    return {"engine": _engine_check}


def builtin_factories() -> dict[str, ProviderFactory]:
    return {"fake": _fake, "engine": _engine, "lyricist": _lyricist}


_EVERY_OPERATION = frozenset({OPERATION_MUSIC, OPERATION_LYRICS, OPERATION_CONTINUE})
_EVERY_OPERATION |= UPLOAD_OPERATIONS


def builtin_capabilities() -> dict[str, frozenset[str]]:
    """The operations each backend can honour; a model's contract offers an operation only
    when every backend it is routed to is listed for it here."""
    return {
        "fake": _EVERY_OPERATION,
        # The engine continues its own clips; it does not take a caller's audio.
        "engine": frozenset({OPERATION_MUSIC, OPERATION_CONTINUE}),
        "lyricist": frozenset({OPERATION_LYRICS}),
        # A TokenLab-compatible API takes every operation of the contract as it is.
        "upstream": _EVERY_OPERATION,
    }


class ProviderRegistry:
    def __init__(self, settings: Settings, factories: dict[str, ProviderFactory] | None = None):
        self._settings = settings
        self._factories = factories if factories is not None else configured_factories(settings)
        self._built: dict[str, Provider] = {}
        self._checks = builtin_checks()
        self._capabilities = builtin_capabilities()
        if settings.acestep_url:
            # ACE-Step: text2music, repaint (continue, upload-extend) and cover on every
            # model; complete (add-instrumental) only on a base model.
            acestep = {OPERATION_MUSIC, OPERATION_CONTINUE, UPLOAD_EXTEND, UPLOAD_COVER}
            model = settings.acestep_model or ""
            if model and "turbo" not in model:
                acestep.add(ADD_INSTRUMENTAL)
            self._capabilities["acestep"] = frozenset(acestep)

    def capabilities(self) -> dict[str, frozenset[str]]:
        return dict(self._capabilities)

    def checks(self) -> dict[str, RequestCheck]:
        return dict(self._checks)

    def names(self) -> frozenset[str]:
        return frozenset(self._factories)

    def warm(self, names: Iterable[str] | None = None) -> None:
        """Builds the named providers (default: every one) now, so a worker's first task
        pays no loading time. A name without a factory is skipped."""
        for name in self._factories if names is None else names:
            if name in self._factories:
                self.get(name)

    def get(self, name: str) -> Provider:
        if name not in self._built:
            factory = self._factories.get(name)
            if factory is None:
                raise UpstreamUnavailable(f"No provider named '{name}' is configured.")
            self._built[name] = factory(self._settings)
        return self._built[name]
