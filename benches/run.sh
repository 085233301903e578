#!/usr/bin/env bash
# Pipeline throughput: criterion benchmarks of entente-pipeline, then the whole command line
# on a generated JSON Lines corpus. Prints articles/s and the time extrapolated to 250,000
# articles. See benches/README.md.
#
#   benches/run.sh                       # defaults: 2,000 articles in criterion, 50,000 for the CLI
#   ENTENTE_BENCH_ARTICLES=5000 ENTENTE_CLI_ARTICLES=20000 benches/run.sh
#   SKIP_CRITERION=1 benches/run.sh      # only the command-line run
#   ENTENTE_DAY_ARTICLES=250000 SKIP_CRITERION=1 benches/run.sh
#                                        # also a day of news: 250,000 articles made from the
#                                        # samples by benches/day_corpus.py (about 360 MB)
set -euo pipefail
cd "$(dirname "$0")/.."

N=${ENTENTE_BENCH_ARTICLES:-2000}
CLI_N=${ENTENTE_CLI_ARTICLES:-50000}
TARGET=${CARGO_TARGET_DIR:-target}
TARGET_ABS=$(cd "$(dirname "$TARGET")" 2>/dev/null && pwd)/$(basename "$TARGET")
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

echo "== machine: $(nproc) cores, $(uname -sm)"

# time_ingest LABEL N JSONL: runs `entente ingest` under /usr/bin/time; prints wall time,
# articles/s, CPU (user + system) per article and peak memory
time_ingest() {
    local label=$1 n=$2 feed=$3 db="$WORK/$1.db"
    rm -f "$db" "$db-wal" "$db-shm"
    /usr/bin/time -f '%e %U %S %M' -o "$WORK/$label.time" \
        "$TARGET_ABS/release/entente" --db "$db" ingest "$feed" --quiet --format json > "$WORK/$label.json"
    cat "$WORK/$label.json"
    read -r wall user sys rss < "$WORK/$label.time"
    ls -l "$db" | awk '{ printf "database: %.1f MB\n", $5 / 1e6 }'
    awk -v n="$n" -v w="$wall" -v u="$user" -v s="$sys" -v m="$rss" -v l="$label" 'BEGIN {
        printf "%s: %d articles in %.1f s wall = %.0f articles/s; CPU %.1f s user + %.1f s system = %.3f ms per article (%.0f articles per CPU-second); peak memory %.0f MiB\n",
            l, n, w, n / w, u, s, (u + s) * 1000 / n, n / (u + s), m / 1024 }'
    rate=$(awk -v n="$n" -v w="$wall" 'BEGIN { printf "%.1f", n / w }')
    printf '%s -> %s\n' "$label" "$(extrapolate "$rate")"
}

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
time_ingest cli "$CLI_N" "$WORK/cli.jsonl"

if [ -n "${ENTENTE_DAY_ARTICLES:-}" ]; then
    echo
    echo "== a day of news: entente ingest on $ENTENTE_DAY_ARTICLES articles made from the samples"
    python3 benches/day_corpus.py "$WORK/day.jsonl" "$ENTENTE_DAY_ARTICLES"
    ls -l "$WORK/day.jsonl" | awk '{ printf "corpus: %.1f MB\n", $5 / 1e6 }'
    time_ingest day "$ENTENTE_DAY_ARTICLES" "$WORK/day.jsonl"
    echo
    echo "== CPU per article of each phase (read, process, store, resolve), first 20,000 of the day"
    ENTENTE_BENCH_INPUT="$WORK/day.jsonl" ENTENTE_BENCH_ARTICLES=20000 \
        cargo bench -p entente-pipeline --bench phases --quiet 2>&1 | grep -E '^(read|process|store|resolve)'
fi
