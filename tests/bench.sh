#!/usr/bin/env bash
# tests/bench.sh — the engine's throughput figures, native and WASM side by side (issue #3).
# Builds both (through tests/run.sh's build steps if needed) and prints `pactscope bench --wasm`.
# Usage: tests/bench.sh [--trials N]
set -euo pipefail
cd "$(dirname "$0")/.."
export NODE_PATH=/usr/share/nodejs
if [ ! -x build/native/pactscope ] || [ ! -f build/wasm/pactscope.js ]; then
  cmake -S . -B build/native -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null && cmake --build build/native
  emcmake cmake -S . -B build/wasm -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null && cmake --build build/wasm
fi
exec build/native/pactscope bench --wasm build/wasm/pactscope.js "$@"
