"""Wait until a local URL answers: ``python -m newscrawl.waitfor URL [SECONDS]``."""

from __future__ import annotations

import sys
import time
import urllib.error
import urllib.request


def wait_for(url: str, timeout: float = 15.0) -> bool:
    """True once the URL answers with any HTTP status, False after ``timeout`` seconds."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=2):
                return True
        except urllib.error.HTTPError:
            return True
        except (urllib.error.URLError, OSError):
            time.sleep(0.2)
    return False


if __name__ == "__main__":
    target = sys.argv[1]
    if not wait_for(target, float(sys.argv[2]) if len(sys.argv) > 2 else 15.0):
        print(f"error: {target} did not answer", file=sys.stderr)
        sys.exit(1)
