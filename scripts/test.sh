#!/usr/bin/env bash
# Runs every test: unit, integration (real S3 server, registries, podman, PostgreSQL) and E2E (Chromium).
#
# One Release build, then the test projects at once: the E2E project (the longest, mostly waiting on browsers,
# clocks and processes) beside the unit and then the integration tests. `dotnet test Portal.sln` would run them
# one after another here: the MSBuild node running the E2E project does not let go of the projects the others need.
# Extra arguments go to every `dotnet test` (e.g. --filter "FullyQualifiedName~Schedule").
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-prerequisites.sh
mkdir -p artifacts
dotnet build Portal.sln --configuration Release

# SQL Server cannot run here; its tests (trait Category=SqlServer) run in .github/workflows/sqlserver.yml.
run_tests() { # name project [args]
  local name=$1 project=$2
  shift 2
  local started=$SECONDS rc=0
  dotnet test "$project" --configuration Release --no-build --logger "console;verbosity=normal" \
    --filter "Category!=SqlServer" "$@" > "artifacts/test-$name.log" 2>&1 || rc=$?
  echo "$rc" > "artifacts/test-$name.rc"
  cat "artifacts/test-$name.log"
  echo "=== $name: exit $rc after $((SECONDS - started)) s ==="
}

run_tests e2e tests/E2E/Portal.Tests.E2E.csproj "$@" &
e2e=$!
{ run_tests unit tests/Unit/Portal.Tests.Unit.csproj "$@"; run_tests integration tests/Integration/Portal.Tests.Integration.csproj "$@"; } &
others=$!
wait "$e2e" || true
wait "$others" || true

rc=0
echo
for name in unit integration e2e; do
  code=$(cat "artifacts/test-$name.rc" 2>/dev/null || echo 1)
  summary=$(grep -a -E '^\s*(Passed|Failed|Skipped|Total tests):' "artifacts/test-$name.log" | tr -s ' \n' ' ' || true)
  echo "$name: exit $code; $summary"
  [ "$code" -eq 0 ] || rc=1
done
# The projects' logs are long; repeat what failed at the end, where it is read first.
if [ "$rc" -ne 0 ]; then
  echo
  echo "=== Failed tests ==="
  grep -a -h -A 14 -E '^\s+Failed Portal\.' artifacts/test-*.log | cut -c1-400 || echo "(no test failed: see the output above)"
fi
exit "$rc"
