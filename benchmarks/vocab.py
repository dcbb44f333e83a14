"""Vocabularies for the synthetic news corpus (benchmarks/corpus.py).

Actors are the surfaces the tracker's gazetteer knows (country names, capitals used as
metonyms, demonyms, institutions) plus heads of state and government with the dates of
their tenure, so that an article dated 2016 names Obama and one dated 2022 names Biden.
Interaction verbs cover all 16 PLOVER categories, in asserted, negated, hypothetical and
historical forms. Filler sentences (economy, weather, sport, culture) name at most one
country. Nothing here is meant to be true; it is meant to read like wire copy.
"""

from __future__ import annotations

from datetime import date

# Tables laid out by hand for reading; the formatter would put one item per line.
# fmt: off
# code -> (country names, capitals, demonym, institutions)
COUNTRIES: dict[str, tuple[tuple[str, ...], tuple[str, ...], str, tuple[str, ...]]] = {
    "USA": (("the United States", "the U.S.", "America"), ("Washington",), "American",
            ("the White House", "the State Department", "the Pentagon")),
    "RUS": (("Russia",), ("Moscow",), "Russian", ("the Kremlin",)),
    "BLR": (("Belarus",), ("Minsk",), "Belarusian", ()),
    "UKR": (("Ukraine",), ("Kyiv",), "Ukrainian", ("the Verkhovna Rada",)),
    "CHN": (("China",), ("Beijing",), "Chinese", ("Zhongnanhai",)),
    "GBR": (("Britain", "the United Kingdom"), ("London",), "British",
            ("Downing Street", "the Foreign Office")),
    "FRA": (("France",), ("Paris",), "French", ("the Elysee Palace",)),
    "DEU": (("Germany",), ("Berlin",), "German", ("the Bundestag",)),
    "TUR": (("Turkey",), ("Ankara",), "Turkish", ()),
    "IRN": (("Iran",), ("Tehran",), "Iranian", ()),
    "ISR": (("Israel",), (), "Israeli", ("the Knesset",)),
    "JPN": (("Japan",), ("Tokyo",), "Japanese", ()),
    "IND": (("India",), ("New Delhi",), "Indian", ()),
    "PRK": (("North Korea",), ("Pyongyang",), "North Korean", ()),
    "KOR": (("South Korea",), ("Seoul",), "South Korean", ()),
    "POL": (("Poland",), ("Warsaw",), "Polish", ("the Sejm",)),
    "LTU": (("Lithuania",), ("Vilnius",), "Lithuanian", ()),
    "CAN": (("Canada",), ("Ottawa",), "Canadian", ()),
    "SYR": (("Syria",), ("Damascus",), "Syrian", ()),
    "SAU": (("Saudi Arabia",), ("Riyadh",), "Saudi", ()),
    "EGY": (("Egypt",), ("Cairo",), "Egyptian", ()),
    "BRA": (("Brazil",), ("Brasilia",), "Brazilian", ()),
    "VEN": (("Venezuela",), ("Caracas",), "Venezuelan", ()),
    "KAZ": (("Kazakhstan",), ("Astana",), "Kazakh", ()),
    "QAT": (("Qatar",), (), "Qatari", ()),
}

