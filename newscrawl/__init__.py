"""newscrawl: crawl tech and finance news into clean, queryable SQLite."""

from __future__ import annotations

import os

# One math thread per process, set before numpy loads (sqlite-utils imports it): spaCy's NER multiplies
# small matrices, which OpenBLAS' own threads (one per CPU, busy-waiting) only slow down, and any second
# thread turns off glibc's single-thread malloc path, which made the NER 25% slower. `newscrawl extract`
# on 300 corpus pages: 18.4-19.6 s (21.2-22.3 s of CPU) before, 17.5 s (16.7 s of CPU) after. A value
# the user set is kept.
ONE_MATH_THREAD = {"OPENBLAS_NUM_THREADS": "1", "OMP_NUM_THREADS": "1", "MKL_NUM_THREADS": "1"}
for _name, _value in ONE_MATH_THREAD.items():
    os.environ.setdefault(_name, _value)
