#!/usr/bin/env bash
# Local single-node Apache Kafka (KRaft) broker, fetched from Maven Central.
#
#   deploy/kafka/kafka.sh start | stop | status | restart | logs [-f] | reset | add-user <name>
#
# Settings (environment):
#   KAFKA_HOME_DIR         state dir              (default: <repo>/.local/kafka)
#   KAFKA_PORT             broker port            (default: 9092)
#   KAFKA_CONTROLLER_PORT  KRaft controller port  (default: 9093)
#   KAFKA_DATA_DIR         log.dirs               (default: $KAFKA_HOME_DIR/data-$KAFKA_PORT)
#   KAFKA_HEAP             JVM heap flags         (default: -Xms128m -Xmx512m)
#   KAFKA_START_TIMEOUT    seconds to wait for readiness (default: 90)
#   KAFKA_STOP_TIMEOUT     seconds before SIGKILL        (default: 30)
#   JAVA                   java binary (default: $JAVA_HOME/bin/java or java on PATH)
#
# Authentication and ACLs, as a city's cluster runs them (off by default):
#   KAFKA_SASL=scram          clients connect to a SASL_PLAINTEXT listener with SCRAM-SHA-512, and the
#                             standard authorizer allows only what ACLs grant
#                             (allow.everyone.if.no.acl.found=false, super.users=User:admin)
#   KAFKA_SUPERUSER_PASSWORD  the password of the super user `admin` (required with KAFKA_SASL=scram);
#                             the broker talks to itself as admin too
#   KAFKA_SCRAM_USERS         more SCRAM-SHA-512 users, "name=password name=password" (no spaces,
#                             quotes, commas, = or ] in a password), created when the storage is formatted
# SCRAM credentials live in the cluster metadata: they are written when the data directory is formatted
# (the first start, or after `reset`); on a running SASL broker `add-user` adds or changes one:
#   KAFKA_SASL=scram KAFKA_SUPERUSER_PASSWORD=... KAFKA_USER_PASSWORD=... deploy/kafka/kafka.sh add-user <name>
# The KRaft controller listener (127.0.0.1 only) takes the broker with SASL/PLAIN as admin, so nothing
# reaches the authorizer unauthenticated. ACLs are the caller's: e.g. the messaging library's
# libs/messaging/test/kafka-acls.int-spec.ts creates them from kafkaAclsOf (libs/contracts) with the
# admin client; deploy/kafka/acl-commands.ts prints them as kafka-acls.sh commands.
#
# Every file is keyed by the broker port, so a second broker (e.g. KAFKA_PORT=19092
# KAFKA_CONTROLLER_PORT=19093) can run next to the first one.
#
# status exit codes: 0 running, 3 stopped, 4 our process is alive but the port is not open.
set -euo pipefail

readonly KAFKA_VERSION=4.2.2

SCRIPT_DIR="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")" && pwd)"
REPO_ROOT="$(cd "$SCRIPT_DIR/../.." && pwd)"

KAFKA_HOME_DIR="${KAFKA_HOME_DIR:-$REPO_ROOT/.local/kafka}"
KAFKA_PORT="${KAFKA_PORT:-9092}"
KAFKA_CONTROLLER_PORT="${KAFKA_CONTROLLER_PORT:-9093}"
KAFKA_HEAP="${KAFKA_HEAP:--Xms128m -Xmx512m}"
KAFKA_START_TIMEOUT="${KAFKA_START_TIMEOUT:-90}"
KAFKA_STOP_TIMEOUT="${KAFKA_STOP_TIMEOUT:-30}"
KAFKA_SASL="${KAFKA_SASL:-}"
KAFKA_SCRAM_USERS="${KAFKA_SCRAM_USERS:-}"
# What a SCRAM password may hold here: it goes into a JAAS line and an --add-scram argument unquoted.
readonly PASSWORD_PATTERN='^[^][:space:]",=[]+$'
case "$KAFKA_SASL" in
  "" | scram) ;;
  *) echo "kafka: KAFKA_SASL must be empty or scram, not '$KAFKA_SASL'" >&2; exit 2 ;;
