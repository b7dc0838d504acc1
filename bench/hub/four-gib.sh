#!/usr/bin/env bash
# The issue's streaming check: a 4 GiB file up and down through the hub over loopback HTTP with the
# server at -Xmx256m, compared byte for byte, with the server's peak heap from jstat.
# Usage: bench/hub/four-gib.sh [jar]  (after ./mvnw package -DskipTests). Needs curl, jstat, ~13 GiB of /tmp.
set -euo pipefail
cd "$(dirname "$0")/../.."
JAR=${1:-$PWD/target/caseshare.jar}
WORK=$(mktemp -d /tmp/hub-4g.XXXX)
trap 'kill $SERVER_PID 2>/dev/null || true; kill $JSTAT_PID 2>/dev/null || true; rm -rf "$WORK"' EXIT
export CASESHARE_DATA_DIR=$WORK/data CASESHARE_KEYSET_FILE=$WORK/keys/keyset.json
PORT=18090
cli() { java -Xmx256m -jar "$JAR" "$@" >"$WORK/cli.log" 2>&1 || { cat "$WORK/cli.log"; exit 1; }; }
cli admin org create --name "Bench Council"
cli admin org create --name "Bench School" --kind SCHOOL
cli admin user create --org "Bench Council" --email s@benchcouncil.example.org --role practitioner
cli admin user create --org "Bench School" --email p@benchschool.example.org --role partner
cli admin token create --email s@benchcouncil.example.org; S=$(tail -1 "$WORK/cli.log")
cli admin token create --email p@benchschool.example.org; P=$(tail -1 "$WORK/cli.log")
head -c 4G /dev/urandom > "$WORK/in.bin"
SIZE=$(stat -c %s "$WORK/in.bin")

java -Xmx256m -jar "$JAR" --server.port=$PORT --caseshare.exchange.max-file-size=5GB >"$WORK/server.log" 2>&1 &
SERVER_PID=$!
until curl -sf "http://127.0.0.1:$PORT/actuator/health" >/dev/null; do sleep 0.5; done
jstat -gc $SERVER_PID 250 > "$WORK/jstat.log" &
JSTAT_PID=$!
API=http://127.0.0.1:$PORT/api/v1/packages
id=$(curl -sf -H "Authorization: Bearer $S" -H 'Content-Type: application/json' -d \
  '{"recipients":["p@benchschool.example.org"],"purpose":"bench","consentLimits":"c","furtherHandling":"f","downloadLimit":1}' \
  $API | python3 -c 'import sys,json;print(json.load(sys.stdin)["id"])')
up=$(curl -sf -o "$WORK/up.json" -w '%{time_total}' -H "Authorization: Bearer $S" -T "$WORK/in.bin" "$API/$id/files?name=in.bin")
file=$(python3 -c 'import sys,json;print(json.load(open(sys.argv[1]))["id"])' "$WORK/up.json")
curl -sf -H "Authorization: Bearer $S" -H 'Content-Type: application/json' -d '{}' "$API/$id/send" >/dev/null
curl -sf -X POST -H "Authorization: Bearer $P" "$API/$id/acknowledge" >/dev/null
down=$(curl -sf -o "$WORK/out.bin" -w '%{time_total}' -H "Authorization: Bearer $P" "$API/$id/files/$file")
cmp -s "$WORK/in.bin" "$WORK/out.bin" && echo "4 GiB round trip identical" || { echo "MISMATCH"; exit 1; }
echo "upload $(python3 -c "print(round($SIZE/1e6/$up))") MB/s ($up s), download $(python3 -c "print(round($SIZE/1e6/$down))") MB/s ($down s)"
kill $JSTAT_PID
python3 - "$WORK/jstat.log" <<'PY'
import sys
rows=[l.split() for l in open(sys.argv[1]) if l.strip() and not l.lstrip().startswith('S0C')]
used=[(float(r[2])+float(r[3])+float(r[5])+float(r[7]))/1024 for r in rows]
print(f"server peak heap used {max(used):.0f} MiB (-Xmx256m), samples {len(used)}")
PY
