"""Confine the process that renders an uploaded template: no files, no processes, no sockets.

Layers, each covering what the others cannot (a template that escaped the Jinja sandbox would
still meet all of them):

1. limits: CPU seconds, address space, no core dump, no file growth. They bound what a render
   costs but stop neither a read nor an O_TRUNC (on main both worked).
2. privileges: no new privileges; a child of an app running as root becomes nobody (65534), so
   chmod, chown and xattr calls, which Landlock does not cover, meet ordinary file permissions.
3. landlock: a ruleset that handles every file-system right this kernel knows and allows none:
   no path can be opened (not even for reading), created, renamed, removed or truncated; from
   ABI 4 no TCP bind or connect, from ABI 6 no abstract unix socket or signal outside the
   process. The kernel enforces it beneath Python, so C code (libxml2 fetching an entity) is
   caught too. Descriptors opened before, stdin and stdout, stay usable: that is the way in
   and out. Raw syscalls through ctypes: PyPI's `landlock` (1.0.0.dev5) is a pre-release that
   knows only file-system rights.
4. seccomp (libseccomp through pyseccomp): EPERM for every call that starts a process or a
   program, makes a socket, touches another process, or changes kernel or file-system state
   (mount, namespaces, modules, bpf, io_uring, which would bypass this filter, chmod, ...).
5. audit: a Python audit hook, the readable first line: open, os.*, subprocess, socket,
   ctypes and new imports raise PermissionError naming the event before the kernel says EACCES.

Fail closed: without Landlock (Linux before 5.13, or disabled at boot) or without libseccomp,
`confine` raises ConfinementUnavailable and the child renders nothing; the coach is told that
own templates cannot run safely on this server. Everything the render needs must be imported
and read before `confine` (see workbench.documents.uploaded.child).
"""

from __future__ import annotations

import contextlib
import ctypes
import errno
import os
import resource
import sys
from collections.abc import Iterable
from typing import Any

LAYERS: frozenset[str] = frozenset({"limits", "privileges", "landlock", "seccomp", "audit"})
NOBODY = 65534

_PR_SET_NO_NEW_PRIVS = 38
_SYS_LANDLOCK_CREATE_RULESET, _SYS_LANDLOCK_RESTRICT_SELF = 444, 446  # the same on every arch
_LANDLOCK_CREATE_RULESET_VERSION = 1
_CLONE_THREAD = 0x00010000
_TIOCSTI = 0x5412

# Every system call refused with EPERM, beyond what Landlock already denies (listed anyway:
# each layer should hold on its own). Names unknown to the installed libseccomp are skipped.
DENIED_SYSCALLS: tuple[str, ...] = (
    # programs and processes (clone is refused below unless it makes a thread)
    "execve", "execveat", "fork", "vfork",
    # sockets: no network, no unix socket to a local service
    "socket", "socketpair", "connect", "bind", "listen", "accept", "accept4",
    # other processes
    "ptrace", "process_vm_readv", "process_vm_writev", "pidfd_open", "pidfd_getfd",
    "pidfd_send_signal", "kcmp", "tkill", "process_madvise",
    # files by handle (they skip path checks), metadata Landlock does not cover, and the rest
    "open_by_handle_at", "name_to_handle_at", "chmod", "fchmod", "fchmodat", "fchmodat2",
    "chown", "fchown", "lchown", "fchownat", "setxattr", "lsetxattr", "fsetxattr", "setxattrat",
    "removexattr", "lremovexattr", "fremovexattr", "removexattrat", "utime", "utimes",
    "utimensat", "futimesat", "truncate", "mknod", "mknodat", "link", "linkat", "symlink",
    "symlinkat", "unlink", "unlinkat", "rename", "renameat", "renameat2", "rmdir", "mkdir",
    "mkdirat", "chroot", "acct", "uselib",
    # the kernel's state
    "mount", "umount2", "pivot_root", "move_mount", "open_tree", "fsopen", "fsconfig",
    "fsmount", "fspick", "mount_setattr", "unshare", "setns", "init_module", "finit_module",
    "delete_module", "kexec_load", "kexec_file_load", "reboot", "swapon", "swapoff", "bpf",
    "perf_event_open", "userfaultfd", "io_uring_setup", "io_uring_enter", "io_uring_register",
    "keyctl", "add_key", "request_key", "quotactl", "quotactl_fd", "syslog", "settimeofday",
    "clock_settime", "clock_adjtime", "adjtimex", "sethostname", "setdomainname", "iopl",
    "ioperm", "personality", "vhangup", "fanotify_init", "lookup_dcookie",
)  # fmt: skip

