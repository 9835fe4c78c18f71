import claimcheck


def test_extract_returns_claims_with_offsets_into_the_text():
    text = "Officials said 5,000 civilians remain."
    doc = claimcheck.extract(text)
    assert doc.claims
    for claim in doc.claims:
        assert text[claim.start:claim.end] == claim.text
