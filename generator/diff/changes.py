"""The comparer's result: changes with a verdict for user code, as plain dataclasses."""

from __future__ import annotations

import enum
from dataclasses import dataclass, field


class Verdict(enum.Enum):
    BREAKING = "breaking"
    COMPATIBLE = "compatible"


@dataclass(frozen=True, order=True)
class Change:
    """One change of one public name (`subject` narrows it: a key, a method, a parameter)."""

    name: str  # type_defs.GetObjectRequestTypeDef
    kind: str  # removed, added, key-required, literal-value-added, ... (see compare.py)
    verdict: Verdict = field(compare=False)
    subject: str = ""  # the key, method or parameter the change is about
    detail: str = ""  # old → new, or the values added/removed


@dataclass
class ServiceChanges:
    """One service's changes between two generations, and the versions it had."""

    service: str
    old_version: str  # "" when the service is new
    new_version: str  # "" when the service is gone
    changes: list[Change] = field(default_factory=list)

    @property
    def breaking(self) -> list[Change]:
        return [change for change in self.changes if change.verdict is Verdict.BREAKING]

    @property
    def compatible(self) -> list[Change]:
        return [change for change in self.changes if change.verdict is Verdict.COMPATIBLE]


@dataclass
class Report:
    """Every service's changes, and those of the names all packages share, counted once."""

    services: list[ServiceChanges]
    shared: list[Change] = field(default_factory=list)  # of the names every package shares, counted once

    @property
    def shared_breaking(self) -> list[Change]:
        return [change for change in self.shared if change.verdict is Verdict.BREAKING]

    @property
    def breaking_count(self) -> int:
        return len(self.shared_breaking) + sum(len(service.breaking) for service in self.services)

    @property
    def compatible_count(self) -> int:
        return len(self.shared) - len(self.shared_breaking) + sum(len(s.compatible) for s in self.services)

    @property
    def breaking_services(self) -> int:
        return sum(1 for service in self.services if service.breaking)

    def summary(self) -> str:
        shared = " and in every package's service names" if self.shared_breaking else ""
        return (
            f"{self.breaking_count} breaking changes in {self.breaking_services} services{shared}, "
            f"{self.compatible_count} compatible"
        )
