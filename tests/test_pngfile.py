"""The PNG writer's files decode, with Pillow, to the pixels they were given, and a chart
comes out as the image matplotlib's own ``savefig`` makes of it."""

from __future__ import annotations

import datetime as dt
import io

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays
from PIL import Image

import netlens
from netlens import pngfile
from netlens.report import review

from conftest import EXPORTS


def _decoded(data: bytes) -> Image.Image:
    image = Image.open(io.BytesIO(data))
    image.load()  # checks every chunk's CRC and the zlib stream
    return image


@settings(max_examples=30, deadline=None)
@given(
    arrays(
        np.uint8,
        st.tuples(st.integers(1, 40), st.integers(1, 40), st.just(4)),
        elements=st.integers(0, 255),
    )
)
def test_any_pixels_come_back_as_they_went_in(pixels):
    image = _decoded(pngfile.encode(pixels, 144))
    assert image.size == (pixels.shape[1], pixels.shape[0])
    assert np.array_equal(np.asarray(image.convert("RGBA")), pixels)


def test_opaque_pixels_are_written_as_rgb_and_translucent_ones_keep_their_alpha():
    pixels = np.zeros((30, 50, 4), dtype=np.uint8)
    pixels[..., :3] = np.arange(50, dtype=np.uint8)[None, :, None] * 5
    pixels[..., 3] = 255
    opaque = _decoded(pngfile.encode(pixels, 144))
    assert opaque.mode == "RGB"
    assert np.array_equal(np.asarray(opaque), pixels[..., :3])

    pixels[10:20, 20:30, 3] = 128
    translucent = _decoded(pngfile.encode(pixels, 144))
    assert translucent.mode == "RGBA"
    assert np.array_equal(np.asarray(translucent), pixels)


def test_the_resolution_is_recorded():
    image = _decoded(pngfile.encode(np.full((4, 4, 4), 255, dtype=np.uint8), 144))
    assert image.info["dpi"] == pytest.approx((144, 144), abs=0.01)


def test_a_chart_is_the_image_savefig_makes_in_a_file_of_about_its_size():
    from matplotlib import rc_context

    from netlens import charts

    report = review(netlens.load(EXPORTS / "era2025"), as_of=dt.date(2025, 6, 1))
    kinds = {}  # a chart of each kind of drawing: bars, lines, dots…
    for chart in report.charts:
        kinds.setdefault(chart.kind, chart)
    for chart in kinds.values():
        # As reports draw it (once a session: test_report.py shows the same charts).
        written = charts.chart_png(chart)
        reference = io.BytesIO()
        with rc_context({**charts.STYLE, "font.family": charts._font_families()}):
            charts.draw(chart).savefig(reference, format="png", dpi=charts.DPI)
        ours, theirs = _decoded(written), _decoded(reference.getvalue())
        assert ours.size == theirs.size, chart.key
        assert np.array_equal(
            np.asarray(ours.convert("RGBA")), np.asarray(theirs.convert("RGBA"))
        ), chart.key
        assert len(written) <= len(reference.getvalue()) * 2, chart.key  # compressed, not raw
