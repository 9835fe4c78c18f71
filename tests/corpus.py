"""Generated news articles for batch, memory and Dask tests: our own template sentences, many figures.

Every article differs (its figures, places, people and dates come from a seeded random
generator), so a run that mixed up documents or dropped one shows in the output.
"""
from __future__ import annotations

import datetime as dt
import random
from pathlib import Path

PLACES = ("Riverton", "Port Calloway", "Kestwick", "Brennos", "Marlow Bay", "Ashford Vale", "Lindenholm")
PEOPLE = ("Ana Ruiz", "Ben Archer", "Clara Voss", "Dana Okafor", "Mark Delaney", "Ilse Maren", "Tom Hale")
ROLES = ("Mayor", "Councillor", "Treasurer", "Chief executive", "Spokeswoman")
THINGS = ("residents", "homes", "buses", "volunteers", "teachers", "beds", "boats", "jobs")
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday")

SENTENCES = (
    "{role} {person} said about {n1:,} {thing} had been counted in {place} by {weekday}.",
    "The council approved ${m1} million for {place}, up {p1}% from last year, according to officials.",
    "\"We need at least {n2} more {thing},\" {person} told reporters on {weekday}.",
    "Between {n3} and {n4} {thing} were still waiting on {date}, the county said.",
    "{person}, {age}, has led the {place} board for {years} years.",
    "Turnout fell to {p2}% in {place}, where {n1:,} people voted, officials said.",
    "A {km}-kilometre road will open in {month}, {person} said, at a cost of £{m2} million.",
    "Some {n2} {thing} arrived two weeks ago, and the rest are expected next month.",
)


def article(rng: random.Random, number: int, paragraphs: int) -> str:
    """One article: a headline, a dateline with the story's date, then `paragraphs` paragraphs."""
    day = dt.date(2023, 1, 1) + dt.timedelta(days=rng.randrange(700))
    place = rng.choice(PLACES)
    lines = [f"# Story {number}: {place} counts the cost", "", f"{place.upper()}, {day:%B} {day.day}, {day.year} — "
             f"The {place} council met on {rng.choice(WEEKDAYS)} to count {rng.randrange(2, 90)} projects."]
    for _ in range(paragraphs):
        sentences = []
        for template in rng.sample(SENTENCES, 3):
            when = day - dt.timedelta(days=rng.randrange(1, 40))
            sentences.append(template.format(
                role=rng.choice(ROLES), person=rng.choice(PEOPLE), place=rng.choice(PLACES), thing=rng.choice(THINGS),
                weekday=rng.choice(WEEKDAYS), n1=rng.randrange(1_000, 90_000), n2=rng.randrange(2, 400),
                n3=rng.randrange(10, 50), n4=rng.randrange(60, 99), m1=rng.randrange(2, 90), m2=rng.randrange(2, 40),
                p1=rng.randrange(2, 40), p2=rng.randrange(20, 80), age=rng.randrange(30, 80), years=rng.randrange(2, 20),
                km=rng.randrange(3, 60), month=f"{when:%B}", date=f"{when:%B} {when.day}",
            ))
        lines += ["", " ".join(sentences)]
    return "\n".join(lines) + "\n"


def write_corpus(directory: Path, files: int, paragraphs: int = 6, seed: int = 7, folders: int = 1) -> list[Path]:
    """`files` articles as *.md under `directory` (spread over `folders` folders), in the order a run reports them."""
    rng = random.Random(seed)
    written = []
    for number in range(files):
        folder = directory / f"part-{number % folders:03d}" if folders > 1 else directory
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / f"story-{number:06d}.md"
        path.write_text(article(rng, number, paragraphs), encoding="utf-8")
        written.append(path)
    return sorted(written)
