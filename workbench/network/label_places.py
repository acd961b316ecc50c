"""Node labels that do not overlap: each label takes the first free place around its node.

A network of sixty partners drawn with every label under its node had labels on top of each other
in its busy middle. Here the labels are placed once the figure's layout is final: for each node
(the busiest first) the places below, above, beside and diagonally around it are tried, near then
further away; the first whose box touches no label placed before and no node wins. When none is
free the least crowded one is taken: a label is never dropped.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.transforms import Bbox

# (x, y) offset in points, horizontal and vertical alignment: below first, as before.
_AROUND = [
    (0, -1, "center", "top"),
    (0, 1, "center", "bottom"),
    (1, 0, "left", "center"),
    (-1, 0, "right", "center"),
    (0.8, -0.8, "left", "top"),
    (-0.8, -0.8, "right", "top"),
    (0.8, 0.8, "left", "bottom"),
    (-0.8, 0.8, "right", "bottom"),
]
_DISTANCES = (7, 16, 28)  # points from the node's centre


@dataclass(frozen=True)
class Label:
    """A label to place beside a node drawn at (x, y) in data coordinates, of a marker size in points."""

    x: float
    y: float
    text: str
    marker: float
    weight: int = 0  # busier nodes choose first


def _overlap(box: Bbox, others: list[Bbox]) -> float:
    total = 0.0
    for other in others:
        width = min(box.x1, other.x1) - max(box.x0, other.x0)
        height = min(box.y1, other.y1) - max(box.y0, other.y0)
        if width > 0 and height > 0:
            total += width * height
    return total


def place(fig: Figure, ax: Any, labels: list[Label], **style: Any) -> list[Any]:
    """Draw the labels on the axes where they overlap nothing; return the text artists."""
    canvas = fig.canvas if isinstance(fig.canvas, FigureCanvasAgg) else FigureCanvasAgg(fig)
    canvas.draw()  # the constrained layout settles first; labels stay out of it (set_in_layout)
    renderer = canvas.get_renderer()
    scale = fig.dpi / 72
    nodes = []
    for label in labels:
        cx, cy = ax.transData.transform((label.x, label.y))
        half = label.marker * scale / 2
        nodes.append(Bbox.from_extents(cx - half, cy - half, cx + half, cy + half))
    figure_box = Bbox.from_bounds(0, 0, *canvas.get_width_height())
    placed: list[Bbox] = []
    artists = []
    for label in sorted(labels, key=lambda item: -item.weight):
        text = ax.annotate(
            label.text,
            (label.x, label.y),
            xytext=(0, 0),
            textcoords="offset points",
            annotation_clip=False,
            **style,
        )
        text.set_in_layout(False)
        best: tuple[float, tuple[float, float, str, str]] | None = None
        for distance in _DISTANCES:
            for dx, dy, ha, va in _AROUND:
                spot = (dx * (distance + label.marker / 2), dy * (distance + label.marker / 2), ha, va)
                text.set_position(spot[:2])
                text.set_horizontalalignment(ha)
                text.set_verticalalignment(va)
                box = text.get_window_extent(renderer).padded(1.5)
                crowd = _overlap(box, placed) + _overlap(box, nodes)
                if not figure_box.contains(box.x0, box.y0) or not figure_box.contains(box.x1, box.y1):
                    crowd += box.width * box.height  # cut off at the edge: as bad as covering a label
                if best is None or crowd < best[0]:
                    best = (crowd, spot)
                if crowd == 0:
                    break
            if best is not None and best[0] == 0:
                break
        assert best is not None
        text.set_position(best[1][:2])
        text.set_horizontalalignment(best[1][2])
        text.set_verticalalignment(best[1][3])
        placed.append(text.get_window_extent(renderer).padded(1.5))
        artists.append(text)
    return artists
