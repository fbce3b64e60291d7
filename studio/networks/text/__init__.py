"""Exact text counting per network (pure Python, no Qt).

- `twitter`: twitter-text v3 weighted length and URL extraction (X).
- `bluesky`: grapheme clusters and UTF-8 bytes, rich-text facets at byte offsets.
- `mastodon`: Mastodon's StatusLengthValidator (URLs as 23, remote mentions as @user, grapheme clusters).
- `common`: grapheme splitting, emoji test, hashtag and mention extraction, input sanitising.

Every counter first passes its input through `common.sanitize`: a lone UTF-16 surrogate (which a Python `str` can
hold but no network can receive) is counted as U+FFFD, the character it becomes when the text is encoded for sending.
"""
