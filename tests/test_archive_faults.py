"""Faults with the real SQLite, no mocks: files that are not ours, read-only archives, a full disk, a
corrupt page, kill -9 during an import. Each gives one clear error and leaves the archive as it was."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from reviewlab import open_archive
from reviewlab.archive.identity import APPLICATION_ID
from reviewlab.cli import cli
from reviewlab.errors import ArchiveDamaged, ArchiveFull, ArchiveReadOnly, NotAnArchive
from reviewlab.importers import import_paths, read_file
from reviewlab.schema import LATEST, MIGRATIONS

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(__file__).parent / "data"
SAMPLE = ROOT / "data" / "reviews"


def _cli(*args) -> tuple[int, list[str]]:
    result = CliRunner().invoke(cli, [str(a) for a in args], catch_exceptions=False)
    return result.exit_code, result.output.strip().splitlines()


def _files(folder: Path) -> dict[str, str]:
    """Every file in the folder with a hash of its bytes."""
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.iterdir())}


def _archive(path: Path, *sources: Path) -> str:
    with open_archive(path) as a:
        import_paths(a, list(sources))
        a.checkpoint()
        return a.content_hash()


# -- files that are not ours -------------------------------------------------------------------
def _foreign(path: Path) -> None:
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)")
    conn.execute("INSERT INTO notes (body) VALUES ('someone else''s data')")
    conn.commit()
    conn.close()


def _empty_sqlite(path: Path) -> None:
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA user_version = 7")  # writes a header, no tables
    conn.close()


def _other_app(path: Path) -> None:
    _foreign(path)
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA application_id = 1234")
    conn.close()


@pytest.mark.parametrize(("make", "says"), [
    (lambda p: p.write_bytes(b""), "is an empty file (0 bytes), not a reviewlab archive"),
    (lambda p: p.write_text("name,text\nAna,hello\n"), "is not a reviewlab archive (not a SQLite database at all)"),
    (_empty_sqlite, "is an empty SQLite database, not a reviewlab archive"),
    (_foreign, "is not a reviewlab archive: it is a SQLite database with other tables (notes)"),
    (_other_app, "is another program's SQLite database (application id 0x4d2)"),
], ids=["0 bytes", "text file", "empty SQLite", "foreign SQLite", "other application"])
def test_a_file_that_is_not_ours_is_refused_and_never_changed(tmp_path, make, says):
    folder = tmp_path / "f"
    folder.mkdir()
    path = folder / "reviews.db"
    make(path)
    before = _files(folder)
    for args in (("list",), ("show", "r01"), ("import", DATA / "review-pass-full.json"), ("report", "r01")):
        code, lines = _cli(*args, "--archive", path)
        assert code == 1 and len(lines) == 1 and says in lines[0], (args, lines)
        assert _files(folder) == before, args  # same bytes, no -wal or -shm left, nothing added
    with pytest.raises(NotAnArchive, match=says.replace("(", r"\(").replace(")", r"\)")):
        open_archive(path)
    with pytest.raises(NotAnArchive):
        open_archive(path, read_only=True)
    assert _files(folder) == before


def test_a_second_open_and_close_in_one_process_keeps_the_first_connections_writes_visible(tmp_path):
    """Checking a file must not open it outside SQLite: closing that descriptor would drop the POSIX locks
    of the process's other connections, and their commits would stop reaching other processes."""
    path = tmp_path / "a.db"
    _archive(path, DATA / "review-pass-full.json")
    script = f"from reviewlab import open_archive; print(len(open_archive({str(path)!r}).contributions('t-full')))"

    def count_elsewhere() -> int:  # another process opens, reads and closes the archive
        done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True,
                              env={**os.environ, "PYTHONPATH": str(ROOT)}, timeout=120)
        return int(done.stdout)

    with open_archive(path) as first:
        first.add_contribution("t-full", "Ana", "observation", "said before")
        with open_archive(path) as again:  # as notebook 02's last cell does
            again.reviews()
        assert count_elsewhere() == 9  # (with the locks lost, this close took the write-ahead log away)
        first.add_contribution("t-full", "Ana", "observation", "said after the second connection closed")
        assert count_elsewhere() == 10


def test_a_folder_is_not_an_archive(tmp_path):
    with pytest.raises(NotAnArchive, match="is a folder, not an archive file"):
        open_archive(tmp_path)


