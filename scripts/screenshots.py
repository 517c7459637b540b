"""Screenshots of every workbench page for docs/img/, taken in Debian's headless chromium.

    python scripts/screenshots.py --db demo.duckdb [--out docs/img] [--doc DOC_ID] [--dyad RUS UKR]

The server is the one the browser tests use (tests/web_server.py): read-only, on a free 127.0.0.1 port.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

from web_server import browser, serve


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", required=True, type=Path)
    parser.add_argument("--out", default=Path("docs/img"), type=Path)
    parser.add_argument("--doc", help="document to show in the reader (default: the one with most claims)")
    parser.add_argument("--dyad", nargs=2, default=("RUS", "UKR"))
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    actor, recipient = args.dyad
    with serve(args.db) as base, browser() as chromium:
        page = chromium.new_page(viewport={"width": 1400, "height": 900})
        page.set_default_timeout(120_000)
        doc = args.doc or page.goto(base + "/api/v1/documents?per_page=500").json()["items"][0]["id"]
        shots = {"reader": f"/documents/{doc}", "disputes": "/disputes",
                 "timeline": f"/timeline?actor={actor}&recipient={recipient}&by=month", "map": "/map",
                 "search": "/search?q=said", "losses": "/losses", "propositions": "/propositions"}
        for name, path in shots.items():
            page.goto(base + path, wait_until="networkidle")
            if name == "reader" and page.locator("mark.ev").count():
                page.locator("mark.ev").first.hover()
            if name == "map":
                page.wait_for_selector("#map[data-markers]")
            page.screenshot(path=str(args.out / f"{name}.png"), full_page=name != "map")
            print(args.out / f"{name}.png")


if __name__ == "__main__":
    main()
