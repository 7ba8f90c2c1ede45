#!/usr/bin/env bash
# The scale-out topology on one machine, without Docker (README, "Scale-out without Docker"): on 127.0.0.1,
# PostgreSQL (Debian's package), Axon Server (a jar you built: AXON_SERVER_JAR), 2 command-service and 2
# query-service replicas, and nginx as the single entry port.
#
#   AXON_SERVER_JAR=/path/axonserver-4.6.11-exec.jar ops/scaleout.sh start   # build the services first:
#                                                                             # ./mvnw -B -q -DskipTests package
#   ops/scaleout.sh status | stop
#   ops/scaleout.sh stop-one NAME | start-one NAME | restart-replica NAME
#       (NAME: command-1, command-2, query-1, query-2, query-3 — a third query replica, not started by start — or axonserver)
#
# Everything lives in $SCALEOUT_DIR (default /tmp/register-scaleout): data, logs, pid files. Ports:
# gateway $GATEWAY_PORT (8180), Axon Server HTTP 8024 / gRPC 8124, command replicas 8181-8182, query replicas
# 8191-8192, PostgreSQL 55432. The first administrator is `admin` with $REGISTER_ADMIN_PASSWORD (default
# scale-out-admin-1).
# Axon Server SE 4.6.11 binds its gRPC port (8124) on every interface and has no setting to restrict it: on a
# machine with a public interface, firewall that port (only the replicas need it).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
DIR=${SCALEOUT_DIR:-/tmp/register-scaleout}
GATEWAY_PORT=${GATEWAY_PORT:-8180}
PG_PORT=${PG_PORT:-55432}
ADMIN_PASSWORD=${REGISTER_ADMIN_PASSWORD:-scale-out-admin-1}
declare -A PORTS=([command-1]=8181 [command-2]=8182 [query-1]=8191 [query-2]=8192 [query-3]=8193)

log() { printf '%s %s\n' "$(date +%T)" "$*"; }

wait_http() { # url seconds
  for _ in $(seq 1 "$2"); do
    if curl -fs -o /dev/null "$1"; then return 0; fi
    sleep 1
  done
  echo "timed out waiting for $1" >&2
  return 1
}

as_postgres() {
  if [ "$(id -u)" = "0" ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

start_postgres() {
  local bin
  bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
  [ -n "$bin" ] || { echo "Debian's postgresql package is needed (apt-get install postgresql)" >&2; exit 1; }
  mkdir -p "$DIR/pg"
  if [ "$(id -u)" = "0" ]; then chown postgres "$DIR" "$DIR/pg" "$DIR/logs"; fi
  if [ ! -f "$DIR/pg/PG_VERSION" ]; then
    as_postgres "$bin/initdb" -D "$DIR/pg" -U postgres --auth=trust -E UTF8 >/dev/null
  fi
  as_postgres "$bin/pg_ctl" -D "$DIR/pg" -l "$DIR/logs/postgres.log" -w \
    -o "-c listen_addresses=127.0.0.1 -p $PG_PORT -k $DIR -c fsync=on -c synchronous_commit=on" start >/dev/null
  as_postgres "$bin/psql" -h 127.0.0.1 -p "$PG_PORT" -U postgres -tAc "select 1 from pg_database where datname='register'" \
    | grep -q 1 || as_postgres "$bin/createdb" -h 127.0.0.1 -p "$PG_PORT" -U postgres register
  log "PostgreSQL on 127.0.0.1:$PG_PORT ($bin)"
}

start_axonserver() {
  : "${AXON_SERVER_JAR:?set AXON_SERVER_JAR to an Axon Server SE jar (README, Scale-out without Docker)}"
  mkdir -p "$DIR/axonserver"
  if curl -s -o /dev/null http://127.0.0.1:8024/actuator/health; then
    echo "port 8024 is taken (another Axon Server?): stop it first" >&2
    exit 1
  fi
  cd "$DIR/axonserver"
  nohup java -Xmx1g -jar "$AXON_SERVER_JAR" \
      --server.address=127.0.0.1 --server.port=8024 --axoniq.axonserver.port=8124 \
      --axoniq.axonserver.hostname=localhost --axoniq.axonserver.name=axonserver \
      --axoniq.axonserver.devmode.enabled=false \
      --axoniq.axonserver.event.storage="$DIR/axonserver/events" \
      --axoniq.axonserver.snapshot.storage="$DIR/axonserver/events" \
      --axoniq.axonserver.controldb-path="$DIR/axonserver/data" \
      --axoniq.axonserver.pid-file-location="$DIR/axonserver" \
      > "$DIR/logs/axonserver.log" 2>&1 &
  echo $! > "$DIR/axonserver.pid"
  cd "$ROOT"
  wait_http http://127.0.0.1:8024/actuator/health 120
  log "Axon Server on 127.0.0.1:8024 (gRPC 8124)"
}

start_replica() { # name
  local name=$1 port=${PORTS[$1]} jar
  if curl -s -o /dev/null "http://127.0.0.1:$port/actuator/health"; then
    echo "port $port is taken (a replica of another run?): stop it first" >&2
    exit 1
  fi
  case "$name" in
    command-*) jar="$ROOT/register-command-service/target/register-command-service.jar" ;;
    query-*) jar="$ROOT/register-query-service/target/register-query-service.jar" ;;
  esac
  [ -f "$jar" ] || { echo "$jar is missing: ./mvnw -B -q -DskipTests package" >&2; exit 1; }
  SERVER_PORT=$port SERVER_ADDRESS=127.0.0.1 \
    SPRING_DATASOURCE_URL="jdbc:postgresql://127.0.0.1:$PG_PORT/register" SPRING_DATASOURCE_USERNAME=postgres \
    AXON_AXONSERVER_SERVERS=127.0.0.1:8124 REGISTER_ADMIN_PASSWORD="$ADMIN_PASSWORD" \
    REGISTER_CALENDAR_DIR="$DIR/calendar" \
    nohup java -Xmx384m -jar "$jar" > "$DIR/logs/$name.log" 2>&1 &
  echo $! > "$DIR/$name.pid"
}

