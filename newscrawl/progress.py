"""Progress bars for the batch commands (``newscrawl extract``, ``reprocess``, ``ingest-warc``).

tqdm, without its monitor thread: any second thread, even an idle one, turns off glibc's single-thread
malloc path for the rest of the process, and spaCy's NER (malloc-heavy Cython) then tags entities about
25% slower. The monitor only rescues bars whose ``maxinterval`` is exceeded; ours update every item.
"""

from __future__ import annotations

from tqdm import tqdm

tqdm.monitor_interval = 0

__all__ = ["tqdm"]
