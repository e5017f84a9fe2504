#!/usr/bin/env bash
# Installs what the tests need beyond the .NET SDK. Idempotent; quick when all is present.
# The suite needs the SDK, python3 (to sum the TRX results) and Debian's Chromium (a real
# browser renders the API docs page) with its WebDriver (the console's browser tests drive it). Later suites (PostgreSQL, OpenStack, Prometheus) add
# their installs here.
set -euo pipefail
missing=()
command -v python3 >/dev/null || missing+=(python3)
command -v chromium >/dev/null || missing+=(chromium)
command -v chromedriver >/dev/null || missing+=(chromium-driver) # the console's browser tests (Selenium WebDriver)
command -v zsh >/dev/null || missing+=(zsh)          # cmctl's zsh completion script is checked by a real zsh
command -v script >/dev/null || missing+=(bsdutils)  # cmctl's colour is checked on a real pseudo-terminal
if [ ${#missing[@]} -gt 0 ]; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -q
  echo "installing: ${missing[*]}"
  apt-get install -y -q --no-install-recommends "${missing[@]}" >/dev/null
fi
command -v dotnet >/dev/null || { echo "the .NET 10 SDK is required (dotnet on PATH)" >&2; exit 1; }
