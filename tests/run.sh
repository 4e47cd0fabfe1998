#!/usr/bin/env bash
# tests/run.sh — installs what is missing, builds natively and for WASM, runs every test:
#   1. the Catch2 core suite, native
#   2. the same suite compiled to WASM, under Node
#   3. the CLI: presets validate, bad files exit 2 naming file and pointer, native == WASM results
# Usage: tests/run.sh            (from anywhere; CI calls it through .ci/run)
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
JOBS=$(nproc 2>/dev/null || echo 2)

# --- dependencies (Debian packages) -------------------------------------------------------------
need=()
for pkg in cmake ninja-build g++ nodejs emscripten nlohmann-json3-dev catch2; do
  dpkg -s "$pkg" >/dev/null 2>&1 || need+=("$pkg")
done
if ((${#need[@]})); then
  if [ "$(id -u)" -ne 0 ]; then
    echo "missing packages: ${need[*]}"
    echo "run as root: apt-get update && apt-get install -y ${need[*]}"
    exit 1
  fi
  echo "== installing ${need[*]}"
  apt-get update -q
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${need[@]}"
fi
export NODE_PATH=/usr/share/nodejs   # Debian's emcc needs its node modules (TOOLCHAIN.md quirk 1)
NODE=(node --no-experimental-fetch) # Emscripten 3.1.6 output under Node 20 (quirk 4)

# --- builds ---------------------------------------------------------------------------------------
echo "== native build"
cmake -S . -B build/native -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build build/native -j "$JOBS"
echo "== wasm build"
emcmake cmake -S . -B build/wasm -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build build/wasm -j "$JOBS"

passed=0
failed=0
step() { # step NAME COMMAND...: runs a command, counts it
  local name=$1; shift
  echo "== $name"
  if "$@"; then passed=$((passed + 1)); else failed=$((failed + 1)); echo "FAILED: $name"; fi
}

# --- suites ---------------------------------------------------------------------------------------
step "core tests (native)" build/native/core_tests --use-colour no
step "core tests (wasm under node)" "${NODE[@]}" build/wasm/core_tests.js --use-colour no

NATIVE=build/native/pactscope
WASM=("${NODE[@]}" build/wasm/pactscope.js)
OUT=build/test-output
mkdir -p "$OUT"

cli_checks() {
  local ok=0
  "$NATIVE" presets >"$OUT/presets.txt"
  local count; count=$(grep -c '^[a-z0-9-]\+  ' "$OUT/presets.txt")
  [ "$count" -ge 6 ] || { echo "pactscope presets lists $count presets, want >= 6"; ok=1; }
  "$NATIVE" validate assets/presets/*.json || { echo "presets do not validate"; ok=1; }
  for f in tests/corpus/bad/*.json; do
    local rc=0
    "$NATIVE" validate "$f" 2>"$OUT/err.txt" || rc=$?
    if [ "$rc" -ne 2 ] || ! grep -q "^$f: " "$OUT/err.txt"; then
      echo "$f: want exit 2 with 'FILE: pointer: message', got exit $rc:"; head -3 "$OUT/err.txt"; ok=1
    fi
  done
  grep -q '^tests/corpus/bad/preset-with-three-errors.json: /providers/0/pue: ' <("$NATIVE" validate tests/corpus/bad/preset-with-three-errors.json 2>&1) \
    || { echo "pointer missing from the validate message"; ok=1; }
  return $ok
}
step "cli: presets, validate, exit codes" cli_checks

parity() {
  local ok=0 id
  for f in assets/presets/*.json; do
    id=$(basename "$f" .json)
    "$NATIVE" run "preset:$id" --out "$OUT/$id.native.json"
    "${WASM[@]}" run "preset:$id" --out "$OUT/$id.wasm.json"
    if node tests/tools/compare_results.mjs "$OUT/$id.native.json" "$OUT/$id.wasm.json"; then echo "  $id: native == wasm"
    else echo "  $id: native and wasm differ"; ok=1; fi
  done
  return $ok
}
step "native vs wasm results for every preset (relative difference <= 1e-9)" parity

echo
echo "suites: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
