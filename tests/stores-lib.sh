#!/usr/bin/env bash
# Starting and stopping the real SPARQL stores on 127.0.0.1, for the scripts
# that need them (tests/stores.sh, benches/load.sh, deploy/simulate.sh).
# Sourced, not run. Each store lives in a folder the caller gives and owns.
#
#   trame_free_port                      a free TCP port on 127.0.0.1
#   trame_wait_for URL                   until URL answers (any status), 60 s at most
#   trame_oxigraph_start BIN DIR PORT    `oxigraph serve` on DIR; sets ox_pid
#   trame_oxigraph_stop                  stops it
#   trame_virtuoso_configure DIR         virtuoso.ini in DIR on free ports; sets
#                                        vt_http_port, vt_sql_port
#   trame_virtuoso_start DIR             starts Virtuoso; sets vt_pid
#   trame_virtuoso_stop
#   trame_virtuoso_password DIR          replaces a new database's dba password
#                                        with a fresh one; sets vt_password
# (Oxigraph: PyPI package `oxigraph`; Virtuoso: Debian `virtuoso-opensource`.
# tests/setup.sh installs both.)

trame_free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }

trame_wait_for() {
  for _ in $(seq 1 120); do
    if curl -s -o /dev/null "$1"; then return 0; fi
    sleep 0.5
  done
  echo "stores: $1 did not come up" >&2
  return 1
}

trame_oxigraph_start() { # BIN DIR PORT
  "$1" serve --location "$2" --bind "127.0.0.1:$3" > "$2.log" 2>&1 &
  ox_pid=$!
  trame_wait_for "http://127.0.0.1:$3/query"
}
trame_oxigraph_stop() { kill "$ox_pid" 2>/dev/null || true; wait "$ox_pid" 2>/dev/null || true; }

trame_virtuoso_configure() { # DIR
  local dir="$1"
  vt_http_port=$(trame_free_port); vt_sql_port=$(trame_free_port)
  mkdir -p "$dir"
  cat > "$dir/virtuoso.ini" <<INI
[Database]
DatabaseFile = $dir/virtuoso.db
ErrorLogFile = $dir/virtuoso.log
TransactionFile = $dir/virtuoso.trx
xa_persistent_file = $dir/virtuoso.pxa
[TempDatabase]
DatabaseFile = $dir/virtuoso-temp.db
TransactionFile = $dir/virtuoso-temp.trx
[Parameters]
ServerPort = 127.0.0.1:$vt_sql_port
DirsAllowed = ., $dir
NumberOfBuffers = 20000
MaxDirtyBuffers = 15000
[HTTPServer]
ServerPort = 127.0.0.1:$vt_http_port
ServerRoot = $dir
[SPARQL]
ResultSetMaxRows = 1000000
MaxQueryExecutionTime = 600
DefaultGraph =
INI
}

trame_virtuoso_start() { # DIR
  (cd "$1" && exec virtuoso-t +foreground +configfile virtuoso.ini > run.log 2>&1) &
  vt_pid=$!
  trame_wait_for "http://127.0.0.1:$vt_http_port/sparql"
}
trame_virtuoso_stop() { kill "$vt_pid" 2>/dev/null || true; wait "$vt_pid" 2>/dev/null || true; sleep 1; }

trame_virtuoso_password() { # DIR
  # The SQL port opens a moment after the HTTP one.
  vt_password="trame-$RANDOM$RANDOM"
  for _ in $(seq 1 60); do
    if isql-vt "127.0.0.1:$vt_sql_port" dba dba exec="user_set_password('dba', '$vt_password');" > "$1/isql.log" 2>&1; then
      return 0
    fi
    sleep 0.5
  done
  echo "stores: could not set Virtuoso's dba password (see $1/isql.log)" >&2
  return 1
}
