#!/usr/bin/env bash
# What the exact figures cost at soak size: a simulation.log of N responses (default 7.2 M: 500/s
# for 4 h), then the time and heap of cutting it to the measured window, of the exact figures
# (one pass), and of Gatling's own reading of it beside them (what its HTML report needs anyway).
# Usage: bench/exact-figures.sh [responses]
set -euo pipefail
cd "$(dirname "$0")/.."
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
./mvnw -q -B test-compile
./mvnw -q -B dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$work/cp.txt" >/dev/null
java -Xmx1G --add-opens=java.base/java.lang=ALL-UNNAMED -Djava.io.tmpdir="$work" \
  -cp "target/test-classes:target/classes:$(cat "$work/cp.txt")" loadsuite.results.ExactFiguresBench "$@"
