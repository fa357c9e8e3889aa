"""Bundled offline demo news site ("NewsCase Demo") and its static server.

``site/`` holds the pages, ``expected.json`` the gold data the tests compare crawls against,
and ``server.py`` serves the site on 127.0.0.1 (``python -m newscrawl.demo.server``).
"""
