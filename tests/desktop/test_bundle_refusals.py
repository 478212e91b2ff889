"""Bundles that must be refused whole, with a clear message, and nothing written."""

from __future__ import annotations

import json
import re
import zipfile
from pathlib import Path

import pytest

from db.errors import SituationRoomError
from db.store.schema import SCHEMA_VERSION
from db.store.store import Store
from db.sync.bundle import MANIFEST_NAME, RECORDS_NAME, SYNC_TABLES, BundleLimits, BundleRefused
from db.sync.exchange import export_bundle, import_bundle
from db.sync.station import SyncKeyError, set_key_file
from desktop.cli import main
from tests.sync_helpers import add_field_work, rebuild, snapshot, write_zip

KEY = b"k" * 32
OTHER_KEY = b"o" * 32


@pytest.fixture
def sent(tmp_path) -> dict:
    """Station A's bundle, unsigned and signed, and a receiving station B."""
    a = Store.open(tmp_path / "a.db", operator="Ana")
    add_field_work(a, "A")
    (tmp_path / "k.key").write_bytes(KEY)
    (tmp_path / "other.key").write_bytes(OTHER_KEY)
    plain = export_bundle(a, tmp_path / "plain.zip", since="all").path
    signed = export_bundle(
        a, tmp_path / "signed.zip", since="all", key_file=tmp_path / "k.key"
    ).path
    foreign = export_bundle(
        a, tmp_path / "foreign.zip", since="all", key_file=tmp_path / "other.key"
    ).path
    b = Store.open(tmp_path / "b.db", operator="Beto")
    yield {"plain": plain, "signed": signed, "foreign": foreign, "b": b, "dir": tmp_path, "a": a}
    a.close()
    b.close()


def _refused(sent: dict, path: Path, match: str, **kwargs) -> BundleRefused:
    b = sent["b"]
    before = snapshot(b)
    with pytest.raises(BundleRefused, match=match) as info:
        import_bundle(b, path, **kwargs)
    assert snapshot(b) == before
    assert "\n" not in str(info.value)  # one line for the operator (all lines in .problems)
    return info.value


def _records(path: Path) -> bytes:
    with zipfile.ZipFile(path) as zf:
        return zf.read(RECORDS_NAME)


