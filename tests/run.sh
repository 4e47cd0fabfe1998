#!/usr/bin/env bash
# tests/run.sh — installs what is missing, builds natively and for WASM, runs every test:
#   1. the Catch2 core suite, native
#   2. the same suite compiled to WASM, under Node
#   3. the CLI: presets and assets/examples validate, bad files exit 2 naming file and pointer, native ==
#      WASM results (deterministic run and Monte Carlo simulate, for every preset and example; explain on
#      preset pairs), the analysis verbs, every preset against the public record (assets/record.json, natively
#      and in WASM) and where open-2026's stranded take-or-pay comes from (tests/tools/check_record.mjs,
#      check_stranding.mjs)
#   4. hardening: the core suite and the CLI under ASan + UBSan, the WASM suite with Emscripten's
#      assertions and stack checks, the fuzzers (tests/fuzz.sh: regression corpus, then 20 s each)
#   5. the browser app in headless Chromium (tests/browser/e2e.mjs: views, parity with the CLI;
#      session.mjs: files, share links, autosave, undo, clipboard, HiDPI, idle gate; faults.mjs:
#      hostile links, storage full, corrupt autosave, two tabs, abort, no WebGL; editing.mjs: number
#      forms, variant switches, undo, typing, layout; analysis.mjs: party metrics, inputs by name,
#      break-evens against the CLI, what changed, the story; exports.mjs: the report from the page and
#      the CLI byte for byte, its KPIs, its print, slide PNGs, CSVs, analysis links) and serving.mjs; then
#      e2e, session, editing and workers
#      again in Firefox ESR (PACTSCOPE_BROWSER=firefox, headful under xvfb-run: DEVELOPING §12)
# Usage: tests/run.sh            (from anywhere; CI calls it through .ci/run)
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
JOBS=$(nproc 2>/dev/null || echo 2)

# --- dependencies (Debian packages, Dear ImGui's source package, npm playwright-core and puppeteer-core) --
source cmake/deps.sh
need_packages cmake ninja-build g++ nodejs emscripten nlohmann-json3-dev catch2 chromium fonts-inter fonts-jetbrains-mono fonts-font-awesome \
              clang-14 libclang-rt-14-dev firefox-esr xvfb xauth python3   # python3: workers.mjs's plain static host
command -v npm >/dev/null || need_packages npm   # the machine's Node.js usually brings npm
fetch_imgui
if [ ! -d tests/browser/node_modules/playwright-core ] || [ ! -d tests/browser/node_modules/puppeteer-core ]; then
  echo "== installing playwright-core and puppeteer-core (npm) for the browser tests"
  # Neither downloads a browser (the tests drive Debian's chromium and firefox-esr); the variable makes sure.
  (cd tests/browser && PUPPETEER_SKIP_DOWNLOAD=1 npm install --no-audit --no-fund --loglevel=error)