def test_new_archives_carry_the_application_id_and_memory_still_works(tmp_path):
    with open_archive(tmp_path / "new.db") as a:
        assert a._rows("PRAGMA application_id")[0]["application_id"] == APPLICATION_ID
    with open_archive(":memory:") as a:
        assert a.reviews() == []


def test_an_archive_of_an_earlier_version_is_recognised_upgraded_and_marked(tmp_path):
    """Made as versions before this one made them: migrations 1-5, no application id, text with a NUL."""
    path = tmp_path / "old.db"
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("CREATE TABLE schema_version (version INTEGER PRIMARY KEY, name TEXT, applied_at TEXT)")
    for version, name, apply in MIGRATIONS[:5]:
        apply(conn)
        conn.execute("INSERT INTO schema_version VALUES (?, ?, datetime('now'))", (version, name))
    conn.execute("INSERT INTO reviews (id, title, incident_start, severity, status) "
                 "VALUES ('old1', 'Old review', '2024-01-01T10:00:00+00:00', 'SEV3', 'meeting_held')")
    conn.execute("INSERT INTO participants VALUES ('old1', 'Ana', 'responder', 1, 0)")
    conn.execute("INSERT INTO contributions (id, review_id, participant, phase, kind, text, recorded_at) VALUES "
                 "('old1-c1', 'old1', 'Ana', 'meeting', 'observation', ?, '2024-01-02T10:00:00+00:00')",
                 ("paste\x00d text",))
    conn.close()
    code, lines = _cli("show", "old1", "--archive", path)
    assert code == 0, lines
    assert "  [observation] Ana: paste\ufffdd text" in lines
    with open_archive(path) as a:
        assert a.schema_version() == LATEST
        assert a._rows("PRAGMA application_id")[0]["application_id"] == APPLICATION_ID


def test_an_archive_of_a_newer_version_is_refused_unchanged(tmp_path):
    path = tmp_path / "new.db"
    _archive(path, DATA / "review-pass-full.json")
    conn = sqlite3.connect(path)
    conn.execute("INSERT INTO schema_version VALUES (?, 'from the future', datetime('now'))", (LATEST + 1,))
    conn.commit()
    conn.close()
    before = _files(tmp_path)
    code, lines = _cli("list", "--archive", path)
    assert code == 1 and "was made by a newer reviewlab" in lines[0]
    assert _files(tmp_path) == before


# -- read-only -----------------------------------------------------------------------------------
def test_read_only_archive_reads_and_refuses_every_write_in_one_line(tmp_path):
    path = tmp_path / "a.db"
    before = _archive(path, DATA / "review-pass-full.json")
    with open_archive(path, read_only=True) as a:
        assert [r.id for r in a.reviews()] == ["t-full"]
        for write in (lambda: a.import_reviews(read_file(DATA / "contributions-pass-two-reviews.csv").bundles),
                      lambda: import_paths(a, [DATA / "contributions-pass-two-reviews.csv"]),
                      lambda: a.add_contribution("t-full", "Ana", "observation", "late note"),
                      lambda: a.delete_review("t-full")):
            with pytest.raises(ArchiveReadOnly, match=r"archive .*a\.db is read-only \(attempt to write a readonly"):
                write()
        assert a.content_hash() == before
    with open_archive(path) as a:
        assert a.content_hash() == before


def test_read_only_open_of_a_missing_file_creates_nothing(tmp_path):
    with pytest.raises(Exception, match="no archive at .* to open read-only"):
        open_archive(tmp_path / "none.db", read_only=True)
    assert not list(tmp_path.iterdir())


def _can_mount() -> bool:
    if shutil.which("unshare") is None or not hasattr(os, "geteuid") or os.geteuid() != 0:
        return False
    probe = subprocess.run(["unshare", "-m", "sh", "-c", "mount -t tmpfs -o size=64k tmpfs /mnt"],
                           capture_output=True)
    return probe.returncode == 0


needs_mount = pytest.mark.skipif(not _can_mount(), reason="needs root and mount namespaces (a private mount)")


