#!/usr/bin/env bash
# serve.sh — build the PactScope browser app and serve it on 127.0.0.1.
#   ./serve.sh                 installs what is missing (as root), builds, serves on port 8080
#   ./serve.sh --port 9000     another port
#   ./serve.sh --build-only    build only; the static folder build/wasm/web can be deployed anywhere
set -euo pipefail
cd "$(dirname "$0")"
PORT=8080
BUILD_ONLY=0
while (($#)); do
  case "$1" in
    --port) PORT=${2:?--port needs a number}; shift 2 ;;
    --build-only) BUILD_ONLY=1; shift ;;
    -h|--help) sed -n '2,5p' "$0"; exit 0 ;;
    *) echo "serve.sh: unknown option $1 (use --port N or --build-only)"; exit 2 ;;
  esac
done
[[ "$PORT" =~ ^[0-9]+$ ]] && ((PORT > 0 && PORT < 65536)) || { echo "serve.sh: --port must be 1-65535"; exit 2; }

source cmake/deps.sh
need_packages cmake ninja-build g++ nodejs emscripten nlohmann-json3-dev fonts-inter fonts-jetbrains-mono fonts-font-awesome
fetch_imgui
export NODE_PATH=/usr/share/nodejs   # Debian's emcc needs its node modules (DEVELOPING §1)

echo "== building the browser app (release)"
emcmake cmake -S . -B build/wasm -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build build/wasm --target pactscope_app -j "$(nproc 2>/dev/null || echo 2)"
echo "== built: build/wasm/web ($(du -sh build/wasm/web | cut -f1)): a static folder, deployable to any web server"
((BUILD_ONLY)) && exit 0
exec node web/server/serve.mjs build/wasm/web --port "$PORT"
