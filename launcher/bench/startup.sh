#!/usr/bin/env bash
# Startup benchmark (not a test): median time from `java -jar loumen.jar` to the first 200 on /api/v1/health over
# RUNS restarts on one data folder, the first start on an empty folder, and the resident memory after start.
# Usage: [JAVA_OPTS="-XX:+UseSerialGC ..."] launcher/bench/startup.sh [RUNS]   (build first: mvn -B package -DskipTests)
set -euo pipefail
cd "$(dirname "$0")/../.."
JAR=launcher/target/loumen.jar
RUNS=${1:-5}
[ -f "$JAR" ] || { echo "no $JAR: build first (mvn -B package -DskipTests)" >&2; exit 1; }
DATA=$(mktemp -d)
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
PID=""
trap '[ -n "$PID" ] && kill $PID 2>/dev/null; rm -rf "$DATA"' EXIT

now_ms() { date +%s%3N; }

# one start: prints "ms_to_first_200 ms_to_UP rss_kb"
one() {
  local t0 t1 t2 rss
  t0=$(now_ms)
  java ${JAVA_OPTS:-} -jar "$JAR" --host 127.0.0.1 --port "$PORT" --data "$DATA" >"$DATA/bench-$1.log" 2>&1 &
  PID=$!
  until curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$PORT/api/v1/health" 2>/dev/null | grep -q 200; do
    kill -0 $PID 2>/dev/null || { echo "loumen exited; see $DATA/bench-$1.log" >&2; cat "$DATA/bench-$1.log" >&2; exit 1; }
    sleep 0.02
  done
  t1=$(now_ms)
  until curl -s "http://127.0.0.1:$PORT/api/v1/health" | grep -q '"status":"UP"'; do sleep 0.02; done
  t2=$(now_ms)
  sleep 2
  rss=$(awk '/VmRSS/ {print $2}' /proc/$PID/status)
  kill -TERM $PID; wait $PID 2>/dev/null || true
  echo "$((t1 - t0)) $((t2 - t0)) $rss"
}

median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : int((a[NR/2]+a[NR/2+1])/2))}'; }

first=$(one first)
echo "first start (empty data folder): first 200 after $(echo $first | cut -d' ' -f1) ms, UP after $(echo $first | cut -d' ' -f2) ms"
results=()
for i in $(seq 1 "$RUNS"); do
  r=$(one "$i"); results+=("$r")
  echo "run $i: first 200 after $(echo $r | cut -d' ' -f1) ms, UP after $(echo $r | cut -d' ' -f2) ms, RSS $(( $(echo $r | cut -d' ' -f3) / 1024 )) MB"
done
printf '%s\n' "${results[@]}" | cut -d' ' -f1 | median | xargs printf 'median to first 200 on health: %s ms\n'
printf '%s\n' "${results[@]}" | cut -d' ' -f2 | median | xargs printf 'median to status UP: %s ms\n'
printf '%s\n' "${results[@]}" | cut -d' ' -f3 | median | awk '{printf "median RSS after start: %d MB\n", $1/1024}'
echo "machine: $(nproc) cores, $(java -version 2>&1 | head -1)"
