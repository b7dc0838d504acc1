#!/bin/sh
# Measures audit appends per second and the verification of a million entries on PostgreSQL.
# Uses an embedded PostgreSQL started by the benchmark itself, unless CASESHARE_BENCH_POSTGRES_URL
# (with _USER and _PASSWORD) points at a server. Options: -Dbench.seconds=10 -Dbench.entries=1000000
set -e
cd "$(dirname "$0")/../.."
./mvnw -q -B test-compile
exec ./mvnw -q -B org.codehaus.mojo:exec-maven-plugin:3.5.0:java -Dexec.classpathScope=test -Dexec.mainClass=org.caseshare.bench.AuditBenchmark \
  -Dexec.cleanupDaemonThreads=false "$@"
