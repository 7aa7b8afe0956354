"""A second ``transkit check`` over unchanged input answers from the cache; any change
to what the report depends on is a miss; a damaged cache is ignored."""

from __future__ import annotations

import dataclasses
import json
import os
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import CATALOGS, OTHER_DOMAINS, ROOT

from transkit.cli import main
from transkit.engine import cache as runcache
from transkit.engine import registry
from transkit.engine import runner as engine


@pytest.fixture
def project(in_tmp: Path) -> Path:
    shutil.copytree(CATALOGS, in_tmp / "catalogs", ignore=OTHER_DOMAINS)
    shutil.copytree(ROOT / "glossary", in_tmp / "glossary")
    return in_tmp


@pytest.fixture
def runs(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The catalogs checked, by display path (a cached result checks none)."""
    checked: list[str] = []
    real = engine._check_catalog

    def counted(shared, catalog):
        checked.append(catalog.display_path)
        return real(shared, catalog)

    monkeypatch.setattr(engine, "_check_catalog", counted)
    return checked


def _counting(info: registry.CheckInfo, calls: list[tuple[str, str, str]]):
    def counted(entry, context):
        calls.append((context.catalog.display_path, entry.msgid, info.code))
        return info.function(entry, context)

    return counted


@pytest.fixture
def local_calls(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, str, str]]:
    """Each call of an entry-local check from now on: the catalog, the msgid, the check."""
    calls: list[tuple[str, str, str]] = []
    for info in registry.all_checks():
        if info.local:
            counted = dataclasses.replace(info, function=_counting(info, calls))
            monkeypatch.setitem(registry._CHECKS, info.code, counted)
    return calls


def check(*args: str):
    return CliRunner().invoke(main, ["check", "--format", "json", *args], catch_exceptions=False)


def cache_files(kind: str = "check") -> list[Path]:
    return sorted(Path(os.environ["TRANSKIT_CACHE_DIR"]).glob(f"{kind}-*.json"))


ALL = 23


def test_a_second_run_is_answered_from_the_cache(project: Path, runs: list[str]):
    first = check()
    second = check()
    assert len(runs) == ALL
    assert second.exit_code == first.exit_code
    assert second.stdout == first.stdout
    assert len(cache_files()) == 1
    assert len(cache_files("catalog")) == ALL


def _change_helpline(root: Path) -> None:
    path = root / "catalogs/fr.po"
    data = path.read_bytes()
    assert b'msgstr "Appeler le 078 055 800"' in data
    path.write_bytes(data.replace(b'msgstr "Appeler le 078 055 800"', b'msgstr "Appeler le 078 055 801"'))


@pytest.mark.parametrize(
    "change, rechecked",
    [
        (_change_helpline, 1),
        (
            lambda root: (root / "catalogs/campaign.pot").write_bytes(
                (root / "catalogs/campaign.pot").read_bytes() + b"\n"
            ),
            ALL,
        ),
        (
            lambda root: (root / "glossary/campaign.toml").write_bytes(
                (root / "glossary/campaign.toml").read_bytes() + b"\n# note\n"
            ),
            ALL,
        ),
        (lambda root: (root / "transkit.toml").write_text('select = ["T"]\n'), ALL),
    ],
    ids=["catalog", "template", "termbase", "configuration"],
)
def test_any_change_of_the_input_is_a_miss(project: Path, runs: list[str], change, rechecked: int):
    check()
    change(project)
    check()
    assert len(runs) == ALL + rechecked
    assert len(cache_files()) == 2


def test_one_changed_catalog_is_the_only_one_checked_again(project: Path, runs: list[str]):
    """The pre-commit case: the other catalogs' results and the facts the cross-language
    check needs come from the cache, and the report is the one a cold run gives."""
    check()
    _change_helpline(project)
    warm = check()
    assert runs[ALL:] == ["catalogs/fr.po"]
    cold = check("--no-cache")
    assert warm.exit_code == cold.exit_code == 1
    assert warm.stdout == cold.stdout
    crossed = [f for f in json.loads(warm.stdout)["findings"] if f["code"] == "T163"]
    assert crossed and all(f["file"] == "catalogs/fr.po" for f in crossed)
    assert "which 22 other languages give" in crossed[0]["message"]


def test_other_options_are_other_entries(project: Path, runs: list[str]):
    check()
    check("--select", "C")
    check("--lang", "fr")
    check("--select", "C")
    assert len(runs) == ALL + ALL + 1


def test_a_damaged_cache_is_ignored(project: Path, runs: list[str]):
    expected = check().stdout
    (entry,) = cache_files()
    for damage in (
        "not json",
        json.dumps({"format": 1, "key": "other"}),
        json.dumps({"format": 1, "key": entry.stem[6:], "findings": [{"x": 1}]}),
    ):
        entry.write_text(damage)
        result = check()
        assert result.exit_code in (0, 1) and result.stdout == expected
    assert len(runs) == ALL  # each catalog's result was still good


@pytest.mark.parametrize(
    "damage",
    [
        lambda data: "not json",
        lambda data: json.dumps({**data, "format": 1}),
        lambda data: json.dumps({**data, "digest": "0" * 64}),
        lambda data: json.dumps({**data, "display_path": "catalogs/other.po"}),
        lambda data: json.dumps({**data, "findings": [{"x": 1}]}),
        lambda data: json.dumps({**data, "coverage": None}),
        lambda data: json.dumps({**data, "markers": [[None, "x", [{"selectors": 3}]]]}),
        lambda data: json.dumps({key: value for key, value in data.items() if key != "facts"}),
    ],
    ids=[
        "not-json",
        "old-format",
        "other-digest",
        "other-file",
        "bad-finding",
        "no-coverage",
        "bad-marker",
        "no-facts",
    ],
)
def test_a_damaged_catalog_entry_is_checked_again(project: Path, runs: list[str], damage):
    expected = check().stdout
    for entry in cache_files():
        entry.unlink()
    for entry in cache_files("catalog"):
        entry.write_text(damage(json.loads(entry.read_text(encoding="utf-8"))))
    result = check()
    assert result.stdout == expected
    assert len(runs) == 2 * ALL


@pytest.mark.parametrize(
    "damage",
    [
        lambda data: {**data, "messages": []},
        lambda data: {**data, "messages": [[1, None]] * len(data["messages"])},
        lambda data: {**data, "messages": [[text, {"template": 3}] for text, _ in data["messages"]]},
        lambda data: {**data, "findings": [[*row[:5], True, *row[6:]] for row in data["findings"]]},
    ],
    ids=["no-messages", "no-text", "bad-template", "bad-place"],
)
def test_a_damaged_table_of_messages_is_checked_again(project: Path, runs: list[str], damage):
    """A row names its message by its place in the entry's table: a table or a place that
    does not hold together is a miss, never a wrong message."""
    expected = check().stdout
    for entry in cache_files():
        entry.unlink()
    damaged = 0
    for entry in cache_files("catalog"):
        data = json.loads(entry.read_text(encoding="utf-8"))
        if data["findings"]:
            entry.write_text(json.dumps(damage(data)))
            damaged += 1
    assert damaged >= 5
    result = check()
    assert result.stdout == expected
    assert len(runs) == ALL + damaged


def test_no_cache_neither_reads_nor_writes(project: Path, runs: list[str]):
    check("--no-cache")
    check("--no-cache")
    assert len(runs) == 2 * ALL
    assert cache_files() == [] and cache_files("catalog") == []


def test_an_unwritable_cache_folder_is_no_error(project: Path, runs: list[str], monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("TRANSKIT_CACHE_DIR", str(project / "catalogs" / "fr.po" / "cache"))  # under a file
    assert check().exit_code == 0
    assert check().exit_code == 0
    assert len(runs) == 2 * ALL


def test_the_cache_keeps_the_most_recently_used_entries(
    project: Path, runs: list[str], monkeypatch: pytest.MonkeyPatch
):
    monkeypatch.setattr(runcache, "MAX_ENTRIES", 60)
    check("--select", "C")
    # Stores 47 more files (each catalog's result and its messages' local findings, and
    # the run's index): over 60, the oldest are removed down to nine tenths of it.
    check()
    folder = Path(os.environ["TRANSKIT_CACHE_DIR"])
    assert len(list(folder.glob("*.json"))) == 54
    before = len(runs)
    check()
    assert len(runs) == before  # the last run's entries were kept


def test_a_cache_below_its_limit_loses_nothing(tmp_path: Path):
    for number in range(5):
        (tmp_path / f"catalog-{number}.json").write_text("{}")
        os.utime(tmp_path / f"catalog-{number}.json", (number, number))
    runcache.prune(tmp_path, keep=5)
    assert len(list(tmp_path.glob("*.json"))) == 5
    runcache.prune(tmp_path, keep=4)  # one over: down to 3, the least recently used gone
    assert sorted(path.name for path in tmp_path.glob("*.json")) == [f"catalog-{n}.json" for n in (2, 3, 4)]


def test_one_changed_catalog_writes_a_small_index_not_the_report_again(project: Path, runs: list[str]):
    """The run's entry names its catalogs' entries: after one catalog changed, what is
    written is that catalog's entry and an index, and the index answers the next run."""
    check()
    _change_helpline(project)
    warm = check()
    newest = max(cache_files(), key=lambda entry: entry.stat().st_mtime)
    index = json.loads(newest.read_bytes())
    assert len(index["catalogs"]) == ALL
    found = json.loads(warm.stdout)["findings"]
    assert found and len(index["others"]) < len(found)  # the catalogs' findings are in their entries only
    answered = check()
    assert runs[ALL:] == ["catalogs/fr.po"]
    assert answered.stdout == warm.stdout == check("--no-cache").stdout


def test_a_pruned_catalog_entry_is_checked_again(project: Path, runs: list[str]):
    expected = check().stdout
    removed = cache_files("catalog")[0]
    removed.unlink()
    assert check().stdout == expected
    assert len(runs) == ALL + 1  # the index named an entry that is gone: the run is done again


def test_with_a_baseline_the_cached_report_is_the_fresh_one(project: Path, runs: list[str]):
    """A baseline drops findings by count across the whole report: the run's entry then
    holds the report itself, and the cached answer is the fresh one."""
    baseline = project / "baseline.json"
    check("--write-baseline", str(baseline))
    _change_helpline(project)
    (project / "catalogs/de.po").write_bytes((project / "catalogs/de.po").read_bytes() + b"\n# edited\n")
    fresh = check("--baseline", str(baseline), "--no-cache")
    first = check("--baseline", str(baseline))
    second = check("--baseline", str(baseline))
    assert first.stdout == second.stdout == fresh.stdout
    assert json.loads(fresh.stdout)["findings"]  # the baseline left something to compare


def test_a_parallel_run_stores_its_report_as_an_index(project: Path, monkeypatch: pytest.MonkeyPatch):
    """Catalogs checked in worker processes come back pickled; the cache and the report
    must hold the same findings, or the report is stored whole (45 MB for a large project,
    rewritten on every run where one catalog changed) instead of as an index of them."""
    first = check("-j", "2", "--select", "C")
    assert first.exit_code in (0, 1)
    (stored,) = cache_files()
    assert "catalogs" in json.loads(stored.read_bytes())
    assert check("-j", "2", "--select", "C").stdout == first.stdout


def _insert_above(root: Path, msgid: bytes, lines: bytes) -> None:
    """Insert ``lines`` above the message ``msgid`` of ps.po (its comments included)."""
    path = root / "catalogs/ps.po"
    data = path.read_bytes()
    at = data.rindex(b"\n\n", 0, data.index(msgid)) + 2  # the start of that message's block
    path.write_bytes(data[:at] + lines + data[at:])


def _ps_findings(stdout: str) -> list[tuple[int, str]]:
    return [(f["line"], f["code"]) for f in json.loads(stdout)["findings"] if f["file"] == "catalogs/ps.po"]


def test_after_one_message_changed_the_local_checks_see_that_message_alone(
    project: Path, runs: list[str], local_calls: list[tuple[str, str, str]]
):
    """The catalog is checked again, but the local checks' findings on its other messages
    come from the cache; the report is the one of a run without the cache."""
    cold = check()
    assert {catalog for catalog, _, _ in local_calls} == {
        f"catalogs/{p.name}" for p in (project / "catalogs").glob("*.po")
    }
    local_calls.clear()
    path = project / "catalogs/ps.po"
    old = 'msgstr "د انسانانو قاچاق ودروئ"'.encode()
    path.write_bytes(path.read_bytes().replace(old, old[:-1] + b'!"'))
    warm = check()
    assert runs[ALL:] == ["catalogs/ps.po"]
    assert local_calls and {(catalog, msgid) for catalog, msgid, _ in local_calls} == {
        ("catalogs/ps.po", "Stop human trafficking")
    }
    assert warm.stdout == check("--no-cache").stdout
    # The new finding (S131, final punctuation) beside the reused ones (C102, C103, C105).
    assert set(_ps_findings(warm.stdout)) - set(_ps_findings(cold.stdout)) == {(21, "S131")}
    assert {"C102", "C103", "C105"} <= {code for _, code in _ps_findings(warm.stdout)}


def test_comment_lines_change_their_message_alone_and_the_messages_below_move(
    project: Path, runs: list[str], local_calls: list[tuple[str, str, str]]
):
    """The comments are the message's own (a marker among them); every message below is
    two lines further down, and its findings are reused there."""
    cold = check()
    local_calls.clear()
    _insert_above(project, b'msgid "Quick exit"', b"# a translator's note\n# transkit-ignore: S\n")
    warm = check()
    assert runs[ALL:] == ["catalogs/ps.po"]
    assert {msgid for _, msgid, _ in local_calls} == {"Quick exit"}
    assert warm.stdout == check("--no-cache").stdout
    moved = [(line + 2 if line >= 28 else line, code) for line, code in _ps_findings(cold.stdout)]
    assert any(line > 28 for line, _ in moved)
    # The marker suppresses nothing there: N101 says so, at its line.
    assert sorted(_ps_findings(warm.stdout)) == sorted([*moved, (30, "N101")])


def test_a_changed_header_checks_every_message_again(
    project: Path, runs: list[str], local_calls: list[tuple[str, str, str]]
):
    """A local check may read the header (the language, Plural-Forms): nothing is reused."""
    check()
    first = len(local_calls)
    path = project / "catalogs/ps.po"
    path.write_bytes(path.read_bytes().replace(b"Language-Team: ", b"Language-Team: Pashto "))
    warm = check()
    assert runs[ALL:] == ["catalogs/ps.po"]
    assert len(local_calls) - first == sum(1 for catalog, _, _ in local_calls[:first] if catalog == "catalogs/ps.po")
    assert warm.stdout == check("--no-cache").stdout


@pytest.mark.parametrize(
    "damage", [b"{not json", b'{"format": 6, "clean": "00", "clean_facts": [], "found": [], "messages": []}']
)
def test_damaged_local_findings_check_every_message_again(
    project: Path, runs: list[str], local_calls: list[tuple[str, str, str]], damage: bytes
):
    check()
    first = len(local_calls)
    kept = cache_files("local")
    assert len(kept) == ALL
    for path in kept:
        path.write_bytes(damage)
    path = project / "catalogs/ps.po"
    old = 'msgstr "د انسانانو قاچاق ودروئ"'.encode()
    path.write_bytes(path.read_bytes().replace(old, old[:-1] + b'!"'))  # one message (intact: only it is checked)
    warm = check()
    assert runs[ALL:] == ["catalogs/ps.po"]
    before = {msgid for catalog, msgid, _ in local_calls[:first] if catalog == "catalogs/ps.po"}
    assert {msgid for _, msgid, _ in local_calls[first:]} == before and len(before) > 1
    assert warm.stdout == check("--no-cache").stdout


def test_a_run_that_misses_reads_each_unchanged_catalog_once(
    project: Path, runs: list[str], monkeypatch: pytest.MonkeyPatch
):
    """The run's key hashed every catalog already: the catalogs' cache takes those hashes
    instead of reading the files again (the real corpus's 70 MB, twice per run)."""
    expected = check().stdout
    _change_helpline(project)
    reads: list[str] = []
    real = Path.read_bytes

    def counted(path: Path) -> bytes:
        reads.append(path.name)
        return real(path)

    monkeypatch.setattr(Path, "read_bytes", counted)
    warm = check()
    assert runs[ALL:] == ["catalogs/fr.po"]
    assert reads.count("de.po") == 1  # for the run's key, not again for its result
    assert warm.stdout == check("--no-cache").stdout != expected


def test_a_changed_catalog_is_checked_in_a_worker_while_the_others_are_read_back(
    project: Path, monkeypatch: pytest.MonkeyPatch
):
    """With two processes allowed, the one catalog to check goes to a worker process and
    this one reads the other catalogs' entries meanwhile; the report is a fresh run's."""
    from transkit.engine import workers

    pools: list[int] = []
    real = workers.ProcessPoolExecutor

    def recorded(*args, **kwargs):
        pools.append(kwargs["max_workers"])
        return real(*args, **kwargs)

    monkeypatch.setattr(workers, "ProcessPoolExecutor", recorded)
    check("-j", "2")
    pools.clear()
    _change_helpline(project)
    warm = check("-j", "2")
    assert pools == [1]  # one worker, for fr.po, beside this process
    assert warm.stdout == check("--no-cache").stdout
    pools.clear()
    fr = project / "catalogs/fr.po"
    fr.write_bytes(fr.read_bytes().replace(b"078 055 801", b"078 055 802"))
    assert check("-j", "1").stdout == check("--no-cache").stdout
    assert pools == []  # one process allowed: everything here


def test_an_entry_found_unusable_once_read_is_checked_after_the_others(project: Path, runs: list[str]):
    expected = check("--no-cache").stdout
    check()
    _change_helpline(project)
    damaged = next(
        path for path in cache_files("catalog") if json.loads(path.read_bytes())["display_path"] == "catalogs/de.po"
    )
    damaged.write_bytes(b"{}")  # there, but not an entry: found only once read
    runs.clear()
    changed = check("--no-cache").stdout
    assert changed != expected
    runs.clear()
    assert check().stdout == changed
    assert sorted(runs) == ["catalogs/de.po", "catalogs/fr.po"]
