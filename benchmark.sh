#!/usr/bin/env bash
# Builds what is needed and runs the Postventa benchmark: starts its own local stack (fresh data, free ports), measures
# the same-run baselines and the scenarios, prints one table and writes results.json, table.md and chart.html to
# benchmarks/target/benchmark-results/. Settings are --name=value arguments (see benchmarks/README.md), e.g.
#   ./benchmark.sh --duration=10s --backlog=20000
#   ./benchmark.sh --target=running          # against ./local-stack.sh already running on the default ports
set -euo pipefail
cd "$(dirname "$0")"
mvn -B -q -DskipTests package -pl benchmarks -am
exec java -Dpostventa.root="$PWD" -cp "benchmarks/target/benchmarks.jar:benchmarks/target/lib/*" \
  dev.postventa.bench.PostventaBenchmark "$@"
