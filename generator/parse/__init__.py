"""Parsing: botocore's service models into the IR."""
