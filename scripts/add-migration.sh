#!/usr/bin/env bash
# Adds one EF Core migration for every database provider, so the three migration sets never drift:
#   scripts/add-migration.sh AddExports
# Each provider has its own derived context and folder: src/Portal/Data/Migrations/{Sqlite,SqlServer,PostgreSql}.
set -euo pipefail
cd "$(dirname "$0")/.."

name=${1:-}
if [[ ! $name =~ ^[A-Z][A-Za-z0-9]*$ ]]; then
  echo "usage: $0 <MigrationName>   (PascalCase, e.g. AddExports)" >&2
  exit 2
fi

dotnet tool restore >/dev/null
dotnet build src/Portal/Portal.csproj --configuration Debug -v quiet -nologo

added=()
cleanup() {
  # If one provider fails, take back the ones already added so the sets stay in step.
  if ((${#added[@]})) && [[ ${ok:-} != 1 ]]; then
    for provider in "${added[@]}"; do
      echo "Removing the $provider migration again." >&2
      dotnet ef migrations remove --force --no-build --project src/Portal --context "${provider}PortalDbContext" >/dev/null || true
    done
  fi
}
trap cleanup EXIT

for provider in Sqlite SqlServer PostgreSql; do
  echo "== $provider"
  dotnet ef migrations add "$name" \
    --no-build \
    --project src/Portal \
    --startup-project src/Portal \
    --context "${provider}PortalDbContext" \
    --output-dir "Data/Migrations/$provider"
  added+=("$provider")
  # The next provider's design-time model must see this one's new files only after a rebuild.
  dotnet build src/Portal/Portal.csproj --configuration Debug -v quiet -nologo
done
ok=1
echo "Added migration $name for Sqlite, SqlServer and PostgreSql."
