"""A node: its own network, mount and UTS namespaces, and its own files.

Each node is three namespaces that outlive any one process:

- network: ``ip netns add oha<pid>-<node>`` (``/run/netns/...``);
- mount: created once by ``unshare --mount=<file>`` and kept alive by that
  bind-mounted file, so every daemon and every CLI call of the node enters
  the *same* mount namespace (``nsenter --mount=<file>``) and sees the same
  files, and a host-side umount of the file releases it at teardown;
- UTS: same trick, so ``hostname`` (Pacemaker's node name when corosync.conf
  has no ``name:``, Galera's ``wsrep_node_name`` default, RabbitMQ's
  ``rabbit@<host>``) is the node's own.

Inside the mount namespace (set up once at :meth:`Node.boot`):

- ``/etc``, ``/var``, ``/usr/local``, ``/root`` are overlayfs views: the
  host's directory is the read-only lower layer (so packages' files, users'
  home directories, ownerships, Debian's default configs are all there, as on
  a freshly installed VM), and ``<base>/<node>/upper/...`` is the node's own
  writable layer. Rendered files are *staged* into the upper layer before
  boot, under their real path, so every daemon reads the node's rendered
  file at its real path. Everything a node writes (logs, databases, CIB,
  mnesia) lands in its upper layer, readable from the host afterwards.
- ``/run``, ``/tmp``, ``/dev/shm`` are fresh tmpfs (a boot clears them; so
  does :meth:`Node.clear_volatile`, used to restart a killed node), seeded by
  ``systemd-tmpfiles --create --boot`` exactly as at boot (``/run/mysqld``
  owned by mysql, ``/run/resource-agents``, ``/run/haproxy``, ``/run/lock``).
  A private ``/dev/shm`` matters: libqb (Pacemaker and Corosync IPC) keeps
  its ring buffers there and a SIGKILLed node would otherwise leak them into
  the host's.
- ``/sys`` is a sysfs mounted from inside the node's network namespace, so
  ``/sys/class/net`` lists the node's interfaces (resource agents read it),
  as ``ip netns exec`` would do.
- single files can be bind-mounted over host paths (:meth:`Node.bind_file`),
  e.g. a fence-agent stand-in over ``/usr/sbin/fence_xvm``.

The upper layers must not live below an overlaid directory (overlayfs refuses
overlapping layers), so the base directory is under ``/tmp`` (pytest's
``tmp_path``) and the overlays are mounted before ``/tmp`` is replaced.
"""

from __future__ import annotations

import os
import shutil
import stat
import subprocess
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO

from .network import Attachment
from .runid import MARKER_ENV, RunId
from .shell import run

OVERLAY_ROOTS: tuple[str, ...] = ("/etc", "/var", "/usr/local", "/root")
VOLATILE_MOUNTS: tuple[tuple[str, str, str], ...] = (
    # (path, mode, size): what a boot starts empty.
    ("/run", "0755", "256m"),
    ("/tmp", "1777", "512m"),
    ("/dev/shm", "1777", "256m"),
)
BASE_PATH = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"


@dataclass(frozen=True)
class NodeSpec:
    """What the lab needs to know about a node to build it."""

    name: str
    attachments: tuple[Attachment, ...]
    hostname: str | None = None  # defaults to ``name``
    aliases: tuple[str, ...] = ()  # extra names in /etc/hosts and the fence target map

    @property
    def host(self) -> str:
        return self.hostname or self.name

    def address(self, network: str) -> str:
        for att in self.attachments:
            if att.network == network:
                return att.address
        raise KeyError(f"node {self.name} has no address on network {network!r}")


