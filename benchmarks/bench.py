"""Benchmark the figures of issue 6 and print a table (median of several runs, peak memory).

    python benchmarks/bench.py                      # every figure, boto-typegen only
    python benchmarks/bench.py --quick              # single-service and users'-side figures only
    python benchmarks/bench.py --build-only         # only `build --all` (wheels and sdists of every package)
    python benchmarks/bench.py --builder /tmp/bv    # also mypy-boto3-builder installed in that venv
    python benchmarks/bench.py --json results.json  # the raw figures as well
    python benchmarks/bench.py --diff OLD NEW       # also `boto-typegen diff` over two generations
    python benchmarks/bench.py --families 20 --aio-env VENV  # only the cost per service of each family

Every run is a fresh process. Memory is the peak resident set: for one process its own peak (wait4), for
a parallel run the peak of the RSS summed over the process tree, sampled every 10 ms from /proc. Nothing
here is asserted: the tests check output, this script measures.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import zipfile
from dataclasses import asdict
from pathlib import Path
from typing import Callable, Optional

from family_cost import bench_families
from measuring import Figure, Measured, ensure_ok, measure, single_peak, table

REPO = Path(__file__).resolve().parent.parent
SERVICE = "sagemaker-edge"
BIN = Path(sys.executable).parent

USAGE = '''\
"""A user's file: the sagemaker-edge client, typed by whichever stubs are on the path."""
import boto3
from types_boto3_sagemaker_edge import SagemakerEdgeManagerClient
from types_boto3_sagemaker_edge.type_defs import GetDeploymentsResultTypeDef

client: SagemakerEdgeManagerClient = boto3.client("sagemaker-edge")
result: GetDeploymentsResultTypeDef = client.get_deployments(DeviceName="d", DeviceFleetName="f")
for deployment in result.get("Deployments", []):
    print(deployment.get("DeploymentName"), deployment.get("Type"))
registration = client.get_device_registration(DeviceName="d", DeviceFleetName="f")
print(registration.get("DeviceRegistration"), registration["ResponseMetadata"]["RequestId"])
client.send_heartbeat(AgentVersion="1.0", DeviceName="d", DeviceFleetName="f")
'''

FIVE = ("ec2", "s3", "dynamodb", "sqs", "lambda")
# the published packages for the same botocore, as mypy-boto3-builder writes them (types_boto3_<svc>_package/)
ORACLE = Path("/work/oracle/types-boto3")

USAGE_FIVE = '''\
"""A user's file: five clients, typed by whichever stubs are on the path."""
import boto3
from types_boto3_dynamodb import DynamoDBClient
from types_boto3_dynamodb.type_defs import AttributeValueTypeDef, QueryOutputTypeDef
from types_boto3_ec2 import EC2Client
from types_boto3_ec2.type_defs import DescribeInstancesResultTypeDef, FilterTypeDef
from types_boto3_lambda import LambdaClient
from types_boto3_s3 import S3Client
from types_boto3_s3.type_defs import ListObjectsV2OutputTypeDef
from types_boto3_sqs import SQSClient

ec2: EC2Client = boto3.client("ec2")
filters: list[FilterTypeDef] = [{"Name": "instance-state-name", "Values": ["running"]}]
instances: DescribeInstancesResultTypeDef = ec2.describe_instances(Filters=filters)
for reservation in instances.get("Reservations", []):
    for instance in reservation.get("Instances", []):
        print(instance.get("InstanceId"), instance.get("State", {}).get("Name"))
for page in ec2.get_paginator("describe_volumes").paginate(PaginationConfig={"PageSize": 50}):
    print([volume.get("VolumeId") for volume in page.get("Volumes", [])])
ec2.get_waiter("instance_running").wait(InstanceIds=["i-1"])

s3: S3Client = boto3.client("s3")
listing: ListObjectsV2OutputTypeDef = s3.list_objects_v2(Bucket="b", Prefix="p/")
for item in listing.get("Contents", []):
    body = s3.get_object(Bucket="b", Key=item.get("Key", ""))["Body"].read()
    s3.put_object(Bucket="b", Key="copy/" + item.get("Key", ""), Body=body)
