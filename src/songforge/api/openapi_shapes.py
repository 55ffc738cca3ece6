"""Response shapes of the catalogue, pricing and management routes, for the OpenAPI document.

They follow TokenLab's OpenAPI (v0.6.14) schemas of the same names (`ModelListItem`,
`CompactModelsResponse`, `Model`, `PricingResponse`, `ManagementUsageResponse`, …) and add
songforge's own fields where those schemas allow extras. Only descriptions: the presenters
in catalog_presenters.py and management_presenters.py build the bodies, and the tests check
real bodies against this document.
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

_MONEY = r"^\d+\.\d{4}$"


class _Exact(BaseModel):
    model_config = ConfigDict(extra="forbid")


class _Open(BaseModel):
    model_config = ConfigDict(extra="allow")


# -- catalogue ---------------------------------------------------------------------------


class Lifecycle(_Exact):
    stage: Literal["active", "preview", "deprecated", "retired"]
    reason: str | None
    replacement_model: str | None
    released_at: str | None = Field(json_schema_extra={"format": "date-time"})
    deprecated_at: str | None
    retired_at: str | None
    sunset_at: str | None
    latest: bool
    latest_source: Literal["auto", "override", "none"]
    latest_window_days: int | None


class Commercial(_Exact):
    user_charge_policy: Literal["paid", "free"]
    free_reason: Literal["platform", "promotion"] | None
    free_until: str | None


class BadgeTooltip(_Exact):
    key: str
    values: dict[str, str]


class Badge(_Exact):
    key: Literal["free", "latest", "preview", "deprecated", "retired"]
    tone: Literal["green", "blue", "amber", "red", "slate"]
    priority: int
    tooltip: BadgeTooltip


class OperationPrice(_Exact):
    price: float = Field(description="USD per request.")
    price_decimal: str = Field(pattern=_MONEY)


class PricingSummary(_Exact):
    unit: Literal["request"]
    currency: Literal["USD"]
    per_request: str | None = Field(None, description="When every operation costs the same.")
    min_price: str | None = None
    max_price: str | None = None


class RequestFormatSummary(_Exact):
    public_operations: list[str]
    request_endpoint: str
    request_endpoint_by_operation: dict[str, str]


class ListTokenLab(_Exact):
    """Exactly the keys TokenLab's `ModelListTokenLabExtension` allows."""

    aliases: list[str]
    pricing: dict[str, OperationPrice] = Field(description="Price of each operation.")
    capabilities: list[str]
    providers: list[str] = Field(description="The public provider (owned_by).")
    max_input_tokens: None
    max_output_tokens: None
    category: Literal["music"]
    pricing_unit: Literal["request"]
    has_complex_pricing: bool
    pricing_summary: PricingSummary
    lifecycle: Lifecycle
    commercial: Commercial
    badges: list[Badge]
    request_format_summary: RequestFormatSummary


class ModelListItem(_Exact):
    id: str
    object: Literal["model"]
    created: int
    owned_by: str
    tokenlab: ListTokenLab


class ModelList(_Exact):
    """`view=full` (the default)."""

    object: Literal["list"]
    data: list[ModelListItem]


class CompactPricing(_Exact):
    unit: Literal["request"]
    currency: Literal["USD"]
    per_request: str | None = None
    min_price: str | None = None
    max_price: str | None = None
    has_complex_pricing: bool


class Recommendation(_Exact):
    preferred_rank: int | None
    success_rate_24h: float | None
    sample_count_24h: int
    status: Literal["ready", "insufficient_samples"]


class CompactModel(_Exact):
    id: str
    provider: str
    category: Literal["music"]
    capabilities: list[str]
    max_input_tokens: None
    max_output_tokens: None
    pricing: CompactPricing
    status: str
    latest: bool
    supported_operations: list[str]
    request_endpoint: str
    recommendation: Recommendation | None = Field(None, description="With recommended_for.")


class CompactModelList(_Exact):
    """`view=compact`."""

    object: Literal["list"]
    view: Literal["compact"]
    count: int = Field(ge=0)
    data: list[CompactModel]


class OperationConstraint(_Exact):
    operation: str
    request_endpoint: str
    status_mode: str
    supported_parameters: list[str]
    required_selectors: list[str]
    optional_selectors: list[str]


class DurationLimits(_Exact):
    min: float
    max: float
    default: float


class RequestFormatDetails(_Open):
    public_operations: list[str]
    request_endpoint: str
    request_endpoint_by_operation: dict[str, str]
    supported_parameters: list[str]
    lyrics_parameters: list[str]
    required_selectors: list[str]
    optional_selectors: list[str]
    status_mode: str
    fallback_status_endpoints: list[str]
    service_limits: dict[str, int]
    prompt_max_chars: int
    documented_inputs: list[str]
    documented_outputs: list[str]
    operation_constraints: list[OperationConstraint]
    notes: list[str]
    mv: list[str] | None = Field(None, description="Every accepted model version.")
    mv_served_as: dict[str, str] | None = Field(
        None, description="Accepted versions the backend lacks -> the version serving them."
    )
    duration: DurationLimits | None = Field(None, description="Seconds.")