esac
if [[ "$KAFKA_SASL" == scram && ! "${KAFKA_SUPERUSER_PASSWORD:-}" =~ $PASSWORD_PATTERN ]]; then
  echo "kafka: KAFKA_SASL=scram needs KAFKA_SUPERUSER_PASSWORD (the super user admin's password; no spaces, quotes, commas, = or brackets)" >&2
  exit 2
fi
if [[ -n "${JAVA_HOME:-}" && -x "${JAVA_HOME}/bin/java" ]]; then
  JAVA="${JAVA:-$JAVA_HOME/bin/java}"
else
  JAVA="${JAVA:-java}"
fi

mkdir -p "$KAFKA_HOME_DIR"
KAFKA_HOME_DIR="$(cd "$KAFKA_HOME_DIR" && pwd)" # log.dirs must be absolute
KAFKA_DATA_DIR="${KAFKA_DATA_DIR:-$KAFKA_HOME_DIR/data-$KAFKA_PORT}"
LIBS_DIR="$KAFKA_HOME_DIR/libs-$KAFKA_VERSION"
PID_FILE="$KAFKA_HOME_DIR/kafka-$KAFKA_PORT.pid"
LOG_FILE="$KAFKA_HOME_DIR/kafka-$KAFKA_PORT.log"
PROPS_FILE="$KAFKA_HOME_DIR/server-$KAFKA_PORT.properties"
LOCK_FILE="$KAFKA_HOME_DIR/kafka-$KAFKA_PORT.lock"
LOG4J_CONFIG="$SCRIPT_DIR/log4j2.properties"

readonly STARTED_MARKER="Kafka Server started"

log() { echo "kafka[$KAFKA_PORT]: $*"; }
# The broker logs little at WARN, so the script records its own start/stop in the log.
stamp() { echo "[$(date '+%F %T')] kafka.sh: $*" >>"$LOG_FILE"; }
die() { echo "kafka[$KAFKA_PORT]: $*" >&2; exit 1; }

port_open() {
  timeout 1 bash -c "exec 3<>/dev/tcp/127.0.0.1/$1" 2>/dev/null
}

# Pid of our broker if it is alive. The cmdline check guards against a stale
# pid file whose pid was reused by an unrelated process.
our_pid() {
  [[ -f "$PID_FILE" ]] || return 1
  local pid
  pid="$(cat "$PID_FILE" 2>/dev/null || true)"
  [[ "$pid" =~ ^[0-9]+$ ]] || return 1
  kill -0 "$pid" 2>/dev/null || return 1
  tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -qF "$PROPS_FILE" || return 1
  echo "$pid"
}

# Serialises start/stop/reset for one port; fd 9 must not leak into the broker.
take_lock() {
  exec 9>"$LOCK_FILE"
  flock 9
}

fetch_jars() {
  [[ -d "$LIBS_DIR" ]] && return 0
  command -v mvn >/dev/null || die "mvn not found; it is needed once to fetch the Kafka jars"
  # Brokers on other ports share the jars: fetch under a shared lock, then rename atomically.
  (
    flock 8
    [[ -d "$LIBS_DIR" ]] && exit 0
    log "fetching Kafka $KAFKA_VERSION jars into $LIBS_DIR (first run only)"
    local tmp="$LIBS_DIR.tmp.$$" out
    rm -rf "$tmp"
    if ! out="$(mvn -B -q -Dstyle.color=never -f "$SCRIPT_DIR/pom.xml" \
        org.apache.maven.plugins:maven-dependency-plugin:3.8.1:copy-dependencies \
        -DoutputDirectory="$tmp" -DincludeScope=runtime 2>&1)"; then
      echo "$out" >&2
      rm -rf "$tmp"
      die "maven could not fetch the Kafka jars"
    fi
    mv "$tmp" "$LIBS_DIR"
  ) 8>"$KAFKA_HOME_DIR/libs-$KAFKA_VERSION.lock"
}

