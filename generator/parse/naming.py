"""How a structure's name is spelt in its definitions' names, as the published packages spell it."""

from __future__ import annotations

from collections import Counter
from typing import Iterable, Optional

from botocore.model import OperationModel

from ..ir.defs import AliasDef
from ..ir.types import DefRef, Module
from .roles import Role
from .shape_traits import claim_name, has_members

# name suffixes tried in turn when a structure needs more than one TypedDict; a result shares its
# shape's plain name with a nested use only by taking `Response`, as the published packages name it
VARIANT_SUFFIXES = {
    Role.INPUT: ("Input", "Extra"),
    Role.OUTPUT: ("Output", "Extra"),
    Role.RESULT: ("Response", "Result", "Extra"),
}
# a structure's union of both sides; `XUnionExtra` where a shape is itself called XUnion (connect FieldValue)
UNION_SUFFIXES = ("Union", "UnionExtra")
# every suffix the rules above add to a shape's stem (README "Names that stay put"), longest first, so
# that a name ending in two of them (`XUnionExtra`) is read as the longer
_ADDED = {*UNION_SUFFIXES, *(suffix for tried in VARIANT_SUFFIXES.values() for suffix in tried)}
ADDED_SUFFIXES = tuple(sorted(_ADDED, key=lambda suffix: (-len(suffix), suffix)))


def definition_stem(shape_name: str) -> str:
    """`AbpV1_0_x` → `AbpV10X` (iotwireless): the published packages drop underscores, capitalising what follows."""
    head, *rest = shape_name.split("_")
    return head + "".join(part[:1].upper() + part[1:] for part in rest)


def variant_stem(shape_name: str) -> str:
    """The stem of a shape's `Output`, `Extra` and `Union` names: without a trailing `Output`, as published
    (securityhub `ExportOutput`'s nested output is `ExportExtraTypeDef`, its union `ExportUnionTypeDef`)."""
    return definition_stem(shape_name).removesuffix("Output")


class Spellings:
    """Claims definition names, and remembers the name ours gave each before the rules above respelt it
    (`AbpV1_0_xTypeDef`, `ExportOutputOutputTypeDef`), so that name stays importable as a deprecated alias."""

    def __init__(self, taken: set[str]) -> None:
        self._taken = taken
        self._respelt: list[tuple[str, tuple[str, ...], str]] = []
        self.previous: dict[str, str] = {}  # the former name: the name it is an alias of

    def claim(self, shape_name: str, stem: str, suffixes: tuple[str, ...]) -> str:
        name = claim_name(self._taken, stem, suffixes)
        if stem != shape_name:
            self._respelt.append((shape_name, suffixes, name))
        return name

    def published_result(self, shape_name: str, ours: str) -> Optional[str]:
        """The published name of a result ours suffix otherwise, if it is free: without a trailing `Output`
        (glacier `DescribeVaultOutput` → `DescribeVaultResponseTypeDef`), or `XResponseExtra` where another
        shape is `XResponse` (apigateway `Integration` → `IntegrationResponseExtraTypeDef`)."""
        for suffix in ("Response", "ResponseExtra"):
            candidate = f"{variant_stem(shape_name)}{suffix}TypeDef"
            if candidate == ours:
                return None
            if candidate not in self._taken:
                self._taken.add(candidate)
                return candidate
        return None

    def keep_previous(self) -> None:
        """Claim the former names, as the former rules claimed them, once every current name is claimed."""
        for shape_name, suffixes, name in self._respelt:
            self.previous[claim_name(self._taken, shape_name, suffixes)] = name

    def aliases(self) -> list[AliasDef]:
        return [AliasDef(old, DefRef(new, Module.TYPE_DEFS), deprecated=True) for old, new in self.previous.items()]


def request_names(operations: Iterable[OperationModel], elsewhere: set[str], taken: set[str]) -> dict[str, list[str]]:
    """A request shape's further published names, one per operation: `XRequestTypeDef`, `XRequestExtraTypeDef`,
    ... for its 2nd, 3rd... operation (rolesanywhere `ListRequest`), from its 1st where the shape is also used
    elsewhere, nested or as a result (redshift `PauseClusterMessage`, cognito-identity `IdentityPool`)."""
    uses: Counter[str] = Counter()
    names: dict[str, list[str]] = {}
    for operation in operations:
        if has_members(operation.input_shape):
            name = operation.input_shape.name
            extra = uses[name] - (name not in elsewhere)
            if extra >= 0:
                stem = f"{definition_stem(name)}Request{'Extra' * extra}"
                names.setdefault(name, []).append(claim_name(taken, stem, ("",)))
            uses[name] += 1
    return names
