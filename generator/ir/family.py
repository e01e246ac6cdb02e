"""A family of published stub packages: how a service's distribution and import package are named, and
which version a release of them carries. The one place a second family (mypy-boto3, types-aiobotocore)
plugs in."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Optional


@dataclass(frozen=True)
class Family:
    """`types-boto3`: distributions `types-boto3-<service>`, import packages `types_boto3_<service>`."""

    prefix: str

    def distribution(self, service: str) -> str:
        return f"{self.prefix}-{service}"

    def module(self, service: str) -> str:
        return self.distribution(service).replace("-", "_")

    def version(self, botocore_version: str, post: Optional[int] = None) -> str:
        """The botocore version the stubs describe; `.postN` for a rebuild of the same version."""
        return botocore_version if post is None else f"{botocore_version}.post{post}"


BOTO3 = Family("types-boto3")
