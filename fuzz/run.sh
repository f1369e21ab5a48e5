#!/usr/bin/env bash
# Builds and runs Between's libFuzzer targets (fuzz/README.md).
#
#   fuzz/run.sh [SECONDS] [TARGET...]      default: 60 seconds each, all targets
#
# BetweenCore, BetweenIndex and their dependencies are built by SwiftPM with AddressSanitizer and libFuzzer's
# coverage (-sanitize-coverage=edge,inline-8bit-counters,pc-table,trace-cmp) in .build-fuzz; each fuzz/targets/NAME.swift defines LLVMFuzzerTestOneInput and is linked with
# libFuzzer against those objects. New inputs go to fuzz/work/corpus/NAME (seeds in
# fuzz/corpus/NAME are read, never written); crashes to fuzz/work/artifacts/.
# FUZZ_SKIP_BUILD=1 reuses the last build.
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS_EACH=${1:-60}
shift || true
TARGETS=("$@")
[ ${#TARGETS[@]} -eq 0 ] && TARGETS=(entry body query date)
SWIFT=${SWIFT:-swift}
SCRATCH=.build-fuzz
# Coverage without libFuzzer's main, so SwiftPM's own tools (the template plugin) still link.
FLAGS=(-Xswiftc -sanitize=address -Xswiftc -sanitize-coverage=edge,inline-8bit-counters,pc-table,trace-cmp -Xswiftc -use-ld=lld)

if [ "${FUZZ_SKIP_BUILD:-0}" != 1 ]; then
    # The template plugin's tool is sanitized too; LeakSanitizer would fail it at exit over
    # Foundation's file-reading buffers.
    ASAN_OPTIONS=detect_leaks=0 $SWIFT build -c release --scratch-path "$SCRATCH" --target BetweenIndex "${FLAGS[@]}"
fi
BIN=$($SWIFT build -c release --scratch-path "$SCRATCH" "${FLAGS[@]}" --show-bin-path)
CHECKOUTS=$SCRATCH/checkouts
MAPS=()
for map in Sources/CCmark/module.modulemap "$CHECKOUTS/Yams/Sources/CYaml/include/module.modulemap" \
           "$CHECKOUTS/GRDB.swift/Sources/GRDBSQLite/module.modulemap" "$BIN/CTOML.build/module.modulemap"; do
    [ -f "$map" ] && MAPS+=(-Xcc "-fmodule-map-file=$map")
done
OBJECTS=()
while IFS= read -r object; do OBJECTS+=("$object"); done < <(
    find "$BIN"/{BetweenCore,BetweenIndex,CTOML,CYaml,GRDB,TOMLKit,Yams}.build -name '*.o' | sort)
mkdir -p "$SCRATCH/fuzzers" fuzz/work/artifacts
LIBS=$(pkg-config --libs libcmark sqlite3)

for target in "${TARGETS[@]}"; do
    exe="$SCRATCH/fuzzers/fuzz-$target"
    echo "== building $exe"
    swiftc -O -sanitize=fuzzer,address -parse-as-library -use-ld=lld -I "$BIN/Modules" "${MAPS[@]}" \
        "fuzz/targets/$target.swift" "${OBJECTS[@]}" $LIBS -lstdc++ -o "$exe"
done

status=0
for target in "${TARGETS[@]}"; do
    mkdir -p "fuzz/work/corpus/$target"
    echo "== fuzzing $target for ${SECONDS_EACH}s"
    # -close_fd_mask=3: the targets print nothing worth seeing.
    ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=0} "$SCRATCH/fuzzers/fuzz-$target" \
        -max_total_time="$SECONDS_EACH" -timeout=10 -rss_limit_mb=2560 -max_len=65536 -print_final_stats=1 \
        -artifact_prefix="fuzz/work/artifacts/$target-" "fuzz/work/corpus/$target" "fuzz/corpus/$target" \
        2> "fuzz/work/$target.log" || status=1
    grep -E '^#[0-9]+[[:space:]]+DONE|^stat::(number_of_executed_units|average_exec_per_sec|new_units_added|peak_rss_mb)|ERROR|SUMMARY' \
        "fuzz/work/$target.log" || true
done
exit $status
