"""The documentation's Python examples run as written, in a folder of their own that holds
the bundled samples (what they write stays there)."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
BLOCK = re.compile(r"```python\n(.*?)```", re.S)
EXAMPLES = [
    pytest.param(code, id=f"{doc.name}-{number}")
    for doc in [ROOT / "docs" / "api.md", ROOT / "README.md"]
    for number, code in enumerate(BLOCK.findall(doc.read_text(encoding="utf-8")), 1)
]


@pytest.mark.parametrize("code", EXAMPLES)
def test_example_runs(code, monkeypatch, tmp_path):
    (tmp_path / "sample_exports").symlink_to(ROOT / "sample_exports")
    monkeypatch.chdir(tmp_path)
    exec(compile(code, "<example>", "exec"), {"__name__": "example"})


def test_there_are_examples():
    assert len(EXAMPLES) >= 4
    assert os.path.exists(ROOT / "docs" / "api.md")
