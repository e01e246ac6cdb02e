"""Compare our stub packages with the published ones (mypy-boto3-builder's output) for the same botocore.

    python benchmarks/compat_report.py s3 ec2                       # builds both sides into a temp folder
    python benchmarks/compat_report.py --all --published /work/oracle/types-boto3 --ours /tmp/ours
    python benchmarks/compat_report.py --all ... --json report.json --missing missing.txt

Per service and overall: how many public names of the published package exist in ours (per module, read
with `ast` from each `.pyi`: `__all__`, else the top-level names), and the share of definitions (TypedDicts,
aliases, Literals in `type_defs.pyi` and `literals.pyi`) that are identical after normalising style: keys,
required-ness and value types written canonically (typing spellings, union and Literal members sorted,
quotes and whitespace ignored). Each differing definition is put in a category. On demand, not in CI.
"""

from __future__ import annotations

import argparse
import ast
import json
import re
import subprocess
import sys
import tempfile
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Mapping, Optional

REPO = Path(__file__).resolve().parent.parent
BUILDER = Path("/work/venvs/builder/bin/mypy_boto3_builder")
DEFINITION_MODULES = ("type_defs.pyi", "literals.pyi")
# the typing spellings that mean the same thing, written one way
_CANONICAL = {"List": "list", "Dict": "dict", "Tuple": "tuple", "Type": "type", "Set": "set"}


@dataclass
class ServiceReport:
    """One service's figures."""

    service: str
    names: int = 0
    present: int = 0
    definitions: int = 0
    identical: int = 0
    aliased: int = 0  # of the identical: a published TypedDict that ours alias to an identical one
    missing: list[str] = field(default_factory=list)
    differences: Counter[str] = field(default_factory=Counter)
    examples: dict[str, str] = field(default_factory=dict)


def public_names(module: Path) -> set[str]:
    """A module's public names: its `__all__`, or its top-level definitions that do not start with `_`."""
    tree = ast.parse(module.read_text())
    names: set[str] = set()
    for node in tree.body:
        if isinstance(node, (ast.Assign, ast.AnnAssign)):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            for target in targets:
                if isinstance(target, ast.Name) and target.id == "__all__" and node.value is not None:
                    return {str(item.value) for item in ast.walk(node.value) if isinstance(item, ast.Constant)}
                if isinstance(target, ast.Name):
                    names.add(target.id)
        elif isinstance(node, (ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)):
            names.add(node.name)
    return {name for name in names if not name.startswith("_")}


class _Canonical(ast.NodeTransformer):
    """Rewrites a type expression into one spelling: `List` → `list`, `Optional[X]` → `Union[X, None]`,
    `X | Y` → `Union[X, Y]`, nested unions flattened, union and Literal members sorted."""

    def visit_Attribute(self, node: ast.Attribute) -> ast.AST:
        if isinstance(node.value, ast.Name) and node.value.id in ("typing", "typing_extensions", "builtins"):
            return ast.Name(_CANONICAL.get(node.attr, node.attr))
        return self.generic_visit(node)

    def __init__(self, aliases: Mapping[str, ast.expr]) -> None:
        self.aliases = aliases

    def visit_Name(self, node: ast.Name) -> ast.AST:
        if node.id in self.aliases:  # a Literal alias is its values, a plain alias its target
            return self.visit(self.aliases[node.id])
        return ast.Name(_CANONICAL.get(node.id, node.id))

    def visit_Constant(self, node: ast.Constant) -> ast.AST:
        if isinstance(node.value, str):  # a forward reference is its expression
            try:
                return self.visit(ast.parse(node.value, mode="eval").body)
            except SyntaxError:
                return node
        return node

    def visit_BinOp(self, node: ast.BinOp) -> ast.AST:
        if isinstance(node.op, ast.BitOr):
            return self.visit(ast.Subscript(ast.Name("Union"), ast.Tuple([node.left, node.right])))
        return self.generic_visit(node)

    def visit_Subscript(self, node: ast.Subscript) -> ast.AST:
        if ast.unparse(node.value).rsplit(".", 1)[-1] != "Literal":  # a Literal's strings are values
            node = self.generic_visit(node)  # type: ignore[assignment]
        head = ast.unparse(node.value).rsplit(".", 1)[-1]
        items = list(node.slice.elts) if isinstance(node.slice, ast.Tuple) else [node.slice]
        if head == "Optional":
            head, items = "Union", [*items, ast.Constant(None)]
        if head == "Union":
            flat: list[ast.expr] = []
            for item in items:
                if isinstance(item, ast.Subscript) and ast.unparse(item.value) == "Union":
                    elts = item.slice.elts if isinstance(item.slice, ast.Tuple) else [item.slice]
                    flat.extend(elts)
                else:
                    flat.append(item)
            items = flat
        if head in ("Union", "Literal"):
            unique = {ast.unparse(item): item for item in items}
            items = [unique[key] for key in sorted(unique)]
            if head == "Union" and len(items) == 1:
                return items[0]
        return ast.Subscript(ast.Name(head), ast.Tuple(items) if len(items) > 1 else items[0])


