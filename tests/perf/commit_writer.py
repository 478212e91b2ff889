"""Another station writing to the same database file (the external side of the refresh benchmark).

``python tests/perf/commit_writer.py DB``: prints ``ready``, then for each JSON line on stdin
(``observation``, ``event``, ``milestone``: the values to write) commits them in ONE transaction
through the store's API and prints ``{"t": time.monotonic()}`` taken right after the commit.
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from db.clock import parse_instant
from db.store.store import Store


def main() -> int:
    store = Store.open(sys.argv[1], operator="bench writer")
    print("ready", flush=True)
    for line in sys.stdin:
        request = json.loads(line)
        obs, event, milestone = request["observation"], request["event"], request["milestone"]
        with store.writing():
            store.add_observation(
                **{
                    **obs,
                    "period_start": parse_instant(obs["period_start"]),
                    "period_end": parse_instant(obs["period_end"]),
                }
            )
            store.add_event(**{**event, "occurred_at": parse_instant(event["occurred_at"])})
            store.add_milestone(**{**milestone, "at": parse_instant(milestone["at"])})
        print(json.dumps({"t": time.monotonic()}), flush=True)
    store.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
