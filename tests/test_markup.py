"""User text shown where Streamlit renders Markdown stays literal."""

from __future__ import annotations

from workbench.ui.markup import escape


def test_markdown_and_streamlit_directives_are_escaped() -> None:
    assert escape("Jansen & Zn *vet* :red[rood] $x$") == r"Jansen \& Zn \*vet\* \:red\[rood\] \$x\$"
    assert escape("[klik](javascript:alert(1))") == r"\[klik\]\(javascript\:alert\(1\)\)"


def test_line_breaks_become_spaces() -> None:
    assert escape("a\n\n# kop") == r"a \# kop"