kafka_java() {
  # shellcheck disable=SC2086 # KAFKA_HEAP holds several flags
  "$JAVA" $KAFKA_HEAP -Dlog4j2.configurationFile="$LOG4J_CONFIG" -cp "$LIBS_DIR/*" "$@"
}

listener_properties() {
  if [[ "$KAFKA_SASL" != scram ]]; then
    cat <<EOF
listeners=PLAINTEXT://127.0.0.1:$KAFKA_PORT,CONTROLLER://127.0.0.1:$KAFKA_CONTROLLER_PORT
advertised.listeners=PLAINTEXT://127.0.0.1:$KAFKA_PORT,CONTROLLER://127.0.0.1:$KAFKA_CONTROLLER_PORT
inter.broker.listener.name=PLAINTEXT
controller.listener.names=CONTROLLER
listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT
EOF
    return 0
  fi
  # Clients, and the broker itself as admin, on SASL_PLAINTEXT with SCRAM-SHA-512. The controller
  # listener uses SASL/PLAIN with its one user (admin) declared here: SCRAM credentials live in the
  # metadata the controller itself serves. Nothing is allowed without an ACL; admin is the super user.
  cat <<EOF
listeners=SASL_PLAINTEXT://127.0.0.1:$KAFKA_PORT,CONTROLLER://127.0.0.1:$KAFKA_CONTROLLER_PORT
advertised.listeners=SASL_PLAINTEXT://127.0.0.1:$KAFKA_PORT,CONTROLLER://127.0.0.1:$KAFKA_CONTROLLER_PORT
inter.broker.listener.name=SASL_PLAINTEXT
controller.listener.names=CONTROLLER
listener.security.protocol.map=CONTROLLER:SASL_PLAINTEXT,SASL_PLAINTEXT:SASL_PLAINTEXT
sasl.enabled.mechanisms=SCRAM-SHA-512
sasl.mechanism.inter.broker.protocol=SCRAM-SHA-512
listener.name.sasl_plaintext.sasl.enabled.mechanisms=SCRAM-SHA-512
listener.name.sasl_plaintext.scram-sha-512.sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required username="admin" password="$KAFKA_SUPERUSER_PASSWORD";
sasl.mechanism.controller.protocol=PLAIN
listener.name.controller.sasl.enabled.mechanisms=PLAIN
listener.name.controller.plain.sasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule required username="admin" password="$KAFKA_SUPERUSER_PASSWORD" user_admin="$KAFKA_SUPERUSER_PASSWORD";
authorizer.class.name=org.apache.kafka.metadata.authorizer.StandardAuthorizer
allow.everyone.if.no.acl.found=false
super.users=User:admin
EOF
}

write_properties() {
  # In SASL mode the file holds the super user's password: readable by its owner only.
  (
    umask 077
    cat >"$PROPS_FILE" <<EOF
# Generated by deploy/kafka/kafka.sh on every start; edit the script, not this file.
process.roles=broker,controller
node.id=1
controller.quorum.voters=1@127.0.0.1:$KAFKA_CONTROLLER_PORT
$(listener_properties)
log.dirs=$KAFKA_DATA_DIR
auto.create.topics.enable=false
num.partitions=6
log.retention.hours=168
offsets.topic.replication.factor=1
offsets.topic.num.partitions=1
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
transaction.state.log.num.partitions=1
share.coordinator.state.topic.replication.factor=1
share.coordinator.state.topic.min.isr=1
group.initial.rebalance.delay.ms=0
log.cleaner.dedupe.buffer.size=33554432
EOF
  )
}

