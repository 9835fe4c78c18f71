"""The speaker phrase after "according to": what the old backtracking pattern found, in linear time."""
import random
import re
import time

from claimcheck.attribute.reported import _phrase_after

# The pattern _phrase_after replaced: it tried every way to cut twelve words into pieces.
_OLD = re.compile(r"[ \t]+((?:[^\s,;:!?()]+[ \t]*?){1,12}?)(?=[ \t]*(?:[,;:!?(]|\.(?:\s|$)|$))")


def _span(found):
    return (found.start, found.end) if found else None


def test_same_phrase_as_the_pattern_on_random_text():
    rng = random.Random(3)
    pieces = ["a", "b", ".", " ", "\t", "\n", ",", ")", "(", ":", ". ", "\u2003", "!", "a.", "aa"]
    for _ in range(20000):
        text = " " + "".join(rng.choice(pieces) for _ in range(rng.randint(0, 14)))
        end = rng.randint(0, len(text))
        m = _OLD.match(text, 0, end)
        assert _span(_phrase_after(text, 0, end)) == ((m.start(1), m.end(1)) if m else None), (text, end)


def test_same_phrase_past_twelve_words():
    rng = random.Random(4)
    for _ in range(2000):
        text = " " + " ".join(rng.choice(["a", "b.", "c", "gg."]) for _ in range(rng.randint(1, 16)))
        text += rng.choice(["", " x", ".", ",", "\n", " )"])
        m = _OLD.match(text, 0)
        assert _span(_phrase_after(text, 0, len(text))) == ((m.start(1), m.end(1)) if m else None), text


def test_long_unpunctuated_sentence_is_fast():
    text = " the latest figures released by the national statistics office on Tuesday morning in the capital city of the region"
    started = time.process_time()
    for _ in range(100):
        assert _phrase_after(text, 0, len(text)) is None
        assert _phrase_after(" " + "a" * 100_000 + " b" * 13, 0, 100_040) is None
    assert time.process_time() - started < 2.0
