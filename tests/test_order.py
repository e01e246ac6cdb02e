"""Definition order (generator/ir/order.py) on real botocore models: every definition comes after the ones it
uses, except where a cycle of recursive shapes makes that impossible, and cycles are broken the same way
whatever order the parser hands the definitions over in. Each test fails in seconds, naming the definitions.
"""

from __future__ import annotations

import random
from functools import lru_cache

import pytest

from generator.ir.defs import TypeDef
from generator.ir.order import dependency_order
from generator.ir.package import ServicePackage
from generator.ir.types import Module
from generator.parse.package import build_package
from generator.parse.source import BotocoreData

# sagemaker-edge has no recursive shape; acm's CertificateFilterStatement names only itself; ce, emr and
# dynamodb have a cycle through a Union alias, wafv2 ten through its nested Statement structures
_SERVICES = ("sagemaker-edge", "acm", "ce", "emr", "dynamodb", "wafv2")
_RECURSIVE = ("ce", "emr", "dynamodb", "wafv2")


@lru_cache(maxsize=None)
def _package(service: str) -> ServicePackage:
    return build_package(BotocoreData().load(service))


def _uses(definition: TypeDef, names: set[str]) -> set[str]:
    """The other type_defs definitions `definition` names."""
    found = {
        ref.name for expr in definition.type_exprs() for ref in expr.refs() if ref.module is Module.TYPE_DEFS
    }
    return (found & names) - {definition.name}


def _reaches(start: str, goal: str, uses: dict[str, set[str]]) -> bool:
    seen, todo = set(), [start]
    while todo:
        name = todo.pop()
        if name == goal:
            return True
        if name not in seen:
            seen.add(name)
            todo.extend(uses[name])
    return False


def _forward_references(package: ServicePackage) -> list[tuple[str, str]]:
    """(definition, the later definition it uses), in definition order."""
    names = {definition.name for definition in package.type_defs}
    position = {definition.name: index for index, definition in enumerate(package.type_defs)}
    return [
        (definition.name, used)
        for definition in package.type_defs
        for used in sorted(_uses(definition, names))
        if position[used] > position[definition.name]
    ]


@pytest.mark.parametrize("service", _SERVICES)
def test_each_definition_is_placed_once(service: str) -> None:
    names = [definition.name for definition in _package(service).type_defs]
    twice = sorted({name for name in names if names.count(name) > 1})
    assert not twice, f"{service}: placed more than once: {', '.join(twice)}"


@pytest.mark.parametrize("service", _SERVICES)
def test_definitions_come_after_what_they_use_unless_a_cycle_leads_back(service: str) -> None:
    package = _package(service)
    names = {definition.name for definition in package.type_defs}
    uses = {definition.name: _uses(definition, names) for definition in package.type_defs}
    unexcused = [
        f"{name} uses {used}, defined after it, and {used} does not lead back to {name}"
        for name, used in _forward_references(package)
        if not _reaches(used, name, uses)
    ]
    assert not unexcused, f"{service}: " + "; ".join(unexcused[:5])


@pytest.mark.parametrize("service", _RECURSIVE)
def test_recursive_services_do_have_a_cycle_to_break(service: str) -> None:
    # else the two tests around this one would prove nothing about cycles
    assert _forward_references(_package(service)), f"{service}: no forward reference, so no cycle was broken"


@pytest.mark.parametrize("service", _SERVICES)
def test_the_order_does_not_depend_on_the_order_definitions_arrive_in(service: str) -> None:
    placed = _package(service).type_defs
    for seed in range(5):
        shuffled = list(placed)
        random.Random(seed).shuffle(shuffled)
        again = dependency_order(shuffled)
        moved = [
            f"#{index}: {a.name} became {b.name}" for index, (a, b) in enumerate(zip(placed, again)) if a != b
        ]
        assert not moved, f"{service}, input shuffled with seed {seed}: " + "; ".join(moved[:5])
