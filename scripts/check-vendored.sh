#!/usr/bin/env bash
# Checks the report's vendored charting library against the npm registry: the registry's integrity
# of the pinned package is the pinned one, and the files in the package are the vendored bytes.
# Skips with a message (exit 0) where npm or the network is missing; exits 1 on any mismatch.
#   scripts/check-vendored.sh            check
#   scripts/check-vendored.sh --update   copy the pinned version's files in and rewrite the hashes
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
dir=src/main/resources/org/initlab/report/html/vendor/uplot
props="$dir/uplot.properties"
prop() { sed -n "s/^$1=//p" "$props"; }
package="$(prop package)"
version="$(prop version)"
pinned="$(prop integrity)"
files=(uPlot.iife.min.js uPlot.min.css LICENSE)

if ! command -v npm >/dev/null 2>&1; then
  echo "check-vendored: npm is not installed; skipped the registry check of $package@$version"
  exit 0
fi
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
if ! (cd "$work" && timeout 120 npm pack --silent "$package@$version" >pack.out 2>pack.err); then
  echo "check-vendored: could not fetch $package@$version from the npm registry ($(tail -n 1 "$work/pack.err")); skipped"
  exit 0
fi
tgz="$work/$(tail -n 1 "$work/pack.out")"
actual="sha512-$(sha512sum "$tgz" | cut -d' ' -f1 | xxd -r -p | base64 -w0)"
registry="$(cd "$work" && timeout 60 npm view "$package@$version" dist.integrity 2>/dev/null || true)"
tar -xzf "$tgz" -C "$work"

if [ "${1:-}" = "--update" ]; then
  cp "$work/package/dist/uPlot.iife.min.js" "$work/package/dist/uPlot.min.css" "$work/package/LICENSE" "$dir/"
  sed -i "s|^integrity=.*|integrity=$actual|" "$props"
  for f in "${files[@]}"; do sed -i "s|^sha512\.$f=.*|sha512.$f=$(sha512sum "$dir/$f" | cut -d' ' -f1)|" "$props"; done
  echo "check-vendored: $package@$version copied in; review the diff of $dir"
  exit 0
fi

fail=0
[ "$actual" = "$pinned" ] || { echo "check-vendored: the tarball of $package@$version has integrity $actual, pinned $pinned" >&2; fail=1; }
[ -z "$registry" ] || [ "$registry" = "$pinned" ] || { echo "check-vendored: the registry lists $registry for $package@$version, pinned $pinned" >&2; fail=1; }
for f in "${files[@]}"; do
  src="$work/package/dist/$f"; [ "$f" = LICENSE ] && src="$work/package/LICENSE"
  cmp -s "$src" "$dir/$f" || { echo "check-vendored: $dir/$f differs from $f in $package@$version" >&2; fail=1; }
done
[ "$fail" = 0 ] && echo "check-vendored: $dir is $package@$version as published ($pinned)"
exit "$fail"
