#!/usr/bin/env bash
# Measures, on this machine, in one run:
#  1. the sustained workload at the nightly rate against the embedded stand-in (planned vs
#     achieved rate, p95/p99: the suite's run report);
#  2. wrk against the runtime stand-in running on its own, beside wrk against nginx serving the
#     same trivial GET (the stand-in must not be what limits the runtime simulations);
#  3. the sustained workload (100 connections) against that same stand-in at each rate given, each
#     step's verdict, schedule lag p99 (and its part that is the generator's own, after the
#     connection was free), the generator's CPU and the machine's load average; then the
#     highest rate held (achieved >= 98 % of planned, no failed request, at that rate and every one
#     below), the highest rate on time (schedule lag p99 under 10 ms, same), and the on-time rate
#     divided by wrk's (how much of what the stand-in can answer the suite sends on time), and the
#     highest rate at which the generator's own part of the lag stays under 10 ms at p99.
# Needs wrk, and nginx for its comparison (Debian: apt-get install wrk nginx-light; without nginx
# that line is skipped). Loopback only; every run is bounded in time; everything started here is
# stopped on exit.
# Usage: [STEP_DURATION=20s] bench/capacity.sh [rates...]   (default: 5000 10000 20000 30000 40000)
set -euo pipefail
cd "$(dirname "$0")/.."

if [ $# -gt 0 ]; then RATES=("$@"); else RATES=(5000 10000 20000 30000 40000); fi
STEP_DURATION=${STEP_DURATION:-20s}
WRK_DURATION=${WRK_DURATION:-15s}
. bench/lib.sh

command -v wrk >/dev/null || { echo "wrk is missing: apt-get install wrk" >&2; exit 1; }

gatling() { ./mvnw -q -B gatling:test -Dgatling.simulationClass=loadsuite.runtime.RuntimeSustainedSimulation "$@"; }

./mvnw -q -B test-compile
./mvnw -q -B dependency:build-classpath -Dmdep.outputFile="$work/cp.txt" >/dev/null

echo "== 1. sustained, nightly profile, embedded stand-in"
gatling -Dprofile=nightly | sed -n '/^---- runtime.sustained/,/^$/p'

echo "== 2. wrk -t1 -c100 -d$WRK_DURATION, GET of a small JSON body"
port=$(free_port)
java -cp "target/test-classes:$(cat "$work/cp.txt")" loadsuite.runtime.standin.RuntimeStandIn 127.0.0.1 "$port" > "$work/standin.log" 2>&1 &
pids+=($!)
standin="http://127.0.0.1:$port"
wait_for "$standin/health"

# the stand-in's JIT warms up before it is measured, as the simulations' warm-up does
wrk -t1 -c100 -d5s "$standin/simple" > /dev/null
standin_rate=$(wrk -t1 -c100 -d"$WRK_DURATION" "$standin/simple" | awk '/Requests\/sec/ {print $2}')
echo "runtime stand-in (Undertow): $standin_rate req/s, load average $(cut -d" " -f1-3 /proc/loadavg)"
if command -v nginx >/dev/null; then
  nginx_port=$(free_port)
  mkdir -p "$work/nginx/logs"
  cat > "$work/nginx/nginx.conf" <<EOF
worker_processes 1;
daemon off;
pid $work/nginx/nginx.pid;
error_log $work/nginx/logs/error.log;
events { worker_connections 1024; }
http {
  access_log off;
  server {
    listen 127.0.0.1:$nginx_port;
    location = /simple { default_type application/json; return 200 '{"message":"Hello, World!"}'; }
  }
}
EOF
  nginx -p "$work/nginx" -c "$work/nginx/nginx.conf" &
  pids+=($!)
  wait_for "http://127.0.0.1:$nginx_port/simple"
  nginx_rate=$(wrk -t1 -c100 -d"$WRK_DURATION" "http://127.0.0.1:$nginx_port/simple" | awk '/Requests\/sec/ {print $2}')
  echo "nginx (1 worker):            $nginx_rate req/s"
else
  echo "nginx: not installed, skipped"
fi

echo "== 3. highest constant rate the suite sustains against the same stand-in ($STEP_DURATION a step)"
# held: achieved >= 98 % of planned and no failed request (the lag goal of nightly is lifted here:
# it is judged on its own, as the on-time rate); on time: lag p99 under 10 ms at that rate and every
# rate below; the generator on time: the same for its own part of the lag (from due and a connection
# free, to sent: its wake-ups, not the system's answers). Every rate given is run; the load average
# is printed beside each, as the machine is shared.
best=none
on_time=none
own_on_time=none
held_ok=yes
lag_ok=yes
own_ok=yes
for rate in "${RATES[@]}"; do
  if out=$(gatling -Dprofile=nightly -Dsut.mode=external -Dsut.url="$standin" \
      -Druntime.sustained.rate="$rate/s" -Druntime.sustained.duration="$STEP_DURATION" \
      -Druntime.sustained.goals.global.p95=60000ms -Druntime.sustained.goals.global.failed=0% \
      -Druntime.sustained.goals.global.lag.p99=60000ms \
      -Druntime.sustained.goals.global.throughput=98% 2>&1); then verdict=held; else verdict=missed; fi
  if [ "$held_ok" = yes ] && [ "$verdict" = held ]; then best=$rate; else held_ok=no; fi
  summary=$(printf '%s\n' "$out" | grep -E '^(achieved|all requests|schedule lag)' | tr -s ' ' | paste -sd ';' -)
  lag_p99=$(printf '%s\n' "$out" | sed -n 's/^schedule lag .* p99 \([0-9.]*\) ms.*/\1/p')
  own_p99=$(printf '%s\n' "$out" | sed -n "s/^  of which the generator's own .* p99 \([0-9.]*\) ms.*/\1/p")
  cpu=$(printf '%s\n' "$out" | sed -n 's/^load generator: CPU \([0-9]* % of [0-9]* cores\) on average.*/\1/p')
  if [ "$lag_ok" = yes ] && [ -n "$lag_p99" ] && awk "BEGIN {exit !($lag_p99 < 10)}"; then on_time=$rate; else lag_ok=no; fi
  if [ "$own_ok" = yes ] && [ -n "$own_p99" ] && awk "BEGIN {exit !($own_p99 < 10)}"; then own_on_time=$rate; else own_ok=no; fi
  echo "$rate/s: $verdict, lag p99 ${lag_p99:-?} ms (the generator's own ${own_p99:-?} ms), generator CPU ${cpu:-?}, load average $(cut -d' ' -f1-3 /proc/loadavg)  [$summary]"
done
echo "wrk against the same stand-in: $standin_rate req/s"
echo "highest rate held (achieved >= 98 % of planned, no failure, and at every rate below): $best/s"
echo "highest rate on time (lag p99 under 10 ms, and at every rate below): $on_time/s"
if [ "$on_time" = none ]; then ratio=0; else ratio=$(awk "BEGIN {printf \"%.2f\", $on_time / $standin_rate}"); fi
echo "on-time rate / wrk's rate: $ratio"
echo "highest rate the generator is on time (its own part of the lag p99 under 10 ms, and at every rate below): $own_on_time/s"
