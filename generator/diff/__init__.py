"""A type-level diff between two generations: read the stubs into facts, compare them, render the changes."""
