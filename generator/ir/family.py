"""A family of published stub packages, as plain data: how a service's distribution and import package are
named, which version a release carries, which library's clients it types (sync boto3 or asyncio
aiobotocore), the classes that library builds on, what it leaves out, and where its docs pages go.

Everything the templates, docs, stamps and staging names say differently per family comes from here."""

from __future__ import annotations

from typing import Optional

from .records import record
from .types import External


@record
class Family:
    """One package family: `types-boto3`, `mypy-boto3` or `types-aiobotocore`."""

    prefix: str  # distributions `<prefix>-<service>`, import packages `<prefix with _>_<service>`
    library: str  # the library whose clients are typed: boto3, aiobotocore
    client_call: str  # how a user makes a client, for docs: boto3.client, session.create_client
    companion: str  # the PyPI package of the library's own stubs, installed beside ours
    versioned_by: str  # the release's version is this library's installed version: botocore, aiobotocore
    asynchronous: bool = False  # operations are `async def`, the client an async context manager
    resources: bool = True  # boto3's service resources exist (boto3.resource)
    transfer_methods: bool = True  # boto3's S3 transfer methods exist (upload_file, ...; boto3.s3.inject)
    docs_folder: str = ""  # the family's pages under --docs: "" is the docs folder itself
    requires: tuple[str, ...] = ("botocore-stubs",)  # stub packages every package of the family depends on
    # botocore classes (module, name) this family's library replaces with its own
    classes: tuple[tuple[tuple[str, str], External], ...] = ()

    @property
    def module_prefix(self) -> str:
        return self.prefix.replace("-", "_") + "_"

    def distribution(self, service: str) -> str:
        return f"{self.prefix}-{service}"

    def module(self, service: str) -> str:
        return self.distribution(service).replace("-", "_")

    def service_of(self, module: str) -> str:
        """The service an import package of this family is for: types_boto3_sagemaker_edge -> sagemaker-edge."""
        return module.removeprefix(self.module_prefix).replace("_", "-")

    def version(self, library_version: str, post: Optional[int] = None) -> str:
        """The version of `versioned_by` the stubs describe; `.postN` for a rebuild of the same version."""
        return library_version if post is None else f"{library_version}.post{post}"

    def external(self, module: str, name: str) -> External:
        """A class botocore defines, or this family's library's replacement of it."""
        return next((new for old, new in self.classes if old == (module, name)), External(module, name))


BOTO3 = Family("types-boto3", "boto3", "boto3.client", "types-boto3", "botocore")
MYPY_BOTO3 = Family("mypy-boto3", "boto3", "boto3.client", "boto3-stubs", "botocore", docs_folder="mypy-boto3")
AIOBOTOCORE = Family(
    "types-aiobotocore",
    "aiobotocore",
    "session.create_client",
    "types-aiobotocore",
    "aiobotocore",
    asynchronous=True,
    resources=False,
    transfer_methods=False,
    docs_folder="types-aiobotocore",
    requires=("botocore-stubs", "types-aiobotocore"),
    classes=(
        (("botocore.client", "BaseClient"), External("aiobotocore.client", "AioBaseClient")),
        (("botocore.paginate", "Paginator"), External("aiobotocore.paginate", "AioPaginator")),
        (("botocore.paginate", "PageIterator"), External("aiobotocore.paginate", "AioPageIterator")),
        (("botocore.waiter", "Waiter"), External("aiobotocore.waiter", "AIOWaiter")),
        # named apart from botocore's StreamingBody, which a request's blob still accepts
        (("botocore.response", "StreamingBody"), External("aiobotocore.response", "StreamingBody", "AioStreamingBody")),
        (("botocore.eventstream", "EventStream"), External("aiobotocore.eventstream", "AioEventStream")),
    ),
)

# by the name `--flavor` takes, the default first
FAMILIES = {family.prefix: family for family in (BOTO3, MYPY_BOTO3, AIOBOTOCORE)}
