#!/usr/bin/env bash
# Runs every test: unit, integration (real S3 server, registries, podman, PostgreSQL) and E2E (Chromium).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-prerequisites.sh
dotnet test Portal.sln --configuration Release --logger "console;verbosity=normal" "$@"
