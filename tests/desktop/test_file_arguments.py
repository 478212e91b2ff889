"""Every file argument must be a regular file: a folder, a FIFO or a device is named for what it
is (never "no such file"), and a FIFO is refused before it is opened (reading one waits for ever).
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from db.safety.backup import backup_now
from db.scenario import init_database
from desktop.cli import main


@pytest.fixture
def post(tmp_path: Path) -> Path:
    path = tmp_path / "post.db"
    init_database(str(path), demo=False).close()
    return path


@pytest.fixture(params=["folder", "fifo"])
def odd(request, tmp_path: Path) -> tuple[Path, str]:
    path = tmp_path / "odd.file"
    if request.param == "folder":
        path.mkdir()
        return path, "is a folder"
    if not hasattr(os, "mkfifo"):
        pytest.skip("no named pipes on this system")
    os.mkfifo(path)
    return path, "is a named pipe (FIFO)"


def _commands(post: Path, odd: Path, tmp_path: Path) -> list[list[str]]:
    db = ["--db", str(post)]
    return [
        ["status", "--db", str(odd)],
        ["check", "--db", str(odd)],
        ["import", "observations", str(odd), *db],
        ["import", "sites", str(odd), *db],
        ["import", "overlay", str(odd.with_suffix(".kml")), *db],
        ["bundle", "import", str(odd), *db],
        ["bundle", "export", str(tmp_path / "out.zip"), "--key-file", str(odd), *db],
        ["station", "--key-file", str(odd), *db],
        ["restore", str(odd), *db],
        ["brief", "--notes-file", str(odd), "--out", str(tmp_path / "b.pdf"), *db],
    ]


def test_each_file_argument_says_what_the_path_is(post, odd, tmp_path, capsys):
    path, what = odd
    os.symlink(path, path.with_suffix(".kml"))  # an overlay is known by its suffix
    for argv in _commands(post, path, tmp_path):
        assert main(argv) == 1, argv
        out = capsys.readouterr()
        text = out.err + out.out
        assert what in text, (argv, text)
        assert "no such" not in text, (argv, text)
        assert "Traceback" not in text


def test_a_missing_file_is_still_reported_missing(post, tmp_path, capsys):
    assert main(["bundle", "import", str(tmp_path / "gone.zip"), "--db", str(post)]) == 1
    assert "no such bundle file" in capsys.readouterr().err
    backup_now(post)  # the database itself is fine
    assert main(["restore", str(tmp_path / "gone.db"), "--db", str(post)]) == 1
    assert "no such backup file" in capsys.readouterr().err


def test_a_basemap_that_is_no_file_is_named_for_what_it_is(odd):
    from db.errors import BasemapUnavailable
    from db.geo.mbtiles import MBTiles

    path, what = odd
    with pytest.raises(BasemapUnavailable, match=rf"{what.replace('(', '.').replace(')', '.')}"):
        MBTiles.open(path)