fi
export NODE_PATH=/usr/share/nodejs   # Debian's emcc needs its node modules (DEVELOPING §1)
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
step() { # step NAME COMMAND...: runs a command, counts it, prints how long it took (CI has a time budget)
  local name=$1; shift
  local started=$SECONDS
  echo "== $name"
  if "$@"; then passed=$((passed + 1)); else failed=$((failed + 1)); echo "FAILED: $name"; fi
  echo "   ($((SECONDS - started)) s; $SECONDS s since tests/run.sh started)"
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
  "$NATIVE" validate assets/examples/*.json || { echo "assets/examples do not validate"; ok=1; }
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

layout_checks() { # core/ by role (README "Layout"): only io/ reads or writes JSON; nothing outside io/ includes io/
  local ok=0 bad
  bad=$(grep -rln 'nlohmann' core --include='*.h' --include='*.cpp' | grep -v '^core/io/' || true)
  [ -z "$bad" ] || { echo "nlohmann/json outside core/io: $bad"; ok=1; }
  bad=$(grep -rn '#include "io/' core/model core/uncertainty core/analysis || true)
  [ -z "$bad" ] || { echo "core/io included from outside it: $bad"; ok=1; }
  bad=$(grep -rnE '#include "(analysis|uncertainty)/' core/model || true)
  [ -z "$bad" ] || { echo "core/model depends on a layer above it: $bad"; ok=1; }
  bad=$(find core -maxdepth 1 -type f)
  [ -z "$bad" ] || { echo "files at the top of core/ (each belongs to model, io, uncertainty or analysis): $bad"; ok=1; }
  return $ok
}
step "layout: core by role (model, io, uncertainty, analysis)" layout_checks

parity() { # parity VERB [ARGS...]: the native and WASM CLIs give the same JSON for every preset and example
  local ok=0 id input verb=$1; shift
  for f in assets/presets/*.json assets/examples/*.json; do
    id=$(basename "$f" .json)
    input=$f; [[ $f == assets/presets/* ]] && input="preset:$id"
    "$NATIVE" "$verb" "$input" "$@" --out "$OUT/$id.$verb.native.json"
    "${WASM[@]}" "$verb" "$input" "$@" --out "$OUT/$id.$verb.wasm.json"
    if node tests/tools/compare_results.mjs "$OUT/$id.$verb.native.json" "$OUT/$id.$verb.wasm.json"; then echo "  $id: native == wasm"
    else echo "  $id: native and wasm $verb differ"; ok=1; fi
  done
  return $ok
}
step "native vs wasm results for every preset and example (relative difference <= 1e-9)" parity run
step "native vs wasm Monte Carlo for every preset and example (2000 trials, seed 7)" parity simulate --trials 2000 --seed 7

analysis_checks() {
  local ok=0
  expect() { # expect DESCRIPTION WANT_EXIT COMMAND...: runs the command, checks its exit code
    local what=$1 want=$2 rc=0; shift 2
    "$@" >"$OUT/out.txt" 2>"$OUT/err.txt" || rc=$?
    if [ "$rc" -ne "$want" ]; then echo "  $what: want exit $want, got $rc"; head -5 "$OUT/err.txt"; ok=1; fi
  }
  has() { grep -q -- "$1" "$OUT/out.txt" || { echo "  output lacks $1"; ok=1; }; }
  expect "simulate" 0 "$NATIVE" simulate preset:commitment-2025q4 --trials 10000 --seed 7
  has '"trials": 10000'; has '"stranded_usd"'; has '"p95"'; has '"bands"'
  expect "simulate csv + samples" 0 "$NATIVE" simulate preset:rofr-2025 --trials 100 --format csv --samples "$OUT/samples.csv"
  has 'totals,,cost_usd,p50,'
  [ "$(wc -l <"$OUT/samples.csv")" -eq 101 ] || { echo "  samples.csv should have 101 lines"; ok=1; }
  expect "compare" 0 "$NATIVE" compare preset:rofr-2025 preset:open-2026 --trials 1000
  has '"p_a_better"'; has '"pairs"'
  expect "sweep 2-D" 0 "$NATIVE" sweep preset:rofr-2025 --param /providers/0/price_usd_per_h100e_hour=1:4:4 \
    --param /workloads/0/demand/growth_per_year=0.2:0.8:3 --metric cost_usd
  has '"scenarios"'
  expect "regime map" 0 "$NATIVE" sweep preset:rofr-2025 preset:open-2026 --param /providers/0/price_usd_per_h100e_hour=1:4:4 --metric buyer.net_usd
  has '"best"'
  expect "sensitivity" 0 "$NATIVE" sensitivity preset:rofr-2025 --metric azure.net_usd --trials 500
  has '"tornado"'; has '"rank_correlation"'
  expect "breakeven" 0 "$NATIVE" breakeven preset:rofr-2025 preset:open-2026 --param /providers/0/price_usd_per_h100e_hour=0.5:6 --metric buyer.net_usd
  has '"found": true'
  # Every party's figures are metrics of every analysis (MODEL §8, §11.5).
  expect "breakeven on a provider's net" 0 "$NATIVE" breakeven preset:rofr-2025 preset:open-2026 --param /providers/0/price_usd_per_h100e_hour=0.5:6 --metric azure.net_usd
  has '"metric_label": "Microsoft Azure — net"'; has '"path_label": "Microsoft Azure — price per H100e-hour (USD per H100e-hour)"'
  # Azure's revenue under the two deals crosses inside this range of Azure's list price (a break_even row).
  expect "sweep csv on a provider's revenue" 0 "$NATIVE" sweep preset:rofr-2025 preset:commitment-2025q4 --param /providers/0/price_usd_per_h100e_hour=1:4:7 --metric azure.revenue_usd --format csv
  has ",best,jump,label"; has "^break_even,"; has 'Microsoft Azure — revenue'  # the preset's name for provider azure
  expect "run: what falls outside the horizon" 0 "$NATIVE" run preset:rofr-2025
  has '"outside_horizon"'; has '"kind": "capex_after_end"'
  expect "explain" 0 "$NATIVE" explain preset:rofr-2025 preset:commitment-2025q4 --metric buyer.net_usd
  has '"schema": "pactscope/explanation@1"'; has '"method": "exact"'; has '"part": "commitment on azure (added)"'
  expect "explain csv" 0 "$NATIVE" explain preset:rofr-2025 preset:commitment-2025q4 --metric azure.revenue_usd --format csv
  has '^metric,label,step,part,pointer,value$'; has '^azure.revenue_usd,Microsoft Azure — revenue,part,'
  expect "explain: a bad metric" 2 "$NATIVE" explain preset:rofr-2025 preset:commitment-2025q4 --metric costs
  grep -q 'pactscope: --metric: unknown metric "costs"' "$OUT/err.txt" || { echo "  explain: the bad metric's message"; ok=1; }
  expect "explain: a missing file" 2 "$NATIVE" explain preset:rofr-2025 "$OUT/no-such-file.json" --metric cost_usd
  grep -q "no-such-file.json: (document): cannot open the file" "$OUT/err.txt" || { echo "  explain: the missing file's message"; ok=1; }
  expect "explain: a malformed file" 2 "$NATIVE" explain preset:rofr-2025 tests/corpus/bad/preset-with-three-errors.json --metric cost_usd
  grep -q "^tests/corpus/bad/preset-with-three-errors.json: /providers/0/pue: " "$OUT/err.txt" || { echo "  explain: the bad file's message"; ok=1; }
  expect "explain needs a metric" 2 "$NATIVE" explain preset:rofr-2025 preset:commitment-2025q4
  expect "report" 0 "$NATIVE" report preset:rofr-2025 preset:commitment-2025q4 --trials 300 --seed 5 --out "$OUT/report.html"
  grep -q '<section id="what-changed"' "$OUT/report.html" || { echo "  report: no what-changed section"; ok=1; }
  grep -q '<script' "$OUT/report.html" && { echo "  report: has a script"; ok=1; }
  expect "report: a malformed file" 2 "$NATIVE" report preset:rofr-2025 tests/corpus/bad/preset-with-three-errors.json --out "$OUT/bad-report.html"
  grep -q "^tests/corpus/bad/preset-with-three-errors.json: /providers/0/pue: " "$OUT/err.txt" || { echo "  report: the bad file's message"; ok=1; }
  expect "report: a bad --date" 2 "$NATIVE" report preset:rofr-2025 --date 2026-02-30
  # An analysis link (the page's pinned deals and tab) gives its current scenario.
  analysis_link=$(node -e 'const z = require("zlib"), fs = require("fs");
    const env = { schema: "pactscope/analysis@1", scenario: JSON.parse(fs.readFileSync(process.argv[1], "utf8")), pinned: [], tab: "Compare" };
    process.stdout.write(z.deflateRawSync(Buffer.from(JSON.stringify(env))).toString("base64url"));' assets/presets/rofr-2025.json)
  expect "link: an analysis" 0 "$NATIVE" link "#s=v1.$analysis_link"
  has '"name": "Right of first refusal (January 2025)"'
  # An analysis without its scenario is an error that says so (as the page's), not a scenario to read.
  no_scenario_link=$(node -e 'const z = require("zlib");
    process.stdout.write(z.deflateRawSync(Buffer.from(JSON.stringify({ schema: "pactscope/analysis@1", tab: "Compare" }))).toString("base64url"));')
  expect "link: an analysis without its scenario" 2 "$NATIVE" link "#s=v1.$no_scenario_link"
  grep -q 'link: /scenario: an analysis needs its "scenario" (an object)' "$OUT/err.txt" || { echo "  link: the missing scenario's message"; ok=1; }
  expect "sweep: an open bound's limit is refused" 2 "$NATIVE" sweep preset:rofr-2025 --param /gpus/H100/it_kw=0:1:3 --metric cost_usd
  grep -q 'must be > 0; 0 is not allowed' "$OUT/err.txt" || { echo "  sweep: the open bound's message"; ok=1; }
  expect "bad --param path" 2 "$NATIVE" sweep preset:rofr-2025 --param /providers/0/nope=1:2:3 --metric cost_usd
  grep -q 'is not a numeric input' "$OUT/err.txt" || { echo "  sweep error message"; ok=1; }
  expect "bad --metric" 2 "$NATIVE" sweep preset:rofr-2025 --param /providers/0/price_usd_per_h100e_hour=1:2:3 --metric costs
  expect "bad --trials" 2 "$NATIVE" simulate preset:rofr-2025 --trials 0
  expect "compare needs two" 2 "$NATIVE" compare preset:rofr-2025
  expect "bench (short)" 0 "$NATIVE" bench --trials 200
  has 'det µs'
  return $ok
}
step "cli: simulate, compare, sweep, sensitivity, breakeven, explain, bench" analysis_checks

explain_parity() { # MODEL §8 "What changed": the same attribution natively and in WASM, exact and sampled
  local ok=0 a b metric extra name
  while read -r a b metric extra; do
    name="explain-$a-$b-$metric"
    "$NATIVE" explain "preset:$a" "preset:$b" --metric "$metric" $extra --out "$OUT/$name.native.json"
    "${WASM[@]}" explain "preset:$a" "preset:$b" --metric "$metric" $extra --out "$OUT/$name.wasm.json"
    if node tests/tools/compare_results.mjs "$OUT/$name.native.json" "$OUT/$name.wasm.json"; then echo "  $a -> $b ($metric): native == wasm"
    else echo "  $a -> $b ($metric): native and wasm differ"; ok=1; fi
  done <<'PAIRS'
rofr-2025 commitment-2025q4 buyer.net_usd
exclusive-2019 open-2026 cost_usd --permutations 64
PAIRS
  return $ok
}
step "native vs wasm explain (exact, and sampled permutations)" explain_parity

link_checks() { # share links made by an independent compressor (Node's zlib) decode to the preset
  local ok=0 f link
  for f in assets/presets/*.json; do
    link=$(node -e 'const t=JSON.stringify(JSON.parse(require("fs").readFileSync(process.argv[1],"utf8")));
      process.stdout.write("http://127.0.0.1:8080/#s=v1."+require("zlib").deflateRawSync(Buffer.from(t)).toString("base64url"))' "$f")
    "$NATIVE" link "$link" --out "$OUT/link.json" || { echo "  $f: its link does not decode"; ok=1; continue; }
    "$NATIVE" validate "$OUT/link.json" >/dev/null || ok=1
    cmp -s <("$NATIVE" run "$f") <("$NATIVE" run "$OUT/link.json") || { echo "  $f: the link's scenario runs differently"; ok=1; }
  done
  local rc=0; "$NATIVE" link '#s=v1.AAAA' 2>"$OUT/err.txt" || rc=$?
  [ "$rc" -eq 2 ] && grep -q '^link: ' "$OUT/err.txt" || { echo "  a corrupt link should exit 2 with 'link: why'"; ok=1; }
  return $ok
}
step "cli: share links decode (pactscope link)" link_checks

record_checks() { # issue 13: the presets against the public record; expected values come from assets/record.json only
  local ok=0
  "$NATIVE" record --format json --out "$OUT/record.native.json" || return 1
  "${WASM[@]}" record --format json --out "$OUT/record.wasm.json" || return 1
  node tests/tools/check_record.mjs assets/record.json assets/presets "$OUT/record.native.json" || ok=1
  node tests/tools/compare_results.mjs "$OUT/record.native.json" "$OUT/record.wasm.json" && echo "  native == wasm" || { echo "  native and wasm record differ"; ok=1; }
  "${WASM[@]}" record open-2026 >"$OUT/record.txt" && grep -q ' comparisons: ' "$OUT/record.txt" || { echo "  record (text) under node"; ok=1; }
  printf '{"schema": "pactscope/record@1", "sources": [], "presets": [], "figures": [{"id": "x", "what": "profit_usd", "year": 2025, "value": 1, "tolerance": 0.1, "source": "s"}]}' >"$OUT/bad-record.json"
  local rc=0; "$NATIVE" record --record "$OUT/bad-record.json" 2>"$OUT/err.txt" || rc=$?
  [ "$rc" -eq 2 ] && grep -q "bad-record.json: /figures/0/what: " "$OUT/err.txt" || { echo "  an invalid --record file should exit 2 naming file and pointer"; ok=1; }
  return $ok
}
step "record: every preset within the tolerance of every figure of assets/record.json it covers (native and wasm)" record_checks

stranding_checks() { # open-2026: median stranding small against cost, visible at P90, from idle capacity in low-demand trials
  "$NATIVE" simulate preset:open-2026 --trials 10000 --seed 1 --out "$OUT/open-2026.mc.json" --samples "$OUT/open-2026.samples.csv" &&
    node tests/tools/check_stranding.mjs assets/presets/open-2026.json "$OUT/open-2026.mc.json" "$OUT/open-2026.samples.csv"
}
step "open-2026: stranding comes from reserved capacity left idle in low-demand trials, not price drift" stranding_checks

# --- hardening (issue #6): sanitizers, Emscripten runtime checks, fuzzing ---------------------------
sanitizer_checks() { # ASan + UBSan (clang-14): the core suite, and the CLI over every bad and good input
  local ok=0 f rc
  cmake -S . -B build/asan -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_CXX_COMPILER=clang++-14 -DPACTSCOPE_SANITIZE=ON >/dev/null
  cmake --build build/asan --target core_tests pactscope -j "$JOBS" >/dev/null
  export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
  # Every case but the [slow] one (every preset pair explained: most of the suite's time, several minutes under
  # ASan); one preset pair's explanation runs through the CLI below instead (DEVELOPING §13).
  build/asan/core_tests --use-colour no "~[slow]" | tail -3 || ok=1
  for f in tests/corpus/bad/*.json tests/fuzz/regressions/scenario/*; do
    rc=0; build/asan/pactscope validate "$f" 2>"$OUT/err.txt" || rc=$?
    [ "$rc" -eq 2 ] || { echo "  $f: exit $rc under the sanitizers"; tail -5 "$OUT/err.txt"; ok=1; }
  done
  for f in assets/presets/*.json assets/examples/*.json; do
    build/asan/pactscope run "$f" >/dev/null && build/asan/pactscope simulate "$f" --trials 300 --threads 2 >/dev/null || { echo "  $f fails under the sanitizers"; ok=1; }
  done
  build/asan/pactscope sweep preset:rofr-2025 preset:open-2026 --param /providers/0/price_usd_per_h100e_hour=1:4:5 --metric cost_usd >/dev/null || ok=1
  build/asan/pactscope explain preset:rofr-2025 preset:commitment-2025q4 --metric buyer.net_usd >/dev/null || ok=1
  [ "$ok" -eq 0 ] && echo "  core suite (but [slow]), $(ls tests/corpus/bad/*.json tests/fuzz/regressions/scenario/* | wc -l) bad inputs, every preset and example run + simulate + a sweep + an explanation: no sanitizer report"
  return $ok
}
step "sanitizers: core suite and CLI under ASan + UBSan (clang-14)" sanitizer_checks

wasm_checked_tests() { # the WASM core suite with Emscripten's assertions and stack-overflow checks
  cmake --build build/wasm --target core_tests_checked -j "$JOBS" >/dev/null  # core_tests' objects, linked with the checks
  "${NODE[@]}" build/wasm/core_tests_checked.js --use-colour no "~[slow]" | tail -3  # [slow]: as under ASan
}
step "core tests (wasm, -sASSERTIONS -sSTACK_OVERFLOW_CHECK=2)" wasm_checked_tests
step "fuzzing: regression corpus, then 20 s per target (ASan + UBSan)" bash tests/fuzz.sh 20

step "browser end-to-end (headless Chromium)" node tests/browser/e2e.mjs
step "browser Monte Carlo workers: 1, 2, 3 workers == CLI simulate, pinned runs, cancel on edit, a plain static host, partial ranges, ?workers=, fallback" node tests/browser/workers.mjs
step "browser session: files, links, autosave, undo, clipboard, HiDPI, idle" node tests/browser/session.mjs
step "browser editing: number forms, variant switches, undo, links, typing, layout" node tests/browser/editing.mjs
step "browser analysis: party metrics, inputs by name, break-evens, what changed, the story" node tests/browser/analysis.mjs
step "browser faults: hostile links, storage full, corrupt autosave, two tabs, abort, no WebGL" node tests/browser/faults.mjs
step "browser exports: the report from the page == pactscope report, KPIs, print" node tests/browser/exports.mjs
step "serving: loopback only, MIME types, CSP, nosniff, no path outside the build" node tests/browser/serving.mjs
# Firefox ESR through puppeteer-core over WebDriver BiDi; headless Firefox has no WebGL2 here, so it runs
# headful on a virtual display (DEVELOPING §12).
FIREFOX=(env PACTSCOPE_BROWSER=firefox xvfb-run -a -s "-screen 0 1920x1080x24" node)
step "browser end-to-end (Firefox ESR, xvfb-run)" "${FIREFOX[@]}" tests/browser/e2e.mjs
step "browser session (Firefox ESR, xvfb-run)" "${FIREFOX[@]}" tests/browser/session.mjs
step "browser editing (Firefox ESR, xvfb-run)" "${FIREFOX[@]}" tests/browser/editing.mjs
step "browser Monte Carlo workers (Firefox ESR, xvfb-run)" "${FIREFOX[@]}" tests/browser/workers.mjs

echo
echo "suites: $passed passed, $failed failed ($SECONDS s in all)"
[ "$failed" -eq 0 ]
