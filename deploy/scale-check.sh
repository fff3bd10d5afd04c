#!/usr/bin/env bash
# The scale-out story on one machine: the published API as two processes on different loopback
# ports, one redis-server of its own, one SQLite database file. Only the first process migrates and
# seeds the demo data; the second starts once the first is ready, so they never race on the schema.
# Also runs the published app the way the container does: the --health-check probe, and the
# Production refusals as real process exits.
# Needs: the .NET SDK, redis-server and redis-cli, curl. Ends with "scale-check: N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=deploy/test-lib.sh
source deploy/test-lib.sh
ulimit -c 0 # a refused start aborts the process; no core files

work=$(mktemp -d)
app="$work/app"
pids=()
passed=0
failed=0

cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null; done
  rm -rf "$work"
}
trap cleanup EXIT

free_port() {
  local port
  while :; do
    port=$((20000 + RANDOM % 40000))
    (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null || { echo "$port"; return; }
  done
}

wait_ready() { # wait_ready <port> <pid>: until /health/ready answers 200, the process dies, or 90 s pass
  for _ in $(seq 1 180); do
    kill -0 "$2" 2>/dev/null || return 1
    [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$1/health/ready")" = 200 ] && return 0
    sleep 0.5
  done
  return 1
}

# exec_app <environment> <port> <database file in $work> [VAR=value…] [command prefix…]: replaces the (sub)shell with
# the published app on SQLite and this script's redis-server; later VAR=value win over these, and a command prefix
# (e.g. timeout 60) goes before dotnet.
exec_app() {
  local environment=$1 port=$2 database=$3; shift 3
  cd "$app" && exec env \
    ASPNETCORE_ENVIRONMENT="$environment" \
    ASPNETCORE_URLS="http://127.0.0.1:$port" \
    Database__Provider=Sqlite \
    ConnectionStrings__Default="Data Source=$work/$database" \
    Redis__ConnectionString="127.0.0.1:$redis_port,abortConnect=false" \
    "$@" dotnet SmartBranch.Api.dll
}

# start_api <name> <port> <migrate and seed: true|false> [extra VAR=value…]; sets $last_pid
start_api() {
  local name=$1 port=$2 first=$3; shift 3
  (exec_app Development "$port" smartbranch.db \
    Database__MigrateOnStart="$first" \
    DemoData__Enabled="$first" \
    Redis__InstanceName="scale:" \
    "$@") >"$work/$name.log" 2>&1 &
  last_pid=$!
  pids+=("$last_pid")
}

# Throwaway WeChat Pay keys, so the only thing wrong with each refused start is the setting under test.
merchant_key=$(openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 2>/dev/null)
platform_key=$(openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 2>/dev/null | openssl pkey -pubout 2>/dev/null)

# A template id for every reminder kind, read from the one list deploy/compose.yaml passes
# (Api.Tests ReminderKindDeploymentTests keeps it in step with the kinds the areas register).
mapfile -t templates < <(grep -oE 'Reminders__Templates__[A-Za-z]+__TemplateId' deploy/compose.yaml | sed -E 's/__([A-Za-z]+)__TemplateId$/__\1__TemplateId=tmpl-\1/')

# refused_start <log> [VAR=value…]: runs the app in Production and succeeds when it exits non-zero within 60 s
refused_start() {
  local log=$1; shift
  # A refused start prints one sentence and exits 1; waited for in the background with the shell's own
  # notice silenced, the app's output stays in the log.
  (exec_app Production "$(free_port)" production.db \
    WeChat__AppId=wx0123456789abcdef \
    WeChat__AppSecret=not-a-real-secret \
    "${templates[@]}" \
    WeChatPay__MchId=1900000109 \
    WeChatPay__ApiV3Key=0123456789abcdef0123456789abcdef \
    WeChatPay__MerchantSerialNo=5157F09EFDC096DE15EBE81A47057A7232F1B8E1 \
    WeChatPay__MerchantPrivateKey="$merchant_key" \
    WeChatPay__PlatformPublicKey="$platform_key" \
    WeChatPay__PlatformPublicKeyId=PUB_KEY_ID_0000000000000000000000000001 \
    WeChatPay__NotifyUrl=https://pay.example.edu.cn/api/dues/wechatpay/notify \
    "$@" timeout 60) >"$work/$log" 2>&1 &
  wait $! 2>/dev/null
  local rc=$?
  [ "$rc" -ne 0 ] && [ "$rc" -ne 124 ]
}

echo "== publishing the API"
if ! dotnet publish Api/Api.csproj -c Release -o "$app" --nologo -v quiet >"$work/publish.log" 2>&1; then
  cat "$work/publish.log"
  check "the API publishes" false
  finish scale-check
fi

redis_port=$(free_port)
redis-server --port "$redis_port" --bind 127.0.0.1 --save "" --appendonly no --protected-mode no >"$work/redis.log" 2>&1 &
pids+=("$!")
for _ in $(seq 1 50); do [ "$(redis-cli -p "$redis_port" ping 2>/dev/null)" = PONG ] && break; sleep 0.1; done

# One WeChat emulator for both instances, as both would share api.weixin.qq.com: A hosts it, B calls it
# as its "real" WeChat, so what the two send can be counted in one place.
emulator_port=$(free_port)
port_a=$(free_port)
start_api a "$port_a" true WeChat__EmulatorPort="$emulator_port"
pid_a=$last_pid
check "instance A migrates the database, seeds demo data and is ready" wait_ready "$port_a" "$pid_a"

port_b=$(free_port)
start_api b "$port_b" false WeChat__UseEmulator=false WeChat__AppId=wx00emulator00000 \
  WeChat__AppSecret=emulator-secret WeChat__BaseUrl="http://127.0.0.1:$emulator_port"
pid_b=$last_pid
check "instance B starts on the same database without migrating and is ready" wait_ready "$port_b" "$pid_b"

check "the container health probe (--health-check) passes against a ready instance" \
  bash -c "env ASPNETCORE_HTTP_PORTS=$port_a dotnet '$app/SmartBranch.Api.dll' --health-check >/dev/null"
check "the container health probe fails when no instance answers" \
  bash -c "! env ASPNETCORE_HTTP_PORTS=$(free_port) dotnet '$app/SmartBranch.Api.dll' --health-check >/dev/null 2>&1"

login=$(curl -s -X POST "http://127.0.0.1:$port_a/api/auth/wechat-login" -H 'Content-Type: application/json' -d '{"code":"dev-secretary"}')
token=$(sed -n 's/.*"token":"\([^"]*\)".*/\1/p' <<<"$login")
check "signing in on instance A returns a session token" test -n "$token"

me_b=$(curl -s -w '\n%{http_code}' "http://127.0.0.1:$port_b/api/me" -H "Authorization: Bearer $token")
check "instance B accepts the session made on A (GET /api/me → 200)" test "$(tail -n1 <<<"$me_b")" = 200
check "instance B sees the same member (王建国)" grep -q '王建国' <<<"$me_b"

check "signing out on instance B → 204" \
  test "$(curl -s -o /dev/null -w '%{http_code}' -X POST "http://127.0.0.1:$port_b/api/auth/logout" -H "Authorization: Bearer $token")" = 204
check "instance A no longer accepts the session (GET /api/me → 401)" \
  test "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port_a/api/me" -H "Authorization: Bearer $token")" = 401