def canonical(expr: ast.expr, aliases: Mapping[str, ast.expr]) -> str:
    return ast.unparse(_Canonical(aliases).visit(expr))


def literal_aliases(module: Path) -> dict[str, ast.expr]:
    """The Literal aliases of a literals module, so that an enum named or inlined reads the same."""
    if not module.exists():
        return {}
    return {
        node.targets[0].id: node.value
        for node in ast.parse(module.read_text()).body
        if isinstance(node, ast.Assign)
        and isinstance(node.targets[0], ast.Name)
        and isinstance(node.value, ast.Subscript)
        and ast.unparse(node.value.value).endswith("Literal")
    }


def _required(annotation: ast.expr, total: bool) -> tuple[bool, ast.expr]:
    if isinstance(annotation, ast.Subscript):
        head = ast.unparse(annotation.value).rsplit(".", 1)[-1]
        if head in ("NotRequired", "Required"):
            return head == "Required", annotation.slice
    return total, annotation


def definitions(module: Path, aliases: Mapping[str, ast.expr]) -> dict[str, str]:
    """Each TypedDict, alias and Literal of a module in its normalised form, by name."""
    tree = ast.parse(module.read_text())
    if module.name == "literals.pyi":
        aliases = {}  # a Literal is compared as itself
    found: dict[str, str] = {}
    for node in tree.body:
        if isinstance(node, ast.ClassDef) and any(ast.unparse(base).endswith("TypedDict") for base in node.bases):
            total = not any(kw.arg == "total" and getattr(kw.value, "value", True) is False for kw in node.keywords)
            keys = []
            for item in node.body:
                if isinstance(item, ast.AnnAssign) and isinstance(item.target, ast.Name):
                    required, annotation = _required(item.annotation, total)
                    keys.append((item.target.id, required, canonical(annotation, aliases)))
            bases = sorted(ast.unparse(base) for base in node.bases if not ast.unparse(base).endswith("TypedDict"))
            found[node.name] = _typed_dict_form(keys, bases)
        elif isinstance(node, ast.Assign) and len(node.targets) == 1 and isinstance(node.targets[0], ast.Name):
            name = node.targets[0].id
            value = node.value
            if isinstance(value, ast.Call) and ast.unparse(value.func).endswith("TypedDict"):
                found[name] = _functional_typed_dict(value, aliases)
            elif not name.startswith("_") and name != "__all__":
                found[name] = "alias " + canonical(value, aliases)
        elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name) and node.value is not None:
            if not node.target.id.startswith("_"):  # `X: TypeAlias = ...`
                found[node.target.id] = "alias " + canonical(node.value, aliases)
    return found


def _functional_typed_dict(call: ast.Call, aliases: Mapping[str, ast.expr]) -> str:
    total = not any(kw.arg == "total" and getattr(kw.value, "value", True) is False for kw in call.keywords)
    keys = []
    if len(call.args) > 1 and isinstance(call.args[1], ast.Dict):
        for key, value in zip(call.args[1].keys, call.args[1].values):
            if isinstance(key, ast.Constant):
                required, annotation = _required(value, total)
                keys.append((str(key.value), required, canonical(annotation, aliases)))
    return _typed_dict_form(keys, [])


def _typed_dict_form(keys: list[tuple[str, bool, str]], bases: list[str]) -> str:
    body = ", ".join(f"{name}{'' if required else '?'}: {type_}" for name, required, type_ in sorted(keys))
    return f"TypedDict({', '.join(bases)}) {{{body}}}"


IDENTICAL_ALIAS = "published TypedDict, ours an alias of an identical one"
# a superset: XUnionTypeDef is Union[XTypeDef, XOutputTypeDef], so every value the published key takes, ours takes
UNION_INPUTS = "value: ours accept either side's definition (XUnionTypeDef)"


