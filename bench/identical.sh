#!/usr/bin/env bash
# bench/identical.sh — speed work must not change a single bit of any result (issue 17).
# Saves, then compares byte for byte, the JSON of `run` and of `simulate --trials 2000 --seed 7` for every
# preset, every assets/examples file and every bench/ scenario, from one build of pactscope against another.
# Native and WASM builds are compared each against a baseline of its own kind (they agree to 1e-9, not to
# the bit: tests/run.sh checks that).
# Usage:
#   bench/identical.sh save DIR PACTSCOPE     # PACTSCOPE: a native binary, or a .js run under node
#   bench/identical.sh check DIR PACTSCOPE    # exit 1 and name every file that differs
# Example, before and after a change:
#   bench/identical.sh save build/identical/native build/native/pactscope      # on the old build
#   bench/identical.sh check build/identical/native build/native/pactscope     # on the new one
set -euo pipefail
cd "$(dirname "$0")/.."
[ $# -eq 3 ] && { [ "$1" = save ] || [ "$1" = check ]; } || { sed -n '2,12p' "$0"; exit 2; }
mode=$1 dir=$2 bin=$3
export NODE_PATH=/usr/share/nodejs
if [[ $bin == *.js ]]; then cli=(node --no-experimental-fetch "$bin"); else cli=("$bin"); fi
mkdir -p "$dir"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
differ=0 same=0
for f in assets/presets/*.json assets/examples/*.json bench/*.json; do
  id=$(basename "$f" .json)
  input=$f; [[ $f == assets/presets/* ]] && input="preset:$id"
  for verb in run simulate; do
    args=(); [ "$verb" = simulate ] && args=(--trials 2000 --seed 7)
    out="$tmp/$id.$verb.json"
    "${cli[@]}" "$verb" "$input" "${args[@]}" --out "$out"
    if [ "$mode" = save ]; then
      cp "$out" "$dir/"
    elif cmp -s "$out" "$dir/$id.$verb.json"; then
      same=$((same + 1))
    else
      echo "  differs: $id $verb ${args[*]}"; differ=$((differ + 1))
    fi
  done
done
if [ "$mode" = save ]; then
  echo "saved $(ls "$dir" | wc -l) results in $dir"
else
  echo "identical: $same, different: $differ"
  [ "$differ" -eq 0 ]
fi