# ---------------------------------------------------------------------------------------------
# A reminder is sent once: both instances run their dispatchers on the one Redis stream.
json() { node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>{const v=JSON.parse(s);console.log(eval(process.argv[1]))})' "$1"; }
sign_in() { curl -s -X POST "http://127.0.0.1:$1/api/auth/wechat-login" -H 'Content-Type: application/json' -d "{\"code\":\"$2\"}" | json 'v.token'; }
secretary=$(sign_in "$port_a" dev-secretary)
member=$(sign_in "$port_b" dev-member)
branch=$(curl -s "http://127.0.0.1:$port_a/api/me" -H "Authorization: Bearer $secretary" | json 'v.member.branch.id')
# The member taps "accept" (A hosts the emulator, which learns the accept from this call).
curl -s -o /dev/null -X POST "http://127.0.0.1:$port_a/api/subscriptions" -H "Authorization: Bearer $member" \
  -H 'Content-Type: application/json' -d '{"results":{"EMU_NOTICE_REMINDER":"accept"}}'
notice=$(curl -s -X POST "http://127.0.0.1:$port_a/api/notices" -H "Authorization: Bearer $secretary" -H 'Content-Type: application/json' \
  -d "{\"title\":\"扩容检查通知\",\"body\":\"<p>请阅读。</p>\",\"visibility\":\"Internal\",\"audience\":{\"unitIds\":[$branch]},\"confirmNotClassified\":true}" | json 'v.id')
check "a notice is posted on A" test -n "$notice"
reminded=$(curl -s -X POST "http://127.0.0.1:$port_b/api/notices/$notice/remind-unread" -H "Authorization: Bearer $secretary" | json 'v.reminded')
check "\"remind those who have not read\" on B queues reminders" test "${reminded:-0}" -gt 0
pending=1
for _ in $(seq 1 60); do
  pending=$(curl -s "http://127.0.0.1:$port_a/api/reminders?subjectType=notice&subjectId=$notice" -H "Authorization: Bearer $secretary" | json 'v.pending')
  [ "$pending" = 0 ] && break
  sleep 0.5
done
check "every reminder is dispatched (none pending)" test "$pending" = 0
member_openid="oEMU$(printf '%s' member | sha256sum | cut -c1-24)"
sends=$(curl -s "http://127.0.0.1:$emulator_port/__emulator/messages?touser=$member_openid" | json 'v.length')
check "the member with a banked accept got exactly one WeChat message" test "$sends" = 1
figures=$(curl -s "http://127.0.0.1:$port_a/api/reminders?subjectType=notice&subjectId=$notice" -H "Authorization: Bearer $secretary")
check "the committee sees one reached by WeChat, the rest by inbox" \
  test "$(json 'v.reachedByWeChat + "/" + (v.inboxOnly === v.items.length - 1)' <<<"$figures")" = "1/true"
# ---------------------------------------------------------------------------------------------

refused_start no-redis.log Redis__ConnectionString=
check "Production without Redis exits non-zero" test $? -eq 0
check "… and names Redis:ConnectionString" grep -q 'Redis:ConnectionString is required in Production' "$work/no-redis.log"

refused_start emulator.log WeChat__UseEmulator=true
check "Production with the WeChat emulator exits non-zero" test $? -eq 0
check "… and names WeChat:UseEmulator" grep -q 'WeChat:UseEmulator cannot be switched on in Production' "$work/emulator.log"

refused_start unmigrated.log Database__MigrateOnStart=false ConnectionStrings__Default="Data Source=$work/unmigrated.db"
check "Production on an unmigrated database exits non-zero" test $? -eq 0
check "… and asks for the migration step" grep -q 'Run the migration step first' "$work/unmigrated.log"

if [ "$failed" -ne 0 ]; then
  for log in a b no-redis emulator unmigrated; do
    [ -f "$work/$log.log" ] && { echo "---- $log.log (last 30 lines)"; tail -n 30 "$work/$log.log"; }
  done
fi
finish scale-check
