"""TokenLab's published OpenAPI (v0.6.14, MIT; notice in tokenlab-openapi.LICENSE) as a test
oracle: the response schema of an operation and status, checked with JSON Schema 2020-12.

The file writes nullable types the 3.1 way (`type: ["string", "null"]`), so a 2020-12
validator reads it as written; `date-time` formats are checked (rfc3339-validator).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from jsonschema import Draft202012Validator, FormatChecker
from jsonschema.exceptions import ValidationError, best_match
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

SPEC_FILE = Path(__file__).with_name("tokenlab-openapi.json")
_URI = "urn:tokenlab-openapi"
_METHODS = ("get", "post", "put", "patch", "delete")


def _escape(token: str) -> str:
    return token.replace("~", "~0").replace("/", "~1")


@dataclass(frozen=True)
class Operation:
    operation_id: str
    method: str
    path: str
    responses: dict[str, Any]

    @property
    def path_pattern(self) -> str:
        """The path with its parameters blanked, to compare routes: /v1/models/{}."""
        return re.sub(r"\{[^}]+\}", "{}", self.path)


class VendorSchema:
    def __init__(self, document: dict[str, Any]) -> None:
        self.document = document
        resource = Resource.from_contents(document, default_specification=DRAFT202012)
        self._registry: Registry[Any] = Registry().with_resource(_URI, resource)
        self.operations = {
            op["operationId"]: Operation(op["operationId"], method, path, op.get("responses", {}))
            for path, item in document["paths"].items()
            for method, op in item.items()
            if method in _METHODS
        }

    def _pointer(self, pointer: str) -> Any:
        node: Any = self.document
        for token in pointer.strip("/").split("/"):
            node = node[token.replace("~1", "/").replace("~0", "~")]
        return node

    def response_pointer(self, operation_id: str, status: int) -> str | None:
        """Where the JSON schema of this response lives, or None when the vendor documents
        no body schema for it."""
        operation = self.operations[operation_id]
        if str(status) not in operation.responses:
            return None
        pointer = f"/paths/{_escape(operation.path)}/{operation.method}/responses/{status}"
        response = self._pointer(pointer)
        if "$ref" in response:
            pointer = response["$ref"].removeprefix("#")
            response = self._pointer(pointer)
        if "schema" not in response.get("content", {}).get("application/json", {}):
            return None
        return f"{pointer}/content/application~1json/schema"

    def request_pointer(self, operation_id: str) -> str:
        operation = self.operations[operation_id]
        return (
            f"/paths/{_escape(operation.path)}/{operation.method}"
            "/requestBody/content/application~1json/schema"
        )

    def errors(self, pointer: str, instance: Any) -> list[str]:
        """Every way `instance` breaks the schema at `pointer`, as readable lines."""
        validator = Draft202012Validator(
            {"$ref": f"{_URI}#{pointer}"},
            registry=self._registry,
            format_checker=FormatChecker(),
        )
        lines = []
        for error in sorted(validator.iter_errors(instance), key=lambda e: list(e.path)):
            # A oneOf miss says little by itself: show each branch's closest complaint.
            branches: dict[Any, list[ValidationError]] = {}
            for sub in error.context or ():
                branches.setdefault(sub.relative_schema_path[0], []).append(sub)
            for found in [best_match(b) for b in branches.values()] or [error]:
                where = "/".join(map(str, found.absolute_path)) or "<root>"
                lines.append(f"{where}: {found.message}")
        return lines

    def schema_errors(self, name: str, instance: Any) -> list[str]:
        return self.errors(f"/components/schemas/{name}", instance)


@cache
def vendor_schema() -> VendorSchema:
    return VendorSchema(json.loads(SPEC_FILE.read_text(encoding="utf-8")))
