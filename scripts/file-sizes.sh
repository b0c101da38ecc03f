#!/usr/bin/env bash
# Line counts of the source files (C# and Razor under src/, generated migrations left out): median, p90,
# and every file over 200 lines with whether it states why at its top. Per project, then all together.
#   scripts/file-sizes.sh [path ...]   (default: the src/ projects)
set -euo pipefail
cd "$(dirname "$0")/.."

report() {
  local label=$1; shift
  git ls-files -co --exclude-standard -- "$@" | grep -E '\.(cs|razor)$' | grep -v '/Migrations/' |
    while read -r f; do [[ -f $f ]] && printf '%s %s\n' "$(wc -l <"$f")" "$f"; done | sort -n |
    awk -v label="$label" '
      { n[NR] = $1; f[NR] = $2 }
      END {
        if (NR == 0) exit
        median = (NR % 2) ? n[(NR + 1) / 2] : (n[NR / 2] + n[NR / 2 + 1]) / 2
        p90 = n[int(0.9 * NR + 0.9999)]
        printf "%-20s files %4d  median %5.1f  p90 %4d  max %4d\n", label, NR, median, p90, n[NR]
      }'
}

over200() {
  git ls-files -co --exclude-standard -- "$@" | grep -E '\.(cs|razor)$' | grep -v '/Migrations/' |
    while read -r f; do
      [[ -f $f ]] || continue
      lines=$(wc -l <"$f")
      if ((lines > 200)); then
        # A reason counts when one of the first lines of the file says why it is long.
        if head -n 12 "$f" | grep -qiE 'long because|lines because|size:|one file because|kept together'; then why=reason; else why='NO REASON'; fi
        printf '  %5d  %-9s %s\n' "$lines" "$why" "$f"
      fi
    done | sort -rn
}

paths=("$@")
if ((${#paths[@]} == 0)); then
  for p in src/*/; do report "${p#src/}" "$p"; done
  paths=(src)
fi
report "all" "${paths[@]}"
echo "over 200 lines:"
over200 "${paths[@]}"
