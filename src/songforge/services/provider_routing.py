"""Which backends serve a model's operation, in the operator's order, and the contract that
follows from them.

A model is served by the catalogue's provider unless the operator routes it
(`SONGFORGE_MODEL_PROVIDERS`: model id -> a backend name or an ordered list; the first healthy
one serves). A model's public contract keeps only the operations that every backend it may
land on can honour, so failing over never changes what a caller was promised.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace

from songforge.domain.catalog import (
    OPERATION_CONTINUE,
    OPERATION_LYRICS,
    UPLOAD_EXTEND,
    UPLOAD_OPERATIONS,
    Catalog,
    Model,
)

# What a backend can do when nobody said otherwise: the catalogue's own operations.
DEFAULT_CAPABILITIES = frozenset({"music", OPERATION_LYRICS, OPERATION_CONTINUE})


def _names(value: str | Sequence[str]) -> tuple[str, ...]:
    return (value,) if isinstance(value, str) else tuple(value)


@dataclass(frozen=True)
class ProviderRouting:
    catalog: Catalog
    available: frozenset[str]
    override: str | None = None
    per_model: Mapping[str, str | Sequence[str]] = field(default_factory=dict)
    # backend name -> the operations it can honour (music, lyrics, continue, upload-…)
    capabilities: Mapping[str, frozenset[str]] = field(default_factory=dict)

    def can(self, backend: str, operation: str) -> bool:
        return operation in self.capabilities.get(backend, DEFAULT_CAPABILITIES)

    def _listed(self, model_id: str, operation: str) -> tuple[str, ...]:
        if self.override:
            return (self.override,)
        catalogue_provider = self.catalog.get(model_id).operations[operation].provider
        listed = _names(self.per_model.get(model_id, ()))
        if not listed:
            return (catalogue_provider,)
        # Lyrics are text: a routed model whose audio backends write none keeps the
        # catalogue's writer for them.
        if operation == OPERATION_LYRICS and not all(self.can(n, operation) for n in listed):
            return (catalogue_provider,)
        return listed

    def candidates(self, model_id: str, operation: str) -> tuple[str, ...]:
        """The configured backends for this operation, in the order they are tried."""
        return tuple(n for n in self._listed(model_id, operation) if n in self.available)

    def provider_for(self, model_id: str, operation: str) -> str:
        """The first backend tried (its request check runs at create)."""
        found = self.candidates(model_id, operation)
        return found[0] if found else self._listed(model_id, operation)[0]

    def is_available(self, model_id: str, operation: str) -> bool:
        return bool(self.candidates(model_id, operation))

    def backends(self) -> list[str]:
        """Every configured backend some model's operation may be sent to, sorted."""
        names = {
            name
            for model in self.catalog
            for operation in model.operations
            for name in self.candidates(model.id, operation)
        }
        return sorted(names)

    def _honoured(self, model: Model, operation: str) -> bool:
        names = self.candidates(model.id, operation) or self._listed(model.id, operation)
        return all(self.can(name, operation) for name in names)

    def served(self, model_id: str) -> Model:
        """The model's contract as this installation serves it: only the operations all of
        its backends honour, and only the parameters those operations use.
        Raises ModelNotFound for an id outside the catalogue."""
        model = self.catalog.get(model_id)
        operations = {n: op for n, op in model.operations.items() if self._honoured(model, n)}
        hidden: set[str] = set()
        if not UPLOAD_OPERATIONS & set(operations):
            hidden |= {"audio_url", "audio_operation"}
        if OPERATION_CONTINUE not in operations:
            hidden.add("continue_clip_id")
            if UPLOAD_EXTEND not in operations:
                hidden.add("continue_at")
        return replace(
            model,
            operations=operations,
            parameters=tuple(p for p in model.parameters if p not in hidden),
        )

    def served_catalog(self) -> Catalog:
        return Catalog([self.served(model_id) for model_id in self.catalog.ids()])

    def listed(self, model: Model) -> bool:
        """Whether the public catalogue lists the model: some operation has a backend."""
        return any(self.is_available(model.id, name) for name in model.operations)
