#!/usr/bin/env python3
"""Checks the generated Swift bindings against the library, without a Swift compiler.

1. Each Swift file imports an FFI module that a generated .modulemap declares, naming a
   header that exists.
2. Every `uniffi_*` / `ffi_*` symbol the Swift files use is declared in a generated header.
3. The headers declare exactly the uniffi functions the .so exports.
4. A C program compiled against the headers (gcc -Werror -pedantic) links every function and
   calls the contract-version and checksum functions; their values must equal the ones the
   Swift init code expects.
5. With clang-14, the headers build as Clang modules from the .modulemap (as Swift imports them).
6. With the tree-sitter-swift grammar (PyPI), every Swift file parses without error.

Prints `swift: N passed, N failed` and exits non-zero on any failure.
"""
import os
import re
import shutil
import subprocess
import sys
import tempfile

gen, lib = sys.argv[1], sys.argv[2]
passed = failed = 0


def check(name, ok, detail=""):
    global passed, failed
    if ok:
        passed += 1
        print(f"ok   {name}")
    else:
        failed += 1
        print(f"FAIL {name} {detail}")


swift_files = sorted(f for f in os.listdir(gen) if f.endswith(".swift"))
modulemaps = sorted(f for f in os.listdir(gen) if f.endswith(".modulemap"))
headers = sorted(f for f in os.listdir(gen) if f.endswith(".h"))
check("generated swift, headers and modulemaps", swift_files and modulemaps and headers)

modules = {}
for mm in modulemaps:
    text = open(os.path.join(gen, mm)).read()
    m = re.search(r'module\s+(\w+)\s*\{[^}]*header\s+"([^"]+)"', text, re.S)
    check(f"{mm} declares a module and header", bool(m))
    if m:
        modules[m.group(1)] = m.group(2)
        check(f"{mm} header {m.group(2)} exists", os.path.exists(os.path.join(gen, m.group(2))))

header_text = "".join(open(os.path.join(gen, h)).read() for h in headers)
declared = set(re.findall(r"\b((?:uniffi|ffi)_\w+)\s*\(", header_text))

expected_values = {}
for sf in swift_files:
    text = open(os.path.join(gen, sf)).read()
    imports = re.findall(r"#if canImport\((\w+)\)\s*import (\w+)", text)
    check(f"{sf} imports a declared FFI module", imports and all(a == b and a in modules for a, b in imports), str(imports))
    used = set(re.findall(r"\b((?:uniffi|ffi)_[a-z0-9_]+)\s*\(", text))
    missing = sorted(u for u in used if u not in declared)
    check(f"{sf}: {len(used)} FFI symbols used are declared", not missing, str(missing[:5]))
    m = re.search(r"let bindings_contract_version = (\d+)\s*(?://[^\n]*\n\s*)*let scaffolding_contract_version = (\w+)\(\)", text)
    check(f"{sf} states its contract version", bool(m))
    if m:
        expected_values[m.group(2)] = int(m.group(1))
    for fn, val in re.findall(r"if \((uniffi_\w+_checksum_\w+)\(\) != (\d+)\)", text):
        expected_values[fn] = int(val)
check("swift expects checksums", len(expected_values) > 2, str(len(expected_values)))

nm = subprocess.run(["nm", "-D", "--defined-only", lib], capture_output=True, text=True, check=True).stdout
exported = set(re.findall(r" T ((?:uniffi|ffi)_\w+)$", nm, re.M))
check("headers declare exactly the exported functions", exported == declared,
      f"only in .so: {sorted(exported - declared)[:5]} only in headers: {sorted(declared - exported)[:5]}")

with tempfile.TemporaryDirectory() as tmp:
    calls = "\n".join(
        f'    printf("%s %llu\\n", "{fn}", (unsigned long long){fn}());' for fn in sorted(expected_values))
    refs = "\n".join(f"    (void *)&{fn}," for fn in sorted(declared))
    src = os.path.join(tmp, "abi.c")
    with open(src, "w") as f:
        f.write("#include <stdio.h>\n")
        for h in headers:
            f.write(f'#include "{h}"\n')
        f.write(f"static void *all[] = {{\n{refs}\n}};\n")
        f.write("int main(void) {\n    (void)all;\n" + calls + "\n    return 0;\n}\n")
    exe = os.path.join(tmp, "abi")
    libdir = os.path.dirname(os.path.abspath(lib))
    cc = subprocess.run(["gcc", "-std=c11", "-Werror", "-Wall", "-pedantic", "-Wno-pedantic",
                         "-D_Nonnull=", "-D_Nullable=", "-I", gen, src, "-o", exe,
                         f"-L{libdir}", "-lvigie", f"-Wl,-rpath,{libdir}"], capture_output=True, text=True)
    check("C program compiles and links against the headers and the library", cc.returncode == 0, cc.stderr[-800:])
    if cc.returncode == 0:
        run = subprocess.run([exe], capture_output=True, text=True)
        got = dict((k, int(v)) for k, v in (line.split() for line in run.stdout.splitlines()))
        wrong = {k: (v, got.get(k)) for k, v in expected_values.items() if got.get(k) != v}
        check(f"library matches the {len(expected_values)} contract versions and checksums the Swift expects", not wrong, str(wrong)[:400])

    clang = shutil.which("clang-14") or shutil.which("clang")
    if clang:
        for mod in modules:
            r = subprocess.run([clang, "-fmodules", "-fsyntax-only", f"-fmodule-map-file={os.path.join(gen, mod + '.modulemap')}",
                                f"-fmodules-cache-path={tmp}/mc", "-x", "objective-c", "-", "-I", gen],
                               input=f"@import {mod};\nint main(void) {{ return 0; }}\n", capture_output=True, text=True)
            check(f"{mod} builds as a Clang module", r.returncode == 0, r.stderr[-600:])
    else:
        print("skip Clang module check: no clang on PATH")

try:
    import tree_sitter
    import tree_sitter_swift

    parser = tree_sitter.Parser(tree_sitter.Language(tree_sitter_swift.language()))
    for sf in swift_files:
        src = open(os.path.join(gen, sf)).read().replace("@_documentation(visibility: private)", "")
        tree = parser.parse(src.encode())
        check(f"{sf} parses with tree-sitter-swift", not tree.root_node.has_error)
except ImportError:
    print("skip Swift parse check: pip install tree-sitter tree-sitter-swift")

print(f"swift: {passed} passed, {failed} failed")
sys.exit(1 if failed else 0)
