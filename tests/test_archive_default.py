"""open_archive() without a name: only $REVIEWLAB_ARCHIVE, never a new reviews.db in the kernel's folder."""

from __future__ import annotations

import pytest

from reviewlab import open_archive
from reviewlab.errors import ArchiveError, ArchiveNotNamed


@pytest.fixture
def here(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("REVIEWLAB_ARCHIVE", raising=False)
    return tmp_path


def test_no_name_opens_nothing_and_creates_nothing(here):
    with pytest.raises(ArchiveNotNamed, match=r"no archive named: .*REVIEWLAB_ARCHIVE.*nothing was created"):
        open_archive()
    assert list(here.iterdir()) == []


def test_an_archive_named_by_the_environment_must_exist(here, monkeypatch):
    monkeypatch.setenv("REVIEWLAB_ARCHIVE", str(here / "typo.db"))
    with pytest.raises(ArchiveError, match=r"no archive at .*typo.db \(named by \$REVIEWLAB_ARCHIVE\); create it with "
                                           r"`reviewlab init --archive"):
        open_archive()
    assert list(here.iterdir()) == []


def test_the_environment_archive_opens_and_says_which_it_is(here, monkeypatch):
    with open_archive(here / "team.db") as made:  # named here: created, as asked
        assert made.describe() == f"Archive {here / 'team.db'}: 0 review(s)"
    monkeypatch.setenv("REVIEWLAB_ARCHIVE", str(here / "team.db"))
    with open_archive() as archive:
        assert archive.describe().startswith(f"Archive {here / 'team.db'}")


def test_create_false_refuses_a_missing_file(here):
    with pytest.raises(ArchiveError, match="create=True"):
        open_archive(here / "new.db", create=False)
    assert not (here / "new.db").exists()
    with open_archive("sqlite:///" + str(here / "asked.db"), create=True):
        pass
    assert (here / "asked.db").exists()