# Audit events refused by the hook: exact names, then prefixes.
_DENIED_EVENTS = frozenset({"open", "import", "sys.addaudithook", "pickle.find_class", "sys.settrace"})
_DENIED_EVENT_PREFIXES = (
    "os.", "subprocess.", "socket.", "ctypes.", "shutil.", "pty.", "fcntl.", "mmap.",
    "resource.", "urllib.", "http.", "ftplib.", "smtplib.", "poplib.", "imaplib.", "nntplib.",
    "telnetlib.", "webbrowser.", "glob.", "tempfile.", "sqlite3.", "syslog.", "signal.",
)  # fmt: skip


class ConfinementUnavailable(RuntimeError):
    """A confinement layer cannot be engaged on this machine: the child must not render."""


class _RulesetAttr(ctypes.Structure):
    _fields_ = [
        ("handled_access_fs", ctypes.c_uint64),
        ("handled_access_net", ctypes.c_uint64),
        ("scoped", ctypes.c_uint64),
    ]


_libc = ctypes.CDLL(None, use_errno=True)
_libc.syscall.restype = ctypes.c_long
_libc.prctl.restype = ctypes.c_int
_libc.prctl.argtypes = (ctypes.c_int, ctypes.c_ulong, ctypes.c_ulong, ctypes.c_ulong, ctypes.c_ulong)


def landlock_abi() -> int:
    """Return the Landlock ABI version of the running kernel (0: no Landlock)."""
    version = _libc.syscall(
        ctypes.c_long(_SYS_LANDLOCK_CREATE_RULESET),
        ctypes.c_void_p(None),
        ctypes.c_size_t(0),
        ctypes.c_uint32(_LANDLOCK_CREATE_RULESET_VERSION),
    )
    return max(int(version), 0)


def _landlock_rights(abi: int) -> tuple[int, int, int, int]:
    """Return (file-system rights, network rights, scopes, size of the ruleset) this ABI knows."""
    fs = (1 << 13) - 1  # ABI 1: execute ... make_sym
    if abi >= 2:
        fs |= 1 << 13  # refer (rename or link across directories)
    if abi >= 3:
        fs |= 1 << 14  # truncate
    if abi >= 5:
        fs |= 1 << 15  # ioctl on devices
    net = 0b11 if abi >= 4 else 0  # bind_tcp, connect_tcp
    scoped = 0b11 if abi >= 6 else 0  # abstract unix sockets, signals
    size = 24 if abi >= 6 else 16 if abi >= 4 else 8
    return fs, net, scoped, size


def _no_new_privileges() -> None:
    if _libc.prctl(_PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) != 0:
        raise ConfinementUnavailable(f"prctl(NO_NEW_PRIVS): {os.strerror(ctypes.get_errno())}")


def _landlock() -> int:
    abi = landlock_abi()
    if abi < 1:
        raise ConfinementUnavailable("Landlock is not available in this kernel (Linux 5.13 or later)")
    fs, net, scoped, size = _landlock_rights(abi)
    attr = _RulesetAttr(fs, net, scoped)
    fd = _libc.syscall(
        ctypes.c_long(_SYS_LANDLOCK_CREATE_RULESET),
        ctypes.byref(attr),
        ctypes.c_size_t(size),
        ctypes.c_uint32(0),
    )
    if fd < 0:
        raise ConfinementUnavailable(f"landlock_create_ruleset: {os.strerror(ctypes.get_errno())}")
    try:
        # No rule is added: every handled right is denied everywhere.
        if _libc.syscall(ctypes.c_long(_SYS_LANDLOCK_RESTRICT_SELF), ctypes.c_long(fd), ctypes.c_uint32(0)):
            raise ConfinementUnavailable(f"landlock_restrict_self: {os.strerror(ctypes.get_errno())}")
    finally:
        os.close(fd)
    return abi


