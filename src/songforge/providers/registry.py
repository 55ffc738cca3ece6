"""Providers by name, built lazily once per process (the engine's SoundFont loads once)."""

from __future__ import annotations

from collections.abc import Callable

from songforge.domain.errors import UpstreamUnavailable
from songforge.domain.generation_request import GenerationRequest
from songforge.ports import Provider, RequestCheck
from songforge.settings import Settings

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


def _engine_check(request: GenerationRequest, longest_duration: float) -> None:
    # Imported on first use: API processes that never see caller lyrics skip the engine.
    from songforge.providers.engine_checks import check_lyrics_fit

    check_lyrics_fit(request, longest_duration)


def builtin_checks() -> dict[str, RequestCheck]:
    return {"engine": _engine_check}


def builtin_factories() -> dict[str, ProviderFactory]:
    return {"fake": _fake, "engine": _engine, "lyricist": _lyricist}


class ProviderRegistry:
    def __init__(self, settings: Settings, factories: dict[str, ProviderFactory] | None = None):
        self._settings = settings
        self._factories = factories if factories is not None else builtin_factories()
        self._built: dict[str, Provider] = {}
        self._checks = builtin_checks()

    def checks(self) -> dict[str, RequestCheck]:
        return dict(self._checks)

    def names(self) -> frozenset[str]:
        return frozenset(self._factories)

    def warm(self) -> None:
        """Builds every provider now, so a worker's first task pays no loading time."""
        for name in self._factories:
            self.get(name)

    def get(self, name: str) -> Provider:
        if name not in self._built:
            factory = self._factories.get(name)
            if factory is None:
                raise UpstreamUnavailable(f"No provider named '{name}' is configured.")
            self._built[name] = factory(self._settings)
        return self._built[name]
