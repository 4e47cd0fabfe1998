#!/usr/bin/env bash
# tests/fuzz.sh — builds the libFuzzer targets (clang-14, ASan + UBSan) and fuzzes each for SECONDS.
#   fuzz_scenario  import -> validate -> evaluate -> export -> re-import, a few Monte Carlo trials
#   fuzz_link      the share-link decoder (base64url, raw DEFLATE, caps) and the reader behind it
# Seeds: the presets, assets/examples, tests/corpus/bad, share links made from the presets, and the regression
# corpus tests/fuzz/regressions/TARGET (every input that once failed; replayed first, always).
# A crash leaves its input in build/fuzz/crashes/TARGET/ and fails the script: minimise it, add it
# to the regression corpus, fix the code.
# Usage: tests/fuzz.sh [SECONDS per target, default 60]     Prints executions per target.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
SECONDS_PER_TARGET=${1:-60}
source cmake/deps.sh
need_packages clang-14 libclang-rt-14-dev cmake ninja-build nlohmann-json3-dev nodejs

BUILD=build/fuzz
GEN=$(command -v ninja >/dev/null && echo "-G Ninja" || echo "")
cmake -S . -B $BUILD $GEN -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_CXX_COMPILER=clang++-14 \
      -DPACTSCOPE_FUZZ=ON -DPACTSCOPE_TESTS=OFF >/dev/null
cmake --build $BUILD --target fuzz_scenario fuzz_link -j "$(nproc 2>/dev/null || echo 2)" >/dev/null

# Seeds (rebuilt each run from the repo; the working corpus grows across runs in build/fuzz/corpus).
SEEDS=$BUILD/seeds
rm -rf $SEEDS && mkdir -p $SEEDS/scenario $SEEDS/link
cp assets/presets/*.json assets/examples/*.json tests/corpus/bad/*.json $SEEDS/scenario/
node -e '
  const fs = require("fs"), zlib = require("zlib");
  for (const f of fs.readdirSync("assets/presets")) {
    const text = JSON.stringify(JSON.parse(fs.readFileSync("assets/presets/" + f, "utf8")));
    const link = "#s=v1." + zlib.deflateRawSync(Buffer.from(text)).toString("base64url");
    fs.writeFileSync(process.argv[1] + "/" + f.replace(".json", ".link"), link);
  }' $SEEDS/link

export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
status=0
for target in scenario link; do
  bin=$BUILD/fuzz_$target
  corpus=$BUILD/corpus/$target crashes=$BUILD/crashes/$target
  mkdir -p "$corpus" "$crashes"
  # 1. the regression corpus and the seeds, each input once
  regressions=(); [ -d tests/fuzz/regressions/$target ] && regressions=(tests/fuzz/regressions/$target)
  replay=$(find "${regressions[@]}" $SEEDS/$target -type f | sort)
  if ! $bin $replay >$BUILD/replay-$target.log 2>&1; then
    echo "fuzz_$target: a regression or seed input fails:"; tail -30 $BUILD/replay-$target.log; status=1; continue
  fi
  # 2. fuzzing for a bounded time
  dict=(); [ -f tests/fuzz/$target.dict ] && dict=(-dict=tests/fuzz/$target.dict)
  if $bin "$corpus" $SEEDS/$target "${regressions[@]}" -max_total_time="$SECONDS_PER_TARGET" -max_len=65536 \
       -timeout=20 -rss_limit_mb=2048 -print_final_stats=1 -artifact_prefix="$crashes/" "${dict[@]}" \
       >$BUILD/fuzz-$target.log 2>&1; then
    execs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' $BUILD/fuzz-$target.log | grep -o '[0-9]*$')
    cov=$(grep -o 'cov: [0-9]*' $BUILD/fuzz-$target.log | tail -1)
    echo "fuzz_$target: $execs executions in ${SECONDS_PER_TARGET} s, $(ls "$corpus" | wc -l) corpus inputs, $cov, $(echo $replay | wc -w) regression+seed inputs replayed, no failure"
  else
    echo "fuzz_$target: FAILED — input saved in $crashes/"; grep -E "ERROR|SUMMARY|==[0-9]+==" $BUILD/fuzz-$target.log | head -20; status=1
  fi
done
exit $status
