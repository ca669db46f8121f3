#!/usr/bin/env bash
# Detection functions for tests/setup.sh, kept apart so that
# tests/integration/setup_detect.rs can run them against fake directory trees.
# Each takes ROOT (default /) so a test can point it at a made-up tree.

# Prints the path of a libclang that bindgen (clang-sys) can load, or
# nothing. clang-sys loads `libclang.so`, `libclang.so.N` or
# `libclang-N.so[.M]`; `libclang-cpp.so.N` (the C++ library, shipped by
# many images) lacks the C API and does not count.
trame_find_libclang() {
  local root="${1:-/}" dir f base
  root="${root%/}"
  if [ "$root" = / ] && [ -n "${LIBCLANG_PATH:-}" ]; then
    for f in "$LIBCLANG_PATH"/libclang*.so*; do
      base="$(basename "$f")"
      if [[ "$base" =~ ^libclang(-[0-9][0-9.]*)?\.so(\.[0-9][0-9.]*)?$ ]]; then
        echo "$f"; return 0
      fi
    done
  fi
  for dir in "$root"/usr/lib/llvm-*/lib "$root"/usr/lib/*-linux-gnu "$root"/usr/lib64 "$root"/usr/lib "$root"/usr/local/lib; do
    [ -d "$dir" ] || continue
    for f in "$dir"/libclang*.so*; do
      [ -e "$f" ] || continue
      base="$(basename "$f")"
      if [[ "$base" =~ ^libclang(-[0-9][0-9.]*)?\.so(\.[0-9][0-9.]*)?$ ]]; then
        echo "$f"; return 0
      fi
    done
  done
  return 1
}

# Prints the folder of clang's own headers (stddef.h, stdint.h), which
# bindgen needs beside the library to parse RocksDB's C header, or nothing.
trame_find_clang_headers() {
  local root="${1:-/}" f
  root="${root%/}"
  for f in "$root"/usr/lib/llvm-*/lib/clang/*/include/stddef.h "$root"/usr/lib/clang/*/include/stddef.h "$root"/usr/local/lib/clang/*/include/stddef.h; do
    if [ -f "$f" ]; then dirname "$f"; return 0; fi
  done
  return 1
}

# Succeeds when both halves of what bindgen needs are under ROOT.
trame_have_bindgen_deps() {
  trame_find_libclang "${1:-/}" >/dev/null && trame_find_clang_headers "${1:-/}" >/dev/null
}

# Succeeds when the file system holding DIR has at least NEED GiB free;
# otherwise says how much is free, where, and what to do, and fails. A first
# test build of trame from a clean clone writes 1.2 GiB under target/
# without cargo's incremental cache (which tests/run.sh turns off; in a
# long-lived tree it grew to 8.6 GiB), then the run adds the models, a
# browser, two SPARQL servers and the stores it builds; the default of 8 GiB
# leaves room. A full disk shows up, half an hour in, as a compiler crash.
trame_check_disk() {
  local dir="$1" need="$2" free
  free="$(df -Pk "$dir" 2>/dev/null | awk 'NR == 2 { print int($4 / 1048576) }')"
  if [ -z "$free" ]; then
    echo "setup: cannot tell the free space under $dir (df failed); going on" >&2
    return 0
  fi
  if [ "$free" -lt "$need" ]; then
    echo "setup: only $free GiB free under $dir; the build and tests need about $need GiB. Free some space (an old target/ folder: cargo clean), point CARGO_TARGET_DIR at a larger disk, or set TRAME_MIN_FREE_GIB=0 to try anyway" >&2
    return 1
  fi
  return 0
}
