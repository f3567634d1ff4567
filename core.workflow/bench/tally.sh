#!/usr/bin/env bash
# Tally benchmark (prints figures; not a test) on a throwaway embedded Derby database.
# Usage: core.workflow/bench/tally.sh [BALLOTS]   (launcher/bench/databases.py runs the same on PostgreSQL too)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
derby="$(find ~/.m2/repository/org/apache/derby/derby/10.14.2.0 -name 'derby-10.14.2.0.jar' | head -1)"
[ -n "$derby" ] || { echo "derby 10.14.2.0 not in ~/.m2: build first (mvn -B package -DskipTests)" >&2; exit 1; }
dir="$(mktemp -d /tmp/loumen-tally-XXXXXX)"
trap 'rm -rf "$dir"' EXIT
java -Dderby.stream.error.file="$dir/derby.log" -cp "$derby" "$here/../../launcher/bench/TallyDb.java" \
  "jdbc:derby:$dir/db;create=true" "${1:-600000}"
