"""The version of this stub package: the botocore version it was generated from (.postN for a rebuild)."""

__version__ = "1.44.8"
