"""Botocore shapes into IR definitions: which structures each side of a call needs, their names and keys."""

from __future__ import annotations

from collections import Counter
from dataclasses import field
from typing import Callable, Iterable, Mapping, Optional

from botocore.model import ListShape, MapShape, OperationModel, ServiceModel, Shape, StructureShape

from ..ir import fixed
from ..ir.defs import AliasDef, Direction, Field, LiteralDef, TypedDictDef
from ..ir.family import BOTO3, Family
from ..ir.records import record
from ..ir.types import (
    ANY,
    BYTES,
    DATETIME,
    STR,
    DefRef,
    LiteralValues,
    Module,
    Subscript,
    TypeExpr,
    list_of,
    map_of,
    union,
)
from .errata import literal_erratum
from .shape_traits import (
    auto_filled,
    claim_name,
    deprecation_note,
    differs_by_direction,
    differs_in_published,
    has_members,
    cyclic_structures,
    held_by,
    is_document,
    is_json_header,
    is_streaming,
    member_enum_name,
    union_holders,
    SCALAR_TYPES,
    member_traits,
    structures_in,
)
from .naming import UNION_SUFFIXES, VARIANT_SUFFIXES, Spellings, definition_stem, request_names, variant_stem
from .roles import Role
from .text import plain_text
from .unreached import keep_unreached



@record
class BotocoreKeys:
    """Keys botocore's handlers and responses treat unlike the model: aliases.py, result_keys.py, handlers.py."""

    aliases: Mapping[str, Mapping[str, str]] = field(default_factory=dict)  # input shape: {member: key}
    left_out: Mapping[str, frozenset[str]] = field(default_factory=dict)  # result shape: NotRequired keys
    filled: frozenset[str] = frozenset()  # required keys botocore's handlers fill when left out: handlers.py


@record
class OperationTypes:
    """The request and result definitions of one operation (None where the operation has none)."""

    request: Optional[TypedDictDef]
    result: Optional[TypedDictDef]


