"""Fuzzing whole exports: mutations of a real-format export zip — truncated, bits flipped,
sizes that lie, other encodings, huge fields, hostile names — go through ``netlens.load``,
``netlens.review`` and every renderer in a child process with a memory limit. Each either
succeeds or raises NetlensError: never another exception, never past the limit.

The mutations are drawn from a fixed seed: ``NETLENS_FUZZ_COUNT`` (default 6) says how
many, ``NETLENS_FUZZ_SEED`` (default 1) which; a larger count runs the same way, e.g.
``NETLENS_FUZZ_COUNT=2000 python -m pytest tests/test_fuzz_exports.py``.
"""

from __future__ import annotations

import io
import json
import os
import random
import resource
import subprocess
import sys
import zipfile
from pathlib import Path

from conftest import EXPORTS, MESSAGES_HEADER, connections_csv

COUNT = int(os.environ.get("NETLENS_FUZZ_COUNT", "6"))
SEED = int(os.environ.get("NETLENS_FUZZ_SEED", "1"))
MEMORY_LIMIT = 3 * 1024**3  # address space of the child: pandas and numpy need ~1 GiB
HOSTILE = ["\x1b]52;c;ZXZpbA==\x07", "\u202e", "\x00", "\n", "=HYPERLINK(1)", "<script>", "’"]

CHILD = r"""
import json, sys, traceback
import netlens
from netlens.render.renderers import render

results = []
for path in sys.argv[1:]:
    try:
        report = netlens.review(netlens.load(path), as_of=__import__("datetime").date(2025, 6, 1))
        for fmt in ("json", "md", "html", "text"):
            render(report, fmt)
        results.append("ok")
    except netlens.NetlensError:
        results.append("refused")
    except BaseException:
        results.append(path + "\n" + traceback.format_exc())
print(json.dumps(results))
"""


def _base_export() -> dict[str, bytes]:
    """The 2025-era fixture export, its files as bytes."""
    folder = EXPORTS / "era2025"
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*.csv")}


def _zip(files: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in files.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def _mutated(rng: random.Random, base: dict[str, bytes]) -> bytes:
    files = dict(base)
    kind = rng.choice(["truncate", "flip", "sizes", "encoding", "huge", "names", "rows"])
    name = rng.choice(sorted(files))
    if kind == "encoding":
        text = files[name].decode("utf-8", errors="replace")
        codec = rng.choice(["utf-16", "utf-16-le", "cp1252", "latin-1", "utf-8-sig"])
        files[name] = text.encode(codec, errors="replace")
    elif kind == "huge":
        field = rng.choice([b"x" * 2_000_000, b'"' + b"," * 500_000 + b'"', b"\n" * 300_000])
        at = rng.randrange(len(files[name]) + 1)
        files[name] = files[name][:at] + field + files[name][at:]
    elif kind == "names":
        hostile = "".join(rng.choices(HOSTILE, k=3))
        if rng.random() < 0.5:  # in a cell
            rows = [f"Ev{hostile},Ma{hostile},https://www.linkedin.com/in/e{rng.random()},,"
                    f"Co{hostile},{hostile},04 Jul 2023"]  # fmt: skip
            files["Connections.csv"] = (connections_csv(*rows) + "\n").encode() + files.get(
                "Connections.csv", b""
            ).split(b"\n", 5)[-1]
        else:  # in a member's name (zipfile cuts a name at a NUL)
            files[hostile.replace("\x00", "") + name] = files.pop(name)
    elif kind == "rows":
        files["messages.csv"] = (
            MESSAGES_HEADER + "\n" + "\n".join(
                ",".join(rng.choice(["", "x", '"', "2024-01-01", "Ann Lee", ",,,"])
                         for _ in range(rng.randrange(1, 20)))
                for _ in range(rng.randrange(1, 50))
            )
        ).encode()  # fmt: skip
    data = bytearray(_zip(files))
    if kind == "truncate":
        data = data[: rng.randrange(len(data))]
    elif kind == "flip":
        for _ in range(rng.randrange(1, 20)):
            data[rng.randrange(len(data))] ^= 1 << rng.randrange(8)
    elif kind == "sizes":  # a size field of a local or central header, set to anything
        for start in (i for i in range(len(data) - 4) if data[i : i + 2] == b"PK"):
            if rng.random() < 0.3 and start + 30 < len(data):
                at = start + rng.choice([18, 22, 20, 24])
                data[at : at + 4] = rng.randrange(2**32).to_bytes(4, "little")
    return bytes(data)


def _limit_memory() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))


def test_mutated_exports_load_or_are_refused(tmp_path):
    rng = random.Random(SEED)
    base = _base_export()
    paths = []
    for number in range(COUNT):
        path = tmp_path / f"mutant-{number}.zip"
        path.write_bytes(_mutated(rng, base))
        paths.append(str(path))
    done = subprocess.run(
        [sys.executable, "-c", CHILD, *paths],
        capture_output=True, text=True, timeout=600, preexec_fn=_limit_memory,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr[-3000:]
    results = json.loads(done.stdout)
    failures = [r for r in results if r not in ("ok", "refused")]
    assert not failures, failures[0]
    assert "ok" in results and "refused" in results  # the mutations do both


def test_the_base_export_is_real_format():
    base = _base_export()
    assert {"Connections.csv", "messages.csv"} <= set(base)
    assert Path(EXPORTS / "era2025").is_dir()
