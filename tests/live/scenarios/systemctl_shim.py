#!/usr/bin/python3
"""A ``systemctl`` stand-in for live-test nodes, which have no systemd.

Staged at ``/usr/local/sbin/systemctl`` in a lab node (first on PATH), so the
rendered bootstrap program, ``openstack-ha-galera-bootstrap`` and Debian's own
helpers (``galera_new_cluster``) run unchanged: whenever they call
``systemctl start X`` this program starts X the way systemd would, from the
*real* unit files of the installed packages (``/lib/systemd/system``) and the
rendered ones and drop-ins (``/etc/systemd/system``):

- ``Requires=`` services first; ``Environment=``, ``EnvironmentFile=`` (``-``
  optional) over the manager environment (``set-environment``);
  ``User=``/``Group=`` (with HOME, USER, LOGNAME, SHELL), ``UMask=``,
  ``WorkingDirectory=``, ``RuntimeDirectory=``, ``LimitNOFILE=``;
- ``ExecStartPre=``, ``ExecStart=`` (systemd's ``$VAR``/``${VAR}``
  expansion), ``ExecStartPost=``, with the ``-`` and ``!``/``+`` prefixes;
- ``Type=notify`` waits for ``READY=1`` on a ``NOTIFY_SOCKET`` (as systemd
  does: mariadbd, corosync, haproxy -Ws and RabbitMQ all send it), ``simple``
  and ``exec`` return once started, ``forking``/``oneshot`` wait for the
  exit; ``TimeoutStartSec=`` bounds the wait;
- ``StandardOutput=``/``StandardError=`` ``append:``/``file:``/``null``;
  anything else goes to ``/var/log/oha-systemctl/<unit>.log`` (the journal
  stand-in; the harness prints it when a test fails).

What it does not do, on purpose (say so where it matters): no cgroups (stop
signals the main process and its session), no ``Restart=`` supervision, no
sandboxing (``Protect*``, ``Private*``), no socket or dbus activation, no
dependency ordering beyond ``Requires=``. ``LimitNOFILE=`` is capped at the
hard limit the test sandbox allows (it cannot raise it). ``enable``/``disable``
record the state under ``/var/lib/oha-systemctl`` (a node's disk) and change
nothing else; ``daemon-reload`` does nothing (units are read at each start).
The live-test run marker (``OHA_LIVE_RUN``) is passed to every service, so
the harness can always find and kill what was started.

Standard library only: the node runs it with the host's /usr/bin/python3.
"""

from __future__ import annotations

import contextlib
import grp
import os
import pwd
import re
import resource
import shlex
import signal
import socket
import subprocess
import sys
import time
from dataclasses import dataclass, field

UNIT_DIRS = ("/etc/systemd/system", "/run/systemd/system", "/lib/systemd/system",
             "/usr/lib/systemd/system")
STATE_RUN = "/run/oha-systemctl"  # volatile: pids, manager environment (a reboot clears it)
STATE_DISK = "/var/lib/oha-systemctl"  # persistent: enabled units
LOG_DIR = "/var/log/oha-systemctl"
MARKER_ENV = "OHA_LIVE_RUN"
SYSTEMD_PATH = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"
LIST_KEYS = {"ExecStartPre", "ExecStartPost", "ExecStop", "Environment", "EnvironmentFile",
             "Requires", "RuntimeDirectory"}
MAX_START_S = 900.0
STOP_WAIT_S = 30.0


def say(message: str) -> None:
    sys.stderr.write(f"systemctl (live-test shim): {message}\n")
    sys.stderr.flush()


# -- unit files -------------------------------------------------------------------


@dataclass
class Unit:
    name: str
    sources: list[str] = field(default_factory=list)
    values: dict[str, list[str]] = field(default_factory=dict)

    def get(self, key: str, default: str = "") -> str:
        vals = self.values.get(key)
        return vals[-1] if vals else default

    def all(self, key: str) -> list[str]:
        return list(self.values.get(key, []))

    @property
    def type(self) -> str:
        return self.get("Type", "simple")


def unit_name(name: str) -> str:
    return name if "." in name else f"{name}.service"


def _logical_lines(text: str) -> list[str]:
    lines: list[str] = []
    pending = ""
    for raw in text.splitlines():
        stripped = raw.strip()
        if not pending and (not stripped or stripped[0] in "#;"):
            continue
        if stripped.endswith("\\"):
            pending += stripped[:-1] + " "
            continue
        lines.append(pending + stripped)
        pending = ""
    if pending:
        lines.append(pending)
    return lines


