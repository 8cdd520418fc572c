"""Issue 14's cases, run through the real `reviewlab` command: what a user sees for each, as a Markdown table.

Run by hand from the repository root, against the code on PYTHONPATH (so the same script shows the
behaviour of another checkout too):

    PYTHONPATH=$PWD .venv/bin/python benchmarks/bad_input.py

Each case builds its files in a temporary folder, runs the command in a subprocess and reports the
exit code, the number of output lines, whether a traceback was printed, the first line, and for
the cases that used to lose or change data silently, what the archive holds afterwards. The cases
that need a read-only or a full disk use a private mount namespace (root and `unshare`); they are
skipped elsewhere.
"""

from __future__ import annotations

import copy
import json
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "tests" / "data"
BASE = json.loads((DATA / "review-pass-full.json").read_text(encoding="utf-8"))
CLI = [sys.executable, "-c", "from reviewlab.cli import main; main()"]


def run(*args: object, cwd: Path) -> tuple[int, str]:
    done = subprocess.run([*CLI, *map(str, args)], capture_output=True, text=True, cwd=cwd, env=os.environ,
                          timeout=600)
    return done.returncode, (done.stdout + done.stderr)


def query(db: Path, sql: str) -> list:
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        return conn.execute(sql).fetchall()
    finally:
        conn.close()


def changed_json(path: list, value) -> bytes:
    data = copy.deepcopy(BASE)
    target = data
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = value
    return json.dumps(data, ensure_ascii=False).encode("utf-8")


def raw_json(old: str, new: str | bytes) -> bytes:
    text = json.dumps(BASE, ensure_ascii=False)
    if isinstance(new, bytes):
        return text.encode("utf-8").replace(old.encode("utf-8"), new, 1)
    return text.replace(old, new, 1).encode("utf-8")


CSV_HEAD = "review_id,review_title,incident_start,participant,kind,text\n"
CSV_ROW = "q1,Queue,2025-01-02T10:00:00+00:00,{},observation,{}\n"

JSON_CASES = {
    "summary: 5": changed_json(["review", "summary"], 5),
    "a tag 1": changed_json(["contributions", 1, "tags"], [1]),
    "a plan owner 7": changed_json(["plans", 0, "owner"], 7),
    "facilitator: a list": changed_json(["review", "facilitator"], ["Fay Neutral"]),
    "planning_override: a list": changed_json(["review", "planning_override"], ["x"]),
    "agenda minutes 1e999": raw_json('"minutes": 20', '"minutes": 1e999'),
    "a lone surrogate \\ud800": raw_json("Swapping the alias", "Swapping \\ud800 the alias"),
    "0001-01-01T00:00:00+14:00 on a timeline event": changed_json(["contributions", 1, "event_time"],
                                                                  "0001-01-01T00:00:00+14:00"),
    "10,000 nested brackets": raw_json('"summary": "An alias', '"summary": ' + "[" * 10_000 + "]" * 10_000 + ', "x": "'),
    "an invalid UTF-8 byte in .json": raw_json("Swapping the alias", b"Swapping \xff the alias"),
    "a duplicate JSON key": raw_json('"private": false', '"private": false, "private": true'),
    "NUL in a text": changed_json(["contributions", 3, "text"], "one\x00two"),
    "review id '..'": changed_json(["review", "id"], ".."),
    "JSON with a BOM": b"\xef\xbb\xbf" + json.dumps(BASE, ensure_ascii=False).encode("utf-8"),
}
SILENT_JSON = {  # imported today; the question is what was stored
    "responded: \"false\"": (changed_json(["participants", 1, "responded"], "false"),
                             "SELECT responded FROM participants WHERE name = 'Ana'"),
    "private: \"false\"": (changed_json(["contributions", 1, "private"], "false"),
                           "SELECT private FROM contributions WHERE id = 't-full-c2'"),
    "agenda minutes 12.9": (changed_json(["agenda", 0, "minutes"], 12.9),
                            "SELECT minutes FROM agenda_items WHERE position = 0"),
}
CSV_CASES = {
    "a CSV row shorter than the header": CSV_HEAD + "q1,Queue,2025-01-02T10:00:00+00:00,Ana,observation\n",
    "an unclosed quote in row 2": CSV_HEAD + CSV_ROW.format("Ana", '"The queue backed up') + "".join(
        CSV_ROW.format(p, f"{p} saw it") for p in ("Bo", "Cy", "Di")),
    "a duplicate CSV column": CSV_HEAD.rstrip("\n") + ",Text\n" + CSV_ROW.rstrip("\n") .format("Ana", "a") + ",b\n",
}


def line_of(code: int, out: str, extra: str = "") -> list[str]:
    lines = out.strip().splitlines()
    first = (lines[0] if lines else "").replace("|", "\\|")
    if len(first) > 150:
        first = first[:147] + "..."
    trace = "yes" if "Traceback" in out else "no"
    return [str(code), str(len(lines)), trace, f"`{first}`" + (f" {extra}" if extra else "")]