_FAR = date(2100, 1, 1)
# (code, title, full name, surname, first day, day after the last) -- public record.
LEADERS: tuple[tuple[str, str, str, str, date, date], ...] = (
    ("USA", "President", "Barack Obama", "Obama", date(2009, 1, 20), date(2017, 1, 20)),
    ("USA", "President", "Donald Trump", "Trump", date(2017, 1, 20), date(2021, 1, 20)),
    ("USA", "President", "Joe Biden", "Biden", date(2021, 1, 20), date(2025, 1, 20)),
    ("USA", "President", "Donald Trump", "Trump", date(2025, 1, 20), _FAR),
    ("RUS", "President", "Vladimir Putin", "Putin", date(2012, 5, 7), _FAR),
    ("RUS", "Foreign Minister", "Sergei Lavrov", "Lavrov", date(2004, 3, 9), _FAR),
    ("BLR", "President", "Alexander Lukashenko", "Lukashenko", date(1994, 7, 20), _FAR),
    ("UKR", "President", "Petro Poroshenko", "Poroshenko", date(2014, 6, 7), date(2019, 5, 20)),
    ("UKR", "President", "Volodymyr Zelensky", "Zelensky", date(2019, 5, 20), _FAR),
    ("CHN", "President", "Xi Jinping", "Xi", date(2013, 3, 14), _FAR),
    ("GBR", "Prime Minister", "David Cameron", "Cameron", date(2010, 5, 11), date(2016, 7, 13)),
    ("GBR", "Prime Minister", "Theresa May", "May", date(2016, 7, 13), date(2019, 7, 24)),
    ("GBR", "Prime Minister", "Boris Johnson", "Johnson", date(2019, 7, 24), date(2022, 9, 6)),
    ("GBR", "Prime Minister", "Rishi Sunak", "Sunak", date(2022, 10, 25), date(2024, 7, 5)),
    ("GBR", "Prime Minister", "Keir Starmer", "Starmer", date(2024, 7, 5), _FAR),
    ("FRA", "President", "Francois Hollande", "Hollande", date(2012, 5, 15), date(2017, 5, 14)),
    ("FRA", "President", "Emmanuel Macron", "Macron", date(2017, 5, 14), _FAR),
    ("DEU", "Chancellor", "Angela Merkel", "Merkel", date(2005, 11, 22), date(2021, 12, 8)),
    ("DEU", "Chancellor", "Olaf Scholz", "Scholz", date(2021, 12, 8), date(2025, 5, 6)),
    ("DEU", "Chancellor", "Friedrich Merz", "Merz", date(2025, 5, 6), _FAR),
    ("TUR", "President", "Recep Tayyip Erdogan", "Erdogan", date(2014, 8, 28), _FAR),
    ("IRN", "President", "Hassan Rouhani", "Rouhani", date(2013, 8, 3), date(2021, 8, 3)),
    ("IRN", "President", "Ebrahim Raisi", "Raisi", date(2021, 8, 3), date(2024, 5, 19)),
    ("IRN", "President", "Masoud Pezeshkian", "Pezeshkian", date(2024, 7, 28), _FAR),
    ("ISR", "Prime Minister", "Benjamin Netanyahu", "Netanyahu", date(2009, 3, 31),
     date(2021, 6, 13)),
    ("ISR", "Prime Minister", "Naftali Bennett", "Bennett", date(2021, 6, 13), date(2022, 7, 1)),
    ("ISR", "Prime Minister", "Benjamin Netanyahu", "Netanyahu", date(2022, 12, 29), _FAR),
    ("JPN", "Prime Minister", "Shinzo Abe", "Abe", date(2012, 12, 26), date(2020, 9, 16)),
    ("JPN", "Prime Minister", "Fumio Kishida", "Kishida", date(2021, 10, 4), date(2024, 10, 1)),
    ("IND", "Prime Minister", "Narendra Modi", "Modi", date(2014, 5, 26), _FAR),
    ("PRK", "leader", "Kim Jong Un", "Kim", date(2011, 12, 17), _FAR),
    ("KOR", "President", "Moon Jae-in", "Moon", date(2017, 5, 10), date(2022, 5, 10)),
    ("KOR", "President", "Yoon Suk Yeol", "Yoon", date(2022, 5, 10), date(2025, 4, 4)),
    ("POL", "President", "Andrzej Duda", "Duda", date(2015, 8, 6), date(2025, 8, 6)),
    ("CAN", "Prime Minister", "Justin Trudeau", "Trudeau", date(2015, 11, 4), date(2025, 3, 14)),
    ("SYR", "President", "Bashar al-Assad", "Assad", date(2000, 7, 17), date(2024, 12, 8)),
    ("EGY", "President", "Abdel Fattah el-Sisi", "Sisi", date(2014, 6, 8), _FAR),
    ("BRA", "President", "Jair Bolsonaro", "Bolsonaro", date(2019, 1, 1), date(2023, 1, 1)),
    ("BRA", "President", "Luiz Inacio Lula da Silva", "Lula", date(2023, 1, 1), _FAR),
    ("VEN", "President", "Nicolas Maduro", "Maduro", date(2013, 4, 19), _FAR),
    ("KAZ", "President", "Kassym-Jomart Tokayev", "Tokayev", date(2019, 3, 20), _FAR),
)

