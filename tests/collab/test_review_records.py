"""Review records: where a thread may hang, and what review text is kept."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from workbench.collab.review_records import Anchor, ReviewError, clean_review_text


@pytest.mark.parametrize(
    "anchor",
    [{"step": "nowhere"}, {"step": "partners", "field": "a b"}, {"step": "partners", "clause": "Artikel 1"}],
)
def test_anchors_must_point_somewhere_real(anchor: dict[str, str]) -> None:
    with pytest.raises(ValidationError):
        Anchor.model_validate(anchor)


def test_review_text_is_trimmed_cleaned_and_bounded() -> None:
    assert clean_review_text("  Jansen & Zn\x0b ok \x00 ", 100, required=True) == "Jansen & Zn\n ok"
    assert clean_review_text("   ", 100, required=False) == ""
    with pytest.raises(ReviewError) as empty:
        clean_review_text("   ", 100, required=True)
    assert empty.value.reason == "comments.empty"
    with pytest.raises(ReviewError) as long:
        clean_review_text("x" * 101, 100, required=False)
    assert (long.value.reason, long.value.params) == ("comments.too_long", {"max": 100})