format_storage() {
  [[ -f "$KAFKA_DATA_DIR/meta.properties" ]] && return 0
  local cluster_id
  cluster_id="$(KAFKA_HEAP="-Xmx128m" kafka_java kafka.tools.StorageTool random-uuid | tail -n 1)"
  log "formatting $KAFKA_DATA_DIR (cluster id $cluster_id)"
  mkdir -p "$KAFKA_DATA_DIR"
  local scram=()
  if [[ "$KAFKA_SASL" == scram ]]; then
    scram+=(--add-scram "SCRAM-SHA-512=[name=admin,password=$KAFKA_SUPERUSER_PASSWORD]")
    local user names="admin"
    for user in $KAFKA_SCRAM_USERS; do
      [[ "$user" =~ ^([A-Za-z0-9._-]+)=(.+)$ && "${BASH_REMATCH[2]}" =~ $PASSWORD_PATTERN ]] || die "KAFKA_SCRAM_USERS: '${user%%=*}=…' is not name=password"
      scram+=(--add-scram "SCRAM-SHA-512=[name=${user%%=*},password=${user#*=}]")
      names+=" ${user%%=*}"
    done
    log "SCRAM-SHA-512 users: $names"
  fi
  KAFKA_HEAP="-Xmx256m" kafka_java kafka.tools.StorageTool format -t "$cluster_id" -c "$PROPS_FILE" "${scram[@]}" >/dev/null
}

# Adds or changes a SCRAM-SHA-512 user on the running SASL broker, as admin (Kafka's kafka-configs).
cmd_add_user() {
  local name="${1:-}"
  [[ "$KAFKA_SASL" == scram ]] || die "add-user needs KAFKA_SASL=scram and KAFKA_SUPERUSER_PASSWORD"
  [[ "$name" =~ ^[A-Za-z0-9._-]+$ ]] || die "usage: KAFKA_USER_PASSWORD=... $0 add-user <name>"
  [[ "${KAFKA_USER_PASSWORD:-}" =~ $PASSWORD_PATTERN ]] || die "KAFKA_USER_PASSWORD must be set (no spaces, quotes, commas, = or brackets)"
  fetch_jars
  local client="$KAFKA_HOME_DIR/admin-client-$KAFKA_PORT.properties"
  (
    umask 077
    cat >"$client" <<EOF
security.protocol=SASL_PLAINTEXT
sasl.mechanism=SCRAM-SHA-512
sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required username="admin" password="$KAFKA_SUPERUSER_PASSWORD";
EOF
  )
  KAFKA_HEAP="-Xmx128m" kafka_java kafka.admin.ConfigCommand --bootstrap-server "127.0.0.1:$KAFKA_PORT" --command-config "$client" \
    --alter --add-config "SCRAM-SHA-512=[password=$KAFKA_USER_PASSWORD]" --entity-type users --entity-name "$name" >/dev/null
  log "SCRAM-SHA-512 user $name set"
}

launch() {
  [[ -f "$LOG_FILE" ]] && mv -f "$LOG_FILE" "$LOG_FILE.1"
  rm -f "$PID_FILE"
  stamp "starting Kafka $KAFKA_VERSION on 127.0.0.1:$KAFKA_PORT (controller $KAFKA_CONTROLLER_PORT)"
  # setsid + nohup: the broker survives the calling shell. The wrapper writes its
  # own pid and execs java, so the pid is right whether or not setsid forks.
  # shellcheck disable=SC2016,SC2086
  setsid nohup bash -c 'echo $$ >"$1"; shift; exec "$@"' kafka-launcher "$PID_FILE" \
    "$JAVA" $KAFKA_HEAP -XX:+ExitOnOutOfMemoryError -XX:+UseG1GC -XX:MaxGCPauseMillis=20 \
    -Djava.awt.headless=true -Dlog4j2.configurationFile="$LOG4J_CONFIG" \
    -cp "$LIBS_DIR/*" kafka.Kafka "$PROPS_FILE" \
    </dev/null >>"$LOG_FILE" 2>&1 9>&- &
  local i
  for i in $(seq 50); do
    [[ -s "$PID_FILE" ]] && return 0
    sleep 0.1
  done
  die "broker process did not write its pid file"
}

fail_start() {
  echo "kafka[$KAFKA_PORT]: $1; last 50 lines of $LOG_FILE:" >&2
  tail -n 50 "$LOG_FILE" >&2 || true
  exit 1
}

