#!/usr/bin/env bash
# Runs every test: unit, integration (real S3 server, registries, podman, PostgreSQL) and E2E (Chromium).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-prerequisites.sh
mkdir -p artifacts
log=artifacts/test.log
# SQL Server cannot run here; its tests (trait Category=SqlServer) run in .github/workflows/sqlserver.yml.
set +e
dotnet test Portal.sln --configuration Release --logger "console;verbosity=normal" --filter "Category!=SqlServer" "$@" 2>&1 | tee "$log"
rc=${PIPESTATUS[0]}
set -e
# The projects' output interleaves; repeat what failed at the end, where it is read first.
if [ "$rc" -ne 0 ]; then
  echo
  echo "=== Failed tests (from $log) ==="
  grep -a -A 14 -E '^\s+Failed Portal\.' "$log" | cut -c1-400 || echo "(no test failed; see the build output above)"
fi
exit "$rc"
