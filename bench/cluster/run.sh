#!/bin/sh
# The cluster load benchmark (issue #16): Gatling's simulated practitioners against two nodes, then
# one node, of the packaged jar on one embedded PostgreSQL and one S3 bucket (s3proxy) behind HAProxy.
# Prints p50/p95/p99 per action, errors, throughput and each node's heap over time.
#
#   bench/cluster/run.sh [NODES ...]        default "2 1"
#   USERS=200 MINUTES=10 ACCOUNTS=200 PAUSE_MS=1000 HEAP_EVERY=10 bench/cluster/run.sh 2 1
#
# ACCOUNTS practitioners (each with an API token) are seeded through the command line; users share
# them round-robin. Heap: `jcmd <pid> GC.heap_info` (heap used) every HEAP_EVERY seconds per node.
# Needs HAProxy (apt-get install -y haproxy). Results: target/load/<n>-node/ (Gatling's HTML report too).
set -e
cd "$(dirname "$0")/../.."
USERS=${USERS:-200}
MINUTES=${MINUTES:-10}
ACCOUNTS=${ACCOUNTS:-$USERS}
PAUSE_MS=${PAUSE_MS:-1000}
HEAP_EVERY=${HEAP_EVERY:-10}
[ $# -gt 0 ] || set -- 2 1

[ -f target/caseshare.jar ] || ./mvnw -q -B -Dmaven.test.skip=true package
./mvnw -q -B -Pload test-compile dependency:build-classpath -Dmdep.outputFile=target/load-classpath.txt -Dmdep.includeScope=test
CLASSPATH="target/test-classes:target/classes:$(cat target/load-classpath.txt)"

heap_used_kb() {
  # G1 prints one "garbage-first heap ... used NK" line; the serial and parallel collectors one per generation.
  jcmd "$1" GC.heap_info 2>/dev/null | awk '/garbage-first heap|generation +total|PSYoungGen|ParOldGen/ {
    for (i = 1; i <= NF; i++) if ($i == "used") { v = $(i + 1); gsub(/[^0-9]/, "", v); s += v } } END { print s + 0 }'
}

for NODES in "$@"; do
  DIR="target/load/$NODES-node"
  rm -rf "$DIR"
  mkdir -p "$DIR"
  echo "== $NODES node(s): starting the cluster and seeding $ACCOUNTS practitioners (log: $DIR/cluster.log)"
  java -cp "$CLASSPATH" org.caseshare.system.LoadCluster "$DIR" "$NODES" "$ACCOUNTS" > "$DIR/cluster.log" 2>&1 &
  CLUSTER=$!
  while [ ! -f "$DIR/ready" ]; do
    if ! kill -0 "$CLUSTER" 2>/dev/null; then
      tail -40 "$DIR/cluster.log"
      echo "The cluster did not start." >&2
      exit 1
    fi
    sleep 1
  done

  PIDS=$(sed -n 's/^nodes=//p' "$DIR/cluster.properties" | tr ',' ' ')
  START=$(date +%s)
  (
    while [ ! -f "$DIR/stop" ]; do
      for NODE in $PIDS; do
        echo "$(( $(date +%s) - START )) ${NODE%%=*} $(heap_used_kb "${NODE#*=}")" >> "$DIR/heap.txt"
      done
      sleep "$HEAP_EVERY"
    done
  ) &
  SAMPLER=$!

  echo "== $NODES node(s): $USERS users for $MINUTES minutes"
  ./mvnw -q -B -Pload gatling:test -Dload.dir="$DIR" -Dload.users="$USERS" -Dload.minutes="$MINUTES" \
    -Dload.pauseMs="$PAUSE_MS" > "$DIR/gatling.log" 2>&1 || true
  sed -n 's|.*file://\(.*\)/index.html.*|\1|p' "$DIR/gatling.log" | tail -1 > "$DIR/report.txt"
  touch "$DIR/stop"
  wait "$SAMPLER" || true
  wait "$CLUSTER" || true
  python3 bench/cluster/summary.py "$DIR" "$NODES" | tee "$DIR/summary.txt"
done
