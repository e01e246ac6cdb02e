"""Typed errors for bad input: each carries a one-line message a user can act on."""

from __future__ import annotations


class GeneratorError(Exception):
    """A problem with the user's input or environment, reported as one line without a traceback."""

    exit_code = 1


class UnknownServiceError(GeneratorError):
    exit_code = 2


class ModelError(GeneratorError):
    """A service model that cannot be read or does not have the expected structure."""


class OutputError(GeneratorError):
    """An output folder that cannot be written."""


class UnknownFlavorError(GeneratorError):
    """A --flavor that names no package family."""

    exit_code = 2