def categorise(ours: str, published: str, our_definitions: Mapping[str, str]) -> str:
    """Which kind of difference two normalised definitions show (the README's list names each)."""
    target = ours.split(" ", 1)[1] if ours.startswith("alias ") else ""
    if target in our_definitions and published.startswith("TypedDict"):
        # a published XOutput/XUnion/XPaginator name that ours keep as an alias of the one TypedDict
        if our_definitions[target] == published:
            return IDENTICAL_ALIAS
        return "published TypedDict, ours an alias of a recursive or folded one"
    if ours.split(" ", 1)[0] != published.split(" ", 1)[0]:
        return f"kind: ours {ours.split(' ', 1)[0].split('(')[0]}, published {published.split(' ', 1)[0].split('(')[0]}"
    if ours.startswith("alias Literal") or published.startswith("alias Literal"):
        return "literal values"
    if not ours.startswith("TypedDict"):
        if target and published == f"alias Union[{target[:-7]}OutputTypeDef, {target}]":
            return "folded: XUnionTypeDef is the one TypedDict, published Union[X, XOutput]"
        return "alias target"
    mine, theirs = _keys(ours), _keys(published)
    if set(mine) != set(theirs):
        ours_only, published_only = set(mine) - set(theirs), set(theirs) - set(mine)
        if ours_only and published_only:
            return "keys: one named otherwise (botocore's parameter aliases)"
        return "keys: only published have some" if published_only else "keys: only ours have some"
    result = "ResponseMetadata" in mine
    kinds = set()
    for key in mine:
        if mine[key][0] != theirs[key][0]:
            side = "result" if result else "request or nested"
            kinds.add(f"required-ness ({side}: {'ours' if mine[key][0] else 'published'} required)")
        if mine[key][1] != theirs[key][1]:
            kinds.add(_value_kind(mine[key][1], theirs[key][1]))
    return " + ".join(sorted(kinds))


def _value_kind(ours: str, published: str) -> str:
    if re.sub(r"(\w+)UnionTypeDef", r"\1TypeDef", ours) == published:
        return UNION_INPUTS
    if re.sub(r"\w+TypeDef", "X", ours) == re.sub(r"(Mapping|dict)\[str, Any\]|\w+TypeDef", "X", published):
        return "value: ours name an empty or recursive structure, published Mapping/dict[str, Any]"
    if "Literal[" in published and "Literal[" in ours:
        return "value: enum values"
    return "value: other"


def _keys(form: str) -> dict[str, tuple[bool, str]]:
    body = form.split("{", 1)[1].rsplit("}", 1)[0]
    keys: dict[str, tuple[bool, str]] = {}
    for part in _split_top(body):
        name, _, type_ = part.partition(": ")
        keys[name.rstrip("?")] = (not name.endswith("?"), type_)
    return keys


def _split_top(body: str) -> Iterable[str]:
    depth, start = 0, 0
    for index, char in enumerate(body):
        depth += char in "[(" and 1 or (char in "])" and -1 or 0)
        if char == "," and depth == 0:
            yield body[start:index].strip()
            start = index + 1
    if body[start:].strip():
        yield body[start:].strip()


def compare(service: str, ours: Path, published: Path) -> ServiceReport:
    report = ServiceReport(service)
    for module in sorted(published.glob("*.pyi")):
        their_names = public_names(module)
        my_names = public_names(ours / module.name) if (ours / module.name).exists() else set()
        report.names += len(their_names)
        report.present += len(their_names & my_names)
        report.missing.extend(f"{module.stem}.{name}" for name in sorted(their_names - my_names))
    their_literals = literal_aliases(published / "literals.pyi")
    my_literals = literal_aliases(ours / "literals.pyi")
    for module_name in DEFINITION_MODULES:
        if not (published / module_name).exists():
            continue
        theirs = definitions(published / module_name, their_literals)
        mine = definitions(ours / module_name, my_literals) if (ours / module_name).exists() else {}
        for name, form in sorted(theirs.items()):
            if name not in mine:
                continue  # counted as a missing name
            report.definitions += 1
            category = "" if mine[name] == form else categorise(mine[name], form, mine)
            if name in ("ServiceName", "ResourceServiceName", "RegionName") and category:
                category = f"literal values: {name}"  # the same table in every package
            if category in ("", IDENTICAL_ALIAS):
                report.identical += 1
                report.aliased += category == IDENTICAL_ALIAS
            else:
                report.differences[category] += 1
                report.examples.setdefault(f"{category}: {name}", f"ours      {mine[name]}\npublished {form}")
    return report


