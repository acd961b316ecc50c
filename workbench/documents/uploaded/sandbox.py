"""The Jinja side of an uploaded template: plain data in, an allow-list of callables, bounded sizes.

jinja2's SandboxedEnvironment blocks `_private` attributes and a few known unsafe built-ins, but
any public method of any object in the context stays callable. On main that let a template reach
the live DocxTemplate behind the network picture (`network_picture.tpl.replace_zipname(...)`
copied any file into the document). So the context an uploaded template sees is checked to be
plain data (`ensure_plain`), and `AllowListSandbox` calls only what `ALLOWED_METHODS` and
`_allowed_callable` name: everything else raises SecurityError, reported to the coach.
"""

from __future__ import annotations

import operator
import types
from collections.abc import Callable, Mapping
from datetime import date, datetime
from typing import Any

from jinja2.runtime import LoopContext, Macro, Undefined
from jinja2.sandbox import SandboxedEnvironment, SecurityError, safe_range
from jinja2.utils import Cycler, Joiner, Namespace, generate_lorem_ipsum
from markupsafe import Markup

# The scalar types a context may hold; exact types, so no subclass (Markup would skip escaping).
PLAIN_SCALARS: frozenset[type] = frozenset({str, int, float, bool, type(None), date, datetime})

# Methods a template may call on plain data, per type of the value. Harmless reads only: no
# method that changes a value of the context, nor one that pads a string to any length
# (ljust, center, zfill: memory), nor str.format (the attribute lookups it allows).
ALLOWED_METHODS: Mapping[type, frozenset[str]] = types.MappingProxyType(
    {
        str: frozenset(
            {
                "capitalize",
                "count",
                "endswith",
                "find",
                "isdigit",
                "join",
                "lower",
                "lstrip",
                "replace",
                "rsplit",
                "rstrip",
                "split",
                "splitlines",
                "startswith",
                "strip",
                "title",
                "upper",
            }
        ),
        dict: frozenset({"get", "items", "keys", "values"}),
        list: frozenset({"count", "index"}),
    }
)
# Jinja's global helpers under the names a template uses (the refusal names them so).
_TEMPLATE_NAMES: Mapping[Any, str] = types.MappingProxyType(
    {Cycler: "cycler", Joiner: "joiner", generate_lorem_ipsum: "lipsum", Namespace: "namespace"}
)
# Jinja's own helpers: range (sandboxed, at most 100,000 items), dict(), namespace() for counters
# in loops, loop.cycle() and loop.changed(), and macros defined in the template (and `caller`).
_LOOP_METHODS = frozenset({"cycle", "changed"})
MAX_SEQUENCE = 1_000_000  # characters or items a `*` may produce
MAX_EXPONENT = 10_000  # larger powers of integers burn CPU for nothing a document needs


class UnsafeContext(TypeError):
    """A context holds something other than plain data: it must never reach an uploaded template."""


class ForbiddenCall(SecurityError):
    """The template called something outside the allow-list; `name` says what, e.g. 'list.pop()'."""

    def __init__(self, name: str) -> None:
        super().__init__(f"{name} is not allowed")
        self.name = name


class ForbiddenAttribute(SecurityError):
    """The template reached for a private or internal attribute, e.g. 'str.__class__'."""

    def __init__(self, message: str) -> None:  # raised by jinja's Undefined with the message only
        super().__init__(message)
        self.name = message.removesuffix(" is not allowed")


class TooLarge(SecurityError):
    """The template asked for a result no document needs (a huge string, list or power)."""


def ensure_plain(context: Mapping[str, Any]) -> None:
    """Refuse a context that holds anything but str, numbers, bools, None, dates, lists and dicts."""
    stack: list[tuple[str, Any]] = [("context", context)]
    while stack:
        path, value = stack.pop()
        kind = type(value)
        if kind is dict:
            for key, item in value.items():
                if type(key) is not str:
                    raise UnsafeContext(f"{path}: key {key!r} is not a string")
                stack.append((f"{path}.{key}", item))
        elif kind in (list, tuple):
            stack.extend((f"{path}[{i}]", item) for i, item in enumerate(value))
        elif kind not in PLAIN_SCALARS:
            raise UnsafeContext(f"{path} is a {kind.__module__}.{kind.__qualname__}, not plain data")


