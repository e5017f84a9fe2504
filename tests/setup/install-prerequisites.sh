#!/usr/bin/env bash
# Installs what the tests need beyond the .NET SDK. Idempotent; quick when all is present.
# Today the suite needs only the SDK and python3 (to sum the TRX results); later suites
# (PostgreSQL, OpenStack, Prometheus) add their installs here.
set -euo pipefail
missing=()
command -v python3 >/dev/null || missing+=(python3)
if [ ${#missing[@]} -gt 0 ]; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -q
  apt-get install -y -q "${missing[@]}"
fi
command -v dotnet >/dev/null || { echo "the .NET 10 SDK is required (dotnet on PATH)" >&2; exit 1; }
