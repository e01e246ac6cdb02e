"""The stub package of one service: file path (relative to the package folder) to text.

Each module is rendered twice from the same templates: `X.pyi` in the stub spelling, for type checkers,
and `X.py` in the run-time spelling, so that `import types_boto3_s3.type_defs` works.
"""

from __future__ import annotations

from ..ir.package import ServicePackage
from .environment import render_tree
from .members import MemberText
from .spelling import RuntimeSpelling, StubSpelling


def render_stubs(package: ServicePackage) -> dict[str, str]:
    files = render_tree(
        "stubs",
        {"package": package.module_name},
        package.absent_modules,
        package=package,
        spelling=StubSpelling(),
        runtime=RuntimeSpelling(package),
        members=MemberText(),
    )
    return {f"{package.pypi_name}/{path}": text for path, text in files.items()}
