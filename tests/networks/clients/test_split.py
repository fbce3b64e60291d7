"""Splitting a long text into messages (studio/networks/clients/split.py)."""

from __future__ import annotations

import random
import re

import pytest

from studio.networks.clients.split import split_text
from studio.networks.text.common import graphemes, utf16_length


def words(text: str) -> list[str]:
    return text.split()


def test_a_short_text_is_one_piece():
    assert split_text("  Hello there.  ", 100) == ["Hello there."]


def test_an_empty_text_is_no_piece():
    assert split_text(" \n ", 10) == []


def test_a_paragraph_break_is_preferred():
    first = "First paragraph. It has two sentences."
    second = "Second one, quite short."
    text = f"{first}\n\n{second} And a third sentence that does not fit."
    assert split_text(text, len(first) + 30) == [first, f"{second} And a third sentence that does not fit."]


def test_a_line_break_comes_before_a_sentence():
    text = "Line one. Still line one\nLine two is here."
    assert split_text(text, 30) == ["Line one. Still line one", "Line two is here."]


def test_a_sentence_end_is_preferred_to_a_word():
    text = "This is the first sentence. This is the second sentence which is long."
    assert split_text(text, 45) == ["This is the first sentence.", "This is the second sentence which is long."]


def test_a_sentence_may_end_in_a_closing_quote():
    text = "He said “stop.” Then he went away from here."
    assert split_text(text, 26)[0] == "He said “stop.”"


def test_words_are_never_cut():
    text = "alpha beta gamma delta epsilon zeta eta theta iota kappa"
    pieces = split_text(text, 12)
    assert all(len(p) <= 12 for p in pieces)
    assert [w for p in pieces for w in words(p)] == words(text)


def test_a_url_is_never_cut_when_it_fits():
    url = "https://example.com/a/long/path?with=query&and=more"
    text = f"Read this: {url} and tell me what you think about it"
    pieces = split_text(text, len(url) + 5)
    assert url in pieces[1] and all(url not in p or p.count(url) == 1 for p in pieces)
    assert not any(p.endswith("https://example.com/a") for p in pieces)


def test_a_word_longer_than_the_limit_is_cut_at_graphemes():
    assert split_text("a" * 25, 10) == ["a" * 10, "a" * 10, "a" * 5]


def test_a_url_glued_to_a_word_is_cut_before_the_url():
    assert split_text("see:https://example.com/abcdef", 20) == ["see:", "https://example.com/", "abcdef"]


def test_emoji_sequences_stay_whole_counted_in_utf16():
    family = "👨‍👩‍👧‍👦"  # 11 UTF-16 units, one grapheme
    pieces = split_text(family * 5, 12, utf16_length)
    assert pieces == [family] * 5


def test_flags_and_accents_stay_whole():
    text = "🇩🇪🇫🇷🇮🇹" + "e\u0301" * 10  # flags (2 code points each), e + combining acute
    pieces = split_text(text, 5)
    assert all(len(piece) <= 5 and not piece.startswith("\u0301") for piece in pieces)
    assert pieces[:2] == ["🇩🇪🇫🇷", "🇮🇹e\u0301"]  # never one regional indicator alone
    assert "".join(pieces) == text
    assert [g for p in pieces for g in graphemes(p)] == graphemes(text)


def test_cjk_sentences_are_cut_after_the_full_stop():
    assert split_text("日本語の文。次の文。三番目の文。", 8) == ["日本語の文。", "次の文。", "三番目の文。"]


def test_tiny_pieces_are_avoided():
    text = "A.\n\n" + "word " * 20
    pieces = split_text(text, 40)
    assert pieces[0] != "A." and len(pieces[0]) > 20


def test_lone_surrogates_are_replaced():
    assert split_text("bad \ud83d half", 100) == ["bad \ufffd half"]


def test_the_limit_must_be_positive():
    with pytest.raises(ValueError):
        split_text("text", 0)


@pytest.mark.parametrize("seed", range(20))
def test_random_texts_keep_every_word_and_the_limit(seed):
    rng = random.Random(seed)
    vocabulary = ["word", "longerword", "é", "👍🏽", "🇯🇵", "https://example.com/x?y=1", "end.", "Why?", "\n",
                  "\n\n", "日本語。", "a" * 30]
    text = " ".join(rng.choice(vocabulary) for _ in range(rng.randint(50, 400)))
    limit = rng.choice([40, 64, 100, 500])
    pieces = split_text(text, limit, utf16_length)
    assert all(0 < utf16_length(p) <= limit for p in pieces)
    assert all(p == p.strip() for p in pieces)
    assert re.sub(r"\s", "", "".join(pieces)) == re.sub(r"\s", "", text)
    assert [g for p in pieces for g in graphemes(p) if not g.isspace()] == \
           [g for g in graphemes(text) if not g.isspace()]
    assert [w for p in pieces for w in words(p)] == words(text)  # no word (nor URL) was cut