wait_ready() {
  local deadline=$((SECONDS + KAFKA_START_TIMEOUT))
  while ((SECONDS < deadline)); do
    our_pid >/dev/null || fail_start "broker exited during startup"
    if port_open "$KAFKA_PORT" && grep -qF "$STARTED_MARKER" "$LOG_FILE" 2>/dev/null; then
      return 0
    fi
    sleep 0.25
  done
  fail_start "broker not ready after ${KAFKA_START_TIMEOUT}s (it is left running; see '$0 stop')"
}

cmd_start() {
  take_lock
  local pid
  if pid="$(our_pid)"; then
    if port_open "$KAFKA_PORT"; then
      log "already running (pid $pid) on 127.0.0.1:$KAFKA_PORT; reusing it"
      return 0
    fi
    log "pid $pid is starting; waiting for it"
    wait_ready
    log "ready on 127.0.0.1:$KAFKA_PORT (pid $pid)"
    return 0
  fi
  if port_open "$KAFKA_PORT"; then
    log "127.0.0.1:$KAFKA_PORT already answers but was not started by this script; reusing it"
    return 0
  fi
  local t0=$SECONDS
  fetch_jars
  write_properties
  format_storage
  launch
  wait_ready
  log "ready on 127.0.0.1:$KAFKA_PORT (pid $(cat "$PID_FILE"), $((SECONDS - t0))s, log $LOG_FILE)"
}

cmd_stop() {
  take_lock
  local pid
  if ! pid="$(our_pid)"; then
    rm -f "$PID_FILE"
    if port_open "$KAFKA_PORT"; then
      log "not started by this script; 127.0.0.1:$KAFKA_PORT is served by another process, leaving it alone"
    else
      log "not running"
    fi
    return 0
  fi
  log "stopping pid $pid"
  kill -TERM "$pid" 2>/dev/null || true
  local deadline=$((SECONDS + KAFKA_STOP_TIMEOUT))
  while kill -0 "$pid" 2>/dev/null && ((SECONDS < deadline)); do
    sleep 0.25
  done
  if kill -0 "$pid" 2>/dev/null; then
    log "still alive after ${KAFKA_STOP_TIMEOUT}s; sending SIGKILL"
    kill -KILL "$pid" 2>/dev/null || true
    while kill -0 "$pid" 2>/dev/null; do sleep 0.1; done
    stamp "killed pid $pid (SIGKILL after ${KAFKA_STOP_TIMEOUT}s)"
  else
    stamp "stopped pid $pid"
  fi
  rm -f "$PID_FILE"
  log "stopped"
}

cmd_status() {
  local pid
  if pid="$(our_pid)"; then
    if port_open "$KAFKA_PORT"; then
      echo "running (pid $pid, 127.0.0.1:$KAFKA_PORT, data $KAFKA_DATA_DIR)"
      return 0
    fi
    echo "starting or unhealthy (pid $pid alive, 127.0.0.1:$KAFKA_PORT not open)"
    return 4
  fi
  if port_open "$KAFKA_PORT"; then
    echo "running (127.0.0.1:$KAFKA_PORT answers, not started by this script)"
    return 0
  fi
  echo "stopped"
  return 3
}

cmd_logs() {
  [[ -f "$LOG_FILE" ]] || die "no log file yet ($LOG_FILE)"
  if [[ "${1:-}" == "-f" ]]; then
    exec tail -n 100 -F "$LOG_FILE"
  fi
  tail -n "${KAFKA_LOG_LINES:-200}" "$LOG_FILE"
}

cmd_reset() {
  cmd_stop
  log "deleting $KAFKA_DATA_DIR"
  rm -rf "$KAFKA_DATA_DIR"
}

usage() {
  echo "usage: $0 start | stop | status | restart | logs [-f] | reset | add-user <name>" >&2
  exit 2
}

case "${1:-}" in
  start) cmd_start ;;
  stop) cmd_stop ;;
  status) cmd_status ;;
  restart)
    cmd_stop
    cmd_start
    ;;
  logs) cmd_logs "${2:-}" ;;
  reset) cmd_reset ;;
  add-user) cmd_add_user "${2:-}" ;;
  *) usage ;;
esac
