#!/usr/bin/env bash
# Installs promtool (from Debian's prometheus package) for the rules tests and prints its path.
# Idempotent and quick when promtool is already there. The package's post-install starts a
# prometheus service where an init system runs; the tests start their own server when they need
# one, so any service the install started is stopped again.
set -euo pipefail
if command -v promtool >/dev/null 2>&1; then
  command -v promtool
  exit 0
fi

export DEBIAN_FRONTEND=noninteractive
apt-get update -q >/dev/null
# policy-rc.d answering 101 keeps invoke-rc.d from starting services during the install.
policy=/usr/sbin/policy-rc.d
placed_policy=false
if [ ! -e "$policy" ]; then
  printf '#!/bin/sh\nexit 101\n' > "$policy"
  chmod 0755 "$policy"
  placed_policy=true
fi
cleanup() { if $placed_policy; then rm -f "$policy"; fi; }
trap cleanup EXIT

apt-get install -y -q --no-install-recommends prometheus >/dev/null

# Belt and braces: if a service manager started it anyway, stop it and keep it from starting at boot.
if command -v systemctl >/dev/null 2>&1 && [ -d /run/systemd/system ]; then
  systemctl stop prometheus.service >/dev/null 2>&1 || true
  systemctl disable prometheus.service >/dev/null 2>&1 || true
elif command -v service >/dev/null 2>&1; then
  service prometheus stop >/dev/null 2>&1 || true
fi

command -v promtool