def _seccomp_filter() -> Any:
    """Build the seccomp filter (load it later): importing pyseccomp reads files and runs ldconfig."""
    try:
        import pyseccomp as seccomp
    except (ImportError, RuntimeError, OSError) as exc:  # RuntimeError: no libseccomp on the machine
        raise ConfinementUnavailable(f"seccomp: {exc}") from exc
    deny = seccomp.ERRNO(errno.EPERM)
    rules = seccomp.SyscallFilter(seccomp.ALLOW)
    for name in DENIED_SYSCALLS:
        number = seccomp.resolve_syscall(seccomp.Arch.NATIVE, name)
        if number != -1:  # __NR_SCMP_ERROR: this libseccomp does not know the call
            rules.add_rule(deny, number)
    # Threads may be made (clone with CLONE_THREAD), processes not. clone3 passes its flags in
    # memory a filter cannot read: ENOSYS makes glibc fall back to clone, checked here.
    rules.add_rule(deny, "clone", seccomp.Arg(0, seccomp.MASKED_EQ, _CLONE_THREAD, 0))
    rules.add_rule(seccomp.ERRNO(errno.ENOSYS), "clone3")
    own = os.getpid()
    rules.add_rule(deny, "kill", seccomp.Arg(0, seccomp.NE, own))
    rules.add_rule(deny, "tgkill", seccomp.Arg(0, seccomp.NE, own))
    rules.add_rule(deny, "ioctl", seccomp.Arg(1, seccomp.EQ, _TIOCSTI))  # no typing into a terminal
    return rules


def _audit_hook(event: str, args: tuple[Any, ...]) -> None:
    if event in _DENIED_EVENTS or event.startswith(_DENIED_EVENT_PREFIXES):
        detail = f"{event}({args[0]!r})" if args and isinstance(args[0], str | bytes | int) else event
        raise PermissionError(f"not allowed while rendering an uploaded template: {detail}")


def _limits(cpu_seconds: int, memory_bytes: int) -> None:
    limits = {
        resource.RLIMIT_CPU: (cpu_seconds, cpu_seconds + 1),
        resource.RLIMIT_AS: (memory_bytes, memory_bytes),
        resource.RLIMIT_FSIZE: (0, 0),
        resource.RLIMIT_CORE: (0, 0),
        resource.RLIMIT_NPROC: (0, 0),  # root is exempt; the privileges layer ends that
    }
    for which, limit in limits.items():
        with contextlib.suppress(ValueError, OSError):  # a limit already lower than ours stays
            resource.setrlimit(which, limit)


def _drop_root() -> None:
    if os.geteuid() == 0:
        os.setgroups([])
        os.setgid(NOBODY)
        os.setuid(NOBODY)


def confine(cpu_seconds: int, memory_bytes: int, layers: Iterable[str] = LAYERS) -> dict[str, Any]:
    """Engage the confinement layers on this process, for good; return what was engaged.

    Production always engages every layer. Tests pass a subset to prove that each one holds on
    its own on this machine.
    """
    wanted = frozenset(layers)
    unknown = wanted - LAYERS
    if unknown:
        raise ValueError(f"unknown confinement layers: {sorted(unknown)}")
    engaged: dict[str, Any] = {}
    seccomp_filter = _seccomp_filter() if "seccomp" in wanted else None
    if "limits" in wanted:
        _limits(cpu_seconds, memory_bytes)
        engaged["limits"] = True
    _no_new_privileges()  # Landlock and seccomp need it; it never hurts
    if "privileges" in wanted:
        _drop_root()
        engaged["privileges"] = os.getuid()
    if "landlock" in wanted:
        engaged["landlock"] = _landlock()
    if seccomp_filter is not None:
        seccomp_filter.load()
        engaged["seccomp"] = True
    if "audit" in wanted:
        sys.addaudithook(_audit_hook)
        engaged["audit"] = True
    return engaged