@needs_mount
def test_cli_on_a_read_only_disk_reads_and_refuses_writes(tmp_path):
    """The archive's folder bind-mounted read-only in a private mount namespace: even root can't write."""
    folder = tmp_path / "ro"
    folder.mkdir()
    path = folder / "a.db"
    before = _archive(path, DATA / "review-pass-full.json")
    more = DATA / "contributions-pass-two-reviews.csv"
    cli_ = f"{sys.executable} -m reviewlab.cli"
    script = f"""
        set -e
        mount --bind {folder} {folder}
        mount -o remount,bind,ro {folder}
        set +e
        {cli_} list --archive {path} > {tmp_path}/list.txt 2>&1; echo $? >> {tmp_path}/list.txt
        {cli_} import {more} --archive {path} > {tmp_path}/import.txt 2>&1; echo $? >> {tmp_path}/import.txt
    """
    subprocess.run(["unshare", "-m", "sh", "-c", script], check=True, env={**os.environ, "PYTHONPATH": str(ROOT)},
                   timeout=300)
    listed = (tmp_path / "list.txt").read_text().splitlines()
    assert listed[-1] == "0" and listed[0].startswith("t-full "), listed
    imported = (tmp_path / "import.txt").read_text().splitlines()
    assert imported[-1] == "1" and len(imported) == 2, imported
    assert imported[0] == (f"Error: archive {path} is read-only (attempt to write a readonly database); nothing was "
                           "written. Work on a copy you can write to, or ask who owns the file")
    with open_archive(path) as a:
        assert a.content_hash() == before


def _as_nobody() -> None:  # pragma: no cover - runs in the child
    os.setgid(65534)
    os.setuid(65534)


def _nobody_can_run_python() -> bool:
    if not hasattr(os, "geteuid") or os.geteuid() != 0:
        return False
    try:
        return subprocess.run([sys.executable, "-c", "import reviewlab"], env={**os.environ, "PYTHONPATH": str(ROOT)},
                              preexec_fn=_as_nobody, capture_output=True, timeout=60).returncode == 0
    except OSError:
        return False


@pytest.mark.skipif(not _nobody_can_run_python(), reason="needs root, and a Python the user 'nobody' may run")
def test_cli_on_an_archive_its_user_cannot_write(tmp_path):
    """CI runs as root, which ignores file modes: the command runs as 'nobody' on root's archive."""
    folder = Path(tempfile.mkdtemp(prefix="rl-readonly-"))
    try:
        folder.chmod(0o755)
        path = folder / "a.db"
        before = _archive(path, DATA / "review-pass-full.json")
        path.chmod(0o644)
        shutil.copy(DATA / "contributions-pass-two-reviews.csv", folder / "more.csv")
        (folder / "more.csv").chmod(0o644)
        env = {**os.environ, "PYTHONPATH": str(ROOT), "HOME": str(folder)}
        command = [sys.executable, "-m", "reviewlab.cli", "import", str(folder / "more.csv"), "--archive", str(path)]
        done = subprocess.run(command, capture_output=True, text=True, env=env, preexec_fn=_as_nobody, timeout=120)
        lines = (done.stdout + done.stderr).strip().splitlines()
        assert done.returncode == 1 and len(lines) == 1, lines
        assert f"archive {path} is read-only" in lines[0], lines
        with open_archive(path, read_only=True) as a:
            assert a.content_hash() == before
    finally:
        shutil.rmtree(folder)


# -- a full disk ---------------------------------------------------------------------------------
def _big_review(n: int = 300) -> dict:
    data = json.loads((DATA / "review-pass-full.json").read_text())
    data["review"]["id"] = "big"
    data["contributions"] = [{"id": f"big-c{i}", "participant": "Ana", "kind": "observation",
                              "text": f"note {i} " + "x" * 4_000, "recorded_at": "2025-06-04T13:05:00+00:00"}
                             for i in range(n)]
    data["plans"], data["agenda"], data["item_themes"] = [], [], []
    return data


def test_full_disk_during_import_says_so_and_writes_nothing(tmp_path):
    """SQLite itself reports the full disk: the archive may not grow past its current pages."""
    path = tmp_path / "a.db"
    before = _archive(path, DATA / "review-pass-full.json")
    with open_archive(path) as a:
        pages = a._rows("PRAGMA page_count")[0]["page_count"]
        a._conn.execute(f"PRAGMA max_page_count = {pages + 5}")
        with pytest.raises(ArchiveFull, match=r"the disk holding archive .* is full \(database or disk is full\); "
                                              r"nothing of this change was written"):
            a.import_review(_big_review())
        assert a.content_hash() == before
        a._conn.execute("PRAGMA max_page_count = 1073741823")
        a.import_review(_big_review())  # the same import works once there is room
        assert len(a.contributions("big")) == 300


