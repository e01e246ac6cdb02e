"""boto-typegen: type stubs and documentation for boto3 services, generated from botocore's models."""

__version__ = "0.1.0"
