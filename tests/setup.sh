#!/usr/bin/env bash
# Installs the system packages a fresh machine lacks (sourced by tests/run.sh
# and exports/build-seed.sh) and says what it installed.
#   - bindgen (Oxigraph's RocksDB binding) needs a libclang it can load and
#     clang's own headers: Debian's libclang-dev brings both. A look-alike
#     such as libclang-cpp.so.14 does not count (tests/setup-lib.sh).
#   - pip fetches the French models.
#   - the browser tests of `trame serve` drive Debian's chromium headless
#     (tests/integration/serve_browser.rs); it is never downloaded by the tests.
#   - extra "stores" (tests/stores.sh, run by tests/run.sh): Debian's
#     virtuoso-opensource and curl, and the Oxigraph server from PyPI
#     (package `oxigraph`, pinned) in a venv under ~/.cache/trame/stores.
#   - room on disk: TRAME_MIN_FREE_GIB (default 8) GiB free where target/
#     goes, or it stops at once and says so.
# The checks are tested against fake trees by tests/integration/setup_detect.rs.
# shellcheck source=tests/setup-lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/setup-lib.sh"
# Room to build: checked first, so a full disk is said now rather than
# found by the compiler half an hour in.
trame_disk_dir="${CARGO_TARGET_DIR:-$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)}"
mkdir -p "$trame_disk_dir"
if ! trame_check_disk "$trame_disk_dir" "${TRAME_MIN_FREE_GIB:-8}"; then
  return 1 2>/dev/null || exit 1
fi
need_apt=()
if ! trame_have_bindgen_deps /; then
  need_apt+=(libclang-dev)
fi
if ! command -v python3 >/dev/null 2>&1; then
  need_apt+=(python3 python3-pip)
elif ! python3 -m pip --version >/dev/null 2>&1; then
  need_apt+=(python3-pip)
fi
if [ ! -x /usr/bin/chromium ]; then
  need_apt+=(chromium)
fi
for extra in ${TRAME_SETUP_EXTRA:-}; do
  case "$extra" in
    chromium) ;; # always checked above
    stores)
      command -v virtuoso-t >/dev/null 2>&1 || need_apt+=(virtuoso-opensource)
      command -v curl >/dev/null 2>&1 || need_apt+=(curl)
      python3 -c 'import ensurepip, venv' >/dev/null 2>&1 || need_apt+=(python3-venv)
      ;;
    *) echo "setup: unknown extra '$extra'" >&2 ;;
  esac
done
if [ "${#need_apt[@]}" -gt 0 ]; then
  if ! command -v apt-get >/dev/null 2>&1; then
    echo "setup: missing ${need_apt[*]}, and this machine has no apt-get: install them by hand" >&2
    return 1 2>/dev/null || exit 1
  fi
  sudo_cmd=""
  if [ "$(id -u)" != 0 ]; then sudo_cmd="sudo"; fi
  echo "setup: installing ${need_apt[*]} with apt-get" >&2
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq "${need_apt[@]}" >/dev/null
  if ! trame_have_bindgen_deps /; then
    echo "setup: libclang-dev was installed but no loadable libclang with its headers was found" >&2
    return 1 2>/dev/null || exit 1
  fi
  echo "setup: installed ${need_apt[*]}" >&2
fi

# The Oxigraph server for tests/stores.sh, pinned, in a venv of its own.
case " ${TRAME_SETUP_EXTRA:-} " in
  *" stores "*)
    trame_oxigraph_version=0.5.13
    trame_stores_dir="${TRAME_STORES_DIR:-$HOME/.cache/trame/stores}"
    if ! "$trame_stores_dir/venv/bin/oxigraph" --version 2>/dev/null | grep -qx "oxigraph $trame_oxigraph_version"; then
      echo "setup: installing the Oxigraph server $trame_oxigraph_version (PyPI package oxigraph) into $trame_stores_dir/venv" >&2
      python3 -m venv "$trame_stores_dir/venv"
      "$trame_stores_dir/venv/bin/pip" install -q "oxigraph==$trame_oxigraph_version"
      echo "setup: installed $("$trame_stores_dir/venv/bin/oxigraph" --version)" >&2
    fi
    ;;
esac
