#!/usr/bin/env bash
# The issue's streaming check: a 4 GiB file up and down through the hub over loopback HTTP with the
# server at -Xmx256m, compared byte for byte, with the server's peak heap from jstat.
# Usage: bench/hub/four-gib.sh [jar]  (after ./mvnw package -DskipTests). Needs curl, jstat, ~13 GiB of /tmp.
set -euo pipefail
cd "$(dirname "$0")/../.."
JAR=${1:-$PWD/target/caseshare.jar}
. bench/hub/common.sh
start_hub 4G 256m 5GB 18090
transfer "hub 4 GiB"
peak_heap
