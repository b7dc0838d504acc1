#!/usr/bin/env bash
# 1 GiB through the secure hub over loopback HTTP (upload = stream + encrypt + store; download =
# read + decrypt + stream), cold (first transfer in a fresh JVM) and warm (the next one), with the
# server's peak heap from jstat; against cp+sync, 7-Zip AES-256 and age on the same file.
# Usage: bench/hub/run.sh  (after ./mvnw package -DskipTests). Needs curl, jstat, 7z, age.
set -euo pipefail
cd "$(dirname "$0")/../.."
JAR=$PWD/target/caseshare.jar
WORK=$(mktemp -d /tmp/hub-bench.XXXX)
trap 'kill $SERVER_PID 2>/dev/null || true; kill $JSTAT_PID 2>/dev/null || true; rm -rf "$WORK"' EXIT
export CASESHARE_DATA_DIR=$WORK/data CASESHARE_KEYSET_FILE=$WORK/keys/keyset.json
PORT=18089
cli() { java -Xmx256m -jar "$JAR" "$@" >"$WORK/cli.log" 2>&1 || { cat "$WORK/cli.log"; exit 1; }; }
cli admin org create --name "Bench Council"
cli admin org create --name "Bench School" --kind SCHOOL
cli admin user create --org "Bench Council" --email s@benchcouncil.example.org --role practitioner
cli admin user create --org "Bench School" --email p@benchschool.example.org --role partner
cli admin token create --email s@benchcouncil.example.org; S=$(tail -1 "$WORK/cli.log")
cli admin token create --email p@benchschool.example.org; P=$(tail -1 "$WORK/cli.log")
head -c 1G /dev/urandom > "$WORK/in.bin"
SIZE=$(stat -c %s "$WORK/in.bin")

java -Xmx512m -jar "$JAR" --server.port=$PORT --caseshare.exchange.max-file-size=2GB >"$WORK/server.log" 2>&1 &
SERVER_PID=$!
until curl -sf "http://127.0.0.1:$PORT/actuator/health" >/dev/null; do sleep 0.5; done
jstat -gc $SERVER_PID 250 > "$WORK/jstat.log" &
JSTAT_PID=$!
API=http://127.0.0.1:$PORT/api/v1/packages
mbs() { python3 -c "print(round($SIZE/1e6/$1))"; }
transfer() {
  local id file up down
  id=$(curl -sf -H "Authorization: Bearer $S" -H 'Content-Type: application/json' -d \
    '{"recipients":["p@benchschool.example.org"],"purpose":"bench","consentLimits":"c","furtherHandling":"f","downloadLimit":1}' \
    $API | python3 -c 'import sys,json;print(json.load(sys.stdin)["id"])')
  up=$(curl -sf -o "$WORK/up.json" -w '%{time_total}' -H "Authorization: Bearer $S" -T "$WORK/in.bin" "$API/$id/files?name=in.bin")
  file=$(python3 -c 'import sys,json;print(json.load(open(sys.argv[1]))["id"])' "$WORK/up.json")
  curl -sf -H "Authorization: Bearer $S" -H 'Content-Type: application/json' -d '{}' "$API/$id/send" >/dev/null
  curl -sf -X POST -H "Authorization: Bearer $P" "$API/$id/acknowledge" >/dev/null
  down=$(curl -sf -o "$WORK/out.bin" -w '%{time_total}' -H "Authorization: Bearer $P" "$API/$id/files/$file")
  cmp -s "$WORK/in.bin" "$WORK/out.bin" || { echo "MISMATCH"; exit 1; }
  rm -f "$WORK/out.bin"
  echo "$1 upload $(mbs $up) MB/s ($up s), download $(mbs $down) MB/s ($down s)"
}
transfer "hub cold"
transfer "hub warm"
transfer "hub warm"
kill $JSTAT_PID
python3 - "$WORK/jstat.log" <<'PY'
import sys
rows=[l.split() for l in open(sys.argv[1]) if l.strip() and not l.lstrip().startswith('S0C')]
used=[(float(r[2])+float(r[3])+float(r[5])+float(r[7]))/1024 for r in rows]
print(f"server peak heap used {max(used):.0f} MiB (Xmx 512 MiB), samples {len(used)}")
PY
t() { local s e; s=$(date +%s.%N); "$@" >/dev/null 2>&1; e=$(date +%s.%N); python3 -c "print(round($e-$s,2))"; }
x=$(t sh -c "cp '$WORK/in.bin' '$WORK/copy.bin' && sync"); echo "cp+sync $(mbs $x) MB/s ($x s)"; rm -f "$WORK/copy.bin"
x=$(t 7z a -pbenchpassword -mhe=on -mx=0 "$WORK/a.7z" "$WORK/in.bin"); echo "7z a -p -mhe=on -mx=0 $(mbs $x) MB/s ($x s)"
x=$(t 7z x -pbenchpassword -o"$WORK/x" "$WORK/a.7z"); echo "7z x $(mbs $x) MB/s ($x s)"; rm -rf "$WORK/a.7z" "$WORK/x"
age-keygen -o "$WORK/age.key" 2>/dev/null; R=$(age-keygen -y "$WORK/age.key")
x=$(t age -e -r "$R" -o "$WORK/a.age" "$WORK/in.bin"); echo "age encrypt $(mbs $x) MB/s ($x s)"
x=$(t age -d -i "$WORK/age.key" -o "$WORK/a.out" "$WORK/a.age"); echo "age decrypt $(mbs $x) MB/s ($x s)"