class DetailTokenLab(ListTokenLab):
    model_config = ConfigDict(extra="allow")

    description: str
    recommended_for: list[str]
    supported_operations: list[str]
    accepted_request_formats: list[str]
    request_format_details: RequestFormatDetails


class ModelDetail(_Exact):
    id: str
    object: Literal["model"]
    created: int
    owned_by: str
    tokenlab: DetailTokenLab


class ModelPricing(_Open):
    object: Literal["model.pricing"]
    model: str
    currency: Literal["USD"]
    pricing_unit: Literal["request"]
    has_complex_pricing: bool
    supported_operations: list[str]
    pricing_summary: PricingSummary
    pricing_provenance: dict[str, Any]
    pricing_details: dict[str, Any]
    scalar_pricing: dict[str, str]
    operations: dict[str, OperationPrice]


class PricingEntry(_Open):
    model: str
    provider: str
    is_lock_price: bool
    capabilities: list[str]
    aliases: list[str]
    input_per_1m_tokens: None
    output_per_1m_tokens: None
    lock_price_per_request: str | None = Field(description="The default operation's price.")
    has_complex_pricing: bool
    supported_operations: list[str]
    pricing_summary: PricingSummary
    operations: dict[str, OperationPrice]


class PricingList(_Exact):
    object: Literal["pricing"]
    updated_at: str = Field(json_schema_extra={"format": "date-time"})
    currency: Literal["USD"]
    data: list[PricingEntry]


# -- management --------------------------------------------------------------------------


class ApiKey(_Exact):
    object: Literal["api_key"]
    id: str
    name: str
    key_prefix: str
    status: Literal["active", "inactive", "revoked"]
    limit_amount: float | None
    limit_amount_decimal: str | None
    used_amount: float
    used_amount_decimal: str
    models: list[str]
    expires_at: str | None
    last_used_at: str | None
    created_at: str


class CreatedApiKey(ApiKey):
    key: str = Field(description="The secret, shown only here.")


class Pagination(_Exact):
    page: int
    limit: int
    total: int
    totalPages: int  # noqa: N815 - the contract's spelling


class ApiKeyList(_Exact):
    object: Literal["list"]
    data: list[ApiKey]
    pagination: Pagination


class Balance(_Exact):
    object: Literal["organization_balance"]
    organization_id: str
    balance: float
    balance_decimal: str
    total_recharge: float
    total_recharge_decimal: str
    total_used: float
    total_used_decimal: str
    reserved: float
    reserved_decimal: str


class UsageItem(_Exact):
    object: Literal["usage_record"]
    id: str
    request_id: str | None
    task_id: str
    billing_transaction_id: str | None
    model: str
    logical_model: str
    model_vendor: str | None
    scene: str | None
    usage_unit: str
    usage_quantity: float
    usage_quantity_decimal: str
    prompt_tokens: int
    completion_tokens: int
    total_tokens: int
    cache_read_tokens: int
    cache_write_tokens: int
    cache_write_tokens_5m: int
    cache_write_tokens_1h: int
    cost: float
    cost_decimal: str
    status: str
    created_at: str


class UnitUsage(_Exact):
    usage_unit: str
    usage_quantity: float
    usage_quantity_decimal: str


class UsageSummary(_Exact):
    total_requests: int
    total_quantity: int
    total_cost: float
    total_cost_decimal: str
    total_prompt_tokens: int
    total_completion_tokens: int
    total_tokens: int
    usage_unit_breakdown: list[UnitUsage]


class VendorRow(_Exact):
    model_vendor: str
    requests: int
    cost: float
    cost_decimal: str


class ModelRow(_Exact):
    model: str
    logical_model: str
    model_vendor: str | None
    requests: int
    cost: float
    cost_decimal: str
    usage_quantity: float
    usage_quantity_decimal: str


class SceneRow(_Exact):
    scene: str | None
    requests: int
    cost: float
    cost_decimal: str


class DayRow(_Exact):
    date: str = Field(description="Midnight UTC of the day, RFC 3339.")
    requests: int
    cost: float
    cost_decimal: str


class Breakdowns(_Exact):
    by_model_vendor: list[VendorRow]
    by_model: list[ModelRow]
    by_logical_model: list[ModelRow]
    by_scene: list[SceneRow]
    daily_cost: list[DayRow]


class Usage(_Exact):
    object: Literal["api_key_usage"]
    api_key: ApiKey
    items: list[UsageItem]
    pagination: Pagination
    summary: UsageSummary
    breakdowns: Breakdowns


class Billing(_Exact):
    object: Literal["api_key_billing"]
    api_key: ApiKey
    summary: UsageSummary
    breakdowns: Breakdowns


# -- webhooks ----------------------------------------------------------------------------


class WebhookEndpoint(_Exact):
    id: str
    object: Literal["webhook_endpoint"]
    url: str
    events: list[str]
    status: Literal["enabled", "disabled"]
    description: str | None
    created: int = Field(description="Unix seconds.")
    updated: int


class WebhookEndpointWithSecret(WebhookEndpoint):
    secret: str = Field(pattern=r"^whsec_", description="Shown only here.")


