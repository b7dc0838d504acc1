#!/usr/bin/env bash
# 1 GiB through the secure hub over loopback HTTP (upload = stream + encrypt + store; download =
# read + decrypt + stream), cold (first transfer in a fresh JVM) and warm (the next one), with the
# server's peak heap from jstat; against cp+sync, 7-Zip AES-256 and age on the same file.
# Usage: bench/hub/run.sh  (after ./mvnw package -DskipTests). Needs curl, jstat, 7z, age.
set -euo pipefail
cd "$(dirname "$0")/../.."
JAR=$PWD/target/caseshare.jar
. bench/hub/common.sh
start_hub 1G 512m 2GB 18089
transfer "hub cold"
transfer "hub warm"
transfer "hub warm"
peak_heap
t() { local s e; s=$(date +%s.%N); "$@" >/dev/null 2>&1; e=$(date +%s.%N); python3 -c "print(round($e-$s,2))"; }
x=$(t sh -c "cp '$WORK/in.bin' '$WORK/copy.bin' && sync"); echo "cp+sync $(mbs $x) MB/s ($x s)"; rm -f "$WORK/copy.bin"
x=$(t 7z a -pbenchpassword -mhe=on -mx=0 "$WORK/a.7z" "$WORK/in.bin"); echo "7z a -p -mhe=on -mx=0 $(mbs $x) MB/s ($x s)"
x=$(t 7z x -pbenchpassword -o"$WORK/x" "$WORK/a.7z"); echo "7z x $(mbs $x) MB/s ($x s)"; rm -rf "$WORK/a.7z" "$WORK/x"
age-keygen -o "$WORK/age.key" 2>/dev/null; R=$(age-keygen -y "$WORK/age.key")
x=$(t age -e -r "$R" -o "$WORK/a.age" "$WORK/in.bin"); echo "age encrypt $(mbs $x) MB/s ($x s)"
x=$(t age -d -i "$WORK/age.key" -o "$WORK/a.out" "$WORK/a.age"); echo "age decrypt $(mbs $x) MB/s ($x s)"