def _parse_into(unit: Unit, path: str) -> None:
    with open(path, encoding="utf-8") as fh:
        text = fh.read()
    unit.sources.append(path)
    for line in _logical_lines(text):
        if line.startswith("["):
            continue
        key, sep, value = line.partition("=")
        if not sep:
            continue
        key, value = key.strip(), value.strip()
        if value == "":
            unit.values[key] = []  # an empty assignment resets the list
        elif key in LIST_KEYS:
            unit.values.setdefault(key, []).append(value)
        else:
            unit.values[key] = [value]


def load_unit(name: str) -> Unit:
    name = unit_name(name)
    unit = Unit(name)
    for directory in UNIT_DIRS:
        path = os.path.join(directory, name)
        if os.path.isfile(path):
            _parse_into(unit, path)
            break
    else:
        raise LookupError(f"Unit {name} not found (looked in {', '.join(UNIT_DIRS)}).")
    dropins: dict[str, str] = {}
    for directory in reversed(UNIT_DIRS):  # /etc wins over /lib for the same file name
        d = os.path.join(directory, name + ".d")
        if os.path.isdir(d):
            for entry in os.listdir(d):
                if entry.endswith(".conf"):
                    dropins[entry] = os.path.join(d, entry)
    for entry in sorted(dropins):
        _parse_into(unit, dropins[entry])
    return unit


# -- environment and command lines --------------------------------------------------


def _unquote(value: str) -> str:
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "'\"":
        return value[1:-1]
    return value


def read_env_file(path: str) -> dict[str, str]:
    env: dict[str, str] = {}
    with open(path, encoding="utf-8") as fh:
        for line in _logical_lines(fh.read()):
            key, sep, value = line.partition("=")
            key = key.strip()
            if sep and re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", key):
                env[key] = _unquote(value.strip())
    return env


def manager_env() -> dict[str, str]:
    path = os.path.join(STATE_RUN, "environment")
    return read_env_file(path) if os.path.exists(path) else {}


def save_manager_env(env: dict[str, str]) -> None:
    os.makedirs(STATE_RUN, exist_ok=True)
    with open(os.path.join(STATE_RUN, "environment"), "w", encoding="utf-8") as fh:
        for key in sorted(env):
            fh.write(f"{key}={shlex.quote(env[key])}\n")


def unit_env(unit: Unit) -> dict[str, str]:
    env = {"PATH": SYSTEMD_PATH, "LANG": "C.UTF-8"}
    if MARKER_ENV in os.environ:
        env[MARKER_ENV] = os.environ[MARKER_ENV]
    env.update(manager_env())
    for assignment in unit.all("Environment"):
        for word in shlex.split(assignment):
            key, sep, value = word.partition("=")
            if sep:
                env[key] = value
    for spec in unit.all("EnvironmentFile"):
        optional = spec.startswith("-")
        path = spec.lstrip("-")
        if os.path.exists(path):
            env.update(read_env_file(path))
        elif not optional:
            raise FileNotFoundError(f"{unit.name}: EnvironmentFile {path} is missing")
    user = unit.get("User")
    if user:
        entry = pwd.getpwnam(user)
        env.update(HOME=entry.pw_dir, USER=user, LOGNAME=user, SHELL=entry.pw_shell)
    else:
        env.update(HOME="/root", USER="root", LOGNAME="root", SHELL="/bin/sh")
    return env


_VAR = re.compile(r"\$\{([A-Za-z_][A-Za-z0-9_]*)\}")
_WORD_VAR = re.compile(r"\$([A-Za-z_][A-Za-z0-9_]*)")


def expand(line: str, env: dict[str, str]) -> tuple[str, list[str]]:
    """(prefixes, argv) of an Exec line, with systemd's variable expansion.

    ``$VAR`` as a whole word splits into words, ``${VAR}`` stays one word and
    may sit inside a word; ``$$`` is a literal ``$``.
    """
    prefixes = ""
    while line and line[0] in "-!+@:|":
        prefixes += line[0]
        line = line[1:]
    argv: list[str] = []
    for word in shlex.split(line):
        whole = _WORD_VAR.fullmatch(word)
        if whole:
            argv += env.get(whole.group(1), "").split()
            continue
        braced = _VAR.fullmatch(word)
        if braced:
            argv.append(env.get(braced.group(1), ""))
            continue
        argv.append(_VAR.sub(lambda m: env.get(m.group(1), ""), word).replace("$$", "$"))
    return prefixes, argv


# -- processes -----------------------------------------------------------------------


