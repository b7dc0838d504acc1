#!/usr/bin/env bash
# 1 GiB through the secure hub over loopback HTTP (upload = stream + encrypt + store; download =
# read + decrypt + stream), cold (first transfer in a fresh JVM) and warm (the next ones), with the
# server's peak heap from jstat; against cp+sync, 7-Zip AES-256 and age on the same file, measured
# before AND after the hub in the same run (this machine's disk and CPU speeds drift by 2-3x over
# minutes, so a reference measured once can flatter or damn the hub), then the ratios.
# Usage: bench/hub/run.sh  (after ./mvnw package -DskipTests). Needs curl, jstat, 7z, age.
#   BENCH_DIR=/dev/shm bench/hub/run.sh   puts the file, the data folder and the copies on tmpfs: the
#   same measurement without the disk, to see what the software path itself does.
set -euo pipefail
cd "$(dirname "$0")/../.."
JAR=$PWD/target/caseshare.jar
. bench/hub/common.sh
t() { local s e; s=$(date +%s.%N); "$@" >/dev/null 2>&1; e=$(date +%s.%N); python3 -c "print(round($e-$s,3))"; }
references() {
  local x
  x=$(t sh -c "cp '$WORK/in.bin' '$WORK/copy.bin' && sync"); echo "cp+sync ($1) $(mbs $x) MB/s ($x s)"; rm -f "$WORK/copy.bin"
  echo "$x" >> "$WORK/cp.times"
  x=$(t 7z a -pbenchpassword -mhe=on -mx=0 "$WORK/a.7z" "$WORK/in.bin"); echo "7z a -p -mhe=on -mx=0 ($1) $(mbs $x) MB/s ($x s)"
  echo "$x" >> "$WORK/7z.times"
  x=$(t 7z x -pbenchpassword -o"$WORK/x" "$WORK/a.7z"); echo "7z x ($1) $(mbs $x) MB/s ($x s)"; rm -rf "$WORK/a.7z" "$WORK/x"
}
start_hub 1G 512m 2GB 18089
references before
: > "$WORK/hub.times"
transfer "hub cold"
for i in 1 2 3; do transfer "hub warm"; done
peak_heap
references after
age-keygen -o "$WORK/age.key" 2>/dev/null; R=$(age-keygen -y "$WORK/age.key")
x=$(t age -e -r "$R" -o "$WORK/a.age" "$WORK/in.bin"); echo "age encrypt $(mbs $x) MB/s ($x s)"
x=$(t age -d -i "$WORK/age.key" -o "$WORK/a.out" "$WORK/a.age"); echo "age decrypt $(mbs $x) MB/s ($x s)"
python3 - "$WORK" <<'PY'
import sys, statistics
w = sys.argv[1]
read = lambda name: [float(l) for l in open(f"{w}/{name}") if l.strip()]
up = [float(l.split()[1]) for l in open(f"{w}/hub.times")]
cold, warm = up[0], up[1:]
cp, z = read("cp.times"), read("7z.times")
m = statistics.median
print(f"ratios (time of the reference / time of the hub upload; medians of warm runs and of the two reference runs):")
print(f"  warm upload vs 7-Zip      {m(z)/m(warm):.2f}x (goal >= 3)   cold {m(z)/cold:.2f}x")
print(f"  warm upload vs cp+sync    {m(cp)/m(warm):.2f}x (goal >= 0.5) cold {m(cp)/cold:.2f}x")
PY
