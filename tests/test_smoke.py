import claimcheck


def test_extract_returns_claims_with_offsets_into_the_text():
    text = "Officials said 5,000 civilians remain."
    doc = claimcheck.extract(text)
    assert doc.claims
    for claim in doc.claims:
        assert text[claim.start:claim.end] == claim.text


def test_built_claims_are_whole_claims():
    """build_claims fills each claim's slots one by one: none may be left unset, and the
    result must equal the claim built through `Claim(...)`."""
    import dataclasses

    from claimcheck.model import Claim

    doc = claimcheck.extract('"We lost 3 boats," Smith said on March 1, 2023. It cost $5 million.\nAbout 40% of 12 ships.')
    assert len(doc.claims) >= 4
    for claim in doc.claims:
        assert type(claim) is Claim
        fields = {f.name: getattr(claim, f.name) for f in dataclasses.fields(Claim)}
        rebuilt = Claim(**fields)
        assert claim == rebuilt and hash(claim) == hash(rebuilt) and repr(claim) == repr(rebuilt)
        try:
            claim.value = 1  # type: ignore[misc]
        except dataclasses.FrozenInstanceError:
            pass
        else:
            raise AssertionError("a built claim must stay frozen")
