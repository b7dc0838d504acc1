#!/bin/sh
# With an SMTP server that accepts connections and never answers: how long an invitation (which
# emails) and another organisation's audited change take. Embedded H2 in a temporary folder.
# Option: -Dbench.rounds=50
set -e
cd "$(dirname "$0")/../.."
./mvnw -q -B test-compile
exec ./mvnw -q -B org.codehaus.mojo:exec-maven-plugin:3.5.0:java -Dexec.classpathScope=test -Dexec.mainClass=org.caseshare.bench.HungSmtpBenchmark \
  -Dexec.cleanupDaemonThreads=false "$@"
