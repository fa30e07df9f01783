"""Test infrastructure shared by every test folder: ``tests/standin`` on the path.

It holds ``tfstandin`` (the stand-in providers and the offline plan check of
synthesized configurations), which tests import like any module.
"""

from __future__ import annotations

import sys
from pathlib import Path

_STANDIN = str(Path(__file__).resolve().parent / "standin")
if _STANDIN not in sys.path:
    sys.path.insert(0, _STANDIN)