def _build_published(services: list[str], folder: Path, botocore_version: str) -> None:
    command = [str(BUILDER), str(folder), "--product", "types-boto3-services", "--no-smart-version"]
    subprocess.run([*command, "-b", botocore_version, "-s", *services], check=True)


def _build_ours(services: list[str], folder: Path) -> None:
    command = [sys.executable, "-m", "generator", "generate", "--no-docs", "--output", str(folder)]
    subprocess.run([*command, *services], check=True, cwd=REPO)


def _services(published: Path) -> list[str]:
    return sorted(
        path.name[len("types_boto3_") : -len("_package")].replace("_", "-")
        for path in published.glob("types_boto3_*_package")
    )


def main(argv: Optional[list[str]] = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("services", nargs="*", help="services to compare (default with --all: every published)")
    parser.add_argument("--all", action="store_true", help="every service of the published folder")
    parser.add_argument("--published", type=Path, help="the builder's output folder (built if left out)")
    parser.add_argument("--ours", type=Path, help="our output folder (generated if left out)")
    parser.add_argument("--botocore", default="1.44.8", help="the botocore version the builder builds for")
    parser.add_argument("--json", type=Path, help="write the figures as JSON")
    parser.add_argument("--missing", type=Path, help="write every missing name and difference example")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="compat-") as temp:
        published = args.published or Path(temp, "published")
        ours = args.ours or Path(temp, "ours")
        services = args.services or (_services(published) if args.published else [])
        if not services and not args.all:
            parser.error("name services, or --all with --published")
        if args.published is None:
            _build_published(services, published, args.botocore)
            services = services or _services(published)
        if args.ours is None:
            _build_ours(services or ["--all"], ours)
        reports = []
        for service in services:
            snake = service.replace("-", "_")
            theirs = published / f"types_boto3_{snake}_package" / f"types_boto3_{snake}"
            mine = ours / f"types-boto3-{service}" / f"types_boto3_{snake}"
            if theirs.is_dir():
                reports.append(compare(service, mine, theirs))
    _print(reports)
    if args.json:
        args.json.write_text(json.dumps([_as_json(item) for item in reports], indent=1) + "\n")
    if args.missing:
        lines = [f"{item.service} missing {name}" for item in reports for name in item.missing]
        lines += [f"{item.service} {key}\n{text}" for item in reports for key, text in item.examples.items()]
        args.missing.write_text("\n".join(lines) + "\n")
    return 0


def _as_json(report: ServiceReport) -> dict[str, object]:
    return {
        "service": report.service,
        "names": report.names,
        "present": report.present,
        "missing": report.missing,
        "definitions": report.definitions,
        "identical": report.identical,
        "aliased": report.aliased,
        "differences": dict(report.differences),
    }


def _print(reports: list[ServiceReport]) -> None:
    print(f"{'service':32} {'names present':>20} {'definitions identical':>26}")
    for item in reports:
        if item.missing or item.identical < item.definitions:
            print(
                f"{item.service:32} {item.present:>9}/{item.names:<7} {_share(item.present, item.names):>3}"
                f" {item.identical:>12}/{item.definitions:<7} {_share(item.identical, item.definitions):>5}"
            )
    names = sum(item.names for item in reports)
    present = sum(item.present for item in reports)
    defs = sum(item.definitions for item in reports)
    same = sum(item.identical for item in reports)
    print(f"\n{len(reports)} services: names present {present}/{names} ({_share(present, names)}),")
    aliased = sum(item.aliased for item in reports)
    print(f"definitions identical {same}/{defs} ({_share(same, defs)}; {aliased} of them published TypedDicts")
    print("that ours alias to an identical one); the differences by category:")
    total: Counter[str] = Counter()
    for item in reports:
        total.update(item.differences)
    for category, count in total.most_common():
        print(f"  {count:>6}  {category}")
    wider = total[UNION_INPUTS]
    print(f"identical or differing only in inputs that accept more ({UNION_INPUTS}): {same + wider}/{defs}")
    print(f"({_share(same + wider, defs)})")


def _share(part: int, whole: int) -> str:
    return f"{100 * part / whole:.2f}%" if whole else "-"


if __name__ == "__main__":
    raise SystemExit(main())
