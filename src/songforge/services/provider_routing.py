"""Which provider serves a model's operation: the catalogue's choice, unless the operator says."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from songforge.domain.catalog import Catalog


@dataclass(frozen=True)
class ProviderRouting:
    catalog: Catalog
    available: frozenset[str]
    override: str | None = None
    per_model: Mapping[str, str] = field(default_factory=dict)

    def provider_for(self, model_id: str, operation: str) -> str:
        if self.override:
            return self.override
        if model_id in self.per_model:
            return self.per_model[model_id]
        return self.catalog.get(model_id).operations[operation].provider

    def is_available(self, model_id: str, operation: str) -> bool:
        return self.provider_for(model_id, operation) in self.available
