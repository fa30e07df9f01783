"""Run test-client code (pymysql, pika, sockets) inside a node's network namespace.

A thread may join another network namespace on its own (``setns(2)`` with
``CLONE_NEWNET`` is per thread), and every socket it opens there stays in
that namespace. So a client lives in a one-thread executor that joined the
node's namespace once: the test's writer loops talk to the VIP over the
lab's bridges without any route from the root namespace, and nothing else in
the pytest process moves. (``os.setns`` is Python 3.12+; this uses libc.)
"""

from __future__ import annotations

import ctypes
import os
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from typing import TypeVar

T = TypeVar("T")
CLONE_NEWNET = 0x40000000
_libc = ctypes.CDLL(None, use_errno=True)


def _join_netns(path: str) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        if _libc.setns(fd, CLONE_NEWNET) != 0:
            err = ctypes.get_errno()
            raise OSError(err, f"setns({path}): {os.strerror(err)}")
    finally:
        os.close(fd)


class NetnsClient:
    """A single worker thread living in network namespace ``netns``.

    ``submit(fn, *args)`` runs ``fn`` there and returns a Future; ``call``
    waits for the result. Close it (or use ``with``) to end the thread.
    """

    def __init__(self, netns: str) -> None:
        self.netns = netns
        self._pool = ThreadPoolExecutor(
            max_workers=1, thread_name_prefix=f"netns-{netns}",
            initializer=_join_netns, initargs=(f"/run/netns/{netns}",),
        )

    def submit(self, fn: Callable[..., T], *args: object) -> Future[T]:
        return self._pool.submit(fn, *args)

    def call(self, fn: Callable[..., T], *args: object, timeout: float = 60.0) -> T:
        return self.submit(fn, *args).result(timeout=timeout)

    def close(self) -> None:
        self._pool.shutdown(wait=True, cancel_futures=True)

    def __enter__(self) -> NetnsClient:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
