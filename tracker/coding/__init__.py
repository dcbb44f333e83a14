"""Article -> ScoredArticle: sentences, actors, dyads, tone, events; `score` orchestrates them.

Every module here is pure: package data in, frozen results out, no I/O and no database.
"""
