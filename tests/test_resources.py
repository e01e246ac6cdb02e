"""The service-resource IR built from boto3's real resources-1 models, checked against the classes boto3 itself
builds from the same models at runtime (offline: creating a resource makes no request)."""

from __future__ import annotations

from functools import lru_cache
from typing import Any

import boto3
import pytest
from boto3.resources.base import ServiceResource
from boto3.resources.collection import CollectionManager, ResourceCollection
from boto3.utils import LazyLoadedWaiterModel, ServiceContext

from generator.ir.defs import TypedDictDef
from generator.ir.members import ParameterKind
from generator.ir.package import ServicePackage
from generator.ir.resources import CollectionDef, ResourceDef, ServiceResourceDef
from generator.ir.types import Module
from generator.parse.package import build_package
from generator.parse.resource_models import load_resource_model, resource_service_names
from generator.parse.source import BotocoreData
from generator.render.members import signature

SERVICES = ("s3", "dynamodb", "ec2", "sqs", "iam", "sns", "cloudformation", "cloudwatch", "glacier")
_BASE = set(dir(ServiceResource))


@lru_cache(maxsize=None)
def _package(service: str) -> ServicePackage:
    return build_package(BotocoreData().load(service))


def _resource(service: str) -> ServiceResourceDef:
    resource = _package(service).resource
    assert resource is not None
    return resource


def _class(service: str, name: str) -> ResourceDef:
    (found,) = [
        item for item in (_resource(service).service, *_resource(service).resources) if item.name == name
    ]
    return found


def _collection(service: str, name: str) -> CollectionDef:
    (found,) = [item for item in _resource(service).collections if item.name == name]
    return found


def _method(definition: ResourceDef | CollectionDef, name: str) -> Any:
    (found,) = [method for method in definition.methods if method.name == name]
    return found


def _request_keys(method: Any) -> set[str]:
    assert isinstance(method.request, TypedDictDef)
    return {field.name for field in method.request.fields}


def _session() -> boto3.session.Session:
    return boto3.session.Session(region_name="us-east-1", aws_access_key_id="k", aws_secret_access_key="s")


def _runtime(service: str) -> Any:
    return _session().resource(service)  # type: ignore[call-overload]


def _members(definition: ResourceDef) -> set[str]:
    return {item.name for item in definition.attributes} | {method.name for method in definition.methods}


def _public(cls: type) -> set[str]:
    return {name for name in dir(cls) if not name.startswith("_")} - _BASE


def test_resource_service_names_are_boto3s() -> None:
    available = boto3.session.Session().get_available_resources()
    assert resource_service_names() == tuple(sorted(available))
    assert set(SERVICES) <= set(available)
    literal = {item.name: item for item in _package("sqs").literals}["ResourceServiceName"]
    assert literal.values == tuple(sorted(available))


def test_a_service_without_resources_has_no_service_resource_module() -> None:
    package = _package("sagemaker-edge")
    assert package.resource is None
    assert "service_resource" in package.absent_modules
    assert "ResourceServiceName" in {item.name for item in package.literals}
    assert "ServiceResource" not in {alias for alias, _ in package.aliases}


def test_the_package_root_reexports_the_service_resource() -> None:
    package = _package("sqs")
    assert ("ServiceResource", "SQSServiceResource") in package.aliases
    assert "SQSServiceResource" in package.init_module.exports
    module = package.service_resource_module
    assert module.module is Module.SERVICE_RESOURCE
    assert set(module.exports) == {
        "SQSServiceResource",
        "Message",
        "Queue",
        "QueueDeadLetterSourceQueuesCollection",
        "ServiceResourceQueuesCollection",
    }


@pytest.mark.parametrize("service", SERVICES)
def test_every_member_boto3_builds_is_typed(service: str) -> None:
    """Each class has exactly the attributes and methods of boto3's runtime class, hand-injected ones too."""
    runtime = _runtime(service)
    resource = _resource(service)
    assert _members(resource.service) - {"meta"} == _public(type(runtime))
    for definition in resource.resources:
        built = _build(runtime, service, definition.name)
        assert _members(definition) - {"meta"} == _public(type(built)), definition.name


