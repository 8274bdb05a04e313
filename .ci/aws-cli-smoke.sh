#!/usr/bin/env bash
# Smoke test of the local edge with the real AWS CLI v2: starts `local-cloud.jar emulators` on a free port, runs AWS
# CLI commands against it with --endpoint-url and fails on the first error. Needs local/target/local-cloud.jar
# (./mvnw -B verify builds it). Installs Debian's awscli (v2) when it is missing.
set -euo pipefail
cd "$(dirname "$0")/.."

# Debian's package, called by its full path: a pip-installed v1 `aws` may come first on PATH.
AWS_BIN=/usr/bin/aws
if [ ! -x "$AWS_BIN" ]; then
  SUDO=$([ "$(id -u)" -eq 0 ] && echo "" || echo sudo)
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq awscli >/dev/null
fi
AWS_VERSION=$("$AWS_BIN" --version 2>&1)
case "$AWS_VERSION" in
  aws-cli/2.*) echo "using $AWS_VERSION" ;;
  *) echo "need AWS CLI v2 at $AWS_BIN, found: $AWS_VERSION" >&2; exit 1 ;;
esac

JAR=local/target/local-cloud.jar
[ -f "$JAR" ] || { echo "$JAR is missing: run ./mvnw -B verify first" >&2; exit 1; }
LOG=$(mktemp)
java -jar "$JAR" emulators --port 0 --clock virtual >"$LOG" 2>&1 &
PID=$!
stop() {
  kill -TERM "$PID" 2>/dev/null || true
  wait "$PID" 2>/dev/null || true
  rm -f "$LOG"
}
trap stop EXIT

EDGE=""
for _ in $(seq 1 300); do
  EDGE=$(sed -n 's/^emulators ready edge=//p' "$LOG")
  [ -n "$EDGE" ] && break
  kill -0 "$PID" 2>/dev/null || { cat "$LOG" >&2; echo "the emulators exited before they were ready" >&2; exit 1; }
  sleep 0.2
done
[ -n "$EDGE" ] || { cat "$LOG" >&2; echo "no ready line within 60 s" >&2; exit 1; }
echo "edge at $EDGE"

export AWS_ACCESS_KEY_ID=local AWS_SECRET_ACCESS_KEY=local AWS_DEFAULT_REGION=us-east-1 AWS_PAGER=""
export AWS_CONFIG_FILE=/dev/null AWS_SHARED_CREDENTIALS_FILE=/dev/null AWS_MAX_ATTEMPTS=1
aws() {
  echo "+ aws $*" >&2
  "$AWS_BIN" --endpoint-url "$EDGE" --output json "$@"
}
expect() { # expect WANTED ACTUAL WHAT
  [ "$1" = "$2" ] || { echo "expected $3 to be '$1', got '$2'" >&2; exit 1; }
}
expect_failure() { # expect_failure ERROR_CODE aws-args...
  local code=$1 out
  shift
  if out=$(aws "$@" 2>&1); then
    echo "expected $code, but the call succeeded: $out" >&2; exit 1
  fi
  case "$out" in *"$code"*) ;; *) echo "expected $code, got: $out" >&2; exit 1 ;; esac
}
serves() { # serves SERVICE: whether /_local/health lists it
  curl -sf "$EDGE/_local/health" | grep -q "\"$1\""
}

echo "== events"
aws events create-event-bus --name smoke >/dev/null
aws events put-rule --name upgrades --event-bus-name smoke \
  --event-pattern '{"source":["smoke.test"],"detail":{"version":[{"prefix":"1.3"}]}}' >/dev/null
aws events put-targets --rule upgrades --event-bus-name smoke \
  --targets 'Id=fn,Arn=arn:aws:lambda:us-east-1:000000000000:function:smoke,InputPath=$.detail' >/dev/null
expect 1 "$(aws events list-targets-by-rule --rule upgrades --event-bus-name smoke --query 'length(Targets)' --output text)" "target count"
expect 0 "$(aws events put-events --query FailedEntryCount --output text --entries \
  '[{"Source":"smoke.test","DetailType":"Upgrade","Detail":"{\"version\":\"1.31\"}","EventBusName":"smoke"},
    {"Source":"smoke.test","DetailType":"Upgrade","Detail":"{\"version\":\"1.29\"}","EventBusName":"smoke"}]')" "failed entries"
expect 1 "$(aws events put-events --query FailedEntryCount --output text --entries \
  '[{"Source":"smoke.test","DetailType":"Upgrade","Detail":"[not an object]","EventBusName":"smoke"}]')" "failed entries"
curl -sf "$EDGE/_local/events?bus=smoke&source=smoke.test" | grep -q '"matchedRules":\["upgrades"\]'
aws events put-rule --name nightly --schedule-expression 'cron(0 2 * * ? *)' >/dev/null
expect DISABLED "$(aws events disable-rule --name nightly && aws events describe-rule --name nightly --query State --output text)" "rule state"
expect_failure InvalidEventPatternException events put-rule --name bad --event-pattern '{"source":"not-a-list"}'
expect_failure ValidationException events delete-rule --name upgrades --event-bus-name smoke
aws events remove-targets --rule upgrades --event-bus-name smoke --ids fn >/dev/null
aws events delete-rule --name upgrades --event-bus-name smoke
aws events delete-event-bus --name smoke
expect "default" "$(aws events list-event-buses --query 'EventBuses[].Name' --output text)" "buses"

echo "== lambda"
aws lambda list-functions >/dev/null
expect_failure ResourceNotFoundException lambda invoke --function-name missing /dev/null

echo "== faults (control API)"
curl -sf -X POST "$EDGE/_local/faults" -H 'Content-Type: application/json' \
  -d '{"service":"events","operation":"ListRules","error":"ThrottlingException","count":1}' >/dev/null
expect_failure ThrottlingException events list-rules
aws events list-rules >/dev/null
curl -sf -X DELETE "$EDGE/_local/faults" >/dev/null

echo "aws-cli smoke: all commands passed"
