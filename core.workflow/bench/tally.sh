#!/usr/bin/env bash
# Tally benchmark (prints figures; not a test). Usage: core.workflow/bench/tally.sh [BALLOTS]
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
derby="$(find ~/.m2/repository/org/apache/derby/derby/10.14.2.0 -name 'derby-10.14.2.0.jar' | head -1)"
[ -n "$derby" ] || { echo "derby 10.14.2.0 not in ~/.m2: build first (mvn -B package -DskipTests)" >&2; exit 1; }
exec java -cp "$derby" "$here/TallyBench.java" "$@"
