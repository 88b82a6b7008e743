#!/usr/bin/env bash
# Launch-to-map times with the start-up probe (-Dsiteplanner.startupProbe=true): the app prints when the
# scored demo is first drawn, measured from JVM start, and quits. Needs xvfb-run (apt-get install xvfb xauth).
#   packaging/startup-times.sh [-n RUNS] [--cold] [-- COMMAND ...]
# COMMAND defaults to "java -jar target/siteplanner.jar"; for the installed app use "-- /opt/siteplanner/bin/SitePlanner".
# --cold: every run is a first start of a new user: an empty user.home (JavaFX native cache, preferences,
# CDS archive written by the launcher) and an empty java.io.tmpdir (GeoTools' unpacked EPSG database).
# The OS page cache is not dropped. Prints every run, then min/median/max of the probe time, of the
# process's CPU time (user + system, all threads) at that moment, and of the whole process (wall clock from
# start to exit), and the load average before and after: on a shared machine the CPU time is the steadier
# figure, the wall-clock time grows with the load.
set -euo pipefail
runs=5; cold=0
while [ $# -gt 0 ]; do
  case "$1" in
    -n) runs="$2"; shift 2 ;;
    --cold) cold=1; shift ;;
    --) shift; break ;;
    *) echo "usage: $0 [-n RUNS] [--cold] [-- COMMAND ...]" >&2; exit 2 ;;
  esac
done
[ $# -gt 0 ] || set -- java -jar target/siteplanner.jar
probe=(); cpu=(); wall=()
load0="$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || true)"
for i in $(seq "$runs"); do
  opts="-Dsiteplanner.startupProbe=true"
  scratch=""
  if [ "$cold" = 1 ]; then
    scratch="$(mktemp -d)"; mkdir -p "$scratch/home" "$scratch/tmp"
    opts="$opts -Duser.home=$scratch/home -Djava.io.tmpdir=$scratch/tmp"
  fi
  log="$(mktemp)"
  t0=$(date +%s%N)
  JAVA_TOOL_OPTIONS="$opts" xvfb-run -a -s "-screen 0 1600x1000x24" "$@" >"$log" 2>&1 || true
  t1=$(date +%s%N)
  line="$(grep -m1 'startup: render [0-9]* (scored demo) at' "$log" || true)"
  ms="$(printf '%s' "$line" | sed -n 's/.* at \([0-9]*\) ms after JVM start.*/\1/p')"
  c="$(printf '%s' "$line" | sed -n 's/.*, CPU \([0-9]*\) ms.*/\1/p')"
  if [ -z "$ms" ]; then echo "run $i: no probe line; output:" >&2; cat "$log" >&2; exit 1; fi
  w=$(( (t1 - t0) / 1000000 ))
  echo "run $i: scored demo drawn at $ms ms after JVM start, CPU ${c:-?} ms; process $w ms"
  probe+=("$ms"); wall+=("$w"); [ -z "$c" ] || cpu+=("$c")
  rm -f "$log"; [ -z "$scratch" ] || rm -rf "$scratch"
done
stats() { sort -n | awk '{a[NR]=$1} END {m = (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2;
  printf "min %d  median %d  max %d ms (%d runs)\n", a[1], m, a[NR], NR}'; }
echo -n "drawn, scored demo: "; printf '%s\n' "${probe[@]}" | stats
[ ${#cpu[@]} -eq 0 ] || { echo -n "CPU time by then:   "; printf '%s\n' "${cpu[@]}" | stats; }
echo -n "whole process:      "; printf '%s\n' "${wall[@]}" | stats
echo "load average before: $load0; after: $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || true)"
