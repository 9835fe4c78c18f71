"""Claim alignment: which claims of an old version are which claims of the new one."""
from __future__ import annotations

from dataclasses import replace

from hypothesis import given, settings
from hypothesis import strategies as st

from claimcheck import extract
from claimcheck.align import ClaimRecord, align, changed_fields, describe_change, records

STORY = """PORTVILLE, May 6, 2024 - The council will spend $6.5 million on the bridge, the mayor said.

About 22,000 vehicles cross it every day. It opened in 1968.

A shuttle bus will run every 15 minutes.
"""


def aligned(old: str, new: str):
    return align(records(extract(old).claims), records(extract(new).claims))


def test_same_text_is_all_unchanged():
    result = aligned(STORY, STORY)
    assert not result.has_changes
    assert [p.new.text for p in result.unchanged] == [c.text for c in extract(STORY).claims]


def test_a_corrected_figure_is_changed_with_its_old_and_new_value():
    result = aligned(STORY, STORY.replace("$6.5 million", "$7.2 million"))
    (money,) = [p for p in result.changed if p.new.kind == "money"]
    assert (money.old.text, money.new.text) == ("$6.5 million", "$7.2 million")
    assert money.changes == ("value", "text", "sentence")
    assert describe_change(money.old, money.new, money.changes)[0] == ("value", "6,500,000", "7,200,000")
    assert not result.added and not result.removed


def test_claims_sharing_the_edited_sentence_change_only_their_sentence():
    result = aligned(STORY, STORY.replace("$6.5 million", "$7.2 million"))
    others = {p.new.text: p.changes for p in result.changed if p.new.kind != "money"}
    assert others == {"May 6, 2024": ("sentence",)} or all(c == ("sentence",) for c in others.values())
    assert "About 22,000 vehicles" in [p.new.text for p in result.unchanged]


def test_a_qualifier_change_is_named():
    result = aligned(STORY, STORY.replace("About 22,000", "More than 22,000"))
    (count,) = [p for p in result.changed if p.new.kind == "count"]
    assert "qualifier" in count.changes and "value" not in count.changes
    assert ("qualifier", "about", "more than") in describe_change(count.old, count.new, count.changes)


def test_a_moved_paragraph_keeps_its_claims_unchanged():
    first, second, third = STORY.strip().split("\n\n")
    result = aligned(STORY, "\n\n".join([first, third, second]) + "\n")
    assert not result.has_changes


def test_removed_and_added_paragraphs():
    new = STORY.replace("It opened in 1968.", "").replace(
        "A shuttle bus", "A footbridge for 300 people opens on May 28. A shuttle bus"
    )
    result = aligned(STORY, new)
    assert [r.text for r in result.removed] == ["1968"]
    assert sorted(r.text for r in result.added) == ["300 people", "May 28"]


def test_a_rewritten_sentence_with_the_same_figure_is_found_anywhere():
    new = STORY.replace("About 22,000 vehicles cross it every day.", "Every day the bridge carries about 22,000 vehicles, a count found.")
    result = aligned(STORY, new)
    (count,) = [p for p in result.changed if p.new.kind == "count"]
    assert count.old.text == "About 22,000 vehicles" and count.new.text == "about 22,000 vehicles"


def test_a_repeated_sentence_pairs_one_to_one():
    text = "Prices rose 5%. Wages rose 2%. Prices rose 5%.\n"
    result = aligned(text, text.replace("Wages rose 2%. ", ""))
    assert len(result.unchanged) == 2 and [r.text for r in result.removed] == ["2%"]


def test_a_source_change_with_the_same_id_is_a_change():
    record = ClaimRecord(id="a1", kind="count", text="300 people", sentence="It holds 300 people.", value=300, source="the council")
    moved = replace(record, source="the mayor")
    result = align([record], [moved])
    assert [p.changes for p in result.changed] == [("source",)]
    assert changed_fields(record, record) == ()


_records = st.lists(
    st.builds(
        ClaimRecord,
        id=st.sampled_from(["a", "b", "c", "d", "e"]),
        kind=st.sampled_from(["count", "date"]),
        text=st.sampled_from(["5", "six", "7 days"]),
        sentence=st.sampled_from(["One two three.", "One two four.", "Five six seven eight."]),
        value=st.sampled_from([None, 5, 6]),
    ),
    max_size=12,
)


@settings(max_examples=100, deadline=None)
@given(_records, _records)
def test_every_claim_is_accounted_for_exactly_once(old, new):
    result = align(old, new)
    pairs = result.unchanged + result.changed
    olds = [id(p.old) for p in pairs] + [id(r) for r in result.removed]
    news = [id(p.new) for p in pairs] + [id(r) for r in result.added]
    assert sorted(olds) == sorted(id(r) for r in old)
    assert sorted(news) == sorted(id(r) for r in new)
    assert all(p.old.kind == p.new.kind for p in pairs)
    assert all(not p.changes for p in result.unchanged) and all(p.changes for p in result.changed)


def test_a_similar_sentence_outweighs_the_same_figure_in_another():
    old = "The road will close for 14 weeks from June, the office said. Crews worked for 3 weeks last year.\n"
    new = "The road will close for 16 weeks from June, the office said. A detour adds 14 weeks of delays for lorries.\n"
    result = aligned(old, new)
    pairs = {(p.old.text, p.new.text) for p in result.changed}
    assert ("14 weeks", "16 weeks") in pairs
