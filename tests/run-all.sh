#!/usr/bin/env bash
# Runs every test of the solution, doing all set-up itself, and ends with one line
# "N passed, N failed, N skipped" summed over every test project (read from TRX files),
# so that a run that executed no test shows as such.
#
# Usage: bash tests/run-all.sh            (from anywhere)
#        CONFIGURATION=Debug bash tests/run-all.sh
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
configuration="${CONFIGURATION:-Release}"
results="$root/.test-results"
rm -rf "$results"
mkdir -p "$results"

echo "== set-up: tools the tests need"
bash "$root/tests/setup/install-prerequisites.sh"

echo "== build ($configuration)"
dotnet build CloudMgmt.sln -c "$configuration" -nologo -v quiet

status=0
for project in $(find tests -name '*.Tests.csproj' | sort); do
  name="$(basename "$project" .csproj)"
  echo "== test $name"
  if ! dotnet test "$project" -c "$configuration" --no-build -nologo \
      --logger "trx;LogFileName=$name.trx" --results-directory "$results" -- RunConfiguration.TreatNoTestsAsError=true; then
    status=1
  fi
done

python3 "$root/tests/setup/sum-trx.py" "$results" || status=1
exit $status