# Pairs the news writes about, with relative weights (the default pairs dominate).
PAIRS: tuple[tuple[str, str, int], ...] = (
    ("USA", "RUS", 20), ("USA", "BLR", 8), ("RUS", "UKR", 14), ("USA", "CHN", 12),
    ("BLR", "POL", 4), ("BLR", "LTU", 3), ("RUS", "BLR", 6), ("USA", "UKR", 6),
    ("USA", "IRN", 5), ("ISR", "IRN", 4), ("CHN", "JPN", 3), ("PRK", "KOR", 3),
    ("USA", "PRK", 3), ("GBR", "RUS", 3), ("DEU", "RUS", 3), ("FRA", "DEU", 2),
    ("TUR", "RUS", 2), ("TUR", "SYR", 2), ("IND", "CHN", 2), ("SAU", "IRN", 2),
    ("USA", "CAN", 2), ("USA", "VEN", 2), ("EGY", "ISR", 1), ("BRA", "USA", 1),
    ("KAZ", "RUS", 1), ("QAT", "SAU", 1), ("GBR", "FRA", 1), ("POL", "DEU", 1),
)

ROLES = ("officials", "diplomats", "lawmakers", "negotiators", "envoys", "ministers",
         "authorities", "government", "military", "foreign ministry")

# category -> ((past, base form, object phrases), ...); {B} is the target actor.
VERBS: dict[str, tuple[tuple[str, str, tuple[str, ...]], ...]] = {
    "AGREE": (
        ("agreed with", "agree with", ("{B} on a framework for {topic}",
                                       "{B} to extend the treaty on {topic}")),
        ("signed an accord with", "sign an accord with", ("{B} on {topic}",)),
        ("reached a deal with", "reach a deal with", ("{B} over {topic}",)),
        ("pledged to work with", "pledge to work with", ("{B} on {topic}",)),
    ),
    "CONSULT": (
        ("met", "meet", ("{B} in {city} to discuss {topic}", "{B} on the sidelines of a summit")),
        ("held talks with", "hold talks with", ("{B} on {topic}", "{B} in {city}")),
        ("spoke by phone with", "speak by phone with", ("{B} about {topic}",)),
        ("hosted", "host", ("a delegation from {B} for talks on {topic}",)),
        ("visited", "visit", ("{Bcap} for consultations on {topic}",)),
    ),
    "SUPPORT": (
        ("praised", "praise", ("{B} for its role in {topic}", "{B} for the release of detainees")),
        ("welcomed", "welcome", ("{B}'s decision on {topic}",)),
        ("thanked", "thank", ("{B} for its help with {topic}",)),
        ("endorsed", "endorse", ("{B}'s proposal on {topic}",)),
    ),
    "CONCEDE": (
        ("released prisoners held by", "release prisoners held by", ("{B}",)),
        ("freed {n} political prisoners at the request of", "free political prisoners for",
         ("{B}",)),
        ("eased sanctions on", "ease sanctions on", ("{B}", "{B}'s potash exports")),
        ("lifted restrictions on", "lift restrictions on", ("{B} flights",)),
    ),
    "COOPERATE": (
        ("restored diplomatic relations with", "restore diplomatic relations with", ("{B}",)),
        ("resumed intelligence sharing with", "resume intelligence sharing with", ("{B}",)),
        ("held joint exercises with", "hold joint exercises with", ("{B}",)),
    ),
    "AID": (
        ("sent humanitarian aid to", "send humanitarian aid to", ("{B}",)),
        ("provided military aid to", "provide military aid to", ("{B}",)),
        ("granted a loan to", "grant a loan to", ("{B}",)),
    ),
    "RETREAT": (
        ("withdrew troops from the border with", "withdraw troops from the border with", ("{B}",)),
        ("agreed to a ceasefire with", "agree to a ceasefire with", ("{B}",)),
        ("pulled its forces back from", "pull its forces back from", ("{B}",)),
    ),
    "REQUEST": (
        ("urged", "urge", ("{B} to return to talks on {topic}",
                           "{B} to free detained journalists")),
        ("called on", "call on", ("{B} to respect {topic}",)),
        ("demanded that", "demand that", ("{B} withdraw its troops",)),
        ("asked", "ask", ("{B} to clarify its position on {topic}",)),
    ),
    "ACCUSE": (
        ("accused", "accuse", ("{B} of meddling in {topic}", "{B} of violating {topic}")),
        ("condemned", "condemn", ("{B}'s actions over {topic}",)),
        ("criticised", "criticise", ("{B} over {topic}",)),
        ("blamed", "blame", ("{B} for the collapse of talks on {topic}",)),
    ),
    "REJECT": (
        ("rejected", "reject", ("{B}'s proposal on {topic}",)),
        ("refused", "refuse", ("{B}'s demand for talks on {topic}",)),
        ("vetoed", "veto", ("a resolution backed by {B}",)),
    ),
    "THREATEN": (
        ("threatened", "threaten", ("{B} with new tariffs", "{B} with retaliation")),
        ("warned", "warn", ("{B} of serious consequences over {topic}",)),
        ("issued an ultimatum to", "issue an ultimatum to", ("{B}",)),
    ),
    "PROTEST": (
        ("protested outside the embassy of", "protest outside the embassy of", ("{B}",)),
        ("boycotted a summit hosted by", "boycott a summit hosted by", ("{B}",)),
    ),
    "SANCTION": (
        ("imposed sanctions on", "impose sanctions on", ("{B} over {topic}", "{B}'s banks")),
        ("expelled {n} diplomats from", "expel diplomats from", ("{B}",)),
        ("cut ties with", "cut ties with", ("{B}",)),
        ("suspended cooperation with", "suspend cooperation with", ("{B} on {topic}",)),
    ),
    "MOBILIZE": (
        ("deployed troops near the border with", "deploy troops near the border with", ("{B}",)),
        ("massed forces along the frontier with", "mass forces along the frontier with",
         ("{B}",)),
        ("held military drills near", "hold military drills near", ("{B}",)),
    ),
    "COERCE": (
        ("detained a journalist working for", "detain a journalist working for", ("{B}",)),
        ("seized assets belonging to", "seize assets belonging to", ("{B}",)),
        ("arrested {n} citizens of", "arrest citizens of", ("{B}",)),
    ),
    "ASSAULT": (
        ("attacked", "attack", ("positions held by {B}", "{B}'s forces near the border")),
        ("launched missile strikes on", "launch missile strikes on", ("{Bcap}", "{B}")),
        ("shelled", "shell", ("villages in {B}",)),
    ),
}

