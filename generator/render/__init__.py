"""Rendering: the IR through the jinja templates into file texts: the stub package (stubs.py) and the docs
pages (docs/)."""
