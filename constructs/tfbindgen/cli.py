"""Placeholder until the generator lands: fails loudly rather than pretending."""

import sys


def main(argv: list[str] | None = None) -> int:
    print("tfbindgen: the generator is not implemented yet", file=sys.stderr)
    return 2