def _rlimit_value(text: str) -> int:
    return resource.RLIM_INFINITY if text == "infinity" else int(text)


def preexec_for(unit: Unit, privileged: bool):  # type: ignore[no-untyped-def]
    user = unit.get("User")
    group = unit.get("Group")
    umask = unit.get("UMask")
    nofile = unit.get("LimitNOFILE")

    def preexec() -> None:
        if nofile:
            soft_s, _, hard_s = nofile.partition(":")
            soft, hard = _rlimit_value(soft_s), _rlimit_value(hard_s or soft_s)
            cur_hard = resource.getrlimit(resource.RLIMIT_NOFILE)[1]
            # The sandbox's hard limit cannot be raised (no CAP_SYS_RESOURCE):
            # cap at it rather than fail (a VM's systemd would grant the value).
            if cur_hard != resource.RLIM_INFINITY:
                soft = cur_hard if soft == resource.RLIM_INFINITY else min(soft, cur_hard)
                hard = cur_hard if hard == resource.RLIM_INFINITY else min(hard, cur_hard)
            with contextlib.suppress(ValueError, OSError):
                resource.setrlimit(resource.RLIMIT_NOFILE, (soft, hard))
        if umask:
            os.umask(int(umask, 8))
        if user and not privileged:
            entry = pwd.getpwnam(user)
            gid = grp.getgrnam(group).gr_gid if group else entry.pw_gid
            os.setgid(gid)
            os.initgroups(user, gid)
            os.setuid(entry.pw_uid)

    return preexec


def _workdir(unit: Unit, env: dict[str, str]) -> str:
    wd = unit.get("WorkingDirectory", "/").lstrip("-")
    if wd == "~":
        wd = env.get("HOME", "/")
    return wd if os.path.isdir(wd) else "/"


def _output(spec: str, default: int) -> tuple[int, bool]:
    """(fd, opened_here) for a StandardOutput/StandardError value."""
    if spec.startswith("append:") or spec.startswith("file:"):
        kind, _, path = spec.partition(":")
        os.makedirs(os.path.dirname(path), exist_ok=True)
        flags = os.O_WRONLY | os.O_CREAT | (os.O_APPEND if kind == "append" else 0)
        return os.open(path, flags, 0o640), True
    if spec == "null":
        return os.open(os.devnull, os.O_WRONLY), True
    return default, False


def unit_log_fd(unit: Unit) -> int:
    os.makedirs(LOG_DIR, exist_ok=True)
    return os.open(os.path.join(LOG_DIR, f"{unit.name}.log"),
                   os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o640)


def run_aux(unit: Unit, line: str, env: dict[str, str], log_fd: int, what: str) -> None:
    prefixes, argv = expand(line, env)
    privileged = "!" in prefixes or "+" in prefixes
    os.write(log_fd, f"--- {what}: {' '.join(argv)}\n".encode())
    rc = subprocess.run(
        argv, stdin=subprocess.DEVNULL, stdout=log_fd, stderr=log_fd, env=env,
        cwd=_workdir(unit, env), check=False,
        preexec_fn=preexec_for(unit, privileged),
        timeout=MAX_START_S,
    ).returncode
    if rc != 0 and "-" not in prefixes:
        raise RuntimeError(f"{unit.name}: {what} {' '.join(argv)} failed with exit {rc}")


def pid_file(unit: str) -> str:
    return os.path.join(STATE_RUN, f"{unit}.pid")


def main_pid(unit: str) -> int | None:
    try:
        with open(pid_file(unit), encoding="utf-8") as fh:
            pid = int(fh.read().strip())
    except (OSError, ValueError):
        return None
    return pid if _alive(pid) else None


