"""Removing articles (tracker/store/writes.py) and the demo-data record (migration 4)."""

from datetime import date

from click.testing import CliRunner
from test_store import counts, scored

from tracker.cli import main
from tracker.index.timeline import compute_timeline
from tracker.store import Store


def test_remove_deletes_the_article_and_every_score_row(tmp_path):
    path = tmp_path / "t.duckdb"
    keep = scored("The United States praised Belarus.", date(2025, 8, 1), tone=0.6)
    gone = scored("The United States condemned Belarus.", date(2025, 8, 20), tone=-0.8)
    with Store(path) as store:
        store.add_scored([keep, gone])
        before = compute_timeline(store, ("BLR", "USA"), freq="M")
        removed = store.remove_articles([gone.article.id, "not-an-id", gone.article.id])
        after = compute_timeline(store, ("BLR", "USA"), freq="M")
        aggregates = [
            store.con.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
            for t in ("article_pair_tone", "article_direction_tone")
        ]
    assert removed == (gone.article.id,)
    assert counts(path) == (1, 1, 1)
    assert aggregates == [1, 1]
    assert int(before["articles"].sum()) == 2 and int(after["articles"].sum()) == 1
    assert after["tone"].iloc[-1] != before["tone"].iloc[-1]


def test_remove_nothing_stored_is_a_no_op(tmp_path):
    with Store(tmp_path / "t.duckdb") as store:
        assert store.remove_articles([]) == ()
        assert store.remove_articles(["abc"]) == ()


def test_demo_note_holds_until_other_articles_are_added(tmp_path):
    path = tmp_path / "t.duckdb"
    demo = scored("The United States praised Belarus.")
    with Store(path) as store:
        assert not store.only_demo_data()  # empty: nothing recorded
        store.add_scored([demo])
        store.mark_demo([demo.article.id])
        assert store.only_demo_data()
    with Store(path, read_only=True) as store:  # another session, after a restart
        assert store.only_demo_data()
    with Store(path) as store:
        store.add_scored([scored("Russia threatened the United States.")])
        assert not store.only_demo_data()


def test_cli_remove(tmp_path):
    path = str(tmp_path / "t.duckdb")
    article = scored("The United States praised Belarus.")
    with Store(path) as store:
        store.add_scored([article])
    runner = CliRunner()
    result = runner.invoke(main, ["remove", article.article.id, "nope", "--db", path])
    assert result.exit_code == 0, result.output
    assert f"removed {article.article.id}" in result.stdout
    assert "not found: nope" in result.stderr
    assert counts(path) == (0, 0, 0)
    again = runner.invoke(main, ["remove", article.article.id, "--db", path, "--json"])
    assert again.exit_code == 1
    assert '"not_found"' in again.stdout
    missing = runner.invoke(main, ["remove", "x", "--db", str(tmp_path / "none.duckdb")])
    assert missing.exit_code != 0 and not (tmp_path / "none.duckdb").exists()
