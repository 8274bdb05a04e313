#!/usr/bin/env bash
# Smoke test of the local edge with the real AWS CLI v2: starts `local-cloud.jar emulators` on a free port with a
# virtual clock, runs AWS CLI commands (events, sqs, lambda, dynamodb, stepfunctions, ec2, eks, autoscaling and the
# control API) against it with --endpoint-url and fails on the first error. Needs local/target/local-cloud.jar
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
  echo "+ $(date +%T.%N | cut -c1-12) aws $*" >&2
  "$AWS_BIN" --endpoint-url "$EDGE" --output json "$@"
}
expect() { # expect WANTED ACTUAL WHAT
  [ "$1" = "$2" ] || { echo "expected $3 to be '$1', got '$2'" >&2; exit 1; }
}
eventually() { # eventually WANTED WHAT aws-args...: polls (the AWS CLI's waiters sleep 30 s between polls)
  local wanted=$1 what=$2 got=""
  shift 2
  for _ in $(seq 1 100); do
    got=$(aws "$@" 2>/dev/null) || true
    [ "$got" = "$wanted" ] && return 0
    sleep 0.2
  done
  echo "expected $what to become '$wanted', still '$got'" >&2; exit 1
}
expect_failure() { # expect_failure ERROR_CODE aws-args...
  local code=$1 out
  shift
  if out=$(aws "$@" 2>&1); then
    echo "expected $code, but the call succeeded: $out" >&2; exit 1
  fi
  case "$out" in *"$code"*) ;; *) echo "expected $code, got: $out" >&2; exit 1 ;; esac
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

echo "== sqs (the Query protocol, as this CLI speaks it)"
DLQ=$(aws sqs create-queue --queue-name LifecycleDeadLetterQueue --query QueueUrl --output text)
DLQ_ARN=$(aws sqs get-queue-attributes --queue-url "$DLQ" --attribute-names QueueArn --query Attributes.QueueArn --output text)
QUEUE=$(aws sqs create-queue --queue-name smoke --tags team=platform --query QueueUrl --output text --attributes \
  "$(printf '{"VisibilityTimeout":"0","RedrivePolicy":"{\\"deadLetterTargetArn\\":\\"%s\\",\\"maxReceiveCount\\":1}"}' "$DLQ_ARN")")
expect "$QUEUE" "$(aws sqs get-queue-url --queue-name smoke --query QueueUrl --output text)" "queue URL"
expect platform "$(aws sqs list-queue-tags --queue-url "$QUEUE" --query Tags.team --output text)" "queue tag"
aws sqs send-message --queue-url "$QUEUE" --message-body 'drain <node-1> & retry' \
  --message-attributes '{"cluster":{"DataType":"String","StringValue":"prod"},"attempt":{"DataType":"Number","StringValue":"1"}}' >/dev/null
expect "drain <node-1> & retry|prod|1" "$(aws sqs receive-message --queue-url "$QUEUE" --attribute-names All \
  --message-attribute-names All --output text \
  --query 'Messages[0].[Body,MessageAttributes.cluster.StringValue,Attributes.ApproximateReceiveCount]' | tr '\t' '|')" \
  "received message"
# visible again at once (VisibilityTimeout 0) and past maxReceiveCount: the next receive moves it to the dead letters
expect 0 "$(aws sqs receive-message --queue-url "$QUEUE" --query 'length(Messages || `[]`)' --output text)" "messages left"
HANDLE=$(aws sqs receive-message --queue-url "$DLQ" --query "Messages[?Body=='drain <node-1> & retry'].ReceiptHandle" \
  --output text)
[ -n "$HANDLE" ] || { echo "the message is not in LifecycleDeadLetterQueue" >&2; exit 1; }
aws sqs delete-message --queue-url "$DLQ" --receipt-handle "$HANDLE"
expect 0 "$(aws sqs get-queue-attributes --queue-url "$DLQ" --attribute-names All \
  --query Attributes.ApproximateNumberOfMessages --output text)" "dead letters left"
expect_failure AWS.SimpleQueueService.NonExistentQueue sqs get-queue-url --queue-name missing
expect_failure AWS.SimpleQueueService.NonExistentQueue sqs send-message \
  --queue-url "${QUEUE%/smoke}/missing" --message-body lost
aws sqs delete-queue --queue-url "$QUEUE"
expect "$DLQ" "$(aws sqs list-queues --query 'QueueUrls[0]' --output text)" "queues"

