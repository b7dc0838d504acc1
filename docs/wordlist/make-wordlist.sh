#!/bin/sh
# Rebuilds src/main/resources/crypto/wordlist.txt, the word list of PasswordGenerator.
#
# Why this recipe: passwords are read out over the telephone (the guide: "Inform the recipient of
# the password by telephone"), so the words must be short, common and spelled the same in British
# and American English. SCOWL's small lists (Debian wamerican-small, wbritish-small) hold the common
# words; their intersection drops the spellings that differ. Plurals and -ed/-ing/-ly forms are
# dropped so nobody has to ask "with an s?". Words that could offend or upset — the app serves
# safeguarding work — are dropped by the blocklist beside this script. The 4,096 words kept are the
# shortest, ordered within a length by SHA-256 so the choice is fixed yet not alphabetical.
#
#   apt-get install -y wamerican-small wbritish-small && sh docs/wordlist/make-wordlist.sh
set -eu
here=$(dirname "$0")
out=${1:-$here/../../src/main/resources/crypto/wordlist.txt}
pick() { grep -E '^[a-z]{4,6}$' "$1" | grep -v -E '(s|ed|ing|ly)$' | sort -u; }
tmp=$(mktemp -d)
pick /usr/share/dict/american-english-small > "$tmp/am"
pick /usr/share/dict/british-english-small > "$tmp/br"
comm -12 "$tmp/am" "$tmp/br" \
  | grep -v -E '^[ivxlcdm]+$' \
  | grep -v -x -F -f "$here/blocklist.txt" \
  | while read -r w; do printf '%d %s %s\n' "${#w}" "$(printf %s "$w" | sha256sum | cut -c1-16)" "$w"; done \
  | sort -k1,1n -k2,2 | head -n 4096 | cut -d' ' -f3 | sort > "$out"
rm -r "$tmp"
test "$(wc -l < "$out")" -eq 4096