@needs_mount
def test_cli_import_onto_a_really_full_disk(tmp_path):
    """A 1 MB tmpfs in a private mount namespace: the real disk fills during `reviewlab import`."""
    path = tmp_path / "a.db"
    before = _archive(path, DATA / "review-pass-full.json")
    big = tmp_path / "big.json"
    big.write_text(json.dumps(_big_review(600)))
    disk = tmp_path / "disk"
    disk.mkdir()
    python = sys.executable
    script = f"""
        set -e
        mount -t tmpfs -o size=1m tmpfs {disk}
        cp {path} {disk}/a.db
        set +e
        {python} -m reviewlab.cli import {big} --archive {disk}/a.db > {tmp_path}/out.txt 2>&1
        echo $? > {tmp_path}/rc.txt
        df -k {disk} | tail -1 > {tmp_path}/df.txt
        {python} -c "from reviewlab import open_archive; print(open_archive('{disk}/a.db').content_hash())" \
            > {tmp_path}/hash.txt 2>&1
    """
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    subprocess.run(["unshare", "-m", "sh", "-c", script], check=True, env=env, timeout=300)
    lines = (tmp_path / "out.txt").read_text().strip().splitlines()
    assert (tmp_path / "rc.txt").read_text().strip() == "1", lines
    assert len(lines) == 1 and lines[0].startswith("Error: the disk holding archive"), lines
    assert "is full (database or disk is full); nothing of this change was written" in lines[0]
    assert (tmp_path / "hash.txt").read_text().strip() == before


# -- a corrupt page --------------------------------------------------------------------------------
def test_an_overwritten_page_is_one_line_and_the_file_is_left_as_it_was(tmp_path):
    folder = tmp_path / "f"
    folder.mkdir()
    path = folder / "a.db"
    _archive(path, SAMPLE)
    with open_archive(path) as a:
        page = a._rows("SELECT pageno FROM dbstat WHERE name = 'reviews' AND pagetype = 'leaf' "
                       "ORDER BY pageno LIMIT 1")[0]["pageno"]
        size = a._rows("PRAGMA page_size")[0]["page_size"]
    with path.open("r+b") as handle:
        handle.seek((page - 1) * size)
        handle.write(b"\xa5" * size)
    before = _files(folder)
    code, lines = _cli("list", "--archive", path)
    assert code == 1 and len(lines) == 1, lines
    assert "is damaged (database disk image is malformed); restore it from a backup" in lines[0]
    code, lines = _cli("import", DATA / "review-pass-full.json", "--archive", path)
    assert code == 1 and len(lines) == 1 and "is damaged" in lines[0], lines
    assert _files(folder) == before
    with open_archive(path) as a, pytest.raises(ArchiveDamaged):
        a.contributions_frame()


# -- kill -9 during an import ----------------------------------------------------------------------
def test_kill_9_during_an_import_leaves_all_of_it_or_none(tmp_path):
    base = tmp_path / "base.db"
    before = _archive(base, DATA / "review-pass-full.json")
    done = tmp_path / "done.db"
    shutil.copy(base, done)
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    command = [sys.executable, "-m", "reviewlab.cli", "import", str(SAMPLE), "--archive"]
    start = time.perf_counter()
    subprocess.run([*command, str(done)], check=True, env=env, capture_output=True, timeout=300)
    took = time.perf_counter() - start
    with open_archive(done) as a:
        after = a.content_hash()
    outcomes = []
    for i, share in enumerate((0.35, 0.5, 0.6, 0.7, 0.8, 0.9, 0.97)):
        path = tmp_path / f"k{i}.db"
        shutil.copy(base, path)
        proc = subprocess.Popen([*command, str(path)], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(took * share)
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait(timeout=30)
        with open_archive(path) as a:
            got = a.content_hash()
            assert a.integrity_problems() == []
        outcomes.append("none" if got == before else "all" if got == after else "HALF")
        # which outcome each kill gives depends on the machine's speed; both are whole archives
        assert outcomes[-1] != "HALF", f"kill {i} left a half-imported archive ({outcomes})"
