"""Rendered cluster configuration: pure functions from the lab plan to files."""