@dataclass
class Node:
    spec: NodeSpec
    index: int
    run_id: RunId
    base: Path  # the lab's base directory (host path)
    ns_dir: Path  # where the namespace files are bind-mounted (host path)
    binds: dict[str, Path] = field(default_factory=dict)  # node path -> host file
    shared_dirs: dict[str, Path] = field(default_factory=dict)  # node path -> host dir
    booted: bool = False

    @property
    def name(self) -> str:
        return self.spec.name

    @property
    def netns(self) -> str:
        return self.run_id.netns(self.name)

    @property
    def root(self) -> Path:
        return self.base / self.name

    @property
    def logs(self) -> Path:
        """Host directory for the stdout/stderr logs of the daemons we start."""
        return self.root / "logs"

    @property
    def mnt_file(self) -> Path:
        return self.ns_dir / f"{self.name}.mnt"

    @property
    def uts_file(self) -> Path:
        return self.ns_dir / f"{self.name}.uts"

    def address(self, network: str) -> str:
        return self.spec.address(network)

    # -- files -----------------------------------------------------------------

    def _overlay_root(self, path: str) -> str:
        for root in OVERLAY_ROOTS:
            if path == root or path.startswith(root + "/"):
                return root
        raise ValueError(
            f"node {self.name}: cannot stage {path}: only files under "
            f"{', '.join(OVERLAY_ROOTS)} are private to a node; use Node.bind_file to "
            "replace a single existing file elsewhere"
        )

    def upper(self, path: str) -> Path:
        """Host path of ``path`` in the node's writable layer.

        Read it only for files the node has written (logs, grastate.dat); a
        file the node never touched is still the host's (lower layer).
        """
        root = self._overlay_root(path)
        return self.root / "upper" / root.strip("/") / os.path.relpath(path, root)

    def _make_upper_dirs(self, path: str) -> None:
        """Create the upper-layer parents of ``path`` with the host's owner and mode.

        A directory created in the upper layer replaces the lower one's
        attributes in the merged view: ``/var/lib/rabbitmq`` created as root
        would stop RabbitMQ from writing its own home. So copy them.
        """
        root = self._overlay_root(path)
        parts = Path(os.path.relpath(os.path.dirname(path), root)).parts
        current = root
        for part in ("", *parts):
            current = os.path.normpath(os.path.join(current, part))
            target = self.upper(current)
            if target.exists():
                continue
            target.mkdir(parents=True)
            try:
                st = os.stat(current)
            except FileNotFoundError:
                continue  # new directory: root 0755 is right
            os.chown(target, st.st_uid, st.st_gid)
            os.chmod(target, stat.S_IMODE(st.st_mode))

    def stage_file(
        self, path: str, content: bytes | str, *, mode: int = 0o644, owner: str = "root:root"
    ) -> None:
        """Write a file the node will see at ``path`` (before or after boot).

        ``owner`` is ``user:group`` by name (the node's /etc/passwd is the
        host's). Before boot it goes straight into the upper layer; after boot
        it is written from inside the node, as a running VM would.
        """
        data = content.encode() if isinstance(content, str) else content
        user, _, group = owner.partition(":")
        if self.booted:
            self.exec(
                ["sh", "-c", 'umask 077 && cat > "$1" && chown "$2" "$1" && chmod "$3" "$1"',
                 "sh", path, f"{user}:{group or user}", f"{mode:o}"],
                input_bytes=data,
            )
            return
        self._make_upper_dirs(path)
        target = self.upper(path)
        target.write_bytes(data)
        shutil.chown(target, user, group or user)
        os.chmod(target, mode)

    def stage_tree(self, tree: Path) -> list[str]:
        """Stage every file of a rendered node folder (``etc/...``) under its real path.

        Modes are kept; owners are root unless changed afterwards with
        :meth:`stage_file`. Returns the node paths staged, sorted.
        """
        staged = []
        for src in sorted(p for p in tree.rglob("*") if p.is_file()):
            path = "/" + src.relative_to(tree).as_posix()
            self.stage_file(path, src.read_bytes(), mode=stat.S_IMODE(src.stat().st_mode))
            staged.append(path)
        return staged

    def bind_file(self, path: str, host_file: Path) -> None:
        """Show ``host_file`` at ``path`` in the node (``path`` must exist on the host)."""
        if self.booted:
            raise RuntimeError(f"node {self.name}: bind_file({path}) must come before boot")
        if not os.path.isfile(path):
            raise ValueError(
                f"node {self.name}: cannot bind over {path}: no such file on the host; "
                "stage files under /etc, /var, /usr/local or /root instead"
            )
        self.binds[path] = host_file

    def bind_dir(self, path: str, host_dir: Path) -> None:
        """Share ``host_dir`` with the node at ``path`` (under an overlaid root).

        The same host directory may be shared with several nodes (the fence
        stand-in's request queue is).
        """
        if self.booted:
            raise RuntimeError(f"node {self.name}: bind_dir({path}) must come before boot")
        self._make_upper_dirs(path + "/.")
        self.upper(path).mkdir(exist_ok=True)
        self.shared_dirs[path] = host_dir

    # -- namespaces ------------------------------------------------------------

    def boot(self) -> None:
        """Create the node's mount and UTS namespaces and mount its private tree."""
        self.logs.mkdir(parents=True, exist_ok=True)
        for ns_file in (self.mnt_file, self.uts_file):
            ns_file.touch()
        lines = ["set -eu", f"hostname {self.spec.host}",
                 "mount -t sysfs -o nosuid,nodev,noexec sysfs /sys"]
        for root in OVERLAY_ROOTS:
            upper = self.root / "upper" / root.strip("/")
            work = self.root / "work" / root.strip("/")
            upper.mkdir(parents=True, exist_ok=True)
            work.mkdir(parents=True, exist_ok=True)
            options = f"lowerdir={root},upperdir={upper},workdir={work}"
            lines.append(f"mount -t overlay overlay -o {options} {root}")
        # Bind single files while their host sources are still visible (before
        # /tmp, where the base directory lives, is replaced).
        lines += [f"mount --bind {src} {dst}" for dst, src in sorted(self.binds.items())]
        lines += [f"mount --bind {src} {dst}" for dst, src in sorted(self.shared_dirs.items())]
        lines += self._volatile_lines()
        run(
            ["nsenter", f"--net=/run/netns/{self.netns}", "unshare",
             f"--mount={self.mnt_file}", f"--uts={self.uts_file}", "--propagation", "private",
             "--", "sh", "-c", "\n".join(lines)],
            timeout=60,
        )
        self.booted = True

    @staticmethod
    def _volatile_lines() -> list[str]:
        lines = [f"mount -t tmpfs -o mode={mode},size={size},nosuid,nodev tmpfs {path}"
                 for path, mode, size in VOLATILE_MOUNTS]
        # What a boot creates in /run and /tmp (tmpfiles.d of the packages).
        # Some entries refer to things a namespace lacks; those errors are
        # harmless, so the exit status is ignored.
        lines.append("systemd-tmpfiles --create --boot --prefix=/run --prefix=/tmp "
                     ">/dev/null 2>&1 || true")
        return lines

    def clear_volatile(self) -> None:
        """Empty /run, /tmp and /dev/shm as a reboot would (node must be stopped).

        Restarting a SIGKILLed node without this leaves stale pid files,
        sockets and libqb buffers that a real reboot would have removed.
        """
        script = ["set -eu"]
        script += [f"umount -l {path}" for path, _, _ in VOLATILE_MOUNTS]
        script += self._volatile_lines()
        self.exec(["sh", "-c", "\n".join(script)], timeout=30)

    def env(self, extra: Mapping[str, str] | None = None) -> dict[str, str]:
        """A clean environment for programs in the node, carrying the run marker."""
        env = {
            "PATH": BASE_PATH,
            "LANG": "C.UTF-8",
            "HOME": "/root",
            "TERM": "dumb",
            MARKER_ENV: self.run_id.tag,
        }
        env.update(extra or {})
        return env

    def argv(self, cmd: Sequence[str]) -> list[str]:
        """``cmd`` wrapped to run inside the node's three namespaces."""
        if not self.booted:
            raise RuntimeError(f"node {self.name}: not booted")
        return ["nsenter", f"--net=/run/netns/{self.netns}", f"--mount={self.mnt_file}",
                f"--uts={self.uts_file}", "--", *cmd]

    def exec(
        self,
        cmd: Sequence[str],
        *,
        check: bool = True,
        timeout: float = 30.0,
        input_bytes: bytes | None = None,
        env: Mapping[str, str] | None = None,
    ) -> subprocess.CompletedProcess[str]:
        """Run a short command in the node; output captured as text."""
        try:
            proc = subprocess.run(
                self.argv(cmd), capture_output=True, timeout=timeout, input=input_bytes,
                env=self.env(env), check=False,
            )
        except subprocess.TimeoutExpired as exc:
            raise RuntimeError(
                f"node {self.name}: {' '.join(cmd)}: still running after {timeout:g} s"
            ) from exc
        result = subprocess.CompletedProcess(
            proc.args, proc.returncode, proc.stdout.decode(errors="replace"),
            proc.stderr.decode(errors="replace"),
        )
        if check and proc.returncode != 0:
            raise RuntimeError(
                f"node {self.name}: {' '.join(cmd)}: exit {proc.returncode}\n"
                f"stdout: {result.stdout.strip()[-3000:]}\nstderr: {result.stderr.strip()[-3000:]}"
            )
        return result

    def popen(
        self, cmd: Sequence[str], *, log: IO[bytes], env: Mapping[str, str] | None = None
    ) -> subprocess.Popen[bytes]:
        """Start a long-running program in the node, output appended to ``log``.

        Its own session (``start_new_session``) so a Ctrl-C aimed at pytest
        does not reach it: teardown kills it deliberately, by PID.
        """
        return subprocess.Popen(
            self.argv(cmd), stdin=subprocess.DEVNULL, stdout=log, stderr=subprocess.STDOUT,
            env=self.env(env), start_new_session=True, cwd="/",
        )

    def read_text(self, path: str, *, missing_ok: bool = False) -> str:
        """The node's view of ``path`` (read from inside the node)."""
        proc = self.exec(["cat", path], check=not missing_ok)
        return proc.stdout if proc.returncode == 0 else ""

    def release(self) -> list[str]:
        """Unmount the namespace files (teardown); returns problems, if any."""
        problems = []
        for ns_file in (self.mnt_file, self.uts_file):
            if not ns_file.exists():
                continue
            proc = run(["umount", str(ns_file)], check=False)
            if proc.returncode != 0 and _is_mounted(ns_file):
                proc = run(["umount", "-l", str(ns_file)], check=False)
                if _is_mounted(ns_file):
                    problems.append(f"{ns_file}: {proc.stderr.strip()}")
        self.booted = False
        return problems


def _is_mounted(path: Path) -> bool:
    target = str(path)
    with open("/proc/self/mountinfo") as fh:
        return any(line.split()[4] == target for line in fh)