class WebhookEndpointList(_Exact):
    object: Literal["list"]
    data: list[WebhookEndpoint]


class WebhookEndpointDeleted(_Exact):
    id: str
    object: Literal["webhook_endpoint"]
    deleted: Literal[True]


class WebhookSecret(_Exact):
    object: Literal["webhook_secret"]
    secret: str = Field(pattern=r"^whsec_")


class DeliveryAttempt(_Exact):
    attempt: int
    started_at: float = Field(description="Unix seconds.")
    status_code: int | None
    latency_ms: float | None
    error: str | None


class WebhookDelivery(_Exact):
    id: str
    object: Literal["webhook_delivery"]
    event_id: str
    event_type: str
    task_id: str
    url: str
    status: Literal["pending", "delivering", "succeeded", "failed"]
    attempts: int
    last_status_code: int | None
    last_latency_ms: float | None
    last_error: str | None
    next_attempt_at: int | None
    created: int
    delivered_at: int | None
    attempt_history: list[DeliveryAttempt]


class WebhookDeliveryList(_Exact):
    object: Literal["list"]
    data: list[WebhookDelivery]
    total: int
    has_more: bool


# (method, path) -> (status, schema name or a oneOf of names, description)
RESPONSES: dict[tuple[str, str], tuple[str, tuple[type[BaseModel], ...], str]] = {
    ("get", "/v1/models"): (
        "200",
        (ModelList, CompactModelList),
        "view=full (default) or view=compact",
    ),
    ("get", "/v1/models/{model_id}"): ("200", (ModelDetail,), "The model and its contract"),
    ("get", "/v1/models/{model_id}/pricing"): ("200", (ModelPricing,), "The model's prices"),
    ("get", "/v1/pricing"): ("200", (PricingList,), "Every listed model's prices"),
    ("get", "/v1/management/balance"): ("200", (Balance,), "The organisation's balance"),
    ("get", "/v1/management/api-keys"): ("200", (ApiKeyList,), "A page of keys"),
    ("post", "/v1/management/api-keys"): ("201", (CreatedApiKey,), "The new key and its secret"),
    ("patch", "/v1/management/api-keys/{key_id}"): ("200", (ApiKey,), "The changed key"),
    ("get", "/v1/management/api-keys/{key_id}/usage"): ("200", (Usage,), "Records and totals"),
    ("get", "/v1/management/api-keys/{key_id}/billing"): ("200", (Billing,), "Totals"),
    ("post", "/v1/management/webhooks"): (
        "201",
        (WebhookEndpointWithSecret,),
        "The new endpoint and its signing secret",
    ),
    ("get", "/v1/management/webhooks"): ("200", (WebhookEndpointList,), "Every endpoint"),
    ("get", "/v1/management/webhooks/callback-secret"): (
        "200",
        (WebhookSecret,),
        "The callback signing secret",
    ),
    ("post", "/v1/management/webhooks/callback-secret/rotate"): (
        "200",
        (WebhookSecret,),
        "The new callback signing secret",
    ),
    ("get", "/v1/management/webhooks/{endpoint_id}"): ("200", (WebhookEndpoint,), "The endpoint"),
    ("patch", "/v1/management/webhooks/{endpoint_id}"): (
        "200",
        (WebhookEndpoint,),
        "The changed endpoint",
    ),
    ("delete", "/v1/management/webhooks/{endpoint_id}"): (
        "200",
        (WebhookEndpointDeleted,),
        "The endpoint is gone",
    ),
    ("post", "/v1/management/webhooks/{endpoint_id}/rotate-secret"): (
        "200",
        (WebhookEndpointWithSecret,),
        "The endpoint and its new signing secret",
    ),
    ("get", "/v1/management/webhooks/{endpoint_id}/deliveries"): (
        "200",
        (WebhookDeliveryList,),
        "A page of deliveries, newest first",
    ),
    ("post", "/v1/management/webhooks/{endpoint_id}/deliveries/{delivery_id}/retry"): (
        "202",
        (WebhookDelivery,),
        "The delivery, queued again",
    ),
}


def _ref(name: str) -> dict[str, str]:
    return {"$ref": f"#/components/schemas/{name}"}


def describe_responses(document: dict[str, Any]) -> None:
    """Adds the shapes above to `document` (an OpenAPI dict) for the routes it serves."""
    schemas = document.setdefault("components", {}).setdefault("schemas", {})
    for (method, path), (status, models, description) in RESPONSES.items():
        operation = document.get("paths", {}).get(path, {}).get(method)
        if operation is None:
            continue
        for model in models:
            schema = model.model_json_schema(ref_template="#/components/schemas/{model}")
            schemas.update(schema.pop("$defs", {}))
            schemas[model.__name__] = schema
        refs = [_ref(m.__name__) for m in models]
        schema_ref = refs[0] if len(refs) == 1 else {"oneOf": refs}
        responses = operation.setdefault("responses", {})
        if status != "200":
            responses.pop("200", None)  # FastAPI's default for a route answering 201
        responses[status] = {
            "description": description,
            "content": {"application/json": {"schema": schema_ref}},
        }
