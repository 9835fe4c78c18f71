"""The words that tell who is speaking: reporting verbs, hedges, titles, pronouns.

Tables, not if-chains: a missing form is one word added here. The verbs were chosen on
the project's attribution gold (tests/data/attribution) and the seed article.
"""
from __future__ import annotations

import re
from functools import lru_cache

# Finite reporting verbs: their subject is the source of the clause they govern.
REPORTING_VERBS = frozenset(
    """
    said says say told tells added adds stated states estimated estimates estimate
    announced announces reported reports claimed claims warned warns noted notes
    explained explains confirmed confirms wrote writes predicted predicts argued argues
    insisted insists acknowledged acknowledges admitted admits revealed reveals disclosed
    asserted asserts alleged alleges testified conceded concedes stressed stresses
    emphasised emphasized declared declares replied responded tweeted posted recalled
    recalls calculated reckoned projected forecast forecasts cited quoted
    """.split()
)

# Forms that are as often nouns ("an earlier forecast", "the other states"): they report
# only before "that" or after a name or pronoun.
NOUN_LIKE_VERBS = frozenset("states reports claims notes estimates estimate forecast forecasts posted quotes".split())

# Verbs that also take a plain object ("added the third goal"): they report a clause only.
OBJECT_VERBS = frozenset("added adds add".split())

# Verbs whose subject is a document rather than a speaker ("records show").
EVIDENCE_VERBS = frozenset("show shows showed suggest suggests suggested indicate indicates indicated found find finds".split())

# A participle continuing the speech of the clause before it ("..., adding that ...").
PARTICIPLES = frozenset(
    """
    adding saying noting warning conceding claiming arguing insisting explaining stressing
    estimating predicting acknowledging admitting confirming stating declaring
    """.split()
)

# Adverbs that hedge a claim without naming its source, and the source they stand for.
HEDGES = {"reportedly": "reports", "allegedly": "allegations", "purportedly": "reports"}

# Heads of noun phrases that are documents: their evidence verbs report.
DOCUMENT_NOUNS = frozenset(
    """
    records data figures statistics documents estimates polls poll surveys survey studies
    study report reports analysis research filings filing accounts minutes results census
    audit review count tally projections forecasts
    """.split()
)

# Words between a subject and its verb that are not part of the subject.
AUXILIARIES = frozenset(
    """
    has have had was were is are be been will would could should may might must can also
    meanwhile later earlier previously then now too separately again initially originally
    subsequently further recently repeatedly already publicly privately once first last
    """.split()
)

# Words that open a clause: the subject of a verb starts after the last of them.
CLAUSE_OPENERS = frozenset(
    """
    that which who whom whose as while because although though when after before if and but
    so since where whereas until once unless yet or nor than whether
    """.split()
)

# What opens a parenthetical between commas or dashes rather than a subject.
RELATIVE_PRONOUNS = frozenset("who whom whose which where".split())

PERSON_PRONOUNS = frozenset("he she him her".split())
PLURAL_PRONOUNS = frozenset("they them".split())
THING_PRONOUNS = frozenset(("it",))
FIRST_PERSON = frozenset("i we".split())
PRONOUNS = PERSON_PRONOUNS | PLURAL_PRONOUNS | THING_PRONOUNS | FIRST_PERSON

# Words of a title before a name ("Interior Minister Tomas Reyl"): not part of the name.
TITLE_WORDS = frozenset(
    """
    president vice prime minister ministers secretary chancellor premier governor mayor
    senator sen rep representative congressman congresswoman councillor councilor councilman
    councilwoman alderman speaker chairman chairwoman chair chief executive officer director
    manager coach striker captain general gen lt col maj capt sgt cpl commander admiral
    colonel major lieutenant sergeant corporal private officer inspector superintendent
    constable detective commissioner judge justice attorney prosecutor spokesman spokeswoman
    spokesperson leader head founder chief deputy dr mr mrs ms miss prof professor sir dame
    lord lady king queen prince princess pope bishop archbishop cardinal father rabbi imam
    ambassador envoy president-elect interior foreign finance defence defense health
    education justice economy trade labour labor transport energy environment home
    treasury treasurer clerk registrar auditor comptroller controller former acting interim striker midfielder defender goalkeeper forward winger
    analyst economist professor researcher lawyer doctor nurse resident cfo ceo coo cto
    """.split()
)

# Nouns of a definite description that stands for a body named earlier ("the club said").
BODY_NOUNS = frozenset(
    """
    club team side company firm group council ministry agency bank union authority government
    department office institute secretariat party organisation organization charity board
    committee commission maker carrier airline retailer chain operator league federation
    """.split()
)

# Plural and generic sources that open sentences with a capital ("Officials said").
COMMON_SOURCE_WORDS = frozenset(
    """
    officials police analysts diplomats residents witnesses experts economists investors
    sources authorities prosecutors researchers scientists doctors critics officers troops
    soldiers forecasters organisers organizers activists campaigners lawmakers legislators
    regulators traders bankers executives managers staff workers employees unions
    some many most several others one two both each all
    """.split()
) | DOCUMENT_NOUNS

