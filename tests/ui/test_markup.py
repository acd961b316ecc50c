"""User text shown where Streamlit renders Markdown stays literal (checked in Chromium by
tests/e2e/test_markdown_injection_browser.py; here: what the escaping produces)."""

from __future__ import annotations

from tests.shown import as_seen as visible
from workbench.ui.markup import WORD_JOINER, bullets, inert, red, strong

WJ = WORD_JOINER


def test_markdown_and_streamlit_directives_are_escaped() -> None:
    assert inert("Jansen & Zn *vet* :red[rood] $x$") == rf"Jansen \& Zn \*vet\* \:{WJ}red\[rood\] \$x\$"
    assert inert("[klik](javascript:alert(1))") == rf"\[klik\]\(javascript\:{WJ}alert\(1\)\)"
    assert inert(":smile: :material/home:") == rf"\:{WJ}smile\: \:{WJ}material\/home\:"


def test_autolink_literals_are_broken_by_a_word_joiner() -> None:
    text = "http://203.0.113.9/x HTTPS://h.org www.example.org user@example.org mailto:a@b.org"
    seen = inert(text).replace("\\", "")  # GFM looks for autolinks after resolving the escapes
    for pattern in ("http://", "HTTPS://", "www.", "user@example", "mailto:a"):
        assert pattern not in seen
    assert visible(inert(text)) == text


def test_ordinary_text_gets_no_word_joiner() -> None:
    # A joiner would end up in accessible names and in copied text: only where a pattern needs it.
    assert WJ not in inert("Volgende: Rollen en engagementen. Stap 2 van 14 (partners)?")


def test_text_reads_as_typed() -> None:
    for text in ["![x](http://203.0.113.9/p.png)", "<img src=x>", "a\\*b", "100 % · € 1.234,50", "e=mc^2"]:
        assert visible(inert(text)) == text


def test_line_breaks_become_spaces_and_no_break_spaces_stay() -> None:
    assert inert("a\n\n# kop") == r"a \# kop"
    assert inert("    code?\r\n€\xa01") == "code\\? €\xa01"


def test_the_builders_escape_what_they_wrap() -> None:
    assert strong("*x*") == r"**\*x\***"
    assert red("a]b") == r":red[a\]b]"
    assert bullets(["- a", "b"]) == "- \\- a\n- b"
