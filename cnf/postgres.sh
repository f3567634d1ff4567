#!/usr/bin/env bash
# A throwaway PostgreSQL server for the tests and benchmarks (not for production):
#   cnf/postgres.sh start DIR [fsync]   initdb a fresh cluster in DIR/data, start it on a free port on 127.0.0.1,
#                                       create the database "loumen" owned by user "loumen" (password "loumen-test",
#                                       scram-sha-256), write the JDBC URL to DIR/url and the port to DIR/port;
#                                       "fsync" keeps fsync on (benchmarks), otherwise off (tests only).
#                                       It stops by itself when the process that started it ends.
#   cnf/postgres.sh stop DIR
# Uses Debian's postgresql package (apt-get install postgresql; .ci/run installs it), or the binaries in
# $LOUMEN_PG_BIN. initdb refuses to run as root: as root the server runs as the "postgres" (or "nobody") user.
set -euo pipefail
cmd=${1:?start|stop}; dir=$(realpath -m "${2:?DIR}")
bin=${LOUMEN_PG_BIN:-$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)}
if [ -z "$bin" ] || [ ! -x "$bin/initdb" ]; then
  echo "postgres.sh: PostgreSQL not found: apt-get install postgresql (or set LOUMEN_PG_BIN)" >&2; exit 1
fi
as=()
if [ "$(id -u)" = 0 ]; then
  user=postgres; id postgres >/dev/null 2>&1 || user=nobody
  as=(runuser -u "$user" --)
fi
data="$dir/data"
case "$cmd" in
  start)
    if [ -f "$data/postmaster.pid" ]; then "${as[@]}" "$bin/pg_ctl" -D "$data" -m immediate stop >/dev/null 2>&1 || true; fi
    rm -rf "$dir"; mkdir -p "$dir"
    [ ${#as[@]} -gt 0 ] && chown "$user" "$dir"
    # the cluster lives in a folder the server's user can reach even when DIR's parents are root-only
    run=$(mktemp -d /tmp/loumen-pg.XXXXXX); chmod 755 "$run"
    [ ${#as[@]} -gt 0 ] && chown "$user" "$run"
    ln -s "$run" "$data"
    printf 'loumen-test\n' > "$run/.pw"; [ ${#as[@]} -gt 0 ] && chown "$user" "$run/.pw"
    "${as[@]}" "$bin/initdb" -D "$run/cluster" -U loumen --pwfile="$run/.pw" --auth-local=trust \
      --auth-host=scram-sha-256 -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1
    rm -f "$run/.pw"
    port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
    fs=off; [ "${3:-}" = fsync ] && fs=on
    "${as[@]}" "$bin/pg_ctl" -D "$run/cluster" -l "$run/server.log" -w -t 60 -o \
      "-p $port -k $run -c listen_addresses=127.0.0.1 -c fsync=$fs -c max_connections=200" start >/dev/null
    "${as[@]}" "$bin/createdb" -h "$run" -p "$port" -U loumen -O loumen loumen
    echo "$port" > "$dir/port"
    echo "jdbc:postgresql://127.0.0.1:$port/loumen" > "$dir/url"
    echo "$run" > "$dir/run"
    # stop with whoever started us (the Maven JVM, a test): no server outlives its build
    watch=${LOUMEN_PG_WATCH_PID:-$PPID}
    setsid nohup bash -c "while kill -0 $watch 2>/dev/null; do sleep 2; done; \
      ${as[*]} '$bin/pg_ctl' -D '$run/cluster' -m fast stop; rm -rf '$run'" >/dev/null 2>&1 < /dev/null &
    echo "postgres.sh: PostgreSQL on 127.0.0.1:$port (database loumen, user loumen), fsync=$fs"
    ;;
  stop)
    if [ -f "$dir/run" ]; then
      run=$(cat "$dir/run")
      "${as[@]}" "$bin/pg_ctl" -D "$run/cluster" -m fast stop >/dev/null 2>&1 || true
      rm -rf "$run"
    fi
    ;;
  *) echo "usage: postgres.sh start|stop DIR" >&2; exit 2 ;;
esac