s3.upload_file("local.txt", "b", "k")

dynamodb: DynamoDBClient = boto3.client("dynamodb")
key: dict[str, AttributeValueTypeDef] = {"id": {"S": "1"}}
dynamodb.put_item(TableName="t", Item={**key, "n": {"N": "1"}})
found: QueryOutputTypeDef = dynamodb.query(
    TableName="t", KeyConditionExpression="id = :v", ExpressionAttributeValues={":v": {"S": "1"}}
)
print(found.get("Items", []), dynamodb.get_item(TableName="t", Key=key).get("Item"))

sqs: SQSClient = boto3.client("sqs")
url = sqs.get_queue_url(QueueName="q")["QueueUrl"]
sqs.send_message(QueueUrl=url, MessageBody="hi", MessageAttributes={"a": {"DataType": "String", "StringValue": "v"}})
for message in sqs.receive_message(QueueUrl=url, MaxNumberOfMessages=10).get("Messages", []):
    sqs.delete_message(QueueUrl=url, ReceiptHandle=message.get("ReceiptHandle", ""))

lambda_client: LambdaClient = boto3.client("lambda")
response = lambda_client.invoke(FunctionName="f", Payload=b"{}", InvocationType="RequestResponse")
print(response["StatusCode"], response["Payload"].read())
for function in lambda_client.list_functions().get("Functions", []):
    print(function.get("FunctionName"), function.get("Runtime"))
