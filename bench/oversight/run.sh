#!/bin/sh
# Times the oversight dashboard's figures for a year on PostgreSQL with a million records in one organisation.
# Uses an embedded PostgreSQL started by the benchmark itself, unless CASESHARE_BENCH_POSTGRES_URL
# (with _USER and _PASSWORD) points at a server. Options: -Dbench.records=1000000 -Dbench.runs=30
set -e
cd "$(dirname "$0")/../.."
./mvnw -q -B test-compile
exec ./mvnw -q -B org.codehaus.mojo:exec-maven-plugin:3.5.0:java -Dexec.classpathScope=test \
  -Dexec.mainClass=org.caseshare.bench.OversightBenchmark -Dexec.cleanupDaemonThreads=false "$@"
