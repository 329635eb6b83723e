#!/bin/sh
# Installs the Debian packages Krait needs to build, test and benchmark, but only
# those that are missing (so a prepared machine pays nothing).
set -e
PKGS="build-essential cmake ninja-build pkg-config libgmp-dev libmimalloc-dev libffi-dev
      libedit-dev libcmocka-dev libbenchmark-dev llvm-19-dev libpcre2-dev clang-14
      libclang-rt-14-dev hyperfine"
missing=""
for p in $PKGS; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
done
if [ -n "$missing" ]; then
  echo "setup: installing$missing"
  SUDO=""
  [ "$(id -u)" = 0 ] || SUDO=sudo
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends $missing
fi
