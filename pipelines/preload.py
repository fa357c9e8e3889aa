"""Imported once by the stage pool's forkserver, before it forks the workers (never by the crawl itself).

The stages' modules, langdetect's language profiles and, when ``NEWSCRAWL_PRELOAD_NLP`` is ``1`` in the
environment the pool starts the forkserver with, the spaCy model are loaded here a single time; every
worker forked afterwards starts with them in memory (shared copy-on-write) instead of importing and
loading them again.
"""

from __future__ import annotations

import os

from pipelines import (
    entities,
    language,
    stages,  # noqa: F401  (imported for the workers: every stage's module)
)

language.detector_factory()

if os.environ.get("NEWSCRAWL_PRELOAD_NLP") == "1":
    entities.load_nlp()
