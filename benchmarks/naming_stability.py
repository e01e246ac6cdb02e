"""The naming-stability figure: public names a generation removes although botocore kept their shape.

    python benchmarks/naming_stability.py OLD_OUTPUT NEW_OUTPUT --old-data DIR [--new-data DIR] [--top N]

OLD_OUTPUT and NEW_OUTPUT are two generations of any family (ours, or the published packages' builder output);
--old-data/--new-data are the botocore `data/` folders they were made from (--new-data defaults to the
installed botocore's). A name counts when it is in OLD's `type_defs` or `literals`, is gone from NEW, and
the shape it is named after (the name less `TypeDef`/`Type` and, failing that, less a suffix the generator
adds) is in both releases' models of that service: botocore kept the shape, the generator moved the name.

It also counts names whose definition moved: a TypedDict name in both generations that names another shape in
NEW than in OLD (the shape a name stands for: of the shapes its stem and its stem less a suffix name, the one
whose members are the TypedDict's keys, else the first), where both shapes are in both releases.
"""

from __future__ import annotations

import argparse
import ast
import collections
import sys
from pathlib import Path
from typing import Optional

import botocore
from botocore.loaders import Loader

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from generator.diff.reader import PackageFiles, read_generation  # noqa: E402
from generator.parse.naming import ADDED_SUFFIXES  # noqa: E402

# the suffixes generators add to a shape's name (collision or direction): ours, and the builder's, whose
# `Paginator` and `Waiter` variants name a shape's TypedDict as a paginator's or waiter's input or output;
# longest first, so that a name ending in two of them is read as the longer
_BUILDERS = ("Paginator", "Paginate", "Waiter", "Wait", "Request")
SUFFIXES = tuple(sorted({*ADDED_SUFFIXES, *_BUILDERS}, key=lambda suffix: (-len(suffix), suffix)))
# keys a generator adds to a shape's members
_ADDED_KEYS = {"ResponseMetadata", "PaginationConfig", "WaiterConfig"}


def members(loader: Loader, service: str) -> dict[str, frozenset[str]]:
    """Each shape of a service's model with its member names (none for a service not in this release)."""
    try:
        model = loader.load_service_model(service, "service-2")["shapes"]
    except Exception:  # a service that is not in this release
        return {}
    return {name: frozenset(shape.get("members", {})) for name, shape in model.items()}


def shapes(loader: Loader, service: str) -> set[str]:
    return set(members(loader, service))


def typed_dict_keys(text: bytes) -> dict[str, frozenset[str]]:
    """Each TypedDict of a type_defs module (class or functional form) with its keys."""
    found: dict[str, frozenset[str]] = {}
    for node in ast.parse(text).body:
        if isinstance(node, ast.ClassDef):
            keys = {
                item.target.id
                for item in node.body
                if isinstance(item, ast.AnnAssign) and isinstance(item.target, ast.Name)
            }
            found[node.name] = frozenset(keys)
        elif isinstance(node, ast.Assign) and isinstance(node.value, ast.Call) and len(node.value.args) > 1:
            if isinstance(node.value.args[1], ast.Dict) and isinstance(node.targets[0], ast.Name):
                keys = {str(key.value) for key in node.value.args[1].keys if isinstance(key, ast.Constant)}
                found[node.targets[0].id] = frozenset(keys)
    return found


def named_shape(name: str, keys: frozenset[str], model: dict[str, frozenset[str]]) -> Optional[str]:
    """The shape a TypedDict name stands for: of the candidates its name gives, the one with its keys."""
    stem = name.removesuffix("TypeDef")
    spelt = {_spelling(shape): shape for shape in model}
    candidates = [stem, *(stem.removesuffix(suffix) for suffix in SUFFIXES if stem.endswith(suffix))]
    found = [spelt.get(candidate, candidate) for candidate in candidates if spelt.get(candidate, candidate) in model]
    for shape in found:
        if model[shape] == keys - _ADDED_KEYS:
            return shape
    return found[0] if found else None


def _spelling(shape: str) -> str:
    head, *rest = shape.split("_")  # iotwireless AbpV1_0_x is AbpV10XTypeDef where underscores are dropped
    return head + "".join(part[:1].upper() + part[1:] for part in rest)


def moved_definitions(
    old: bytes, new: bytes, old_model: dict[str, frozenset[str]], new_model: dict[str, frozenset[str]]
) -> list[tuple[str, str, str]]:
    """(name, OLD's shape, NEW's shape) for each TypedDict name of both that names another kept shape now."""
    before, after = typed_dict_keys(old), typed_dict_keys(new)
    moved = []
    for name in sorted(set(before) & set(after)):
        was, now = named_shape(name, before[name], old_model), named_shape(name, after[name], new_model)
        if was and now and was != now and {was, now} <= set(old_model) & set(new_model):
            moved.append((name, was, now))
    return moved


def shape_of(name: str, module: str, kept: set[str]) -> tuple[Optional[str], str]:
    """(the kept shape a name is named after, the suffix that was added), or (None, "")."""
    stem = name.removesuffix("TypeDef") if module == "type_defs" else name.removesuffix("Type")
    if stem in kept:
        return stem, ""
    for suffix in SUFFIXES:
        if stem.endswith(suffix) and stem.removesuffix(suffix) in kept:
            return stem.removesuffix(suffix), suffix
    return None, ""


def names(package: PackageFiles) -> set[tuple[str, str]]:
    return {
        (name.module, name.name)
        for module in ("type_defs", "literals")
        if module in package.texts
        for name in package.definitions(module)
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("old", type=Path)
    parser.add_argument("new", type=Path)
    parser.add_argument("--old-data", type=Path, required=True)
    parser.add_argument("--new-data", type=Path, default=Path(botocore.__file__).parent / "data")
    parser.add_argument("--top", type=int, default=10)
    args = parser.parse_args()
    old_models = Loader(extra_search_paths=[str(args.old_data)], include_default_search_paths=False)
    new_models = Loader(extra_search_paths=[str(args.new_data)], include_default_search_paths=False)
    old, new = read_generation(args.old), read_generation(args.new)
    moved: list[tuple[str, str, str]] = []
    shifted: list[tuple[str, str, str, str]] = []
    causes: collections.Counter[str] = collections.Counter()
    for service in sorted(set(old) & set(new)):
        old_members, new_members = members(old_models, service), members(new_models, service)
        kept = set(old_members) & set(new_members)
        old_module, new_module = (item[service].texts.get("type_defs") for item in (old, new))
        if old_module and new_module:
            shifted += [
                (service, *item) for item in moved_definitions(old_module, new_module, old_members, new_members)
            ]
        gone = names(old[service]) - names(new[service])
        for module, name in sorted(gone):
            shape, suffix = shape_of(name, module, kept)
            if shape is not None:
                moved.append((service, f"{module}.{name}", shape))
                causes[f"suffix {suffix!r}" if suffix else "the shape's own name"] += 1
    print(f"{len(moved)} names removed although botocore kept the shape ({len(set(old) & set(new))} services)")
    for cause, count in causes.most_common():
        print(f"  {count:6}  {cause}")
    for service, count in collections.Counter(service for service, _, _ in moved).most_common(args.top):
        print(f"  {service}: {count}")
    for service, name, shape in moved[: args.top]:
        print(f"  e.g. {service}: {name} (shape {shape})")
    print(f"{len(shifted)} names whose definition moved to another shape that both releases have")
    for service, name, was, now in shifted[: args.top]:
        print(f"  e.g. {service}: {name} was {was}, now {now}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
