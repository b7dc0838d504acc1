#!/bin/sh
# Walks the four recording journeys of issue #20 (A, B, C, emergency) in headless Chromium, with
# JavaScript on and off, and prints each journey's counts and its keystroke-level estimate.
# Needs Debian's chromium and chromium-driver. The figures do not depend on the machine.
set -e
cd "$(dirname "$0")/../.."
./mvnw -B -q -o verify -Dcyclonedx.skip -Djdeb.skip -Dtest=NONE -Dit.test=PhoneJourneyBrowserIntegrationTests \
  -Dsurefire.failIfNoSpecifiedTests=false -Dfailsafe.failIfNoSpecifiedTests=false
echo "| scenario | estimate | pages | text fields | drop-downs | radios and checkboxes | characters | clicks |"
echo "|---|---|---|---|---|---|---|---|"
grep -h '^UX-DETAIL' target/failsafe-reports/*PhoneJourneyBrowserIntegrationTests-output.txt | grep -v 'JavaScript off' \
  | sed 's/^UX-DETAIL //' | sort
grep -h '^UX scenario' target/failsafe-reports/*PhoneJourneyBrowserIntegrationTests-output.txt | grep -v 'JavaScript off' \
  | sed 's/^UX //' | sort