class ShapeConverter:
    """Walks a service's operations and names one definition per structure and role."""

    def __init__(
        self,
        model: ServiceModel,
        input_members: Mapping[str, TypeExpr] | None = None,
        keys: BotocoreKeys = BotocoreKeys(),
        family: Family = BOTO3,
        previous: Mapping[str, Direction] | None = None,
    ) -> None:
        """`previous`: structures an earlier generation named (kept_names.previous_structures), each with its side."""
        self.model, self.family = model, family  # the family picks the classes its library's results are
        # string members botocore's handlers let callers pass as something richer (S3's CopySource dict)
        self._input_members = dict(input_members or {})
        self._keys = keys
        self._roles: dict[str, set[Role]] = {}
        self._shapes: dict[str, StructureShape] = {}
        self._enums: dict[str, Shape] = {}
        self._aliases: dict[str, AliasDef] = {}
        self._member_enums: dict[str, tuple[str, ...]] = {}
        for operation in self._operations():
            if has_members(operation.input_shape):
                self._mark(operation.input_shape, Role.INPUT)
            if operation.output_shape is not None:
                self._mark(operation.output_shape, Role.RESULT)
        self._unreached = keep_unreached(model, self._roles, previous or {}, self._mark)
        self._sensitive = self._direction_sensitive(differs_by_direction)
        # structures that some structure holds (directly or in a list or map)
        held = held_by(self._shapes.values())
        self._nested = held if keys.aliases else set()
        # shapes the published packages split because an empty structure is Mapping/dict there: ours keep
        # one TypedDict and export the published Output and Union names as aliases of it
        self._folded = {
            name
            for name in self._direction_sensitive(differs_in_published, cyclic_structures(self._shapes))
            - self._sensitive
            if {Role.INPUT, Role.OUTPUT} <= self._roles[name]
        }
        self._folded_names: dict[str, str] = {}
        self._union_names: dict[str, str] = {}
        self._taken = set(fixed.RESERVED_NAMES)
        self._published_results: dict[str, Optional[str]] = {}  # shape: the published name of its result
        self._spellings = Spellings(self._taken)
        self._enum_names: Optional[Counter[str]] = None
        self._names = self._assign_names()
        self._union_holders = union_holders(self._operations(), set(self._union_names))
        results = {name for name, roles in self._roles.items() if Role.RESULT in roles}
        self._shared_requests = request_names(self._operations(), held | results, self._taken)
        self._typed_dicts: dict[tuple[str, Role], TypedDictDef] = {}

    def _operations(self) -> Iterable[OperationModel]:
        for name in sorted(self.model.operation_names):
            yield self.model.operation_model(name)

    # usage ---------------------------------------------------------------------------------
    def _mark(self, shape: Shape, role: Role) -> None:
        if isinstance(shape, StructureShape) and not is_document(shape):
            roles = self._roles.setdefault(shape.name, set())
            if role in roles:
                return
            roles.add(role)
            self._shapes[shape.name] = shape
            nested = Role.INPUT if role is Role.INPUT else Role.OUTPUT
            for member in shape.members.values():
                self._mark(member, nested)
        elif isinstance(shape, ListShape):
            self._mark(shape.member, role)
        elif isinstance(shape, MapShape):
            self._mark(shape.key, role)
            self._mark(shape.value, role)
        elif getattr(shape, "enum", None) and self._member_enum(shape):
            values = getattr(shape, "enum")
            self._member_enums.setdefault(member_enum_name(values), tuple(sorted(set(values))))
        elif getattr(shape, "enum", None):
            self._enums[shape.name] = shape

    def _direction_sensitive(self, differs: Callable[[Shape], bool], seeds: Iterable[str] = ()) -> set[str]:
        """Structures whose input and output renderings differ (lists, maps, timestamps, blobs), or `seeds`."""
        sensitive = set(seeds) | {
            name for name, shape in self._shapes.items() if any(differs(member) for member in shape.members.values())
        }
        changed = True
        while changed:
            changed = False
            for name, shape in sorted(self._shapes.items()):
                if name not in sensitive and any(nested in sensitive for nested in structures_in(shape)):
                    sensitive.add(name)
                    changed = True
        return sensitive

    # names ---------------------------------------------------------------------------------
    def _variants(self, name: str) -> list[Role]:
        roles = self._roles[name]
        variants = [role for role in Role if role in roles]
        if Role.INPUT in roles and Role.OUTPUT in roles and name not in self._sensitive:
            variants.remove(Role.OUTPUT)  # one definition serves both sides
        return variants

    def _assign_names(self) -> dict[tuple[str, Role], str]:
        """One name per (structure, role) variant, plus `XUnion` for those with two sides."""
        taken, spell = self._taken, self._spellings.claim
        names: dict[tuple[str, Role], str] = {}
        pending = sorted((name, self._variants(name)) for name in self._roles)
        # plain names first, so that a shape called FooOutput keeps FooOutputTypeDef
        for name, variants in pending:
            if f"{definition_stem(name)}TypeDef" not in taken:
                names[(name, variants[0])] = spell(name, definition_stem(name), ("",))
        for name, variants in pending:
            for role in variants:
                if (name, role) not in names:
                    stem = variant_stem(name) if role is Role.OUTPUT else definition_stem(name)
                    names[(name, role)] = spell(name, stem, VARIANT_SUFFIXES[role])
            if name in self._folded:
                self._folded_names[name] = spell(name, variant_stem(name), VARIANT_SUFFIXES[Role.OUTPUT])
        for name, variants in pending:
            if (Role.INPUT in variants and Role.OUTPUT in variants) or name in self._folded:
                # published: XUnionExtraTypeDef when a shape is itself called XUnion (connect FieldValue)
                self._union_names[name] = spell(name, variant_stem(name), UNION_SUFFIXES)
        self._spellings.keep_previous()
        for name, variants in pending:
            ours = names.get((name, Role.RESULT), "")
            if ours and ours != f"{definition_stem(name)}TypeDef":
                self._published_results[name] = self._spellings.published_result(name, ours)
        return names

    def structures(self) -> Mapping[str, StructureShape]:
        """Every structure an operation uses, by name."""
        return self._shapes

    def alias_for_paginator(self, shape_name: str, roles: set[Role]) -> None:
        """Export the published `XPaginator…TypeDef` names of a structure as aliases of its definitions."""
        shape, stem = self._shapes[shape_name], f"{definition_stem(shape_name)}Paginator"
        first = Role.RESULT if Role.RESULT in roles else Role.INPUT if Role.INPUT in roles else Role.OUTPUT
        self._alias(AliasDef(self.claim(stem, ("",)), self._typed_dict(shape, first).ref))
        if first is Role.INPUT and Role.OUTPUT in roles and shape_name in self._union_names:
            output = self._typed_dict(shape, Role.OUTPUT).ref
            self._alias(AliasDef(self.claim(stem, VARIANT_SUFFIXES[Role.OUTPUT]), output))
            union_ref = DefRef(self._union_names[shape_name], Module.TYPE_DEFS)
            self._alias(AliasDef(self.claim(stem, UNION_SUFFIXES), union_ref))

    def claim(self, name: str, suffixes: Iterable[str]) -> str:
        """A definition name no other definition of the package has: `{name}{suffix}TypeDef`."""
        return claim_name(self._taken, name, suffixes)

    def member_type(self, shape: Shape, direction: Direction) -> TypeExpr:
        """How a shape is written on one side of a call (resource attributes, DynamoDB's Table variants)."""
        return self._type(shape, direction)

    def _variant(self, shape_name: str, role: Role) -> Role:
        """The role whose definition serves `role` (input and output share one when equal)."""
        variants = self._variants(shape_name)
        return role if role in variants else variants[0]

    def _name(self, shape_name: str, role: Role) -> str:
        return self._names[(shape_name, self._variant(shape_name, role))]

    # definitions ---------------------------------------------------------------------------
    def operation_types(self, operation: OperationModel) -> OperationTypes:
        request = None
        if has_members(operation.input_shape):
            request = self._typed_dict(operation.input_shape, Role.INPUT)
        result = None
        if operation.output_shape is not None:
            result = self._typed_dict(operation.output_shape, Role.RESULT)
        return OperationTypes(request, result)

    def definitions(self) -> list[TypedDictDef | AliasDef]:
        for name in sorted(self._roles):
            for role in self._variants(name):
                self._typed_dict(self._shapes[name], role)
        for name in sorted(self._folded):
            self._folded_aliases(self._shapes[name])
        # every union an input structure holds stays exported, as when each such place wrote it
        inputs = (shape for name, shape in self._shapes.items() if Role.INPUT in self._roles[name])
        for name in sorted(held_by(inputs) & set(self._union_names) - self._folded):
            self._union(self._shapes[name])
        for name, aliases in sorted(self._shared_requests.items()):
            for alias in aliases:
                self._alias(AliasDef(alias, self._typed_dict(self._shapes[name], Role.INPUT).ref))
        for name, published in sorted(self._published_results.items()):
            if published:
                self._alias(AliasDef(published, self._typed_dict(self._shapes[name], Role.RESULT).ref))
        defs: list[TypedDictDef | AliasDef] = list(self._typed_dicts.values())
        defs.extend(self._aliases.values())
        defs.extend(self._spellings.aliases())
        return defs

    def literals(self) -> list[LiteralDef]:
        """Every enum of the model, used by an operation or not: the published packages export them all."""
        enums = {**self._model_enums(), **self._enums}
        named = []
        for name, shape in sorted(enums.items()):
            values = tuple(sorted(set(getattr(shape, "enum", ()))))
            erratum = literal_erratum(self.model.service_name, name, values)
            named.append(LiteralDef(self._literal_name(name), values, erratum=erratum))
        taken = {literal.name for literal in named}
        named += [LiteralDef(name, values) for name, values in self._member_enums.items() if name not in taken]
        return sorted(named, key=lambda literal: literal.name)

    def _model_enums(self) -> dict[str, Shape]:
        enums = {}
        for name in self.model.shape_names:
            shape = self.model.shape_for(name)
            if shape.type_name == "string" and getattr(shape, "enum", None):
                enums[name] = shape
        return enums

    def _member_enum(self, shape: Shape) -> bool:
        """An enum a member declares on a plain shape (apigatewayv2's `__string`): no alias names it."""
        own = getattr(self.model.shape_for(shape.name), "enum", None)
        return list(own or ()) != list(getattr(shape, "enum", ()))

    def _literal_name(self, shape_name: str) -> str:
        """ScopeType for the enum `scope`, as published, unless an enum `Scope` claims that name too."""
        # a leading underscore would make it private: `__AdTriggersElement` is AdTriggersElementType, as published
        if self._enum_names is None:
            enums = {*self._model_enums(), *self._enums}
            self._enum_names = Counter(fixed.literal_name(name.lstrip("_")) for name in enums)
        name = fixed.literal_name(shape_name.lstrip("_"))
        return name if self._enum_names[name] == 1 else f"{shape_name}Type"

    def _typed_dict(self, shape: StructureShape, role: Role) -> TypedDictDef:
        key = (shape.name, self._variant(shape.name, role))
        if key in self._typed_dicts:
            return self._typed_dicts[key]
        direction = Direction.INPUT if role is Role.INPUT else Direction.OUTPUT
        required = set(shape.required_members)
        payload = shape.serialization.get("payload") if role is Role.RESULT else None
        # botocore renames top-level request keys only, so a shape nested elsewhere keeps the model's names
        top_level = role is Role.INPUT and shape.name not in self._nested
        unions = role is Role.INPUT and shape.name in self._union_holders
        renamed = self._keys.aliases.get(shape.name, {}) if top_level else {}
        left_out = self._keys.left_out.get(shape.name, frozenset()) if role is Role.RESULT else frozenset()
        fields = [
            Field(
                renamed.get(name, name),
                self._member_type(name, member, direction, payload, unions),
                (role is Role.RESULT and name not in left_out)
                or (
                    role is not Role.RESULT
                    and name in required
                    and not auto_filled(member, direction)
                    and name not in self._keys.filled
                ),
                deprecation_note(member_traits(shape, name)) + plain_text(member.documentation),
            )
            for name, member in shape.members.items()
        ]
        if role is Role.RESULT:
            fields.append(Field("ResponseMetadata", fixed.RESPONSE_METADATA.ref, True))
        # required keys first, each group in model order
        fields.sort(key=lambda item: not item.required)
        definition = TypedDictDef(
            self._name(*key),
            tuple(fields),
            shape.name,
            direction,
            plain_text(shape.documentation),
            shape.name in self._unreached,
        )
        self._typed_dicts[key] = definition
        return definition

    def _member_type(
        self, name: str, member: Shape, direction: Direction, payload: Optional[str], unions: bool
    ) -> TypeExpr:
        if name == payload and member.type_name == "blob":
            # botocore hands a result's blob payload over as the unread HTTP body
            return self.family.external("botocore.response", "StreamingBody")
        if direction is Direction.INPUT and member.type_name == "string" and name in self._input_members:
            return self._input_members[name]
        return self._type(member, direction, unions)

    def _type(self, shape: Shape, direction: Direction, unions: bool = True) -> TypeExpr:
        """`unions`: a two-sided structure is written `XUnionTypeDef` on the input side (see union_holders)."""
        is_input = direction is Direction.INPUT
        if isinstance(shape, StructureShape):
            return self._structure_type(shape, direction, unions)
        if isinstance(shape, ListShape):
            return list_of(is_input, self._type(shape.member, direction, unions))
        if isinstance(shape, MapShape):
            return map_of(is_input, self._type(shape.key, direction), self._type(shape.value, direction, unions))
        if getattr(shape, "enum", None):
            if self._member_enum(shape):
                return DefRef(member_enum_name(getattr(shape, "enum")), Module.LITERALS)
            return DefRef(self._literal_name(shape.name), Module.LITERALS)
        if shape.type_name == "string" and is_json_header(shape):
            return map_of(is_input, STR, ANY) if is_input else ANY
        if shape.type_name == "timestamp":
            return self._alias(fixed.TIMESTAMP).ref if is_input else DATETIME
        if shape.type_name == "blob":
            if is_input:
                return self._alias(fixed.BLOB).ref
            return self.family.external("botocore.response", "StreamingBody") if is_streaming(shape) else BYTES
        if shape.type_name in SCALAR_TYPES:
            return SCALAR_TYPES[shape.type_name]
        raise ValueError(f"shape {shape.name!r} has unknown type {shape.type_name!r}")

    def _structure_type(self, shape: StructureShape, direction: Direction, unions: bool) -> TypeExpr:
        if is_document(shape):
            return map_of(direction is Direction.INPUT, STR, ANY)
        folded = shape.name in self._folded
        if direction is Direction.INPUT:
            if unions and folded:
                return self._folded_aliases(shape)[1].ref
            if unions and shape.name in self._union_names:
                return self._union(shape).ref
            return DefRef(self._name(shape.name, Role.INPUT), Module.TYPE_DEFS)
        if folded:
            return self._folded_aliases(shape)[0].ref
        ref = DefRef(self._name(shape.name, Role.OUTPUT), Module.TYPE_DEFS)
        if shape.serialization.get("eventstream"):
            return Subscript(self.family.external("botocore.eventstream", "EventStream"), (ref,))
        return ref

    def _union(self, shape: StructureShape) -> AliasDef:
        ref = DefRef(self._name(shape.name, Role.INPUT), Module.TYPE_DEFS)
        output = DefRef(self._name(shape.name, Role.OUTPUT), Module.TYPE_DEFS)
        return self._alias(AliasDef(self._union_names[shape.name], union(ref, output)))

    def _folded_aliases(self, shape: StructureShape) -> tuple[AliasDef, AliasDef]:
        """A folded shape's published `XOutput` and `XUnion` names, both the one TypedDict it has."""
        ref = DefRef(self._name(shape.name, Role.INPUT), Module.TYPE_DEFS)
        output = self._alias(AliasDef(self._folded_names[shape.name], ref))
        return output, self._alias(AliasDef(self._union_names[shape.name], ref))

    def _alias(self, definition: AliasDef) -> AliasDef:
        return self._aliases.setdefault(definition.name, definition)
