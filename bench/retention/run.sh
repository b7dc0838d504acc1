#!/bin/sh
# Deletes 100,000 due register records by the retention path (listing, then a DPO's "approve all")
# on an embedded PostgreSQL started by the benchmark itself, while another thread records shares
# continuously; prints the deletion rate and the other writes' p50/p95/max, alone and during it.
# Options: -Dbench.records=100000 -Dbench.baseline-seconds=20
set -e
cd "$(dirname "$0")/../.."
./mvnw -q -B -o test-compile -Dcyclonedx.skip -Djdeb.skip
exec ./mvnw -q -B -o org.codehaus.mojo:exec-maven-plugin:3.5.0:java -Dexec.classpathScope=test \
  -Dexec.mainClass=org.caseshare.bench.RetentionBenchmark -Dexec.cleanupDaemonThreads=false "$@"