'''


def _typegen(*args: str) -> list[str]:
    return [str(BIN / "boto-typegen"), *args]


def bench_single(work: Path, runs: int, env: dict[str, str]) -> list[Figure]:
    """`generate sagemaker-edge`, stubs and docs, each run a new process that regenerates (--force)."""
    regenerate = Figure("sagemaker-edge, stubs + docs (cold process)", "boto-typegen", "<= 0.5 s, <= 120 MB")
    first = Figure("sagemaker-edge, first run ever (empty cache folder)", "boto-typegen", "")
    stubs = Figure("sagemaker-edge, stubs only (cold process)", "boto-typegen", "")
    for run in range(runs):
        out = work / f"single-{run}"
        fresh_cache = {**env, "BOTO_TYPEGEN_CACHE": str(work / f"empty-cache-{run}")}
        args = ("generate", SERVICE, "--output", str(out / "output"), "--docs", str(out / "docs"), "--force")
        variants = ((first, (), fresh_cache), (regenerate, (), env), (stubs, ("--no-docs",), env))
        for figure, extra, environment in variants:
            figure.add(ensure_ok(single_peak(_typegen(*args, *extra), work, environment), figure.name))
    return [regenerate, stubs, first]


def bench_all(work: Path, runs: int, jobs: int, env: dict[str, str]) -> list[Figure]:
    cold = Figure(f"all services, stubs + docs, cold (--jobs {jobs})", "boto-typegen", "<= 60 s, <= 1.5 GB")
    again = Figure("all services again, nothing changed", "boto-typegen", "<= 3 s")
    one = Figure("all services, one model changed (--data-path)", "boto-typegen", "only it redone")
    data = work / "models"
    for run in range(runs):
        out = work / f"all-{run}"
        cache = {**env, "BOTO_TYPEGEN_CACHE": str(work / f"all-cache-{run}")}
        shutil.rmtree(data, ignore_errors=True)
        data.mkdir()
        args = ["generate", "--all", "--jobs", str(jobs), "--data-path", str(data)]
        args += ["--output", str(out / "output"), "--docs", str(out / "docs")]
        result = cold.add(ensure_ok(measure(_typegen(*args), work, cache), cold.name))
        cold.note = result.stdout.strip().splitlines()[-1]
        result = again.add(ensure_ok(measure(_typegen(*args), work, cache), again.name))
        again.note = result.stdout.strip().splitlines()[-1]
        _changed_copy(data, SERVICE, run)
        result = one.add(ensure_ok(measure(_typegen(*args), work, cache), one.name))
        one.note = result.stdout.strip().splitlines()[-1]
        shutil.rmtree(out, ignore_errors=True)
    return [cold, again, one]


def bench_build(work: Path, runs: int, jobs: int, env: dict[str, str]) -> list[Figure]:
    """`build --all`: every package generated, then a wheel and an sdist each; and again with nothing changed."""
    cold = Figure(f"build --all, wheels + sdists, cold (--jobs {jobs})", "boto-typegen", "a few minutes")
    again = Figure("build --all again, output up to date", "boto-typegen", "")
    for run in range(runs):
        out = work / f"build-{run}"
        cache = {**env, "BOTO_TYPEGEN_CACHE": str(work / f"build-cache-{run}")}
        args = _typegen("build", "--all", "--jobs", str(jobs), "--output", str(out / "output"))
        args += ["--dist", str(out / "dist")]
        for figure in (cold, again):
            result = figure.add(ensure_ok(measure(args, work, cache), figure.name))
            figure.note = result.stdout.strip().splitlines()[-1]
        shutil.rmtree(out, ignore_errors=True)
    return [cold, again]


def bench_diff(work: Path, runs: int, jobs: int, env: dict[str, str], old: Path, new: Path) -> list[Figure]:
    """`diff OLD NEW` over two generations of every service (exit 1 means breaking changes, not failure)."""
    figure = Figure(f"diff of two all-services generations (--jobs {jobs})", "boto-typegen", "<= 10 s")
    for _ in range(runs):
        result = measure(_typegen("diff", str(old), str(new), "--jobs", str(jobs)), work, env)
        if result.returncode not in (0, 1):
            ensure_ok(result, figure.name)
        figure.add(result)
        figure.note = result.stdout.strip().splitlines()[-1]
    return [figure]


def _changed_copy(data: Path, service: str, run: int) -> None:
    """A --data-path copy of one service's model with its documentation changed."""
    sys.path.insert(0, str(REPO))
    from generator.parse.source import BotocoreData

    loader = BotocoreData().loader
    model = loader.load_service_model(service, "service-2")
    version = loader.determine_latest_version(service, "service-2")
    model["metadata"]["serviceFullName"] = f"{model['metadata']['serviceFullName']} (bench {run})"
    folder = data / service / version
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "service-2.json").write_text(json.dumps(model))


def bench_users(work: Path, runs: int, published: bool) -> list[Figure]:
    """mypy and pyright on one usage file, with our stubs and (if asked) the published package."""
    ours = work / "stubs-ours"
    shutil.rmtree(ours, ignore_errors=True)
    ensure_ok(single_peak(_typegen("generate", SERVICE, "--output", str(ours), "--no-docs"), work), "generate")
    variants = {"boto-typegen": ours / f"types-boto3-{SERVICE}"}
    if published:
        variants["types-boto3-sagemaker-edge (PyPI)"] = _published(work)
    figures = []
    for tool, folder in variants.items():
        project = work / f"users-{tool.split()[0]}"
        shutil.rmtree(project, ignore_errors=True)
        project.mkdir()
        (project / "usage.py").write_text(USAGE)
        (project / "pyrightconfig.json").write_text(json.dumps({"extraPaths": [str(folder)]}))
        mypy = Figure("users: mypy on a sagemaker-edge usage file", tool, "no slower than published")
        pyright = Figure("users: pyright on a sagemaker-edge usage file", tool, "no slower than published")
        env = {**os.environ, "MYPYPATH": str(folder)}
        for _ in range(runs):
            command = [str(BIN / "mypy"), "--strict", "--no-incremental", "--cache-dir", os.devnull, "usage.py"]
            mypy.add(ensure_ok(single_peak(command, project, env), f"mypy with {tool}"))
            command = [str(BIN / "pyright"), "--pythonpath", str(BIN / "python"), "usage.py"]
            pyright.add(ensure_ok(measure(command, project), f"pyright with {tool}"))
        figures += [mypy, pyright]
    return figures


def bench_users_five(work: Path, runs: int, oracle: Optional[Path]) -> list[Figure]:
    """mypy and pyright on a module using the ec2, s3, dynamodb, sqs and lambda clients: with ours, and with
    the published packages for the same botocore (mypy-boto3-builder's output in `oracle`) if given."""
    ours = work / "stubs-five"
    shutil.rmtree(ours, ignore_errors=True)
    ensure_ok(single_peak(_typegen("generate", *FIVE, "--output", str(ours), "--no-docs"), work), "generate five")
    variants = {"boto-typegen": [ours / f"types-boto3-{service}" for service in FIVE]}
    if oracle is not None:
        variants["published (builder 8.12.0 output)"] = [
            oracle / f"types_boto3_{service}_package" for service in FIVE
        ]
    name = "users: {} on an ec2 + s3 + dynamodb + sqs + lambda module"
    projects = {}
    for tool, folders in variants.items():
        project = work / f"users-five-{tool.split()[0]}"
        shutil.rmtree(project, ignore_errors=True)
        project.mkdir()
        (project / "usage.py").write_text(USAGE_FIVE)
        (project / "pyrightconfig.json").write_text(json.dumps({"extraPaths": [str(item) for item in folders]}))
        # as if installed: mypy reads the stubs whole but reports only the user's file (the published ones
        # have unused ignores of their own under --strict)
        packages = ",".join(f"types_boto3_{service}.*" for service in FIVE)
        (project / "mypy.ini").write_text(f"[mypy]\nstrict = True\n\n[mypy-{packages}]\nignore_errors = True\n")
        env = {**os.environ, "MYPYPATH": os.pathsep.join(str(item) for item in folders)}
        figures = (
            Figure(name.format("mypy"), tool, "no slower than published"),
            Figure(name.format("pyright"), tool, "no slower than published"),
        )
        projects[tool] = (project, env, figures)
    # runs alternate between the two, so a busy machine slows both alike
    for _ in range(runs):
        for tool, (project, env, (mypy, pyright)) in projects.items():
            command = [str(BIN / "mypy"), "--config-file", "mypy.ini", "--no-incremental", "--cache-dir", os.devnull]
            command.append("usage.py")
            mypy.add(ensure_ok(single_peak(command, project, env), f"mypy on five clients with {tool}"))
            command = [str(BIN / "pyright"), "--pythonpath", str(BIN / "python"), "usage.py"]
            pyright.add(ensure_ok(measure(command, project), f"pyright on five clients with {tool}"))
    return [figure for _, _, pair in projects.values() for figure in pair]


def _published(work: Path) -> Path:
    """The published package, downloaded (no dependencies) and unpacked."""
    target = work / "published"
    if not target.exists():
        wheels = work / "wheels"
        subprocess.run(
            [str(BIN / "pip"), "download", "--no-deps", "-q", "-d", str(wheels), f"types-boto3-{SERVICE}"],
            check=True,
        )
        (wheel,) = wheels.glob("*.whl")
        with zipfile.ZipFile(wheel) as archive:
            archive.extractall(target)
    return target


def bench_builder(work: Path, builder: Path, runs: int, all_services: bool) -> list[Figure]:
    """mypy-boto3-builder from its own venv: one service's stubs (and docs), and every service's stubs.

    A failed builder run is a row whose note says why, not the end of the benchmark.
    """
    command = str(builder / "bin" / "mypy_boto3_builder")
    figures = []
    products = {"stubs": "boto3-services", "docs": "boto3-docs"}
    for label, product in products.items():
        figure = Figure(f"sagemaker-edge, {label} (cold process)", "mypy-boto3-builder", "")
        for run in range(runs):
            out = work / f"builder-{label}-{run}"
            args = [command, str(out), "--no-smart-version", "-s", SERVICE, "--product", product]
            _attempt(figure, single_peak(args, work))
            shutil.rmtree(out, ignore_errors=True)
        figures.append(figure)
    if all_services:
        figure = Figure("all services, stubs, cold", "mypy-boto3-builder", "")
        out = work / "builder-all"
        args = [command, str(out), "--no-smart-version", "-s", "all", "--product", products["stubs"]]
        _attempt(figure, measure(args, work))
        shutil.rmtree(out, ignore_errors=True)
        figures.append(figure)
    return figures


def _attempt(figure: Figure, result: Measured) -> None:
    if result.returncode == 0:
        figure.add(result)
    else:
        last = (result.stderr.strip().splitlines() or ["no message"])[-1]
        figure.note = f"failed after {result.seconds:.0f} s: {last[:100]}"


def main(argv: Optional[Sequence[str]] = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=5, help="runs of each single-service figure (median)")
    parser.add_argument("--all-runs", type=int, default=1, help="runs of each all-services figure")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1, help="--jobs for the all-services runs")
    parser.add_argument("--quick", action="store_true", help="skip the all-services figures")
    parser.add_argument("--build-only", action="store_true", help="only the `build --all` figures")
    parser.add_argument("--no-published", action="store_true", help="skip downloading the published package")
    parser.add_argument("--no-users", action="store_true", help="skip the mypy/pyright (users' side) figures")
    parser.add_argument("--builder", type=Path, help="a venv with mypy-boto3-builder, to compare against")
    parser.add_argument("--builder-all", action="store_true", help="also time the builder on every service")
    parser.add_argument("--json", type=Path, help="also write the figures here")
    parser.add_argument(
        "--diff", type=Path, nargs=2, metavar=("OLD", "NEW"), help="two all-services generations to time `diff` on"
    )
    parser.add_argument(
        "--oracle", type=Path, default=ORACLE if ORACLE.is_dir() else None,
        help="the builder's output for the same botocore (types_boto3_<svc>_package/ folders) to compare with",
    )
    parser.add_argument("--only-five", action="store_true", help="only the five-client users' figures")
    parser.add_argument(
        "--families", type=int, metavar="N", help="only each family's cost per service, on a fixed sample of N (0: all)"
    )
    parser.add_argument("--aio-env", type=Path, help="a venv with aiobotocore, where --families runs its family")
    parser.add_argument("--work", type=Path, help="scratch folder (default: a new temporary one)")
    args = parser.parse_args(argv)
    work = args.work or Path(tempfile.mkdtemp(prefix="boto-typegen-bench."))
    work.mkdir(parents=True, exist_ok=True)
    env = {**os.environ, "BOTO_TYPEGEN_CACHE": str(work / "cache")}
    # one unmeasured run fills the template cache, as any earlier use of the tool would have
    warm = ("generate", SERVICE, "--output", str(work / "warm"), "--docs", str(work / "warm-docs"))
    ensure_ok(single_peak(_typegen(*warm), work, env), "warm-up")
    print(f"boto-typegen benchmark: {os.cpu_count()} cores, python {sys.version.split()[0]}, work {work}")
    figures: list[Figure] = []
    stages: list[Callable[[], list[Figure]]] = [lambda: bench_single(work, args.runs, env)]
    if not args.quick and not args.build_only:
        stages.append(lambda: bench_all(work, args.all_runs, args.jobs, env))
    if not args.quick:
        stages.append(lambda: bench_build(work, args.all_runs, args.jobs, env))
    if args.build_only:
        stages = stages[-1:]
    elif not args.no_users:
        stages.append(lambda: bench_users(work, args.runs, not args.no_published))
        stages.append(lambda: bench_users_five(work, args.runs, args.oracle))
    if args.diff:
        stages.append(lambda: bench_diff(work, args.all_runs, args.jobs, env, *args.diff))
    if args.only_five:
        stages = [lambda: bench_users_five(work, args.runs, args.oracle)]
    if args.families is not None:
        stages = [lambda: bench_families(work, args.runs, args.families, args.aio_env, env)]
    if args.builder and not args.build_only:
        stages.append(lambda: bench_builder(work, args.builder, max(1, args.runs // 2), args.builder_all))
    for stage in stages:
        figures += stage()
        if args.json:  # written after every stage, so a long run that breaks late keeps what it measured
            args.json.write_text(json.dumps([asdict(figure) for figure in figures], indent=1))
    print(table(figures))
    return 0


if __name__ == "__main__":
    sys.exit(main())
