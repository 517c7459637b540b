#!/usr/bin/env bash
# Set up Thucydides in ./.venv and run it on the sample articles in examples/articles/.
set -euo pipefail
cd "$(dirname "$0")"
if [ ! -x .venv/bin/thucydides ]; then
  python3 -m venv .venv
  .venv/bin/python -m pip install -q --upgrade pip
  .venv/bin/python -m pip install -q -e ".[dev]"
fi
for f in examples/articles/*.txt; do
  name=$(basename "$f" .txt)            # 2024-04-16_gulf_monitor
  published=${name%%_*}
  outlet=$(echo "${name#*_}" | tr '_' ' ')
  .venv/bin/thucydides extract "$f" --published "$published" --outlet "$outlet"
done
# Store the same articles, then list the stories in which one side's claim is denied by another.
rm -f demo.duckdb
.venv/bin/thucydides ingest examples/articles --db demo.duckdb
.venv/bin/thucydides disputes --db demo.duckdb
