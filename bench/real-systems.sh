#!/usr/bin/env bash
# Runs every simulation of one system at the smoke profile against a running implementation of it
# (external mode), and prints one line per simulation: its verdict and the first cause of a failure:
# the stop before any load, else the first failed check or request Gatling counted (what the system
# answered), else the first goal missed.
#   PASSED   every goal met            (exit status 0 of its run)
#   FAILED   a goal missed             (exit status of Gatling's assertions)
#   STOPPED  stopped before any load   (its message)
# The system's URLs and credentials are the suite's own options, for example
#   bench/real-systems.sh runtime -Dsut.url=http://127.0.0.1:3000
#   bench/real-systems.sh registry -Dsut.url=http://127.0.0.1:15000
#   bench/real-systems.sh nebulagc -Dsut.url=$URL -Dsut.credentials.nebulagc.admin-token=$ADMIN_TOKEN \
#     -Dsut.credentials.nebulagc.cluster-token=$CLUSTER_TOKEN
#   bench/real-systems.sh freightliner -Dsut.urls.api=$API_URL -Dsut.urls.source=$SOURCE_URL \
#     -Dsut.urls.destination=$DEST_URL -Dsut.credentials.freightliner.api-key=$API_KEY
# (../shared/real/README.md starts each real system and prints these). Each run's output is kept in
# target/real-systems/<system>/<simulation>.log. One run at a time; each is bounded by the profile's
# durations (smoke: seconds) and by RUN_TIMEOUT (default 600 s).
# Usage: bench/real-systems.sh runtime|registry|packs|nebulagc|freightliner -D<option>=… …
set -euo pipefail
cd "$(dirname "$0")/.."

system=${1:?usage: bench/real-systems.sh runtime|registry|packs|nebulagc|freightliner -Dsut.url=… (or -Dsut.urls.<service>=…) [-D…]}
shift
case "$system" in
  runtime|registry|packs|nebulagc|freightliner) ;;
  *) echo "unknown system '$system': runtime, registry, packs, nebulagc or freightliner" >&2; exit 2 ;;
esac
[ $# -gt 0 ] || { echo "give the system's URL: -Dsut.url=http://host:port (or -Dsut.urls.<service>=… for each service)" >&2; exit 2; }

classes=$(./mvnw -q test-compile exec:java@simulations | grep "^loadsuite\.$system\.")
logs=target/real-systems/$system
mkdir -p "$logs"

# The first cause of a failed or stopped run, from its output.
first_cause() {
  local log=$1 line
  line=$(grep -m1 -o 'STOPPED BEFORE ANY LOAD WAS SENT.*' "$log" || true)
  # Gatling's errors of the whole run: the last "---- Errors ----" block, first entry
  [ -n "$line" ] || line=$(awk '/^---- Errors ----/ { block = ""; inside = 1; next }
      inside && /^> / { if (block == "") block = $0; next }
      inside { inside = 0 }
      END { print block }' "$log" | sed -E 's/^> //; s/[[:space:]]+[0-9]+[[:space:]]+\([0-9.,]+%\)$//')
  [ -n "$line" ] || line=$(grep -m1 -E '^Goal missed:|: false \(actual' "$log" || true)
  [ -n "$line" ] || line="no cause found: see $log"
  echo "$line"
}

printf '%-48s %-8s %s\n' simulation verdict "first cause"
for class in $classes; do
  log=$logs/${class##*.}.log
  status=0
  timeout "${RUN_TIMEOUT:-600}" ./mvnw gatling:test -Dgatling.simulationClass="$class" -Dprofile=smoke -Dsut.mode=external "$@" \
    >"$log" 2>&1 || status=$?
  if [ "$status" -eq 0 ]; then
    printf '%-48s %-8s %s\n' "${class##*.}" PASSED ""
  elif grep -q 'STOPPED BEFORE ANY LOAD WAS SENT' "$log"; then
    printf '%-48s %-8s %s\n' "${class##*.}" STOPPED "$(first_cause "$log")"
  else
    printf '%-48s %-8s %s\n' "${class##*.}" FAILED "$(first_cause "$log")"
  fi
done
