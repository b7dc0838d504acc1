#!/bin/sh
# The audit trail's cost on real work: a share recorded and its checklist completed, at 1 to 64
# writers, with and without the trail (ShareRecordBenchmark). Option: -Dbench.seconds=10
set -e
cd "$(dirname "$0")/../.."
./mvnw -q -B test-compile
exec ./mvnw -q -B org.codehaus.mojo:exec-maven-plugin:3.5.0:java -Dexec.classpathScope=test -Dexec.mainClass=org.caseshare.bench.ShareRecordBenchmark \
  -Dexec.cleanupDaemonThreads=false "$@"