def _flip_in_records(src: Path, dst: Path) -> Path:
    data = bytearray(src.read_bytes())
    with zipfile.ZipFile(src) as zf:
        info = zf.getinfo(RECORDS_NAME)
    start = info.header_offset + 30 + len(info.filename.encode()) + len(info.extra)
    data[start + info.compress_size // 2] ^= 0x55
    dst.write_bytes(bytes(data))
    return dst


def test_the_untouched_bundles_are_accepted(sent):
    """The baseline of every refusal below: the same bundles unchanged import fine."""
    b = sent["b"]
    assert import_bundle(b, sent["signed"], key_file=sent["dir"] / "k.key").verified
    assert import_bundle(b, sent["plain"]).total_present == 6


def test_not_a_zip(sent):
    path = sent["dir"] / "notes.zip"
    path.write_text("fecha;conteo\n01/12/2025;120\n")
    _refused(sent, path, "not a readable bundle")
    empty = sent["dir"] / "empty.zip"
    empty.write_bytes(b"")
    _refused(sent, empty, "not a readable bundle")
    _refused(sent, sent["dir"] / "missing.zip", "no such bundle file")


@pytest.mark.parametrize("keep", [0.3, 0.6, 0.9, 0.99])
def test_truncated(sent, keep):
    data = sent["plain"].read_bytes()
    path = sent["dir"] / "cut.zip"
    path.write_bytes(data[: int(len(data) * keep)])
    _refused(sent, path, "damaged or not a zip")


def test_an_altered_byte(sent):
    path = _flip_in_records(sent["plain"], sent["dir"] / "flipped.zip")
    _refused(sent, path, "damaged")


def test_checksum_mismatch(sent):
    def edit(data: bytes) -> bytes:
        return data.replace(b'"count":10', b'"count":99', 1)

    path = rebuild(sent["plain"], sent["dir"] / "edited.zip", records=edit, rehash=False)
    _refused(sent, path, "checksum mismatch: the records were altered")


def test_counts_that_do_not_match(sent):
    def edit(m: dict) -> None:
        m["counts"]["sites"] = 7

    path = rebuild(sent["plain"], sent["dir"] / "counts.zip", manifest=edit)
    _refused(sent, path, "do not match the manifest's counts")


def test_unsigned_when_a_key_is_configured(sent):
    _refused(sent, sent["plain"], "not signed", key_file=sent["dir"] / "k.key")
    set_key_file(sent["b"], sent["dir"] / "k.key")  # configured on the station this time
    _refused(sent, sent["plain"], "not signed")


def test_signed_with_another_key(sent):
    _refused(sent, sent["foreign"], "signed with another key", key_file=sent["dir"] / "k.key")


def test_signed_manifest_altered_after_signing(sent):
    def rename(m: dict) -> None:
        m["station"]["name"] = "Comando Central"

    path = rebuild(sent["signed"], sent["dir"] / "renamed.zip", manifest=rename)
    _refused(sent, path, "signature does not match", key_file=sent["dir"] / "k.key")


def test_signed_records_altered_and_rehashed(sent):
    def edit(data: bytes) -> bytes:
        return data.replace(b'"count":10', b'"count":99', 1)

    path = rebuild(sent["signed"], sent["dir"] / "rehashed.zip", records=edit)
    _refused(sent, path, "signature does not match", key_file=sent["dir"] / "k.key")


def test_a_newer_schema_or_format(sent):
    def newer(m: dict) -> None:
        m["schema_version"] = SCHEMA_VERSION + 1

    path = rebuild(sent["plain"], sent["dir"] / "newer.zip", manifest=newer)
    err = _refused(sent, path, "newer database schema")
    assert "update Situation Room" in str(err)

    def format2(m: dict) -> None:
        m["format_version"] = 2

    path = rebuild(sent["plain"], sent["dir"] / "format2.zip", manifest=format2)
    _refused(sent, path, "bundle format 2 is newer")


def test_zip_bomb_by_ratio(sent):
    manifest = zipfile.ZipFile(sent["plain"]).read(MANIFEST_NAME)
    bomb = write_zip(
        sent["dir"] / "bomb.zip", [(MANIFEST_NAME, manifest), (RECORDS_NAME, b" " * (40 << 20))]
    )
    assert bomb.stat().st_size < 200_000
    _refused(sent, bomb, "compressed more than 100:1")


def test_zip_bomb_by_size(sent):
    limits = BundleLimits(max_records_bytes=1000)
    _refused(sent, sent["plain"], "would unpack to more than 1,000 bytes", limits=limits)


@pytest.mark.parametrize(
    "names",
    [
        [MANIFEST_NAME, RECORDS_NAME, "../../.bashrc"],
        [MANIFEST_NAME, "/etc/cron.d/x", RECORDS_NAME],
        ["../" + MANIFEST_NAME, RECORDS_NAME],
        [MANIFEST_NAME, "sub/" + RECORDS_NAME],
        [MANIFEST_NAME, RECORDS_NAME, "records.jsonl.bak"],
    ],
)
def test_paths_other_than_the_two_names(sent, names):
    parts = {MANIFEST_NAME: zipfile.ZipFile(sent["plain"]).read(MANIFEST_NAME)}
    parts[RECORDS_NAME] = _records(sent["plain"])
    members = [(n, parts.get(n.rsplit("/", 1)[-1], b"x")) for n in names]
    _refused(sent, write_zip(sent["dir"] / "paths.zip", members), "unexpected member")


def test_a_member_twice_or_missing(sent):
    manifest = zipfile.ZipFile(sent["plain"]).read(MANIFEST_NAME)
    records = _records(sent["plain"])
    twice = [(MANIFEST_NAME, manifest), (RECORDS_NAME, records), (MANIFEST_NAME, manifest)]
    _refused(sent, write_zip(sent["dir"] / "twice.zip", twice), "exactly once")
    alone = [(MANIFEST_NAME, manifest)]
    _refused(sent, write_zip(sent["dir"] / "alone.zip", alone), "exactly once")


def test_a_manifest_that_is_not_ours(sent):
    records = _records(sent["plain"])
    for text in (b"{not json", b'{"format": "other"}', b"[]", b'{"format": NaN}'):
        path = write_zip(sent["dir"] / "m.zip", [(MANIFEST_NAME, text), (RECORDS_NAME, records)])
        _refused(sent, path, "not valid JSON|not a Situation Room bundle")


def test_bad_rows_are_listed_with_their_line_and_field(sent):
    def edit(data: bytes) -> bytes:
        lines = data.split(b"\n")
        lines[1] = lines[1].replace(b'"count":10', b'"count":-5')
        lines[2] = lines[2].replace(b'"direction":"into_peru"', b'"direction":"sideways"')
        return b"\n".join(lines)

    path = rebuild(sent["plain"], sent["dir"] / "rows.zip", records=edit)
    err = _refused(sent, path, r"records.jsonl:2: count: must be at least 0 .*\(and \d+ more")
    assert any(
        p.endswith(
            "records.jsonl:3: direction: 'sideways' is not one of: into_peru, into_chile, none"
        )
        for p in err.problems
    )


def test_a_count_at_a_site_nobody_sent(sent):
    lines = _records(sent["plain"]).split(b"\n")
    observation = next(line for line in lines if b'"table":"observations"' in line)

    def only_it(data: bytes) -> bytes:
        return observation + b"\n"

    def counts(m: dict) -> None:
        m["counts"] = {**dict.fromkeys(SYNC_TABLES, 0), "observations": 1}
        m["span"] = None

    path = rebuild(sent["plain"], sent["dir"] / "orphan.zip", records=only_it, manifest=counts)
    _refused(sent, path, "site_id: site .* is neither in this bundle nor in this database")


def test_unknown_tables_and_values_that_are_not_scalars(sent):
    def edit(data: bytes) -> bytes:
        lines = data.split(b"\n")
        lines[0] = lines[0].replace(b'"table":"sites"', b'"table":"meta"')
        return b"\n".join(lines)

    path = rebuild(sent["plain"], sent["dir"] / "table.zip", records=edit)
    _refused(sent, path, "unknown table 'meta'")

    def nested(data: bytes) -> bytes:
        return data.replace(b'"source":"equipo A"', b'"source":{"x":1}', 1)

    path = rebuild(sent["plain"], sent["dir"] / "nested.zip", records=nested)
    _refused(sent, path, "source: must be text, a number or null")


def test_an_id_that_is_another_kind_of_record_here(sent):
    b = sent["b"]
    site_line = _records(sent["plain"]).split(b"\n")[0]
    site_id = json.loads(site_line)["row"]["id"]
    b.add_event(id=site_id, kind="log", title="Relevo", occurred_at="2025-12-01T12:00:00Z")
    _refused(sent, sent["plain"], "is a event in this database")


def test_an_exercise_bundle_into_an_operational_database(sent, demo):
    exercise = export_bundle(demo, sent["dir"] / "exercise.zip").path
    _refused(sent, exercise, "comes from an exercise database")


def test_a_configured_key_that_cannot_be_read(sent):
    b = sent["b"]
    before = snapshot(b)
    with pytest.raises(SyncKeyError, match="cannot be read"):
        import_bundle(b, sent["plain"], key_file=sent["dir"] / "lost.key")
    short = sent["dir"] / "short.key"
    short.write_bytes(b"1234")
    with pytest.raises(SyncKeyError, match="too short"):
        import_bundle(b, sent["plain"], key_file=short)
    assert snapshot(b) == before


def test_the_command_line_prints_one_line_and_exits_1(sent, capsys):
    b = sent["b"]
    before = snapshot(b)
    path = rebuild(
        sent["plain"], sent["dir"] / "cli.zip", records=lambda d: d[:-40] + b"x" * 40, rehash=False
    )
    code = main(["bundle", "import", str(path), "--db", str(b.path)])
    out, err = capsys.readouterr()
    assert code == 1 and out == ""
    assert err.count("\n") == 1 and "checksum mismatch" in err
    assert snapshot(b) == before
    code = main(
        [
            "bundle",
            "import",
            str(sent["plain"]),
            "--db",
            str(b.path),
            "--key-file",
            str(sent["dir"] / "k.key"),
        ]
    )
    assert code == 1 and "not signed" in capsys.readouterr().err
    assert isinstance(BundleRefused(["x"]), SituationRoomError)


def test_text_that_is_not_unicode(sent):
    def surrogate(data: bytes) -> bytes:
        return data.replace(b'"source":"equipo A"', b'"source":"equipo \\ud800"', 1)

    path = rebuild(sent["plain"], sent["dir"] / "surrogate.zip", records=surrogate)
    _refused(sent, path, "records.jsonl:2: row: holds text that is not valid Unicode")


@pytest.mark.parametrize(
    "instant", ["2025-13-45T99:99:99Z", "2025-02-30T10:00:00Z", "0001-01-01T00:00:00Z"]
)
def test_a_row_entered_at_an_impossible_time_is_refused(sent, instant):
    def edit(data: bytes) -> bytes:
        lines = data.split(b"\n")
        lines[1] = re.sub(rb'"entered_at":"[^"]*"', f'"entered_at":"{instant}"'.encode(), lines[1])
        return b"\n".join(lines)

    path = rebuild(sent["plain"], sent["dir"] / "time.zip", records=edit)
    _refused(sent, path, r"records.jsonl:2: entered_at: must be a UTC time")
