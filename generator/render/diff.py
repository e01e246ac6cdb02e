"""A diff report → text, markdown (through templates/diff/) or JSON; the words for each kind of change."""

from __future__ import annotations

import json

from ..diff.changes import Change, Report, ServiceChanges
from ..ir.records import record
from .environment import environment

# what each kind of change (diff/compare.py) says, with its subject and detail
_PHRASES = {
    "removed": "removed",
    "added": "added",
    "kind-changed": "is now another kind of definition ({detail})",
    "key-removed": "key {subject} removed",
    "key-added-required": "required key {subject} added ({detail})",
    "key-added-optional": "key {subject} added ({detail})",
    "key-required": "key {subject} became required",
    "key-not-required": "key {subject} became NotRequired",
    "key-type": "key {subject}: {detail}",
    "type": "{detail}",
    "literal-values-added": "{where}Literal values added: {detail}",
    "literal-values-removed": "{where}Literal values removed: {detail}",
    "method-removed": "method {subject} removed",
    "method-added": "method {subject} added",
    "overload-removed": "overload of {subject} removed: {detail}",
    "overload-added": "overload of {subject} added: {detail}",
    "parameter-removed": "parameter {subject} removed",
    "parameter-added-required": "required parameter {subject} added",
    "parameter-added-optional": "parameter {subject} added",
    "parameter-required": "parameter {subject} became required",
    "parameter-optional": "parameter {subject} became optional",
    "parameter-kind": "parameter {subject}: {detail}",
    "parameter-type": "parameter {subject}: {detail}",
    "return-type": "{subject}() returns: {detail}",
    "attribute-removed": "attribute {subject} removed",
    "attribute-added": "attribute {subject} added",
    "attribute-type": "attribute {subject}: {detail}",
    "docstring": "docstring changed{of}",
}


def describe(change: Change) -> str:
    return f"{change.name}: {change_words(change)}"


def change_words(change: Change) -> str:
    """What happened to the change's name, its name aside."""
    return _PHRASES[change.kind].format(
        subject=change.subject,
        detail=change.detail,
        where=f"{change.subject}: " if change.subject else "",
        of=f" ({change.subject})" if change.subject else "",
    )


@record
class _ServiceView:
    """One service's part of the report: its heading and its changes as lines."""

    title: str
    breaking: list[str]
    compatible: list[str]


def _title(service: ServiceChanges) -> str:
    versions = f"{service.old_version or 'absent'} → {service.new_version or 'absent'}"
    return f"{service.service} ({versions})"


# the heading of the changes of the names every package shares (diff/compare.py SHARED), listed once
SHARED_TITLE = "every package (the services botocore knows)"


def grouped(report: Report) -> list[tuple[str, ServiceChanges]]:
    """The groups a report lists, each under its title: the names every package shares, then each service
    with changes (each group lists its breaking changes, then its compatible ones)."""
    shared = [(SHARED_TITLE, ServiceChanges(SHARED_TITLE, "", "", report.shared))] if report.shared else []
    return shared + [(_title(service), service) for service in report.services if service.changes]


def _views(report: Report) -> list[_ServiceView]:
    return [_ServiceView(title, *_lines(service)) for title, service in grouped(report)]


def _lines(service: ServiceChanges) -> tuple[list[str], list[str]]:
    return [describe(change) for change in service.breaking], [describe(change) for change in service.compatible]


def render_text(report: Report) -> str:
    template = environment().get_template("diff/report.txt.jinja")
    return template.render(services=_views(report), summary=report.summary())


def render_markdown(report: Report) -> str:
    template = environment().get_template("diff/report.md.jinja")
    return template.render(services=_views(report), summary=report.summary())


def render_json(report: Report) -> str:
    document = {
        "summary": {
            "breaking": report.breaking_count,
            "compatible": report.compatible_count,
            "breaking_services": report.breaking_services,
        },
        "services": [
            {
                "service": service.service,
                "old_version": service.old_version,
                "new_version": service.new_version,
                "changes": [_change(change) for change in service.changes],
            }
            for service in report.services
        ],
        "shared": [_change(change) for change in report.shared],
    }
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"


def _change(change: Change) -> dict[str, str]:
    return {
        "name": change.name,
        "kind": change.kind,
        "verdict": change.verdict.value,
        "subject": change.subject,
        "detail": change.detail,
        "text": describe(change),
    }
