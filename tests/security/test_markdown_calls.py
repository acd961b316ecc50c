"""Every place where Streamlit reads Markdown gets text that cannot be Markdown.

Streamlit renders Markdown in st.markdown, st.caption, alerts, toasts, headings, and in the labels of
buttons, expanders, tabs, widgets, metrics, page links, tooltips (help=) and the option labels of
radio buttons, segmented controls, pills and select sliders (checked in a real browser while writing
this). This test reads the source of workbench/ui/ and streamlit_app.py and accepts as such an
argument only: a literal written in the code; a catalogue text without parameters, `tr("key")`;
the output of workbench/ui/markup.py (`inert`, `md` for catalogue texts with parameters, `strong`,
`red`, `bullets`); f-strings, sums and conditionals of those; or a local name only ever bound to one
of those. User text goes to st.text, to widget values and to table cells instead, or through `inert`.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SOURCES = sorted([*(ROOT / "workbench" / "ui").rglob("*.py"), ROOT / "streamlit_app.py"])

# The functions of workbench/ui/markup.py: each returns text that Markdown shows literally.
MARKUP = {"inert", "md", "strong", "red", "bullets"}
BODY = {"markdown", "caption", "info", "warning", "error", "success", "toast", "title", "header"}
BODY |= {"subheader", "badge", "spinner", "latex", "table", "exception"}
LABEL = {
    "button",
    "download_button",
    "form_submit_button",
    "link_button",
    "popover",
    "expander",
    "status",
    "text_input",
    "text_area",
    "number_input",
    "date_input",
    "time_input",
    "datetime_input",
    "selectbox",
    "multiselect",
    "radio",
    "segmented_control",
    "pills",
    "select_slider",
    "slider",
    "checkbox",
    "toggle",
    "file_uploader",
    "color_picker",
    "camera_input",
    "audio_input",
    "metric",
}
# Widgets whose options are shown as Markdown (a selectbox or multiselect shows them as plain text).
MARKDOWN_OPTIONS = {"radio", "segmented_control", "pills", "select_slider"}


@dataclass(frozen=True)
class Finding:
    path: str
    line: int
    call: str
    what: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.call}(... {self.what} ...) may carry user text as Markdown"


def _markdown_arguments(call: ast.Call) -> Iterator[tuple[str, ast.expr]]:
    """Yield (what, expression) for every argument of this call that Streamlit renders as Markdown."""
    func = call.func
    name = func.attr if isinstance(func, ast.Attribute) else func.id if isinstance(func, ast.Name) else ""
    keywords = {k.arg: k.value for k in call.keywords if k.arg}
    if "help" in keywords:
        yield "help=", keywords["help"]
    positional: dict[int, str] = {}
    if name in BODY:
        positional = {0: "body"}
    elif name in LABEL:
        positional = {0: "label"}
        if name == "metric":
            positional |= {1: "value", 2: "delta"}
    elif name == "write":
        positional = {i: "body" for i in range(len(call.args))}
    elif name == "page_link":
        positional = {1: "label"}
    elif name == "progress":
        positional = {1: "text"}
    elif name == "tabs":
        positional = {0: "tabs"}
    elif name == "html":
        positional = {0: "body"}
    for index, what in positional.items():
        if index < len(call.args):
            yield what, call.args[index]
        elif what in keywords:
            yield f"{what}=", keywords[what]
    if name == "Page" and "title" in keywords:
        yield "title=", keywords["title"]  # the label in the sidebar
    if name == "update" and "label" in keywords:
        yield "label=", keywords["label"]  # of an st.status
    if name == "radio" and "captions" in keywords:
        yield "captions=", keywords["captions"]
    if name in MARKDOWN_OPTIONS and "format_func" in keywords:
        yield "format_func=", keywords["format_func"]


class Scope:
    """The names bound in one function (or the module), with every expression bound to each."""

    def __init__(self, node: ast.AST, outer: Scope | None = None) -> None:
        self.outer = outer
        self.bound: dict[str, list[ast.expr | None]] = {}
        params: list[ast.arg] = []
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda)):
            a = node.args
            params = [*a.posonlyargs, *a.args, *a.kwonlyargs, *filter(None, [a.vararg, a.kwarg])]
        for param in params:
            self.bound.setdefault(param.arg, []).append(None)  # a parameter: anything may come in
        for child in _own_nodes(node):
            if isinstance(child, ast.Assign):
                for target in child.targets:
                    self._bind(target, child.value)
            elif (
                isinstance(child, (ast.AnnAssign, ast.NamedExpr)) and child.value is not None
            ) or isinstance(child, ast.AugAssign):
                self._bind(child.target, child.value)
            elif isinstance(child, (ast.For, ast.AsyncFor, ast.comprehension, ast.With, ast.AsyncWith)):
                for target in _targets(child):
                    self._bind(target, None)
            elif isinstance(child, (ast.Import, ast.ImportFrom)):
                for alias in child.names:
                    self.bound.setdefault((alias.asname or alias.name).split(".")[0], []).append(None)

    def _bind(self, target: ast.expr, value: ast.expr | None) -> None:
        if isinstance(target, ast.Name):
            self.bound.setdefault(target.id, []).append(value)
        elif isinstance(target, (ast.Tuple, ast.List)):
            for element in target.elts:
                self._bind(element, None)  # unpacked: not followed

    def values(self, name: str) -> list[ast.expr | None] | None:
        if name in self.bound:
            return self.bound[name]
        return self.outer.values(name) if self.outer else None


def _targets(node: ast.AST) -> list[ast.expr]:
    if isinstance(node, (ast.For, ast.AsyncFor, ast.comprehension)):
        return [node.target]
    if isinstance(node, (ast.With, ast.AsyncWith)):
        return [item.optional_vars for item in node.items if item.optional_vars is not None]
    return []


def _own_nodes(node: ast.AST) -> Iterator[ast.AST]:
    """Walk a function's (or module's) body without entering nested functions."""
    for child in ast.iter_child_nodes(node):
        if isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda, ast.ClassDef)):
            continue
        yield child
        yield from _own_nodes(child)


def _is_catalogue(call: ast.Call) -> bool:
    """tr("key") or t("key", lang): a catalogue text without parameters (the catalogue has no Markdown)."""
    name = call.func.id if isinstance(call.func, ast.Name) else ""
    keys = (ast.Constant, ast.JoinedStr)
    if name == "tr":
        return len(call.args) == 1 and not call.keywords and isinstance(call.args[0], keys)
    if name == "t":
        return 1 <= len(call.args) <= 2 and not call.keywords and isinstance(call.args[0], keys)
    return False


def safe(node: ast.expr, scope: Scope, seen: frozenset[str] = frozenset()) -> bool:
    """Tell whether an expression can only be text that Markdown shows literally."""
    if isinstance(node, ast.Constant):
        return True
    if isinstance(node, ast.Call):
        name = node.func.id if isinstance(node.func, ast.Name) else ""
        return name in MARKUP or name == "len" or _is_catalogue(node)
    if isinstance(node, ast.JoinedStr):
        return all(
            isinstance(v, ast.Constant) or (isinstance(v, ast.FormattedValue) and safe(v.value, scope, seen))
            for v in node.values
        )
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
        return safe(node.left, scope, seen) and safe(node.right, scope, seen)
    if isinstance(node, ast.IfExp):
        return safe(node.body, scope, seen) and safe(node.orelse, scope, seen)
    if isinstance(node, ast.BoolOp):
        return all(safe(v, scope, seen) for v in node.values)
    if isinstance(node, (ast.List, ast.Tuple)):
        return all(safe(e, scope, seen) for e in node.elts)
    if isinstance(node, ast.Name) and node.id not in seen:
        values = scope.values(node.id)
        return bool(values) and all(v is not None and safe(v, scope, seen | {node.id}) for v in values)
    return False


def safe_format(node: ast.expr, scope: Scope) -> bool:
    """Tell whether a format_func can only return catalogue text: labeller(...) or a safe lambda."""
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "labeller":
        return True
    if isinstance(node, ast.Lambda):
        return safe(node.body, Scope(node, scope))
    return False


def own_file(node: ast.expr, scope: Scope) -> bool:
    """Tell whether st.html gets a module constant (CSS read from a file of ours), never built text."""
    module = scope
    while module.outer is not None:
        module = module.outer
    if not (isinstance(node, ast.Name) and node.id.isupper() and node.id in module.bound):
        return False
    return scope is module or node.id not in scope.bound


def findings(source: str, path: str = "<source>") -> list[Finding]:
    """Return every Markdown argument in a module that is not provably inert."""
    tree = ast.parse(source)
    found: list[Finding] = []

    def visit(node: ast.AST, scope: Scope) -> None:
        for child in ast.iter_child_nodes(node):
            inner = scope
            if isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda)):
                inner = Scope(child, scope)
            if isinstance(child, ast.Call):
                name = ast.unparse(child.func)
                for what, value in _markdown_arguments(child):
                    check = safe_format if what == "format_func=" else safe
                    if name.endswith("html"):
                        check = own_file  # st.html takes HTML: only our own static files
                    if not check(value, scope):
                        found.append(Finding(path, child.lineno, name, what))
            visit(child, inner)

    visit(tree, Scope(tree))
    return found


def test_no_user_text_reaches_streamlits_markdown() -> None:
    found = [f for path in SOURCES for f in findings(path.read_text(), str(path.relative_to(ROOT)))]
    assert not found, f"{len(found)} call sites:\n" + "\n".join(map(str, found))


def test_the_scan_sees_every_page() -> None:
    assert ROOT / "workbench" / "ui" / "comments.py" in SOURCES
    assert len(SOURCES) > 40


@pytest.mark.parametrize(
    "code",
    [
        "st.caption(record.dossier.identity.name)",
        "st.caption(f'{entry.author} · {when}')",
        "st.error(tr(refused.reason, **refused.params))",
        "st.warning(tr('form.delete_confirm', name=title))",
        "st.expander(title)",
        "cols[0].button(user.label)",
        "st.tabs([tr('a'), partner.name])",
        "st.text_input(tr('a'), help=idea.text)",
        "st.radio(tr('a'), ids, format_func=names.__getitem__)",
        "st.page_link(page, label=name)",
        "st.progress(0.5, text=tr('a', name=name))",
        "st.metric(tr('a'), partner.name)",
        "status.update(label=name)",
        "st.toast(message)",
        "st.html(user_html)",
        "def f():\n    st.html(CSS)",
        "def f(label):\n    st.caption(label)",
        "for name in names:\n    st.markdown(name)",
        "x = tr('a')\nx = dossier.name\nst.caption(x)",
        "st.markdown(':red[' + problem + ']')",
    ],
)
def test_the_scan_finds_user_text_in_markdown(code: str) -> None:
    assert findings(code), code


@pytest.mark.parametrize(
    "code",
    [
        "st.caption(tr('start.intro'))",
        "st.caption(md('step.of', name=record.dossier.identity.name, n=1))",
        "st.expander(inert(title), icon=':material/add:')",
        "st.markdown(red(problem))",
        "st.markdown(f'**{tr(\"guidance.questions\")}**')",
        "st.text(record.dossier.identity.name)",
        "st.selectbox(tr('a'), ids, format_func=names.__getitem__)",
        "st.radio(tr('a'), list(Decision), format_func=labeller('consent.decision'))",
        "line = tr('a')\nline += ' · ' + md('b', by=name)\nst.caption(line)",
        "st.button(tr('users.enable') if user.disabled else tr('users.disable'))",
        "CSS = '<style>' + STATIC.read_text() + '</style>'\ndef f():\n    st.html(CSS)",
    ],
)
def test_the_scan_accepts_inert_text(code: str) -> None:
    assert not findings(code), code
