#!/bin/sh
# First step of the csr-app build: the front end is bundled by the machine's Node.js and npm.
# Fails with one sentence saying what to install, instead of a confusing "Cannot run program" later.
MESSAGE="csr-app needs Node.js >= 18 and npm to build the front end. Install with: apt-get install -y nodejs npm"

if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
  echo "$MESSAGE" >&2
  exit 1
fi
major=$(node -p 'process.versions.node.split(".")[0]' 2>/dev/null)
case "$major" in
  ''|*[!0-9]*) echo "$MESSAGE (could not read the version of 'node')" >&2; exit 1 ;;
esac
if [ "$major" -lt 18 ]; then
  echo "$MESSAGE (found Node.js $(node --version))" >&2
  exit 1
fi
exit 0
