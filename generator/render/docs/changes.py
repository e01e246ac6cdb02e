"""The changes page of a service (`generate --changes-since OLD`): what `diff OLD NEW` reports for it, grouped
as `diff --markdown` groups it, each name linked to its section where the service's new pages have one."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ...diff.changes import Change, ServiceChanges
from ...ir.records import record
from ..diff import change_words, grouped
from .methods import markdown_text

if TYPE_CHECKING:
    from ...diff.since import ChangesSince


@record
class ChangeEntry:
    """One line of the changes page: a name and what happened to it."""

    verdict: str  # breaking, compatible
    name: str  # markdown: the name as code, linked to its section where there is one
    words: str  # markdown: what happened to it


@record
class VerdictGroup:
    """The breaking or the compatible changes of one group."""

    title: str  # Breaking, Compatible
    entries: tuple[ChangeEntry, ...]


@record
class ChangeGroup:
    """The changes under one heading (a module's names, or the shared ones)."""

    title: str
    verdicts: tuple[VerdictGroup, ...]  # breaking first; a verdict without changes is left out


class ChangesPage:
    """Everything changes.md shows; `anchors` are the links DocsView.anchors() finds in the new pages."""

    def __init__(self, since: ChangesSince, anchors: dict[str, str]) -> None:
        self.new = since.new
        self.old_version = since.old_version
        self.new_version = since.new_version
        self.breaking, self.compatible = since.report.breaking_count, since.report.compatible_count
        self._anchors = anchors
        self.groups = tuple(self._group(title, service) for title, service in grouped(since.report))

    def _group(self, title: str, service: ServiceChanges) -> ChangeGroup:
        verdicts = (("Breaking", service.breaking), ("Compatible", service.compatible))
        groups = (VerdictGroup(name, tuple(self._entry(c) for c in changes)) for name, changes in verdicts if changes)
        return ChangeGroup(markdown_text(title), tuple(groups))

    def _entry(self, change: Change) -> ChangeEntry:
        # a change of a method (`get_object(Bucket)`) links to the method's section, where it has one
        method = f"{change.name}.{change.subject.partition('(')[0]}"
        href = self._anchors.get(method) or self._anchors.get(change.name)
        name = f"[`{change.name}`]({href})" if href else f"`{change.name}`"
        return ChangeEntry(change.verdict.value, name, markdown_text(change_words(change)))
