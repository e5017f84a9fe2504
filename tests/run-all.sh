#!/usr/bin/env bash
# Runs every test of the solution, doing all set-up itself, and ends with one line
# "N passed, N failed, N skipped" summed over every test project (read from TRX files),
# so that a run that executed no test shows as such.
#
# Usage: bash tests/run-all.sh            (from anywhere)
#        CONFIGURATION=Debug bash tests/run-all.sh
#        KEEP_TEST_PEERS=1 bash tests/run-all.sh   (leave the OpenStack test peer running afterwards)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
configuration="${CONFIGURATION:-Release}"
results="$root/.test-results"
rm -rf "$results"
mkdir -p "$results"

echo "== set-up: tools the tests need"
bash "$root/tests/setup/install-prerequisites.sh"

# The real OpenStack the OpenStack adapter is tested against takes minutes to install the first
# time (Debian packages); start it now, alongside the build. Its tests' fixture runs the same
# idempotent script again, which is quick once the services run.
echo "== set-up: OpenStack peer, in the background (log: .test-results/openstack-up.log)"
bash "$root/tests/setup/openstack/up.sh" >"$results/openstack-up.out" 2>"$results/openstack-up.log" &
openstack_setup=$!

echo "== build ($configuration)"
dotnet build CloudMgmt.sln -c "$configuration" -nologo -v quiet

echo "== set-up: waiting for the OpenStack peer"
if ! wait "$openstack_setup"; then
  echo "OpenStack set-up failed; its tests will say why. Last lines of the log:"
  tail -20 "$results/openstack-up.log" || true
fi

status=0
for project in $(find tests -name '*.Tests.csproj' | sort); do
  name="$(basename "$project" .csproj)"
  echo "== test $name"
  if ! dotnet test "$project" -c "$configuration" --no-build -nologo \
      --logger "trx;LogFileName=$name.trx" --results-directory "$results" -- RunConfiguration.TreatNoTestsAsError=true; then
    status=1
  fi
done

# Stop the OpenStack peer again (about 30 s) unless asked to keep it for another run.
if [ "${KEEP_TEST_PEERS:-0}" != 1 ]; then
  bash "$root/tests/setup/openstack/down.sh" >"$results/openstack-down.log" 2>&1 || true
fi

python3 "$root/tests/setup/sum-trx.py" "$results" || status=1
exit $status