@pytest.mark.parametrize("service", SERVICES)
def test_every_collection_has_boto3s_methods(service: str) -> None:
    runtime = _runtime(service)
    owners = [(runtime, _resource(service).service)]
    owners += [(_build(runtime, service, item.name), item) for item in _resource(service).resources]
    for built, definition in owners:
        for model in built.meta.resource_model.collections:
            manager = getattr(built, model.name)
            assert isinstance(manager, CollectionManager)
            collection = manager.all()
            assert isinstance(collection, ResourceCollection)
            expected = _public(type(manager)) | _public(type(collection)) | {"__iter__"}
            (ref,) = [item.type for item in definition.attributes if item.name == model.name]
            typed = _collection(service, ref.render())
            assert {method.name for method in typed.methods} == expected, typed.name


@lru_cache(maxsize=None)
def _definitions(service: str) -> dict[str, Any]:
    model = load_resource_model(service)
    assert model is not None
    return dict(model["resources"])


def _build(runtime: Any, service: str, name: str) -> Any:
    """A resource instance of boto3's own class for `name`, made as boto3 makes it, with placeholder identifiers."""
    session = _session()
    context = ServiceContext(
        service_name=service,
        service_model=runtime.meta.client.meta.service_model,
        resource_json_definitions=_definitions(service),
        service_waiter_model=LazyLoadedWaiterModel(session._session, service, None),
    )
    cls = session.resource_factory.load_from_definition(name, _definitions(service)[name], context)
    # placeholders botocore's validator accepts: longer than any minimum, integers where typed so
    specs = _definitions(service)[name].get("identifiers", [])
    identifiers = [1 if item.get("type") == "integer" else "x" * 64 for item in specs]
    return cls(*identifiers, client=runtime.meta.client)


def test_actions_drop_the_keys_the_resource_fills() -> None:
    put_object = _method(_class("s3", "Bucket"), "put_object")
    assert "Bucket" not in _request_keys(put_object) and "Key" in _request_keys(put_object)
    assert put_object.request.name == "PutObjectRequestBucketPutObjectTypeDef"
    assert {field.name for field in put_object.request.fields if field.required} == {"Key"}
    # a constant and an identifier nested in one key: the whole key is the resource's
    enable = _method(_class("s3", "BucketVersioning"), "enable")
    assert "VersioningConfiguration" not in _request_keys(enable) and "Bucket" not in _request_keys(enable)
    create_tags = _method(_class("ec2", "Instance"), "create_tags")
    assert _request_keys(create_tags) == {"DryRun", "Tags"}
    # every key filled: no **kwargs at all
    assert _method(_class("sqs", "Queue"), "delete").parameters == ()


def test_actions_return_resources_or_the_raw_result() -> None:
    assert _method(_class("sqs", "Queue"), "receive_messages").return_type.render() == "list[_Message]"
    assert _method(_class("sqs", "SQSServiceResource"), "create_queue").return_type.render() == "_Queue"
    assert (
        _method(_class("ec2", "EC2ServiceResource"), "create_instances").return_type.render()
        == "list[_Instance]"
    )
    assert _method(_class("ec2", "Instance"), "start").return_type.render() == "StartInstancesResultTypeDef"
    assert _method(_class("sqs", "Queue"), "purge").return_type.render() == "EmptyResponseMetadataTypeDef"


def test_identifiers_references_and_subresources() -> None:
    instance = {item.name: item.type.render() for item in _class("ec2", "Instance").attributes}
    assert instance["id"] == "str"
    assert instance["vpc"] == "_Vpc"
    assert instance["network_interfaces"] == "list[_NetworkInterface]"
    assert instance["volumes"] == "InstanceVolumesCollection"
    part = _method(_class("s3", "S3ServiceResource"), "MultipartUploadPart")
    assert [(item.name, item.type.render()) for item in part.parameters] == [
        ("bucket_name", "str"),
        ("object_key", "str"),
        ("multipart_upload_id", "str"),
        ("part_number", "int"),
    ]
    assert signature(_method(_class("s3", "Bucket"), "Object")) == "self, key: str"


