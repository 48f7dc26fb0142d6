#!/usr/bin/env bash
# Runs every Vigie test on a fresh Debian 12 machine: installs what is missing (JNA and
# clang-14 from apt, tree-sitter-swift from PyPI, kotlinc from npm inside tests/bindings/run.sh),
# then formatting, lints, Rust tests (unit, corpus, ham, golden, bad input, CLI), the Kotlin and
# Swift binding checks, and compiles the criterion benches.
set -euo pipefail
cd "$(dirname "$0")/.."

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }
if [ ! -f /usr/share/java/jna.jar ] || ! command -v clang-14 >/dev/null; then
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq libjna-java clang-14 >/dev/null
fi
python3 -c "import tree_sitter, tree_sitter_swift" 2>/dev/null \
  || python3 -m pip install -q tree-sitter tree-sitter-swift \
  || echo "warning: tree-sitter-swift unavailable; the Swift parse check will be skipped"
for component in rustfmt clippy; do
  rustup component list --installed 2>/dev/null | grep -q "^$component" || rustup component add "$component"
done

echo "== format and lints"
cargo fmt --all -- --check
cargo clippy --workspace --all-targets -q -- -D warnings

echo "== Rust tests"
mkdir -p target
set +e
cargo test --workspace >target/rust-tests.log 2>&1
rc=$?
set -e
grep -E "^(test result|     Running|---- )" target/rust-tests.log || true
if [ "$rc" -ne 0 ]; then tail -120 target/rust-tests.log; exit "$rc"; fi

echo "== corpus and everyday-message figures"
cargo test -q -p vigie-tests --test corpus --test ham -- --nocapture 2>&1 | grep -E "^(en|fr|id|sw|zh|ALL|file|language detection)|%" | grep -v "^  " || true

echo "== bindings (Kotlin on the JVM, Swift checked against the library)"
bash tests/bindings/run.sh

echo "== benches compile"
cargo bench --workspace --no-run -q 2>&1 | tail -3

summary=$(grep -E "^test result:" target/rust-tests.log | awk '{p+=$4; f+=$6} END {print p" passed, "f" failed"}')
echo "rust: $summary"
