"""``python -m tfstandin PROVIDER``: serve one pinned provider (Terraform starts this)."""

from __future__ import annotations

import sys

from .server import serve


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print("usage: python -m tfstandin PROVIDER   (libvirt, openstack, random)", file=sys.stderr)
        return 2
    return serve(argv[0])


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
