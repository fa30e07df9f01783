#!/usr/bin/python3
"""openstack-ha-clustercheck: the Galera health responder HAProxy asks (port 9200).

Runs on every database node as a small HTTP server (a systemd service on
the VMs; the live tests start the very same file in a namespace):

- ``GET /`` (any path other than the one below): ``200`` when this node's
  ``wsrep_local_state`` is 4 (Synced), else ``503``. HAProxy's
  ``option httpchk`` + ``http-check expect status 200`` only send traffic to
  a synced member.
- ``GET /galera-position``: this node's Galera position as JSON (written by
  ``openstack-ha-galera-bootstrap position`` into the position file) plus
  ``"synced"``; ``404`` while the file does not exist. Peers read it to agree
  on which node bootstraps after a full outage.

The state comes from ``mariadb --defaults-extra-file=<client cnf> -N -B -e
"SHOW GLOBAL STATUS LIKE 'wsrep_local_state'"`` (the client cnf holds the
``clustercheck`` user, which needs no privilege beyond USAGE). Python 3.9+
standard library only: this file is copied verbatim onto the nodes.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

SYNCED = 4
QUERY = "SHOW GLOBAL STATUS LIKE 'wsrep_local_state'"


def parse_status(output: str) -> int | None:
    """The state number from the client's ``-N -B`` output, or None."""
    for line in output.splitlines():
        parts = line.split("\t")
        if len(parts) == 2 and parts[0].strip().lower() == "wsrep_local_state":
            try:
                return int(parts[1].strip())
            except ValueError:
                return None
    return None


def query_state(client: str, client_cnf: str, timeout_s: float) -> int | None:
    """``wsrep_local_state`` of the local server, or None when it cannot be read."""
    cmd = [client]
    if client_cnf:
        cmd.append(f"--defaults-extra-file={client_cnf}")
    cmd += [f"--connect-timeout={max(1, int(timeout_s))}", "-N", "-B", "-e", QUERY]
    try:
        proc = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout_s, check=False)
    except (OSError, subprocess.TimeoutExpired):
        return None
    if proc.returncode != 0:
        return None
    return parse_status(proc.stdout)


def response_for(path: str, state: int | None, position: dict[str, Any] | None) -> tuple[int, str]:
    """(HTTP status, body) for a request; pure, so it is unit-tested."""
    if path.split("?", 1)[0] == "/galera-position":
        if position is None:
            return 404, json.dumps({"error": "no position recorded yet"}) + "\n"
        body = dict(position)
        body["synced"] = state == SYNCED
        return 200, json.dumps(body, sort_keys=True) + "\n"
    if state == SYNCED:
        return 200, "Galera node is synced (wsrep_local_state 4).\n"
    shown = "unknown (server down?)" if state is None else str(state)
    return 503, f"Galera node is not synced (wsrep_local_state {shown}).\n"


def read_position(path: str) -> dict[str, Any] | None:
    try:
        with open(path, encoding="utf-8") as fh:
            data = json.load(fh)
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) else None


def make_handler(args: argparse.Namespace) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        server_version = "openstack-ha-clustercheck"
        sys_version = ""

        def do_GET(self) -> None:
            state = query_state(args.client, args.client_cnf, args.timeout)
            status, body = response_for(self.path, state, read_position(args.position_file))
            data = body.encode("utf-8")
            self.send_response(status)
            ctype = "application/json" if body.startswith("{") else "text/plain"
            self.send_header("Content-Type", ctype)
            self.send_header("Content-Length", str(len(data)))
            self.send_header("Connection", "close")
            self.end_headers()
            self.wfile.write(data)

        do_HEAD = do_GET

        def log_message(self, format: str, *fargs: Any) -> None:
            if args.verbose:
                sys.stderr.write("clustercheck: " + (format % fargs) + "\n")

    return Handler


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    p = argparse.ArgumentParser(
        prog="openstack-ha-clustercheck", description=__doc__.split("\n")[0]
    )
    p.add_argument("--listen", required=True, help="ADDRESS:PORT to listen on (management address)")
    p.add_argument("--client", default="mariadb", help="MariaDB command-line client")
    p.add_argument(
        "--client-cnf",
        default="/etc/openstack-ha/clustercheck.cnf",
        help="client options file with the clustercheck user ('' for none)",
    )
    p.add_argument("--position-file", default="/run/openstack-ha/galera-position.json")
    p.add_argument("--timeout", type=float, default=5.0, help="seconds per status query")
    p.add_argument("--verbose", action="store_true")
    return p.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    host, _, port = args.listen.rpartition(":")
    server = ThreadingHTTPServer((host.strip("[]"), int(port)), make_handler(args))
    server.daemon_threads = True
    sys.stderr.write(f"clustercheck: listening on {args.listen} (pid {os.getpid()})\n")
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
