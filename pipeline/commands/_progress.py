"""The progress bar of a batch on a terminal (`vanban parse -o`): documents done out of all,
and the file the batch is waiting on longest, with the time it started.

    bar = BatchBar(total, file)      # a tqdm bar
    bar.started(path)                # a worker took the document
    bar.finished(entry)              # it ended (any status); a failure is printed above the bar
    bar.close()

The bar is redrawn at every start and end, not only when tqdm's minimum interval has
passed: otherwise the last draw before a long document could show a count one short and
name a file that had already ended (a batch "at 20/21" naming nothing useful while one
worker spends minutes on the 21st).
"""
from __future__ import annotations

import sys
import time
from pathlib import Path

#: characters of a file name shown on the bar
NAME_CHARS = 40


def waiting_on(running: dict[str, float]) -> str:
    """The postfix: the document running longest ("b_slow.txt since 14:03:12"), and how many
    others run beside it; "" when none runs. `running` maps a path to its start (time.time())."""
    if not running:
        return ""
    path, began = min(running.items(), key=lambda kv: kv[1])
    text = f"{Path(path).name[:NAME_CHARS]} since {time.strftime('%H:%M:%S', time.localtime(began))}"
    return text + (f" (+{len(running) - 1} running)" if len(running) > 1 else "")


class BatchBar:
    def __init__(self, total: int, file=sys.stderr):
        from tqdm import tqdm
        tqdm.monitor_interval = 0          # no monitor thread in a process that forks workers
        self._file = file
        self._bar = tqdm(total=total, unit="doc", file=file)
        self._running: dict[str, float] = {}

    def started(self, path: str) -> None:
        self._running[path] = time.time()
        self._draw()

    def finished(self, entry) -> None:
        self._running.pop(entry.input, None)
        if entry.status != "ok":
            self._bar.write(f"{entry.status}: {entry.input}: {entry.error}", file=self._file)
        self._bar.set_postfix_str(waiting_on(self._running), refresh=False)
        self._bar.update(1)
        self._bar.refresh()

    def _draw(self) -> None:
        self._bar.set_postfix_str(waiting_on(self._running), refresh=False)
        self._bar.refresh()

    def close(self) -> None:
        self._bar.close()