wait_ready() { # name
  wait_http "http://127.0.0.1:${PORTS[$1]}/actuator/health/readiness" 180
  log "$1 ready on 127.0.0.1:${PORTS[$1]}"
}

start_nginx() {
  command -v nginx >/dev/null || { echo "nginx is needed (apt-get install nginx)" >&2; exit 1; }
  sed -e "s|@GATEWAY_PORT@|$GATEWAY_PORT|" -e "s|@DIR@|$DIR|g" "$ROOT/ops/nginx/local.conf" > "$DIR/nginx.conf"
  nginx -c "$DIR/nginx.conf" -p "$DIR" </dev/null >/dev/null 2>&1
  log "gateway on http://127.0.0.1:$GATEWAY_PORT"
}

stop_pid() { # file
  if [ -f "$1" ]; then
    local pid
    pid=$(cat "$1")
    kill "$pid" 2>/dev/null || true
    for _ in $(seq 1 30); do kill -0 "$pid" 2>/dev/null || break; sleep 1; done
    kill -9 "$pid" 2>/dev/null || true
    rm -f "$1"
  fi
}

case "${1:-}" in
  start)
    mkdir -p "$DIR/logs" "$DIR/calendar"
    start_postgres
    start_axonserver
    start_replica command-1
    wait_ready command-1 # the first replica applies the migrations alone; the others may start together
    start_replica command-2; start_replica query-1; start_replica query-2
    for name in command-2 query-1 query-2; do wait_ready "$name"; done
    start_nginx
    ;;
  stop)
    [ -f "$DIR/nginx.pid" ] && nginx -c "$DIR/nginx.conf" -p "$DIR" -s quit 2>/dev/null || true
    for name in query-3 query-2 query-1 command-2 command-1; do stop_pid "$DIR/$name.pid"; done
    stop_pid "$DIR/axonserver.pid"
    if [ -f "$DIR/pg/postmaster.pid" ]; then
      as_postgres "$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)/pg_ctl" -D "$DIR/pg" -m fast stop >/dev/null || true
    fi
    log "stopped (data kept in $DIR)"
    ;;
  restart-replica)
    name=${2:?name a replica: command-1, command-2, query-1, query-2, query-3}
    stop_pid "$DIR/$name.pid"; start_replica "$name"; wait_ready "$name"
    ;;
  stop-one)
    name=${2:?name a replica or axonserver}
    stop_pid "$DIR/$name.pid"
    log "$name stopped"
    ;;
  kill-one)
    name=${2:?name a replica or axonserver}
    if [ -f "$DIR/$name.pid" ]; then
      pid=$(cat "$DIR/$name.pid")
      kill -9 "$pid" 2>/dev/null || true
      for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    fi
    rm -f "$DIR/$name.pid"
    log "$name killed"
    ;;
  start-one)
    name=${2:?name a replica or axonserver}
    if [ "$name" = axonserver ]; then start_axonserver; else start_replica "$name"; wait_ready "$name"; fi
    ;;
  status)
    for name in command-1 command-2 query-1 query-2 query-3; do
      printf '%-10s %s\n' "$name" "$(curl -s "http://127.0.0.1:${PORTS[$name]}/actuator/health/readiness" || echo down)"
    done
    ;;
  *)
    echo "usage: AXON_SERVER_JAR=... $0 start | stop | status | start-one|stop-one|kill-one|restart-replica NAME" >&2
    exit 2
    ;;
esac