def describe(obj: Any) -> str:
    """Name a callable as the template knows it, without a memory address, e.g. 'list.pop()'."""
    known = _TEMPLATE_NAMES.get(obj) if isinstance(obj, type | types.FunctionType) else None
    if known:
        return f"{known}()"
    owner = getattr(obj, "__self__", None)
    name = getattr(obj, "__name__", "")
    if owner is not None and name and not isinstance(owner, types.ModuleType):
        return f"{_type_name(owner)}.{name}()"
    return f"{name or type(obj).__name__}()"


def _type_name(obj: Any) -> str:
    return obj.__name__ if isinstance(obj, type) else type(obj).__name__


def _allowed_method(obj: Any) -> bool:
    if not isinstance(obj, (types.BuiltinMethodType, types.MethodType)):
        return False
    owner, name = getattr(obj, "__self__", None), getattr(obj, "__name__", "")
    kind = type(owner)
    # Markup's own methods escape their arguments; the rest are str's. Plain str, dict and
    # list values carry no attributes of their own, so the name is always the type's method.
    allowed = ALLOWED_METHODS[str] if kind is Markup else ALLOWED_METHODS.get(kind, frozenset())
    return name in allowed


def _allowed_callable(obj: Any) -> bool:
    if obj is safe_range or obj is dict or obj is Namespace:
        return True
    if isinstance(obj, (Macro, LoopContext)):  # own macros, caller(), recursive loop()
        return True
    if isinstance(obj, Undefined):  # calling it raises UndefinedError: reported by name
        return True
    if isinstance(obj, types.MethodType) and isinstance(obj.__self__, LoopContext):
        return obj.__name__ in _LOOP_METHODS
    return _allowed_method(obj)


def _bounded_multiply(left: Any, right: Any) -> Any:
    for sequence, times in ((left, right), (right, left)):
        if (
            isinstance(sequence, str | list)
            and isinstance(times, int)
            and len(sequence) * times > MAX_SEQUENCE
        ):
            raise TooLarge(f"a result of more than {MAX_SEQUENCE} characters or items")
    return operator.mul(left, right)


def _bounded_power(left: Any, right: Any) -> Any:
    if isinstance(left, int) and isinstance(right, int) and abs(right) > MAX_EXPONENT:
        raise TooLarge(f"a power above {MAX_EXPONENT}")
    return operator.pow(left, right)


class AllowListSandbox(SandboxedEnvironment):
    """A sandbox that calls only an allow-list: harmless str/dict/list reads, range, dict, macros."""

    intercepted_binops = frozenset({"*", "**"})  # also keeps them out of constant folding

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.binop_table["*"] = _bounded_multiply
        self.binop_table["**"] = _bounded_power

    def is_safe_callable(self, obj: Any) -> bool:
        """Allow exactly the documented callables (the base class allows nearly everything)."""
        return _allowed_callable(obj)

    # Positional-only, so that a template's own keyword arguments (context=, obj=) pass through.
    def call(self, context: Any, obj: Any, /, *args: Any, **kwargs: Any) -> Any:
        """Call an allow-listed callable; refuse anything else, naming it without its address."""
        if not self.is_safe_callable(obj):
            raise ForbiddenCall(describe(obj))
        return context.call(obj, *args, **kwargs)

    def unsafe_undefined(self, obj: Any, attribute: str) -> Undefined:
        """Refuse a private attribute on use, naming it as 'type.attribute'."""
        name = f"{_type_name(obj)}.{attribute}"
        return self.undefined(f"{name} is not allowed", name=attribute, obj=obj, exc=ForbiddenAttribute)


def environment(finalize: Callable[[Any], Any] | None = None) -> AllowListSandbox:
    """Return the environment for uploaded templates: autoescape, strict, allow-listed."""
    from jinja2 import StrictUndefined

    return AllowListSandbox(autoescape=True, undefined=StrictUndefined, finalize=finalize)
