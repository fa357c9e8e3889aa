"""Print ``--setting NAME VALUE`` arguments for Datasette from a settings.json file."""

from __future__ import annotations

import json
import shlex
import sys


def setting_args(path: str) -> list[str]:
    with open(path, encoding="utf-8") as fh:
        settings = json.load(fh)
    args: list[str] = []
    for name, value in settings.items():
        text = json.dumps(value) if isinstance(value, bool) else str(value)
        args += ["--setting", name, text.lower() if isinstance(value, bool) else text]
    return args


if __name__ == "__main__":
    print(shlex.join(setting_args(sys.argv[1])))
