"""Two versions of one class (a client, a paginator, a resource) → facts of only the methods whose text differs.

A client with one operation more differs in one method of hundreds; the others have the same text on both
sides, so the same facts, and need no parse. Each version becomes its header's facts plus the methods whose
members' texts (every overload, in order) differ, which `compare` reads exactly as it reads whole classes: a
method alike on both sides would add no change. Where the text cannot vouch for this (a member that is not
one method, an attribute between methods), None: the class is read whole.
"""

from __future__ import annotations

import re
from typing import Optional

from .definitions import ClassParts, class_parts, member_facts, private
from .facts import ClassFact, MethodFact, Signature

_DEF = re.compile(rb"^    (?:async )?def (\w+)", re.M)
# a class-level attribute or other statement in a member's text (the member is then not one method)
_OTHER = re.compile(rb"^    (?!(?:async )?def |[@#)\]}])\S", re.M)


def changed_methods(old: bytes, new: bytes) -> Optional[tuple[ClassFact, ClassFact]]:
    """Both versions of a class statement as facts of their headers and of the methods that differ."""
    try:
        before, after = class_parts(old), class_parts(new)
    except (SyntaxError, ValueError):
        return None
    if before is None or after is None or before.name != after.name or before.name.startswith("_"):
        return None
    was, now = _by_method(before), _by_method(after)
    if was is None or now is None:
        return None
    differing = {name for name in set(was) | set(now) if was.get(name) != now.get(name)}
    return _facts(before, was, differing), _facts(after, now, differing)


def _by_method(parts: ClassParts) -> Optional[dict[str, list[bytes]]]:
    """Each method's members (its overloads), in order, by the method's name."""
    found: dict[str, list[bytes]] = {}
    for member in parts.members:
        names = _DEF.findall(member)
        if len(names) != 1 or _OTHER.search(member):
            return None
        found.setdefault(names[0].decode(), []).append(member)
    return found


def _facts(parts: ClassParts, members: dict[str, list[bytes]], differing: set[str]) -> ClassFact:
    signatures: dict[str, list[Signature]] = {
        name: list(method.signatures) for name, method in parts.facts.methods.items()
    }
    for name in sorted(differing & set(members)):
        for member in members[name]:
            for each, signature in member_facts(member)[0]:
                signatures.setdefault(each, []).append(signature)
    methods = {name: MethodFact(tuple(found)) for name, found in signatures.items() if not private(name)}
    return ClassFact(parts.facts.bases, methods, dict(parts.facts.attributes), parts.facts.doc)
