"""`studio preview FILE --target ID -o OUT.png`: the post as one network shows it, headless."""

from PySide6.QtGui import QImage

from studio.cli import main
from studio.core.post import Variant
from studio.logic import new_document
from studio.store.project_file import save


def run(capsys, *argv):
    capsys.readouterr()
    code = main([str(a) for a in argv])
    out = capsys.readouterr()
    return code, out.out, out.err


def post_file(tmp_path, **changes):
    doc = new_document("event", text="Rooftop 🎉 tonight https://example.com @anna #live")
    for key, value in changes.items():
        setattr(doc.post, key, value)
    path = tmp_path / "post.studio"
    save(doc, path)
    return path


def test_preview_writes_a_png(tmp_path, capsys):
    path = post_file(tmp_path)
    out = tmp_path / "x.png"
    code, text, err = run(capsys, "preview", path, "--target", "x", "-o", out, "--theme", "dark", "--width", 500)
    assert code == 0, err
    img = QImage(str(out))
    assert img.width() == 500 and img.height() > 300
    assert "X preview" in text and str(out) in text
    assert not (tmp_path / "x.png.part").exists()


def test_story_is_9_16_and_expanded_is_longer(tmp_path, capsys):
    path = post_file(tmp_path, text="word " * 80)
    assert run(capsys, "preview", path, "--target", "instagram:story", "-o", tmp_path / "s.png")[0] == 0
    assert QImage(str(tmp_path / "s.png")).height() == round(420 * 16 / 9)
    for name, extra in (("short.png", []), ("long.png", ["--expanded"])):
        assert run(capsys, "preview", path, "--target", "linkedin", "-o", tmp_path / name, *extra)[0] == 0
    assert QImage(str(tmp_path / "long.png")).height() > QImage(str(tmp_path / "short.png")).height()


def test_the_link_shows_as_an_offline_card_and_the_thread_as_replies(tmp_path, capsys):
    plain = post_file(tmp_path)
    assert run(capsys, "preview", plain, "--target", "mastodon", "-o", tmp_path / "a.png")[0] == 0
    doc = new_document(None, text="Hello")
    doc.post.media = []
    doc.post.link = "https://example.com/tickets"
    doc.post.variants["bluesky"] = Variant(thread=["second part", "third part"])
    path = tmp_path / "link.studio"
    save(doc, path)
    assert run(capsys, "preview", path, "--target", "x", "-o", tmp_path / "x.png")[0] == 0
    assert run(capsys, "preview", path, "--target", "bluesky", "-o", tmp_path / "b.png")[0] == 0
    x, b = QImage(str(tmp_path / "x.png")), QImage(str(tmp_path / "b.png"))
    assert b.height() > x.height() + 150, "bluesky shows the two replies"
    assert x.height() > 200, "x shows the link card"


def test_errors_are_one_line(tmp_path, capsys):
    path = post_file(tmp_path)
    for argv, words in (
        (["preview", path, "--target", "myspace", "-o", tmp_path / "o.png"], "Unknown target"),
        (["preview", tmp_path / "missing.studio", "--target", "x", "-o", tmp_path / "o.png"], "does not exist"),
        (["preview", path, "--target", "x", "-o", tmp_path / "no" / "o.png"], "could not write"),
        (["preview", path, "--target", "x", "-o", tmp_path / "o.png", "--width", "50"], "--width"),
    ):
        code, _, err = run(capsys, *argv)
        assert code == 1
        assert err.startswith("error: ") and words in err and err.count("\n") == 1, err
