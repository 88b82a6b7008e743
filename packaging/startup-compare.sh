#!/usr/bin/env bash
# Start-up before/after, interleaved: each variant starts once per round (packaging/startup-times.sh -n 1),
# so a change of machine load hits every variant alike. Prints "variant ms-after-JVM-start CPU-ms" per
# start, then min/median/max per variant.
#   packaging/startup-compare.sh ROUNDS [--cold] NAME=COMMAND ...
# e.g. packaging/startup-compare.sh 7 before=/work/before/target/dist/SitePlanner/bin/SitePlanner \
#        after=target/dist/SitePlanner/bin/SitePlanner "after_jar=java -jar target/siteplanner.jar"
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
rounds="$1"; shift
cold=()
if [ "${1:-}" = --cold ]; then cold=(--cold); shift; fi
[ $# -gt 0 ] || { echo "usage: $0 ROUNDS [--cold] NAME=COMMAND ..." >&2; exit 2; }
out="$(mktemp)"
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
for r in $(seq "$rounds"); do
  for v in "$@"; do
    name="${v%%=*}"; cmd="${v#*=}"
    # shellcheck disable=SC2086 # the command is words
    line="$(bash "$here/startup-times.sh" -n 1 "${cold[@]}" -- $cmd 2>&1 | grep '^run 1' || true)"
    figures="$(printf '%s' "$line" | sed -n 's/.*drawn at \([0-9]*\) ms.*CPU \([0-9?]*\) ms.*/\1 \2/p')"
    echo "$name ${figures:-failed}" | tee -a "$out"
  done
done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
for v in "$@"; do
  name="${v%%=*}"
  awk -v n="$name" '$1 == n && $2 ~ /^[0-9]+$/ { print $2, $3 }' "$out" | sort -n | awk -v n="$name" '
    { a[NR] = $1; c[NR] = $2 } END { if (NR == 0) exit;
      m = (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2;
      printf "%-20s %d starts: drawn, scored demo min %d  median %d  max %d ms\n", n, NR, a[1], m, a[NR] }'
done
rm -f "$out"
