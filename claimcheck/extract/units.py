"""Units, percent signs, currencies and scale words, as tables of what news prose writes.

Each table maps a written form to its normalised name; `numbers.py` looks them up
right after (or, for currency signs, right before) a number.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterable, Mapping

from ..model import Kind
from .words import PhraseTable


@dataclass(frozen=True, slots=True)
class Unit:
    """A normalised unit and the kind of claim a number in it makes."""

    name: str
    kind: Kind


# Normalised name -> written forms. Word forms also match Capitalised and UPPER CASE;
# symbols match only as written, because case carries meaning ("mm" is not "Mm").
_MEASURES: Mapping[str, tuple[str, ...]] = {
    "mile": ("mile", "miles", "mi"),
    "kilometre": ("km", "kms", "kilometre", "kilometres", "kilometer", "kilometers"),
    "metre": ("m", "metre", "metres", "meter", "meters"),
    "centimetre": ("cm", "centimetre", "centimetres", "centimeter", "centimeters"),
    "millimetre": ("mm", "millimetre", "millimetres", "millimeter", "millimeters"),
    "micrometre": ("μm", "µm", "micron", "microns", "micrometre", "micrometres", "micrometer", "micrometers"),
    "nanometre": ("nm", "nanometre", "nanometres", "nanometer", "nanometers"),
    "inch": ("inch", "inches", "″"),
    "foot": ("foot", "feet", "ft"),
    "yard": ("yard", "yards", "yd", "yds"),
    "nautical mile": ("nautical mile", "nautical miles"),
    "light year": ("light year", "light years", "light-year", "light-years"),
    "square mile": ("square mile", "square miles", "sq mi", "sq miles"),
    "square kilometre": ("square kilometre", "square kilometres", "square kilometer",
                         "square kilometers", "sq km", "km2", "km²"),
    "square metre": ("square metre", "square metres", "square meter", "square meters", "sq m",
                     "sqm", "m2", "m²"),
    "square foot": ("square foot", "square feet", "sq ft", "sq. ft.", "sq feet", "sqft"),
    "acre": ("acre", "acres"),
    "hectare": ("hectare", "hectares", "ha"),
    "cubic foot": ("cubic foot", "cubic feet", "cu ft"),
    "cubic metre": ("cubic metre", "cubic metres", "cubic meter", "cubic meters", "m3", "m³"),
    "kilogram": ("kg", "kgs", "kilogram", "kilograms", "kilogramme", "kilogrammes", "kilo", "kilos"),
    "gram": ("g", "gram", "grams", "gramme", "grammes"),
    "milligram": ("mg", "milligram", "milligrams"),
    "microgram": ("μg", "µg", "microgram", "micrograms"),
    "pound": ("lb", "lbs", "pound", "pounds"),
    "ounce": ("oz", "ounce", "ounces"),
    "tonne": ("tonne", "tonnes", "metric ton", "metric tons"),
    "ton": ("ton", "tons"),
    "carat": ("carat", "carats"),
    "litre": ("litre", "litres", "liter", "liters", "L"),
    "millilitre": ("ml", "mL", "millilitre", "millilitres", "milliliter", "milliliters"),
    "gallon": ("gallon", "gallons", "gal"),
    "pint": ("pint", "pints"),
    "quart": ("quart", "quarts"),
    "fluid ounce": ("fluid ounce", "fluid ounces", "fl oz"),
    "barrel": ("barrel", "barrels", "bbl"),
    "barrel/day": ("barrel-a-day", "barrels a day", "barrels per day", "bpd", "barrels-a-day"),
    "mph": ("mph", "miles per hour", "miles an hour", "mile-per-hour", "mile-an-hour"),
    "km/h": ("km/h", "kmh", "kph", "km/hr", "kilometres per hour", "kilometers per hour",
             "kilometres an hour", "kilometers an hour"),
    "m/s": ("m/s", "metres per second", "meters per second"),
    "knot": ("knot", "knots"),
    "mpg": ("mpg", "miles per gallon"),
    "rpm": ("rpm", "revolutions per minute"),
    "watt": ("W", "watt", "watts"),
    "kilowatt": ("kW", "kilowatt", "kilowatts"),
    "megawatt": ("MW", "megawatt", "megawatts"),
    "gigawatt": ("GW", "gigawatt", "gigawatts"),
    "kilowatt hour": ("kWh", "kilowatt hour", "kilowatt hours", "kilowatt-hour", "kilowatt-hours"),
    "megawatt hour": ("MWh", "megawatt hour", "megawatt hours", "megawatt-hour", "megawatt-hours"),
    "gigawatt hour": ("GWh", "gigawatt hour", "gigawatt hours", "gigawatt-hour", "gigawatt-hours"),
    "terawatt hour": ("TWh", "terawatt hour", "terawatt hours", "terawatt-hour", "terawatt-hours"),
    "horsepower": ("hp", "bhp", "horsepower", "PS"),
    "newton metre": ("Nm", "newton metre", "newton metres", "newton meters"),
    "pound-foot": ("lb-ft", "lb ft", "pound-feet", "pound-foot", "pound feet", "foot-pounds", "ft-lb"),
    "volt": ("V", "volt", "volts"),
    "kilovolt": ("kV", "kilovolt", "kilovolts"),
    "ampere": ("amp", "amps", "ampere", "amperes"),
    "milliampere hour": ("mAh",),
    "ampere per square centimetre": ("A/cm2", "A/cm²"),
    "hertz": ("Hz", "hertz"),
    "kilohertz": ("kHz",),
    "megahertz": ("MHz", "megahertz"),
    "gigahertz": ("GHz", "gigahertz"),
    "kilobyte": ("KB", "kB", "kilobyte", "kilobytes"),
    "megabyte": ("MB", "megabyte", "megabytes"),
    "gigabyte": ("GB", "gigabyte", "gigabytes"),
    "terabyte": ("TB", "terabyte", "terabytes"),
    "megabit per second": ("Mbps", "Mb/s", "megabits per second"),
    "gigabit per second": ("Gbps", "Gb/s", "gigabits per second"),
    "megapixel": ("megapixel", "megapixels"),
    "degree Celsius": ("°C", "ºC", "° C", "C", "degrees Celsius", "degrees celsius", "degree Celsius",
                       "degrees C", "Celsius", "celsius", "centigrade", "degrees centigrade"),
    "degree Fahrenheit": ("°F", "ºF", "° F", "F", "degrees Fahrenheit", "degrees fahrenheit",
                          "degree Fahrenheit", "degrees F", "Fahrenheit", "fahrenheit"),
    "degree": ("degree", "degrees", "°", "º"),
    "decibel": ("dB", "decibel", "decibels"),
    "part per million": ("ppm", "parts per million"),
    "part per billion": ("ppb", "parts per billion"),
    "pascal": ("Pa",),
    "kilopascal": ("kPa",),
    "megapascal": ("MPa",),
    "gigapascal": ("GPa", "gigapascal", "gigapascals"),
    "psi": ("psi",),
    "calorie": ("calorie", "calories", "kcal"),
    "milligram per litre": ("mg/L", "mg/l"),
}
_DURATIONS: Mapping[str, tuple[str, ...]] = {
    "second": ("second", "seconds", "sec", "secs"),
    "minute": ("minute", "minutes", "min", "mins"),
    "hour": ("hour", "hours", "hr", "hrs"),
    "day": ("day", "days"),
    "week": ("week", "weeks", "wk", "wks"),
    "fortnight": ("fortnight", "fortnights"),
    "month": ("month", "months"),
    "year": ("year", "years", "yr", "yrs"),
    "decade": ("decade", "decades"),
    "century": ("century", "centuries"),
    "millennium": ("millennium", "millennia"),
}
_PERCENTS: Mapping[str, tuple[str, ...]] = {
    "%": ("%", "％", "per cent", "percent", "pct", "pc", "per-cent"),
    "percentage point": ("percentage point", "percentage points", "percentage-point",
                         "percent point", "percent points", "ppt", "ppts"),
    "basis point": ("basis point", "basis points", "basis-point", "bps", "bp"),
}

# Currency signs and codes written before the amount ("US$58", "€15", "HK $5.4m", "USD10m").
# "PS" and "Y=" are how "£" and "¥" reach some news feeds after a lossy conversion.
_CURRENCY_BEFORE: Mapping[str, tuple[str, ...]] = {
    "USD": ("$", "US$", "US $", "U.S.$", "U.S. $", "$US", "USD", "USD$"),
    "AUD": ("A$", "AU$", "$A", "AUD", "$AU"),
    "CAD": ("C$", "CA$", "CAN$", "Can$", "CAD", "$C"),
    "NZD": ("NZ$", "NZD", "$NZ"),
    "HKD": ("HK$", "HK $", "HKD"),
    "SGD": ("S$", "SGD"),
    "TWD": ("NT$", "TWD"),
    "BRL": ("R$", "BRL"),
    "MXN": ("MX$", "MXN"),
    "EUR": ("€", "EUR"),
    "GBP": ("£", "GBP", "PS"),
    "JPY": ("¥", "JP¥", "Y=", "JPY"),
    "CNY": ("CN¥", "RMB", "CNY"),
    "INR": ("₹", "Rs", "Rs.", "INR"),
    "KRW": ("₩", "KRW"),
    "RUB": ("₽", "RUB"),
    "TRY": ("₺", "TRY"),
    "ILS": ("₪", "NIS", "ILS"),
    "CHF": ("CHF", "SFr"),
    "MYR": ("RM", "MYR"),
    "THB": ("฿", "THB"),
    "NGN": ("₦", "NGN"),
    "PHP": ("₱",),
    "KES": ("KSh", "Ksh", "KES"),
    "IDR": ("Rp", "IDR"),
    "ZAR": ("ZAR",),
    "SEK": ("SEK",),
    "NOK": ("NOK",),
    "DKK": ("DKK",),
    "PLN": ("PLN",),
    "CZK": ("CZK",),
    "HUF": ("HUF",),
    "AED": ("AED",),
    "SAR": ("SAR",),
    "EGP": ("EGP",),
    "VND": ("VND",),
    "BTC": ("BTC", "₿"),
}
# Codes and signs written after the amount ("110 JPY", "1,200€", "$76 US").
_CURRENCY_CODES_AFTER: Mapping[str, tuple[str, ...]] = {
    code: tuple(f for f in forms if f.isalpha() and f.isupper() and len(f) == 3)
    for code, forms in _CURRENCY_BEFORE.items()
}
_CURRENCY_SIGNS_AFTER: Mapping[str, tuple[str, ...]] = {
    "USD": ("$",), "EUR": ("€",), "GBP": ("£",), "VND": ("₫",), "PLN": ("zł",), "pence": ("p",),
}
# Currency names written after the amount ("3 million euros", "333.6 million yen").
_CURRENCY_WORDS: Mapping[str, tuple[str, ...]] = {
    "USD": ("dollar", "dollars", "US dollars", "U.S. dollars", "American dollars"),
    "AUD": ("Australian dollar", "Australian dollars"),
    "CAD": ("Canadian dollar", "Canadian dollars"),
    "NZD": ("New Zealand dollars", "NZ dollars"),
    "HKD": ("Hong Kong dollars", "HK dollars"),
    "SGD": ("Singapore dollars", "Singaporean dollars"),
    "TWD": ("Taiwan dollars", "Taiwanese dollars", "New Taiwan dollars"),
    "EUR": ("euro", "euros"),
    "GBP": ("pounds sterling", "sterling", "British pounds"),
    "EGP": ("Egyptian pounds",),
    "JPY": ("yen",),
    "CNY": ("yuan", "renminbi"),
    "INR": ("rupees", "rupee", "Indian rupees"),
    "PKR": ("Pakistani rupees",),
    "IDR": ("rupiah",),
    "ILS": ("shekels", "shekel", "new shekels"),
    "RUB": ("roubles", "rubles", "rouble", "ruble"),
    "UAH": ("hryvnias", "hryvnia", "hryvnia"),
    "CHF": ("Swiss francs", "francs"),
    "MXN": ("Mexican pesos",),
    "ARS": ("Argentine pesos",),
    "PHP": ("Philippine pesos",),
    "peso": ("pesos",),
    "DKK": ("Danish crowns", "Danish kroner"),
    "SEK": ("Swedish crowns", "kronor", "Swedish kronor"),
    "NOK": ("Norwegian crowns", "Norwegian kroner"),
    "CZK": ("Czech crowns", "koruna"),
    "crown": ("crowns",),
    "KRW": ("South Korean won", "Korean won"),
    "ZAR": ("rand",),
    "MYR": ("ringgit",),
    "THB": ("baht",),
    "TRY": ("lira", "liras", "Turkish lira"),
    "NGN": ("naira",),
    "BRL": ("reais", "Brazilian reais"),
    "AED": ("dirhams", "UAE dirhams"),
    "SAR": ("riyals", "Saudi riyals"),
    "PLN": ("zlotys", "zloty"),
    "HUF": ("forints", "forint"),
    "BTC": ("bitcoin", "bitcoins"),
    "cent": ("cent", "cents", "US cents"),
    "euro cent": ("euro cents",),
    "pence": ("pence",),
    "sen": ("sen",),
}
# Currency words that are something else unless an amount has a scale ("5 million pounds"
# is money, "208 pounds" a weight; "the team won 3" holds no won).
SCALED_ONLY_CURRENCY_WORDS: Mapping[str, str] = {"pounds": "GBP", "pound": "GBP", "won": "KRW"}

# Scales written after a number. Abbreviations that also name a unit ("m" for metre,
# "k" for kilometre in "10k run") scale only money.
SCALE_WORDS: Mapping[str, int] = {
    "hundred": 100, "thousand": 1000, "million": 10**6, "billion": 10**9, "trillion": 10**12,
    "mn": 10**6, "mln": 10**6, "mil": 10**6, "M": 10**6, "bn": 10**9, "bln": 10**9, "B": 10**9,
    "tn": 10**12, "trn": 10**12, "lakh": 10**5, "lakhs": 10**5, "crore": 10**7, "crores": 10**7,
}
MONEY_SCALE_WORDS: Mapping[str, int] = {"m": 10**6, "b": 10**9, "k": 1000, "K": 1000}

# Nouns a rate is written per with "a"/"an" ("$38 million a year", "US$81 a barrel").
RATE_NOUNS: frozenset[str] = frozenset({
    "second", "minute", "hour", "day", "night", "week", "month", "year", "quarter", "barrel",
    "share", "gallon", "litre", "liter", "ounce", "pound", "kilogram", "kilo", "tonne", "ton",
    "head", "person", "piece", "unit", "mile", "kilometre", "kilometer", "bushel", "gram",
    "seat", "ticket", "dose", "pill", "game", "season", "visit", "session", "trip", "pack",
    "bottle", "word", "page", "copy", "item", "meal", "room",
})


def _case_variants(form: str) -> Iterable[str]:
    """A word unit as written, Capitalised and UPPER CASE; a symbol only as written."""
    yield form
    if form.isalpha() and form.islower() and len(form) > 2:
        yield form.capitalize()
        yield form.upper()
    elif " " in form and form.replace(" ", "").isalpha() and form.islower():
        yield form.upper()


def _table(groups: Mapping[str, tuple[str, ...]], kind: Kind, variants: bool = True) -> dict[str, Unit]:
    table: dict[str, Unit] = {}
    for name, forms in groups.items():
        unit = Unit(name, kind)
        for form in forms:
            for written in (_case_variants(form) if variants else (form,)):
                table.setdefault(written, unit)
    return table


_UNIT_TABLE = {**_table(_DURATIONS, Kind.DURATION), **_table(_MEASURES, Kind.MEASURE)}
_ONE_SPACE_OR_HYPHEN = r"(?:[^\S\n]|-)?"
UNITS_AFTER: PhraseTable[Unit] = PhraseTable(_UNIT_TABLE, ignore_case=False, gap=_ONE_SPACE_OR_HYPHEN)
PERCENT_AFTER: PhraseTable[Unit] = PhraseTable(_table(_PERCENTS, Kind.PERCENT), ignore_case=True, gap=_ONE_SPACE_OR_HYPHEN)
CURRENCY_BEFORE: PhraseTable[str] = PhraseTable(
    {form: code for code, forms in _CURRENCY_BEFORE.items() for form in forms}, ignore_case=False, gap=r"[^\S\n]?"
)
CURRENCY_CODES_AFTER: PhraseTable[str] = PhraseTable(
    {form: code for table in (_CURRENCY_CODES_AFTER, _CURRENCY_SIGNS_AFTER) for code, forms in table.items() for form in forms},
    ignore_case=False, gap=r"[^\S\n]?",
)
CURRENCY_WORDS_AFTER: PhraseTable[str] = PhraseTable(
    {form: code for code, forms in _CURRENCY_WORDS.items() for form in forms}, ignore_case=True, gap=r"[^\S\n]+|-"
)
SCALED_CURRENCY_WORDS_AFTER: PhraseTable[str] = PhraseTable(SCALED_ONLY_CURRENCY_WORDS, ignore_case=True, gap=r"[^\S\n]+|-")
# "$76 US a barrel", "$75 U.S. per barrel": the country after a dollar sign.
US_AFTER_DOLLAR: PhraseTable[str] = PhraseTable({"US": "USD", "U.S.": "USD"}, ignore_case=False, gap=r"[^\S\n]")
SCALES_AFTER: PhraseTable[int] = PhraseTable(SCALE_WORDS, ignore_case=False, gap=_ONE_SPACE_OR_HYPHEN)
MONEY_SCALES_AFTER: PhraseTable[int] = PhraseTable(MONEY_SCALE_WORDS, ignore_case=False, gap=r"[^\S\n]?")

# "per barrel", "a month", "/kWh": the rate a money or measure amount is given per.
_RATE = re.compile(
    r"[^\S\n]*(?:(per|an?)[^\S\n]+|(/))(?:US[^\S\n]+)?"
    r"((?:square|sq\.?|cubic)[^\S\n]+[A-Za-z]+|[A-Za-z][A-Za-z²]*)"
)
_NOT_A_RATE = re.compile(r"\s+(?:ago|earlier|later|before|after)\b")


def unit_named(written: str) -> Unit | None:
    """The unit a written form names, if any ("yards" -> yard)."""
    return _UNIT_TABLE.get(" ".join(written.split()))


def singular(noun: str) -> str:
    """A plural noun's singular, for units written as nouns ("barrels" -> "barrel")."""
    lower = noun.lower()
    if lower.endswith("ies") and len(lower) > 4:
        return lower[:-3] + "y"
    if lower.endswith("s") and not lower.endswith(("ss", "us", "is")) and len(lower) > 3:
        return lower[:-1]
    return lower


def rate_after(text: str, pos: int) -> tuple[int, str] | None:
    """The per-unit written right after an amount: its end and normalised name.

    "a"/"an" only introduces a rate before a noun that is usually priced per
    ("a barrel", "a year"), so "$5 a year ago" keeps its "a year" for the dates.
    """
    m = _RATE.match(text, pos)
    if m is None:
        return None
    word, noun = m.group(1), m.group(3)
    unit = unit_named(noun)
    name = unit.name if unit else singular(noun)
    if word in ("a", "an") and (name not in RATE_NOUNS or _NOT_A_RATE.match(text, m.end())):
        return None
    if word == "per" and name == "cent":
        return None
    return m.end(), name
