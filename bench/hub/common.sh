# Shared by bench/hub/run.sh and four-gib.sh: a fresh data folder and keyset, a council practitioner
# and a school partner with API tokens ($S, $P), a random input file ($WORK/in.bin, $SIZE bytes), and
# the hub started from $JAR ($SERVER_PID) with jstat sampling its heap ($JSTAT_PID).
# Usage: start_hub <file size for head -c> <server -Xmx> <max file size> <port>; then transfer <label>
# (one package up and down, compared byte for byte) as often as wanted, then peak_heap.
start_hub() {
  WORK=$(mktemp -d "${BENCH_DIR:-/tmp}/hub-bench.XXXX")
  trap 'kill $SERVER_PID 2>/dev/null || true; kill $JSTAT_PID 2>/dev/null || true; rm -rf "$WORK"' EXIT
  export CASESHARE_DATA_DIR=$WORK/data CASESHARE_KEYSET_FILE=$WORK/keys/keyset.json
  PORT=$4
  cli() { java -Xmx256m -jar "$JAR" "$@" >"$WORK/cli.log" 2>&1 || { cat "$WORK/cli.log"; exit 1; }; }
  cli admin org create --name "Bench Council"
  cli admin org create --name "Bench School" --kind SCHOOL
  cli admin user create --org "Bench Council" --email s@benchcouncil.example.org --role practitioner
  cli admin user create --org "Bench School" --email p@benchschool.example.org --role partner
  cli admin token create --email s@benchcouncil.example.org; S=$(tail -1 "$WORK/cli.log")
  cli admin token create --email p@benchschool.example.org; P=$(tail -1 "$WORK/cli.log")
  head -c "$1" /dev/urandom > "$WORK/in.bin"
  SIZE=$(stat -c %s "$WORK/in.bin")
  XMX=$2
  java -Xmx"$2" -jar "$JAR" --server.port=$PORT --caseshare.exchange.max-file-size="$3" >"$WORK/server.log" 2>&1 &
  SERVER_PID=$!
  until curl -sf "http://127.0.0.1:$PORT/actuator/health" >/dev/null; do sleep 0.5; done
  jstat -gc $SERVER_PID 250 > "$WORK/jstat.log" &
  JSTAT_PID=$!
  API=http://127.0.0.1:$PORT/api/v1/packages
}

mbs() { python3 -c "print(round($SIZE/1e6/$1))"; }
transfer() {
  # Every package a practitioner sends names its sharing record (ADR 0008, decision 4): each transfer
  # records a routine share by the secure hub through the register's API and ticks its checklist, then
  # sends the package under it (the record gives the purpose, the consent and the recipient).
  json_get() { python3 -c 'import sys,json;print(json.load(sys.stdin)[sys.argv[1]])' "$1"; }
  local id file up down record safeguard
  local SHARES=http://127.0.0.1:$PORT/api/v1/sharing-records
  curl -sf -H "Authorization: Bearer $S" -H 'Content-Type: application/json' -d '{"direction":"WE_SHARE",
    "subjects":[{"name":"Bench Pupil","reference":"B-1"}],"information":"Benchmark file","categories":["PERSONAL"],
    "marking":"OFFICIAL","urgency":"ROUTINE","purpose":"bench","necessity":"bench","lawfulBasis":"PUBLIC_TASK",
    "consentSought":false,"consentNotSought":"WOULD_CAUSE_DELAY","decision":"SHARE","decisionReasons":"bench",
    "channel":"SECURE_HUB","recipientType":"SCHOOL","recipientOrganisation":"Bench School","recipientName":"Bench Partner",
    "recipientEmail":"p@benchschool.example.org","personInformed":"YES"}' "$SHARES" > "$WORK/record.json" \
    || { echo "the sharing record was refused"; exit 1; }
  record=$(json_get id < "$WORK/record.json")
  for safeguard in $(python3 -c 'import sys,json;print(" ".join(s["id"] for s in json.load(sys.stdin)["policy"]["safeguards"]))' < "$WORK/record.json"); do
    curl -sf -X POST -H "Authorization: Bearer $S" "$SHARES/$record/safeguards/$safeguard/confirm" >/dev/null
  done
  id=$(curl -sf -H "Authorization: Bearer $S" -H 'Content-Type: application/json' -d \
    '{"sharingRecordId":"'"$record"'","furtherHandling":"f","downloadLimit":1}' $API | json_get id)
  up=$(curl -sf -o "$WORK/up.json" -w '%{time_total}' -H "Authorization: Bearer $S" -T "$WORK/in.bin" "$API/$id/files?name=in.bin")
  file=$(json_get id < "$WORK/up.json")
  curl -sf -H "Authorization: Bearer $S" -H 'Content-Type: application/json' -d '{}' "$API/$id/send" >/dev/null
  curl -sf -X POST -H "Authorization: Bearer $P" "$API/$id/acknowledge" >/dev/null
  down=$(curl -sf -o "$WORK/out.bin" -w '%{time_total}' -H "Authorization: Bearer $P" "$API/$id/files/$file")
  cmp -s "$WORK/in.bin" "$WORK/out.bin" || { echo "MISMATCH"; exit 1; }
  rm -f "$WORK/out.bin"
  echo "$1 upload $(mbs $up) MB/s ($up s), download $(mbs $down) MB/s ($down s)"
  [ -n "${WORK:-}" ] && echo "upload $up download $down" >> "$WORK/hub.times"
}

peak_heap() {
  kill $JSTAT_PID
  python3 - "$WORK/jstat.log" "$XMX" <<'PY'
import sys
rows=[l.split() for l in open(sys.argv[1]) if l.strip() and not l.lstrip().startswith('S0C')]
used=[(float(r[2])+float(r[3])+float(r[5])+float(r[7]))/1024 for r in rows]
print(f"server peak heap used {max(used):.0f} MiB (-Xmx{sys.argv[2]}), samples {len(used)}")
PY
}
