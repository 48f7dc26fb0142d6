#!/usr/bin/env bash
# Binding tests: build the cdylib, generate Kotlin and Swift with uniffi-bindgen, compile the
# Kotlin bindings with VigieTest.kt and run it on the JVM against the library, then check the
# generated Swift against the library (check_swift.py). Needs: cargo, java 17, npm, gcc,
# /usr/share/java/jna.jar (Debian libjna-java), python3. Run from anywhere.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root"
target=${CARGO_TARGET_DIR:-$root/target}
gen="$target/bindings"
kdir="$target/kotlin"
KOTLIN_VERSION=2.4.20

# Separate builds: a joint one would unify features and pull the bindgen CLI into the cdylib.
cargo build -q -p vigie-ffi
cargo build -q -p vigie-ffi --features cli --bin uniffi-bindgen
rm -rf "$gen"
"$target/debug/uniffi-bindgen" generate "$target/debug/libvigie.so" -c bindings/uniffi.toml \
  --language kotlin --language swift --no-format --out-dir "$gen"

if [ ! -x "$kdir/package/bin/kotlinc" ]; then
  mkdir -p "$kdir"
  (cd "$kdir" && npm pack --silent "kotlin-compiler@$KOTLIN_VERSION" >/dev/null && tar xzf kotlin-compiler-*.tgz)
  chmod +x "$kdir"/package/bin/*
fi
kotlinc="$kdir/package/bin/kotlinc"
jna=/usr/share/java/jna.jar
[ -f "$jna" ] || { echo "missing $jna: apt-get install libjna-java" >&2; exit 1; }

export JAVA_OPTS="-Xmx2G -XX:TieredStopAtLevel=1"
"$kotlinc" -nowarn -cp "$jna" -d "$gen/vigie-test.jar" \
  $(find "$gen" -name '*.kt') tests/bindings/VigieTest.kt
java -Djna.library.path="$target/debug" \
  -cp "$gen/vigie-test.jar:$jna:$kdir/package/lib/kotlin-stdlib.jar" \
  org.vigie.test.VigieTestKt "$root"

python3 tests/bindings/check_swift.py "$gen" "$target/debug/libvigie.so"
