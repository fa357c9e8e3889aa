"""The batch commands' processes stay single-threaded: no BLAS thread pool, no progress-bar monitor.

A second thread of any kind turns off glibc's single-thread malloc path, and spaCy's NER then runs about
25% slower (newscrawl/__init__.py, newscrawl/progress.py, pipelines/pool.py).
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from newscrawl import ONE_MATH_THREAD

ROOT = Path(__file__).resolve().parent.parent
PROGRAM = """
import os
import newscrawl.cli, newscrawl.warc
from pipelines import entities
from newscrawl.progress import tqdm
for _ in tqdm(range(30), mininterval=0):
    pass
entities.load_nlp()
print(len(os.listdir("/proc/self/task")))
"""


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="counts threads in /proc")
def test_the_extract_command_process_has_one_thread() -> None:
    environment = {k: v for k, v in os.environ.items() if k not in ONE_MATH_THREAD}
    run = subprocess.run([sys.executable, "-c", PROGRAM], cwd=ROOT, env=environment, capture_output=True,
                         text=True, timeout=120)
    assert run.returncode == 0, run.stderr[-2000:]
    assert run.stdout.split() == ["1"]
