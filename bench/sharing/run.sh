#!/bin/sh
# Times the sharing register's searches on PostgreSQL with a million records in one organisation.
# Uses an embedded PostgreSQL started by the benchmark itself, unless CASESHARE_BENCH_POSTGRES_URL
# (with _USER and _PASSWORD) points at a server. Options: -Dbench.records=1000000 -Dbench.runs=200
# -Dbench.only=<text> (only the queries whose label contains it)
set -e
cd "$(dirname "$0")/../.."
./mvnw -q -B test-compile
exec ./mvnw -q -B org.codehaus.mojo:exec-maven-plugin:3.5.0:java -Dexec.classpathScope=test \
  -Dexec.mainClass=org.caseshare.bench.SharingSearchBenchmark -Dexec.cleanupDaemonThreads=false "$@"