def _alive(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat", encoding="utf-8") as fh:
            state = fh.read().rsplit(")", 1)[1].split()[0]
    except (OSError, IndexError):
        return False
    return state not in ("Z", "X")


def _session_pids(sid: int) -> list[int]:
    pids = []
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat", encoding="utf-8") as fh:
                fields = fh.read().rsplit(")", 1)[1].split()
        except (OSError, IndexError):
            continue
        if int(fields[3]) == sid:  # fields after the name: state ppid pgrp session
            pids.append(int(entry))
    return pids


def _timeout(unit: Unit) -> float:
    text = unit.get("TimeoutStartSec", "90").lower()
    if text in ("infinity", "0"):
        return MAX_START_S
    match = re.fullmatch(r"(\d+)\s*(ms|s|sec|min|m)?", text)
    if not match:
        return 90.0
    value = float(match.group(1))
    factor = {"ms": 0.001, "min": 60.0, "m": 60.0}.get(match.group(2) or "s", 1.0)
    return min(MAX_START_S, value * factor)


def start(name: str, *, seen: tuple[str, ...] = ()) -> None:
    unit = load_unit(name)
    if unit.name in seen:
        return
    for required in unit.all("Requires"):
        for dep in required.split():
            if dep.endswith(".service"):
                start(dep, seen=(*seen, unit.name))
    if main_pid(unit.name) is not None:
        return  # already active
    env = unit_env(unit)
    log_fd = unit_log_fd(unit)
    os.write(log_fd, f"=== {time.strftime('%H:%M:%S')} starting {unit.name} "
                     f"(from {', '.join(unit.sources)})\n".encode())
    user = unit.get("User")
    for rdir in unit.all("RuntimeDirectory"):
        for d in rdir.split():
            path = os.path.join("/run", d)
            os.makedirs(path, exist_ok=True)
            os.chmod(path, int(unit.get("RuntimeDirectoryMode", "0755"), 8))
            if user:
                entry = pwd.getpwnam(user)
                os.chown(path, entry.pw_uid, entry.pw_gid)
    for line in unit.all("ExecStartPre"):
        run_aux(unit, line, env, log_fd, "ExecStartPre")
    exec_start = unit.get("ExecStart")
    if not exec_start:
        raise RuntimeError(f"{unit.name} has no ExecStart")
    prefixes, argv = expand(exec_start, env)
    privileged = "!" in prefixes or "+" in prefixes
    out_fd, out_own = _output(unit.get("StandardOutput"), log_fd)
    err_spec = unit.get("StandardError", "inherit")
    err_fd, err_own = (out_fd, False) if err_spec == "inherit" else _output(err_spec, log_fd)
    notify: socket.socket | None = None
    kind = unit.type
    if kind == "notify":
        os.makedirs(STATE_RUN, exist_ok=True)
        sock_path = os.path.join(STATE_RUN, f"notify-{unit.name}-{os.getpid()}.sock")
        with contextlib.suppress(FileNotFoundError):
            os.unlink(sock_path)
        notify = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
        notify.bind(sock_path)
        os.chmod(sock_path, 0o777)  # the service may run as another user
        env["NOTIFY_SOCKET"] = sock_path
    os.write(log_fd, f"--- ExecStart: {' '.join(argv)}\n".encode())
    proc = subprocess.Popen(
        argv, stdin=subprocess.DEVNULL, stdout=out_fd, stderr=err_fd, env=env,
        # preexec_fn is safe here: the shim is single-threaded.
        cwd=_workdir(unit, env), preexec_fn=preexec_for(unit, privileged),  # noqa: PLW1509
        start_new_session=True,
    )
    for fd, own in ((out_fd, out_own), (err_fd, err_own)):
        if own:
            os.close(fd)
    pid = proc.pid
    deadline = time.monotonic() + _timeout(unit)
    try:
        if kind == "notify":
            assert notify is not None
            pid = _wait_ready(unit, proc, notify, deadline)
        elif kind in ("forking", "oneshot"):
            rc = proc.wait(timeout=max(1.0, deadline - time.monotonic()))
            if rc != 0:
                raise RuntimeError(f"{unit.name}: {' '.join(argv)} exited {rc}")
            if kind == "forking":
                pidf = unit.get("PIDFile")
                if pidf:
                    with open(pidf, encoding="utf-8") as fh:
                        pid = int(fh.read().split()[0])
    finally:
        if notify is not None:
            notify.close()
    os.makedirs(STATE_RUN, exist_ok=True)
    with open(pid_file(unit.name), "w", encoding="utf-8") as fh:
        fh.write(f"{pid}\n")
    os.write(log_fd, f"=== {time.strftime('%H:%M:%S')} started {unit.name} (pid {pid})\n".encode())
    for line in unit.all("ExecStartPost"):
        run_aux(unit, line, env, log_fd, "ExecStartPost")
    os.close(log_fd)


def _wait_ready(unit: Unit, proc: subprocess.Popen[bytes], notify: socket.socket,
                deadline: float) -> int:
    pid = proc.pid
    while True:
        if proc.poll() is not None:
            raise RuntimeError(f"{unit.name}: main process exited {proc.returncode} before "
                               f"READY=1; see {LOG_DIR}/{unit.name}.log")
        left = deadline - time.monotonic()
        if left <= 0:
            proc.kill()
            raise RuntimeError(f"{unit.name}: no READY=1 within {_timeout(unit):g} s; killed")
        notify.settimeout(min(0.5, left))
        try:
            data = notify.recv(4096).decode(errors="replace")
        except TimeoutError:
            continue
        fields = dict(line.split("=", 1) for line in data.splitlines() if "=" in line)
        if fields.get("MAINPID", "").isdigit():
            pid = int(fields["MAINPID"])
        if fields.get("READY") == "1":
            return pid


def stop(name: str) -> None:
    unit = load_unit(name)
    pid = main_pid(unit.name)
    if pid is None:
        return
    env = unit_env(unit)
    env["MAINPID"] = str(pid)
    log_fd = unit_log_fd(unit)
    os.write(log_fd, f"=== {time.strftime('%H:%M:%S')} stopping {unit.name} (pid {pid})\n".encode())
    try:
        for line in unit.all("ExecStop"):
            with contextlib.suppress(RuntimeError, subprocess.TimeoutExpired):
                run_aux(unit, "-" + line.lstrip("-"), env, log_fd, "ExecStop")
        sig = getattr(signal, unit.get("KillSignal", "SIGTERM"), signal.SIGTERM)
        targets = sorted({pid, *_session_pids(pid)})
        for target in targets:
            with contextlib.suppress(ProcessLookupError):
                os.kill(target, sig)
        deadline = time.monotonic() + STOP_WAIT_S
        while any(_alive(t) for t in targets) and time.monotonic() < deadline:
            time.sleep(0.2)
        for target in targets:
            if _alive(target):
                with contextlib.suppress(ProcessLookupError):
                    os.kill(target, signal.SIGKILL)
    finally:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(pid_file(unit.name))
        os.close(log_fd)


# -- verbs -------------------------------------------------------------------------


def set_enabled(name: str, enabled: bool) -> None:
    d = os.path.join(STATE_DISK, "enabled")
    os.makedirs(d, exist_ok=True)
    path = os.path.join(d, unit_name(name))
    if enabled:
        with open(path, "w", encoding="utf-8") as fh:
            fh.write("enabled\n")
    else:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(path)


def is_enabled(name: str) -> bool:
    return os.path.exists(os.path.join(STATE_DISK, "enabled", unit_name(name)))


def main(argv: list[str]) -> int:
    now = "--now" in argv
    quiet = "-q" in argv or "--quiet" in argv
    args = [a for a in argv if not a.startswith("-")]
    if not args:
        say("usage: systemctl VERB [UNIT...]")
        return 2
    verb, units = args[0], args[1:]
    try:
        if verb in ("daemon-reload", "reset-failed", "mask", "unmask"):
            return 0
        if verb == "enable":
            for u in units:
                set_enabled(u, True)
                if now:
                    start(u)
            return 0
        if verb == "disable":
            for u in units:
                set_enabled(u, False)
                if now:
                    stop(u)
            return 0
        if verb == "start":
            for u in units:
                start(u)
            return 0
        if verb in ("restart", "try-restart", "reload-or-restart", "force-reload"):
            for u in units:
                if verb == "try-restart" and main_pid(unit_name(u)) is None:
                    continue
                stop(u)
                start(u)
            return 0
        if verb == "stop":
            for u in units:
                stop(u)
            return 0
        if verb == "is-active":
            active = all(main_pid(unit_name(u)) is not None for u in units)
            if not quiet:
                print("active" if active else "inactive")
            return 0 if active else 3
        if verb == "is-enabled":
            enabled = all(is_enabled(u) for u in units)
            if not quiet:
                print("enabled" if enabled else "disabled")
            return 0 if enabled else 1
        if verb == "status":
            for u in units:
                pid = main_pid(unit_name(u))
                print(f"{unit_name(u)}: " + (f"active (pid {pid})" if pid else "inactive"))
            return 0 if all(main_pid(unit_name(u)) for u in units) else 3
        if verb == "set-environment":
            env = manager_env()
            for assignment in units:
                key, _, value = assignment.partition("=")
                env[key] = value
            save_manager_env(env)
            return 0
        if verb == "unset-environment":
            env = manager_env()
            for key in units:
                env.pop(key.partition("=")[0], None)
            save_manager_env(env)
            return 0
        if verb == "show-environment":
            for key, value in sorted(manager_env().items()):
                print(f"{key}={value}")
            return 0
    except (LookupError, RuntimeError, OSError, subprocess.SubprocessError) as exc:
        say(str(exc))
        return 1
    say(f"verb {verb!r} is not supported by the live-test shim")
    return 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
