#!/usr/bin/env bash
# Runs every test: unit, integration (real S3 server, registries, podman, PostgreSQL) and E2E (Chromium).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-prerequisites.sh
# SQL Server cannot run here; its tests (trait Category=SqlServer) run in .github/workflows/sqlserver.yml.
dotnet test Portal.sln --configuration Release --logger "console;verbosity=normal" --filter "Category!=SqlServer" "$@"
