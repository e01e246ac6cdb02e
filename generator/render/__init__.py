"""Rendering: the IR through the jinja templates into file texts."""
