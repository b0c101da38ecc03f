#!/usr/bin/env bash
# Installs what the tests need that a fresh Debian 12 machine with the .NET SDK lacks:
# the real services the tests start on loopback (README.md, "Run the tests") and, from npm, the S3 server,
# the OpenID provider and axe-core for the E2E accessibility checks (every committed package-lock.json is installed).
set -euo pipefail
cd "$(dirname "$0")/.."

packages=(
  chromium              # E2E browser (Playwright cannot download its own here)
  postgresql            # multi-node and provider tests run a private cluster
  podman runc           # Docker Engine API for the image export
  docker-registry       # OCI registries: the Domino registry and the external one
  apache2-utils         # htpasswd for registry logins
  busybox-static        # a /bin/sh for test images built FROM scratch
  skopeo rclone         # baselines for the benchmarks
)

sudo_cmd=()
[[ $(id -u) -eq 0 ]] || sudo_cmd=(sudo)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
  echo "Installing: ${missing[*]}"
  "${sudo_cmd[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

for lock in $(git ls-files '*package-lock.json'); do
  dir=$(dirname "$lock")
  if [[ ! -d $dir/node_modules ]] || [[ $lock -nt $dir/node_modules ]]; then
    (cd "$dir" && npm ci --no-audit --no-fund --loglevel=error)
  fi
done
