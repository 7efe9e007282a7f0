#!/usr/bin/env bash
# Measures Freightliner's replication workload at a profile (default nightly: 20 workers copying
# images of 3 layers of 4 MiB for 60 s, goal 125 MB/s) between two registries, and what the
# machine's processes spent on it:
#   embedded      the suite's registry stand-in (in the generator's JVM) as source and destination
#   distribution  two CNCF Distribution processes (Debian's docker-registry) started here on
#                 loopback, with their storage in a temporary folder
#   container     the suite's containers (-Dsut.mode=container: needs a running engine and the
#                 local images, see .ci/run)
# Prints the run report's data rate and latency lines, the generator's own figures, and the CPU of
# every process (top, every 5 s, averaged over the samples of the run; 100 % = one core).
# Loopback only; the run is bounded by the profile's duration; what is started here is stopped.
# WORKLOAD=workers runs the worker staircase instead (10 to 100 workers over 5 minutes: MB/s and p95
# on every level, and the knee).
# Usage: [WORKLOAD=workers] bench/replication.sh embedded|distribution|container [more -D options]
set -euo pipefail
cd "$(dirname "$0")/.."

mode=${1:?usage: bench/replication.sh embedded|distribution|container [-D options]}
shift
workload=${WORKLOAD:-replication}
case "$workload" in
  replication) simulation=Replication ;;
  workers) simulation=Workers ;;
  *) echo "unknown WORKLOAD '$workload': replication or workers" >&2; exit 1 ;;
esac
. bench/lib.sh

# starts a Distribution process on a free loopback port; its URL in $url
registry() {
  local name=$1 port
  port=$(free_port)
  mkdir -p "$work/$name"
  cat >"$work/$name/config.yml" <<EOF
version: 0.1
log: { level: warn, accesslog: { disabled: true } }
storage: { filesystem: { rootdirectory: $work/$name/storage }, delete: { enabled: true } }
http: { addr: 127.0.0.1:$port }
EOF
  docker-registry serve "$work/$name/config.yml" >"$work/$name/log" 2>&1 &
  pids+=($!)
  url="http://127.0.0.1:$port"
  wait_for "$url/v2/"
}

options=(-Dsut.mode="$mode")
case "$mode" in
  embedded) ;;
  distribution)
    command -v docker-registry >/dev/null || { echo "docker-registry is missing: apt-get install docker-registry" >&2; exit 1; }
    registry source
    options=(-Dsut.mode=embedded -Dsut.urls.source="$url")
    registry destination
    options+=(-Dsut.urls.destination="$url") ;;
  container) ;;
  *) echo "unknown mode '$mode': embedded, distribution or container" >&2; exit 1 ;;
esac

./mvnw -q -B test-compile
top -b -d 5 -w 512 >"$work/top" &
pids+=($!)
./mvnw -q -B gatling:test -Dgatling.simulationClass="loadsuite.freightliner.Freightliner${simulation}Simulation" -Dprofile=nightly \
  -Dbaseline.file=none -Dhistory.dir=target/bench-history "${options[@]}" "$@" >"$work/run" 2>&1 || status=$?
grep -q "^---- freightliner.$workload" "$work/run" || { tail -40 "$work/run"; exit "${status:-1}"; }
# the suite's run report and goals (Gatling's own console statistics left out)
awk -v start="---- freightliner.$workload" 'index($0, start) == 1 { p = 1 } /^Parsing log file/ { p = 0 } p' "$work/run"
run=$(ls -td "target/gatling/freightliner${workload}simulation-"*/ | head -1)
echo "== goals ($run/summary.json)"
python3 -c 'import json, sys
for g in json.load(open(sys.argv[1]))["goals"]: print("  met   " if g["met"] else "  MISSED", g["message"])' "$run/summary.json"

echo "== CPU by command, mean of the 5 s samples while any java ran (100 % = one core of $(nproc))"
awk '/^top -/ { if (n++) flush(); next }
     $1 ~ /^[0-9]+$/ && NF >= 12 { cpu[$12] += $9 }
     function flush() { if (cpu["java"] > 0) { samples++; for (c in cpu) total[c] += cpu[c] } delete cpu }
     END { flush(); for (c in total) if (total[c] / samples >= 1) printf "  %-16s %6.1f %%\n", c, total[c] / samples }' "$work/top" | sort -k2 -nr
exit "${status:-0}"