def test_collection_filters_take_the_operations_keys() -> None:
    objects = _method(_collection("s3", "BucketObjectsCollection"), "filter")
    assert {item.kind for item in objects.parameters} == {ParameterKind.KEYWORD_ONLY}
    assert signature(objects).startswith("self, *, ")
    names = [item.name for item in objects.parameters]
    assert "Bucket" not in names and "Prefix" in names
    assert all(item.default == "..." for item in objects.parameters)
    # boto3 merges the caller's Filters with the Filters[0] the collection sets
    vpc_instances = _method(_collection("ec2", "VpcInstancesCollection"), "filter")
    assert "Filters" in [item.name for item in vpc_instances.parameters]
    delete = _method(_collection("s3", "BucketObjectsCollection"), "delete")
    assert "Delete" not in [item.name for item in delete.parameters]
    assert delete.return_type.render() == "list[DeleteObjectsOutputTypeDef]"


def test_dynamodb_table_calls_take_python_values() -> None:
    put_item = _method(_class("dynamodb", "Table"), "put_item")
    fields = {field.name: field.type.render() for field in put_item.request.fields}
    assert fields["Item"] == "Mapping[str, TableAttributeValueTypeDef]"
    assert fields["ConditionExpression"] == "ConditionBaseImportTypeDef"
    assert fields["Expected"] == "Mapping[str, ExpectedAttributeValueTableTypeDef]"
    assert (
        _method(_class("dynamodb", "Table"), "get_item").return_type.render() == "GetItemOutputTableTypeDef"
    )
    names = {definition.name for definition in _package("dynamodb").type_defs}
    assert {"TableAttributeValueTypeDef", "ConditionBaseImportTypeDef", "GetItemOutputTableTypeDef"} <= names
    # the client keeps the low-level AttributeValue
    (client_put,) = [method for method in _package("dynamodb").client.methods if method.name == "put_item"]
    assert {field.name: field.type.render() for field in client_put.request.fields}["Item"] != fields["Item"]


def test_every_request_a_resource_names_is_in_type_defs() -> None:
    for service in SERVICES:
        package = _package(service)
        names = {definition.name for definition in package.type_defs}
        resource = _resource(service)
        for definition in (resource.service, *resource.resources):
            for method in definition.methods:
                for ref in (
                    *method.return_type.refs(),
                    *(r for p in method.parameters for r in p.type.refs()),
                ):
                    if ref.module is Module.TYPE_DEFS:
                        assert ref.name in names, (service, definition.name, method.name, ref.name)


def test_resource_waiters_take_the_waiters_keys_and_config() -> None:
    waiter = _method(_class("s3", "Bucket"), "wait_until_exists")
    assert waiter.request.name == "HeadBucketRequestBucketWaitUntilExistsTypeDef"
    assert _request_keys(waiter) == {"ExpectedBucketOwner", "WaiterConfig"}
    running = _method(_class("ec2", "Instance"), "wait_until_running")
    assert "InstanceIds" not in _request_keys(running) and "WaiterConfig" in _request_keys(running)
    assert running.return_type.render() == "None"


@pytest.mark.parametrize("service", SERVICES)
def test_no_member_shadows_a_name_the_class_annotations_use(service: str) -> None:
    """In a class body a member named like a type would capture later annotations (why methods use `_Queue`)."""
    resource = _resource(service)
    for definition in (resource.service, *resource.resources):
        exprs = [item.type for item in definition.attributes]
        for method in definition.methods:
            exprs.append(method.return_type)
            exprs.extend(parameter.type for parameter in method.parameters)
        used = {name for expr in exprs for name in expr.names()} | {
            ref.name for expr in exprs for ref in expr.refs()
        }
        assert not _members(definition) & used, (service, definition.name, _members(definition) & used)


@pytest.mark.parametrize("service", SERVICES)
def test_no_class_collides_with_an_imported_name(service: str) -> None:
    module = _package(service).service_resource_module
    imported = {
        name.split(" as ")[-1]
        for group in module.imports.groups
        for _, names in group.lines
        for name in names
    }
    imported |= set(module.imports.backported)
    defined = {*module.exports, _resource(service).meta_name}
    defined |= {item.alias for item in _resource(service).resources}
    assert "ServiceResource" in imported and "Unpack" in imported
    assert not defined & imported
