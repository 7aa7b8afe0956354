#!/usr/bin/env bash
# Every command's output (stdout, stderr, exit code, written files) on the shipped catalogs
# and on the benchmark's medium corpus, into OUTDIR: run it before and after a change that
# must not change behaviour, then `diff -r BEFORE AFTER`.
#
#   python bench/corpus.py medium /tmp/medium        # once
#   bash bench/snapshot.sh /tmp/before /tmp/medium   # at the old commit
#   bash bench/snapshot.sh /tmp/after /tmp/medium    # at the new one
#   diff -r /tmp/before /tmp/after
set -u
out=$(realpath -m "$1"); medium=$(realpath "${2:-/tmp/medium}"); mkdir -p $out; rm -rf $out/*
export TRANSKIT_CACHE_DIR=$(mktemp -d)
run() { name=$1; shift; ( "$@" > $out/$name.out 2> $out/$name.err; echo $? > $out/$name.rc ); }
cd "$(dirname "$0")/.."
for fmt in text json sarif junit github markdown; do run check-$fmt transkit check --format $fmt --no-cache; done
run check-q transkit check -q --no-cache
run check-fr transkit check --lang fr --lang ar --no-cache
run check-cached1 transkit check
run check-cached2 transkit check
for fmt in text json csv; do run stats-$fmt transkit stats --format $fmt; done
run stats-sort transkit stats --sort coverage --lang fr --lang ti
for fmt in text json; do run terms-$fmt transkit terms --format $fmt; done
run checks transkit checks; run checks-json transkit checks --format json
run explain transkit explain T105
tmp=$(mktemp -d); cp -r catalogs glossary $tmp/; cd $tmp
run update-dry transkit update --dry-run
run report transkit report -o report.html --now 2026-01-01T00:00:00Z; mv report.html $out/
run compile transkit compile -o $tmp/build --only-passing
run init transkit init so
cd "$medium"
for fmt in text json; do run medium-check-$fmt transkit check --format $fmt --no-cache; done
run medium-stats transkit stats --format json
run medium-terms transkit terms --format json
tmp2=$(mktemp -d); cp -r "$medium"/* $tmp2/; cd $tmp2
run medium-report transkit report -o report.html --now 2026-01-01T00:00:00Z; mv report.html $out/medium-report.html
run medium-update transkit update
for f in catalogs/*.po; do cat $f; done | md5sum > $out/medium-updated.md5
