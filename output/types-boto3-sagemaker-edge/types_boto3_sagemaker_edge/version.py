"""The version of this stub package: the botocore version it was generated from."""

__version__ = "1.44.8"
