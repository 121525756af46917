#!/bin/sh
# The image's build after `npm run build` (Dockerfile, first stage): compiles the image's entry
# point and the reference portal's server into the build folder (default dist/), and copies beside
# them what the portal reads when it starts: its page, and its browser script's sources with the
# trusted documents' generated types, which it bundles with esbuild. test/deployment.test.ts runs
# this on a build of its own and starts every piece through the entry point.
set -eu
out="${1:-dist}"
node node_modules/typescript/bin/tsc -p deploy/image/tsconfig.json --outDir "$out"
mkdir -p "$out/portal" "$out/examples/generated"
cp -R portal/public portal/client "$out/portal/"
cp -R examples/generated/client "$out/examples/generated/"
