"""One bundle imported by two processes at once is logged once."""

from __future__ import annotations

from pathlib import Path

import pytest

from db.store.store import Store
from db.sync.exchange import export_bundle, import_bundle
from db.sync.log import sync_history


def _site(store: Store, name: str) -> None:
    store.add_site(name=name, kind="crossing", lat=-17.9, lon=-70.2)


@pytest.fixture
def bundle_and_post(tmp_path: Path) -> tuple[Path, Path]:
    field = Store.open(tmp_path / "field.db", operator="Campo")
    _site(field, "Santa Rosa")
    bundle = export_bundle(field, tmp_path / "field.zip").path
    field.close()
    post = tmp_path / "post.db"
    Store.open(post, operator="Puesto").close()
    return bundle, post


def test_two_imports_of_one_bundle_at_once_log_it_once(bundle_and_post, monkeypatch):
    bundle, post = bundle_and_post
    first, second = Store.open(post, operator="Ana"), Store.open(post, operator="Luis")
    writing = first.writing

    def let_the_other_import_first():
        # The first import has read and checked the bundle; just as it starts to write, the
        # second runs whole.
        monkeypatch.setattr(first, "writing", writing)
        import_bundle(second, bundle)
        return writing()

    monkeypatch.setattr(first, "writing", let_the_other_import_first)
    summary = import_bundle(first, bundle)
    imports = [e for e in sync_history(first) if e.direction == "import"]
    assert len(imports) == 1 and imports[0].operator == "Luis"
    assert summary.previous is not None and not any(summary.added.values())
    assert [s["name"] for s in first.conn.execute("SELECT name FROM sites")] == ["Santa Rosa"]
    first.close()
    second.close()