# Words in a capitalised run that make it an organisation or a place, not a person.
ORGANISATION_WORDS = frozenset(
    """
    institute ministry council group inc corp corporation co ltd llc plc company companies
    university college school party service services agency bank association union committee
    commission court department office authority police army forces force navy guard times
    news herald post journal gazette press tribune telegraph courier ledger radio television
    tv club united city fc republic region federation kingdom state states government
    parliament assembly congress senate house securities energy foods holdings partners
    capital airlines airways motors systems technologies labs foundation trust fund church
    hospital board centre center network media studio studios organisation organization
    lake river point lane road street avenue square park bridge island mount mountain county
    district province sea ocean bay valley hall airport station secretariat staff ministry
    command headquarters cabinet administration kremlin pentagon
    """.split()
)

CALENDAR_WORDS = frozenset(
    """
    monday tuesday wednesday thursday friday saturday sunday january february march april
    may june july august september october november december jan. feb. mar. apr. jun. jul.
    aug. sep. sept. oct. nov. dec. today yesterday tomorrow
    """.split()
)

# Capitalised words that start sentences or headlines without naming anyone.
NOT_NAMES = frozenset(
    """
    the a an and but or in on at of for to by with from as after before since while when
    this that these those there here it its he she his her they their we our i my you your
    some many most all no one two three not if so yet also meanwhile however despite
    according asked speaking update draft q a
    """.split()
) | CALENDAR_WORDS


def word_trie(words: frozenset[str] | set[str]) -> str:
    """A regex alternation of `words` with shared prefixes factored out.

    Python's re tries the branches of "said|says|..." one after another at every
    position; a trie rejects most positions on their first letter, which makes the
    cue scan several times faster.
    """
    root: dict[str, dict] = {}
    for word in words:
        node = root
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}
    return _trie_pattern(root)


def _trie_pattern(node: dict[str, dict]) -> str:
    branches = [re.escape(char) + _trie_pattern(child) for char, child in sorted(node.items()) if char]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    return f"(?:{body})?" if "" in node else body


class Cue:
    """One cue word of a sentence: where it stands, as written, and which frame it opens
    ("verb", "participle", "hedge", "according" or "quoted_as")."""

    __slots__ = ("start", "end", "word", "kind")

    def __init__(self, start: int, end: int, word: str, kind: str) -> None:
        self.start = start
        self.end = end
        self.word = word
        self.kind = kind


_ACCORDING = ("according to", "According to")
_KINDS = {
    **dict.fromkeys(REPORTING_VERBS | EVIDENCE_VERBS, "verb"),
    **dict.fromkeys(PARTICIPLES, "participle"),
    **dict.fromkeys(HEDGES, "hedge"),
    **dict.fromkeys(_ACCORDING, "according"),
}
_CUE_WORDS = word_trie(set(_KINDS))
# A cue is a whole word. Written as "\b(?:cue)\b", the pattern has no first character
# for the regex engine to skip ahead to, so it is tried at every position (a third of
# attribution's time). Here it starts with the character before the word, any but an
# ASCII letter, digit or underscore, and the engine skips over words in C. A non-ASCII
# letter is in that set too: find_cues drops what follows it. The cue is group 1.
_CUE_AFTER = re.compile(rf"[^a-zA-Z0-9_]({_CUE_WORDS})\b")
# "Interfax quoted X as saying": "quoted" opens a frame of its own, else it is a verb.
_AS_SAYING_AHEAD = re.compile(r"[^.;]{1,80}?\bas saying\b")


def find_cues(prose: str, start: int, end: int) -> list[Cue]:
    """Every cue of prose[start:end], in order; what each means is decided in reported.py."""
    if start == 0:
        # Nothing stands before the first word of the text: scan a copy of this range
        # with a space in front rather than compile the large cue pattern a second time.
        text, shift = " " + prose[:end], 1
    else:
        text, shift, start = prose, 0, start - 1  # as \b does, look at the character before the range
    limit = end + shift
    found: list[Cue] = []
    for m in _CUE_AFTER.finditer(text, start, limit):
        if not text[m.start()].isalnum():
            word = m.group(1)
            kind = _KINDS[word]
            if word == "quoted" and _AS_SAYING_AHEAD.match(text, m.end(), limit):
                kind = "quoted_as"
            found.append(Cue(m.start(1) - shift, m.end() - shift, word, kind))
    return found


def speech_verbs(prose: str, start: int, end: int) -> list[Cue]:
    """The reporting verbs of prose[start:end]: `," Zelensky said` or `said: "`."""
    return [cue for cue in find_cues(prose, start, end) if cue.word in REPORTING_VERBS]


@lru_cache(maxsize=1)
def headline_speech_verb() -> re.Pattern[str]:
    """Headlines write the verb with a capital: "'...,' Zelensky Says of Brutal Fight".

    Compiled on first use: few documents need it, and it is the costliest pattern here.
    """
    return re.compile(rf"\b{word_trie(REPORTING_VERBS)}\b", re.I)
