#!/usr/bin/env bash
# Fetches the web app's third-party files from the npm registry at pinned
# versions and checks them against pinned SHA-256 sums. The files are
# committed beside this script; running it is not needed to build trame,
# only to check or refresh them:
#   bash src/serve/assets/vendor.sh          # fetch, check, write
#   bash src/serve/assets/vendor.sh --check  # fetch and compare with the committed files
set -euo pipefail
cd "$(dirname "$0")"

# cytoscape.js (MIT), the graph view's drawing library.
CYTOSCAPE_VERSION=3.35.0
CYTOSCAPE_TGZ_SHA256=058a81a7534777ea68dc737e9b77bd5b701e00acd9bee246245a576eeeac32e6
CYTOSCAPE_JS_SHA256=71fa9ebec21a7ca2c40cff6aacc30d1f6464e363662ad4b2c197e1adc770cd94

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
curl -fsSL "https://registry.npmjs.org/cytoscape/-/cytoscape-${CYTOSCAPE_VERSION}.tgz" -o "$work/cytoscape.tgz"
echo "${CYTOSCAPE_TGZ_SHA256}  $work/cytoscape.tgz" | sha256sum -c --quiet -
tar -xzf "$work/cytoscape.tgz" -C "$work" package/dist/cytoscape.min.js package/LICENSE
echo "${CYTOSCAPE_JS_SHA256}  $work/package/dist/cytoscape.min.js" | sha256sum -c --quiet -
if [ "${1:-}" = "--check" ]; then
  cmp "$work/package/dist/cytoscape.min.js" cytoscape.min.js
  cmp "$work/package/LICENSE" LICENSE-cytoscape.txt
  echo "vendor: cytoscape ${CYTOSCAPE_VERSION} matches the committed files"
else
  cp "$work/package/dist/cytoscape.min.js" cytoscape.min.js
  cp "$work/package/LICENSE" LICENSE-cytoscape.txt
  echo "vendor: wrote cytoscape ${CYTOSCAPE_VERSION} (cytoscape.min.js, LICENSE-cytoscape.txt)"
fi
