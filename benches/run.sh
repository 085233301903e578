#!/usr/bin/env bash
# Pipeline throughput: criterion benchmarks of entente-pipeline, then the whole command line
# on a generated JSON Lines corpus. Prints articles/s and the time extrapolated to 250,000
# articles. See benches/README.md.
#
#   benches/run.sh                       # defaults: 2,000 articles in criterion, 50,000 for the CLI
#   ENTENTE_BENCH_ARTICLES=5000 ENTENTE_CLI_ARTICLES=20000 benches/run.sh
#   SKIP_CRITERION=1 benches/run.sh      # only the command-line run
set -euo pipefail
cd "$(dirname "$0")/.."

N=${ENTENTE_BENCH_ARTICLES:-2000}
CLI_N=${ENTENTE_CLI_ARTICLES:-50000}
TARGET=${CARGO_TARGET_DIR:-target}
TARGET_ABS=$(cd "$(dirname "$TARGET")" 2>/dev/null && pwd)/$(basename "$TARGET")
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

echo "== machine: $(nproc) cores, $(uname -sm)"

# extrapolate RATE(articles/s) -> "X s (Y min) for 250,000 articles"
extrapolate() {
    awk -v r="$1" 'BEGIN { if (r > 0) { s = 250000 / r; printf "%.0f s (%.1f min) for 250,000 articles", s, s / 60 } else print "n/a" }'
}

if [ -z "${SKIP_CRITERION:-}" ]; then
    echo "== criterion: entente-pipeline, $N generated articles"
    log="$WORK/criterion.log"
    ENTENTE_BENCH_ARTICLES=$N cargo bench -p entente-pipeline --bench pipeline 2>&1 | tee "$log"
    echo
    echo "== pipeline throughput (criterion median)"
    # criterion prints "pipeline/NAME  time: [...]" then "thrpt: [lo unit MEDIAN unit hi unit]"
    awk '
        /^pipeline\// { name = $1 }
        /thrpt:/ && /elem\/s/ {
            v = $4; u = $5; m = 1
            if (u ~ /^K/) m = 1e3; else if (u ~ /^M/) m = 1e6; else if (u ~ /^G/) m = 1e9
            printf "%s %.1f\n", name, v * m
        }' "$log" | while read -r name rate; do
        printf '%-24s %10.0f articles/s   -> %s\n' "$name" "$rate" "$(extrapolate "$rate")"
    done
fi

echo
echo "== command line: entente ingest on $CLI_N generated articles (release)"
cargo build --release -p entente-cli --quiet
ENTENTE_BENCH_CORPUS_OUT="$WORK/cli.jsonl" ENTENTE_BENCH_ARTICLES=$CLI_N \
    cargo bench -p entente-pipeline --bench pipeline --quiet 2>&1 | grep -v '^$' || true
ls -l "$WORK/cli.jsonl" | awk '{ printf "corpus: %.1f MB\n", $5 / 1e6 }'
start=$(date +%s.%N)
"$TARGET_ABS/release/entente" --db "$WORK/cli.db" ingest "$WORK/cli.jsonl" --quiet --format json > "$WORK/summary.json"
end=$(date +%s.%N)
cat "$WORK/summary.json"
wall=$(awk -v a="$start" -v b="$end" 'BEGIN { printf "%.2f", b - a }')
rate=$(awk -v n="$CLI_N" -v w="$wall" 'BEGIN { printf "%.1f", n / w }')
ls -l "$WORK/cli.db" | awk '{ printf "database: %.1f MB\n", $5 / 1e6 }'
printf 'entente ingest: %s articles in %s s wall = %.0f articles/s -> %s\n' \
    "$CLI_N" "$wall" "$rate" "$(extrapolate "$rate")"
