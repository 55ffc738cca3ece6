"""Which models the catalogue and pricing routes list, under the filters TokenLab documents."""

from __future__ import annotations

from songforge.domain.catalog import Catalog, Model
from songforge.domain.errors import InvalidParameter
from songforge.services.provider_routing import ProviderRouting

# Every songforge model is in this category.
CATEGORY = "music"
# The filter values of TokenLab's OpenAPI (listModels, v0.6.14). A value outside them (and,
# for recommended_for, outside the catalogue's own uses such as "lyrics") is a 400 rather
# than an empty list, so a typo is not mistaken for "nothing matches".
CATEGORIES = (
    "chat",
    "embedding",
    "translation",
    "image",
    "video",
    "audio",
    "tts",
    "stt",
    "rerank",
    "3d",
    "music",
)
RECOMMENDED_FOR = (
    "image",
    "video",
    "music",
    "3d",
    "tts",
    "stt",
    "embedding",
    "rerank",
    "translation",
)
VIEWS = ("full", "compact")


def one_of(name: str, value: str | None, allowed: tuple[str, ...]) -> None:
    """Raises InvalidParameter (400, naming `name` and the allowed values) for another value."""
    if value is not None and value not in allowed:
        raise InvalidParameter(
            f"'{name}' must be one of: {', '.join(allowed)}.",
            param=name,
            allowed_values=list(allowed),
        )


def recommended_for_values(catalog: Catalog) -> tuple[str, ...]:
    """TokenLab's documented uses, then the catalogue's own (e.g. "lyrics")."""
    uses = {use for model in catalog for use in model.recommended_for}
    return (*RECOMMENDED_FOR, *sorted(uses - {*RECOMMENDED_FOR}))


def listed_models(
    routing: ProviderRouting,
    *,
    provider: str | None = None,
    tag: str | None = None,
    category: str | None = None,
    recommended_for: str | None = None,
) -> list[Model]:
    """The models this installation serves, in catalogue order: `provider` is the public
    provider (`owned_by`), `tag` a capability. Raises InvalidParameter for a `category` or
    `recommended_for` value nobody documents."""
    one_of("category", category, CATEGORIES)
    one_of("recommended_for", recommended_for, recommended_for_values(routing.catalog))
    if category is not None and category != CATEGORY:
        return []
    return [
        model
        for model in routing.served_catalog()
        if routing.listed(model)
        and (provider is None or model.owned_by == provider)
        and (tag is None or tag in model.capabilities)
        and (recommended_for is None or recommended_for in model.recommended_for)
    ]