TOPICS = (
    "nuclear arms control", "the New START treaty", "energy supplies", "grain exports",
    "the border dispute", "prisoner exchanges", "regional security", "trade tariffs",
    "cyber security", "the peace process", "visa rules", "migration", "the gas pipeline",
    "airspace closures", "humanitarian corridors", "election interference", "fisheries",
    "the Black Sea", "sanctions relief", "debt restructuring", "climate finance",
    "the detention of journalists", "civil aviation", "cultural exchanges", "fertiliser trade",
)
CITIES = ("Geneva", "Vienna", "Helsinki", "Istanbul", "Abu Dhabi", "Doha", "Oslo",
          "Reykjavik", "Singapore", "Riyadh", "Budapest", "Astana", "Minsk", "Rome")
WHEN = ("on Monday", "on Tuesday", "on Wednesday", "on Thursday", "on Friday",
        "at the weekend", "late on Sunday", "this week", "earlier this month", "overnight")
ATTRIBUTION = ("officials said", "according to a statement", "state media reported",
               "a spokesperson said", "diplomatic sources said", "the foreign ministry said",
               "according to people familiar with the matter", "news agencies reported")
ADVERBS = ("sharply", "warmly", "once again", "publicly", "formally", "quietly", "repeatedly",
           "abruptly", "cautiously", "unexpectedly")
