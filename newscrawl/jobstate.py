"""The state of a crawl job kept in Scrapy's JOBDIR, so that a killed crawl resumes exactly."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

from pipelines.database import now

JOB_FILE = "newscrawl-job.json"  # in JOBDIR: when the job started, and whether a process is running it


def write_job(jobdir: Path, started: str, running: bool) -> None:
    tmp = jobdir / f"{JOB_FILE}.tmp"
    tmp.write_text(json.dumps({"started": started, "running": running}), encoding="utf-8")
    os.replace(tmp, jobdir / JOB_FILE)


def begin_job(jobdir: Path) -> tuple[str, bool]:
    """Start or resume the crawl job of JOBDIR: (when the job started, whether its last process was killed).

    Scrapy saves its request queue on a clean stop only, but writes ``requests.seen`` as requests are
    scheduled: after SIGKILL the scheduled-but-unfetched requests would be filtered as seen and never
    fetched. So after a kill both are discarded and the crawl rediscovers its articles; those stored or
    checked since the job started (``fetches``) are skipped, see :meth:`NewsSpider.done_in_job`.
    """
    jobdir.mkdir(parents=True, exist_ok=True)
    try:
        state = json.loads((jobdir / JOB_FILE).read_text(encoding="utf-8"))
    except FileNotFoundError:
        state = {}
    except (OSError, ValueError):
        state = {"running": True}
    killed = bool(state.get("running"))
    if killed:
        shutil.rmtree(jobdir / "requests.queue", ignore_errors=True)
        (jobdir / "requests.seen").unlink(missing_ok=True)
    started = str(state.get("started") or now())
    write_job(jobdir, started, running=True)
    return started, killed