def cases(tmp: Path):
    filled = tmp / "filled.db"
    run("import", DATA / "contributions-pass-two-reviews.csv", "--archive", filled, cwd=tmp)
    for name, data in JSON_CASES.items():
        db = tmp / f"j{abs(hash(name))}.db"
        shutil.copy(filled, db)
        (tmp / "case.json").write_bytes(data)
        code, out = run("import", tmp / "case.json", "--archive", db, cwd=tmp)
        yield name, line_of(code, out)
    for name, (data, sql) in SILENT_JSON.items():
        db = tmp / f"s{abs(hash(name))}.db"
        (tmp / "case.json").write_bytes(data)
        code, out = run("import", tmp / "case.json", "--archive", db, cwd=tmp)
        stored = query(db, sql) if code == 0 else None
        yield name, line_of(code, out.splitlines()[-1] if code == 0 else out, f"stored: {stored}" if stored else "")
    for name, text in CSV_CASES.items():
        db = tmp / f"c{abs(hash(name))}.db"
        (tmp / "case.csv").write_text(text)
        code, out = run("import", tmp / "case.csv", "--archive", db, cwd=tmp)
        kept = query(db, "SELECT COUNT(*) FROM contributions")[0][0] if code == 0 else None
        yield name, line_of(code, out.splitlines()[-1] if code == 0 else out,
                            f"contributions stored: {kept} of {text.count(chr(10)) - 1} rows" if code == 0 else "")
    yield from archive_cases(tmp, filled)


def archive_cases(tmp: Path, filled: Path):
    (tmp / "empty.db").write_bytes(b"")
    code, out = run("list", "--archive", tmp / "empty.db", cwd=tmp)
    yield "a 0-byte file as archive (list)", line_of(code, out, f"size after: {(tmp / 'empty.db').stat().st_size}")
    foreign = tmp / "foreign.db"
    conn = sqlite3.connect(foreign)
    conn.execute("CREATE TABLE notes (body TEXT)")
    conn.commit()
    conn.close()
    code, out = run("list", "--archive", foreign, cwd=tmp)
    tables = len(query(foreign, "SELECT name FROM sqlite_master WHERE type = 'table'"))
    mode = query(foreign, "PRAGMA journal_mode")[0][0]
    yield "someone else's SQLite file (list)", line_of(code, out, f"after: {tables} table(s), journal {mode}")
    damaged = tmp / "damaged.db"
    run("import", ROOT / "data" / "reviews", "--archive", damaged, cwd=tmp)
    page = query(damaged, "SELECT pageno FROM dbstat WHERE name = 'reviews' AND pagetype = 'leaf' LIMIT 1")[0][0]
    with damaged.open("r+b") as handle:
        handle.seek((page - 1) * 4096)
        handle.write(b"\xa5" * 4096)
    code, out = run("list", "--archive", damaged, cwd=tmp)
    yield "one overwritten page of the archive (list)", line_of(code, out)
    code, out = run("report", "csv-01", "-o", tmp / "missing" / "r.md", "--archive", filled, cwd=tmp)
    yield "report -o into a missing folder", line_of(code, out)
    yield from overwrite_case(tmp)
    yield from mount_cases(tmp, filled)


def overwrite_case(tmp: Path):
    db, old = tmp / "ow.db", tmp / "old.json"
    run("import", DATA / "review-pass-full.json", "--archive", db, cwd=tmp)
    script = (f"from reviewlab import open_archive\na = open_archive({str(db)!r})\na.export_review('t-full', {str(old)!r})\n"
              "for i in range(5): a.add_contribution('t-full', 'Bo', 'observation', f'later {i}')\n")
    subprocess.run([sys.executable, "-c", script], check=True, env=os.environ)
    for args, label in (((), "import --overwrite of an older export (13 contributions)"),
                        (("--dry-run",), "the same with --dry-run")):
        code, out = run("import", old, "--overwrite", *args, "--archive", db, cwd=tmp)
        count = query(db, "SELECT COUNT(*) FROM contributions")[0][0]
        yield label, line_of(code, out, f"contributions after: {count}")


def mount_cases(tmp: Path, filled: Path):
    if shutil.which("unshare") is None or os.geteuid() != 0:
        yield "read-only disk / full disk", ["-", "-", "-", "skipped: needs root and unshare"]
        return
    ro = tmp / "ro"
    ro.mkdir()
    shutil.copy(filled, ro / "a.db")
    cli = " ".join(CLI[:2]) + ' "from reviewlab.cli import main; main()"'
    script = (f"mount --bind {ro} {ro} && mount -o remount,bind,ro {ro} && "
              f"{cli} import {DATA / 'review-pass-full.json'} --archive {ro}/a.db > {tmp}/ro.txt 2>&1; echo $? > {tmp}/ro.rc")
    subprocess.run(["unshare", "-m", "sh", "-c", script], env=os.environ)
    yield "import into a read-only archive", line_of(int((tmp / "ro.rc").read_text()), (tmp / "ro.txt").read_text())
    big = copy.deepcopy(BASE)
    big["review"]["id"] = "big"
    big["contributions"] = [{"id": f"big-c{i}", "participant": "Ana", "kind": "observation", "text": "x" * 4000,
                             "recorded_at": "2025-06-04T13:05:00+00:00"} for i in range(600)]
    big["plans"] = big["agenda"] = big["item_themes"] = []
    (tmp / "big.json").write_text(json.dumps(big))
    disk = tmp / "disk"
    disk.mkdir()
    script = (f"mount -t tmpfs -o size=1m tmpfs {disk} && cp {filled} {disk}/a.db && "
              f"{cli} import {tmp}/big.json --archive {disk}/a.db > {tmp}/full.txt 2>&1; echo $? > {tmp}/full.rc")
    subprocess.run(["unshare", "-m", "sh", "-c", script], env=os.environ)
    yield "a full disk during import", line_of(int((tmp / "full.rc").read_text()), (tmp / "full.txt").read_text())


def main() -> None:
    print("| case | exit | lines | traceback | first line of output, and what was stored |")
    print("| --- | --- | --- | --- | --- |")
    with tempfile.TemporaryDirectory() as folder:
        for name, cells in cases(Path(folder)):
            print(f"| {name} | " + " | ".join(cells) + " |", flush=True)


if __name__ == "__main__":
    main()