REPORTERS = ("officials", "a spokesperson", "two diplomats", "state media", "an aide")
HYPOTHETICAL = ("could", "may", "is expected to", "is considering whether to",
                "has threatened to", "is likely to", "would")
HYPO_CONDITION = ("if talks fail", "unless the dispute is resolved", "as early as next month",
                  "in the coming weeks", "should the ceasefire collapse")
NEGATION = ("did not", "will not", "declined to", "refused to", "has yet to")

# Filler: subject x verb x object x coda, about one country at most ({X}).
FILLER_SUBJECTS = (
    "The central bank", "Retail sales", "Inflation", "The national football team",
    "Heavy rain", "Shares in the largest lender", "The finance ministry in {X}",
    "A heatwave", "Tourism revenue", "The opposition party", "Farmers in {X}",
    "The state railway", "Unemployment", "Wheat prices", "The capital's mayor",
    "Ticket sales for the festival", "The stock exchange", "Car exports from {X}",
    "A new museum", "The health ministry", "Snowfall", "The budget deficit",
)
FILLER_VERBS = (
    "rose", "fell", "held steady", "surprised analysts", "was delayed", "drew crowds",
    "disrupted traffic", "beat expectations", "slowed", "recovered", "was postponed",
    "reached a record", "eased", "climbed", "stalled", "improved",
)
FILLER_OBJECTS = (
    "for the third month in a row", "after a difficult quarter", "despite the storm",
    "in the northern provinces", "ahead of the holiday season", "by {pct} percent",
    "to its highest level in {n} months", "for the first time in {n} years",
    "after {n} days of protests by teachers", "with {n} new projects announced",
    "in a match that went to extra time", "across the coastal region",
    "following a cabinet reshuffle", "amid rising energy costs", "by nearly a fifth",
    "in the first half of the year", "as schools reopened", "before the final whistle",
)
FILLER_CODAS = (
    "", "", "", ", analysts said", ", the statistics office said", ", local media reported",
    ", according to preliminary figures", ", and forecasters expect more of the same",
    ", though economists urged caution", ", organisers said",
)
JOINERS = ("while", "even as", "and", "but", "although", "after")
QUOTES = (
    "Prices at the market have doubled since the spring, and nobody can explain why",
    "We just want the trains to run on time and the schools to stay open",
    "It was the best match I have seen in this stadium for twenty years",
    "The storm flooded our street twice in one week, and the clean-up is still going on",
    "Everybody here is talking about the new bridge and what it will do for business",
)
BACKGROUND = (
    "Relations have been strained for years.",
    "The two sides have not held formal talks since the last summit.",
    "Analysts said the move was aimed at a domestic audience.",
    "The announcement came as markets closed for the weekend.",
    "Critics said the measures would hurt ordinary people most.",
    "It was not immediately clear when the talks would resume.",
    "Observers described the atmosphere as tense but businesslike.",
    "The statement did not say how many people were affected.",
)
HEADLINES = (
    "{A} and {B} {head_verb} over {topic}", "{A} {head_verb} {B} amid row over {topic}",
    "Tensions rise as {A} and {B} spar over {topic}", "{A}, {B} hold talks on {topic}",
    "{A} warns {B} over {topic}", "What the latest {A}-{B} exchange means for {topic}",
)
HEAD_VERBS = ("clash", "trade barbs", "agree terms", "edge closer", "talk", "face off")
SOURCES = ("Benchmark Wire", "Synthetic Daily", "The Example Times", "Global Test Post",
           "Northern Herald", "Eastern Courier")
# fmt: on
