"""Distributions of generated package folders: a wheel and an sdist each, written in-process with fixed
timestamps and file order, so the same folder always gives the same bytes."""
