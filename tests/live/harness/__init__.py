"""Live-test harness: the lab's nodes as Linux namespaces, real daemons inside.

Read ``tests/live/README.md`` first: it records how each daemon runs in a
namespace on Debian 12, the measured figures, and the pitfalls.
"""

from .client import NetnsClient
from .fence import FenceHost, FenceRecord
from .lab import Daemon, Lab
from .network import Attachment, Network
from .node import Node, NodeSpec
from .runid import RunId, clean_stale_runs
from .waits import WaitTimeout, measure, tail, wait_until

__all__ = [
    "Attachment",
    "Daemon",
    "FenceHost",
    "FenceRecord",
    "Lab",
    "NetnsClient",
    "Network",
    "Node",
    "NodeSpec",
    "RunId",
    "WaitTimeout",
    "clean_stale_runs",
    "measure",
    "tail",
    "wait_until",
]