echo "== lambda"
aws lambda list-functions >/dev/null
expect_failure ResourceNotFoundException lambda invoke --function-name missing /dev/null

echo "== faults (control API)"
curl -sf -X POST "$EDGE/_local/faults" -H 'Content-Type: application/json' \
  -d '{"service":"events","operation":"ListRules","error":"ThrottlingException","count":1}' >/dev/null
expect_failure ThrottlingException events list-rules
aws events list-rules >/dev/null
curl -sf -X DELETE "$EDGE/_local/faults" >/dev/null

echo "== dynamodb"
aws dynamodb create-table --table-name smoke --billing-mode PAY_PER_REQUEST \
  --attribute-definitions AttributeName=pk,AttributeType=S AttributeName=sk,AttributeType=S \
  --key-schema AttributeName=pk,KeyType=HASH AttributeName=sk,KeyType=RANGE >/dev/null
aws dynamodb put-item --table-name smoke --item '{"pk":{"S":"cluster#prod"},"sk":{"S":"v1"},"version":{"S":"1.31"}}' \
  --condition-expression 'attribute_not_exists(pk)'
expect_failure ConditionalCheckFailedException dynamodb put-item --table-name smoke \
  --item '{"pk":{"S":"cluster#prod"},"sk":{"S":"v1"}}' --condition-expression 'attribute_not_exists(pk)'
expect 1.31 "$(aws dynamodb query --table-name smoke --key-condition-expression 'pk = :p' \
  --expression-attribute-values '{":p":{"S":"cluster#prod"}}' --query 'Items[0].version.S' --output text)" "queried version"
aws dynamodb delete-table --table-name smoke >/dev/null

echo "== stepfunctions"
MACHINE=$(aws stepfunctions create-state-machine --name smoke --role-arn arn:aws:iam::000000000000:role/sfn \
  --definition '{"StartAt":"Wait","States":{"Wait":{"Type":"Wait","Seconds":3600,"Next":"Done"},"Done":{"Type":"Pass","Result":{"ok":true},"End":true}}}' \
  --query stateMachineArn --output text)
EXECUTION=$(aws stepfunctions start-execution --state-machine-arn "$MACHINE" --input '{}' --query executionArn --output text)
eventually SUCCEEDED "execution status (an hour's Wait on the virtual clock)" \
  stepfunctions describe-execution --execution-arn "$EXECUTION" --query status --output text
expect_failure InvalidDefinition stepfunctions create-state-machine --name bad \
  --role-arn arn:aws:iam::000000000000:role/sfn --definition '{"StartAt":"Missing","States":{}}'

echo "== ec2, eks, autoscaling"
SUBNETS=$(aws ec2 describe-subnets --query 'Subnets[?MapPublicIpOnLaunch==`false`].SubnetId' --output text | tr '\t' ',')
[ -n "$SUBNETS" ] || { echo "no private subnets in the default VPC" >&2; exit 1; }
aws ec2 describe-vpcs >/dev/null
aws eks create-cluster --name smoke --kubernetes-version 1.31 --role-arn arn:aws:iam::000000000000:role/eks \
  --resources-vpc-config "subnetIds=$SUBNETS" >/dev/null
eventually ACTIVE "cluster status" eks describe-cluster --name smoke --query cluster.status --output text
expect_failure InvalidParameterException eks update-cluster-version --name smoke --kubernetes-version 1.33
aws eks create-nodegroup --cluster-name smoke --nodegroup-name workers --node-role arn:aws:iam::000000000000:role/node \
  --subnets $(echo "$SUBNETS" | tr ',' ' ') --scaling-config minSize=1,maxSize=3,desiredSize=2 >/dev/null
eventually ACTIVE "node group status" eks describe-nodegroup --cluster-name smoke --nodegroup-name workers \
  --query nodegroup.status --output text
GROUP=$(aws eks describe-nodegroup --cluster-name smoke --nodegroup-name workers \
  --query 'nodegroup.resources.autoScalingGroups[0].name' --output text)
expect 2 "$(aws autoscaling describe-auto-scaling-groups --auto-scaling-group-names "$GROUP" \
  --query 'AutoScalingGroups[0].DesiredCapacity' --output text)" "desired capacity"
expect 2 "$(aws ec2 describe-instances --filters Name=instance-state-name,Values=running \
  --query 'length(Reservations[].Instances[])' --output text)" "running instances"
expect smoke "$(aws eks list-clusters --query 'clusters[0]' --output text)" "clusters"

echo "aws-cli smoke: all commands passed"
