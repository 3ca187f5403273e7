#!/usr/bin/env bash
# Plays a customer proving an order is theirs: exchanges the order number and the order's email for a customer
# token (30 minutes) at returns-service, and prints only the token, so it can be captured:
#   TOKEN=$(scripts/customer-token.sh MX-1001 ana.lopez@example.mx)
#   curl -H "Authorization: Bearer $TOKEN" localhost:8081/returns?orderId=MX-1001
# Env: RETURNS_URL (default http://localhost:8081).
set -euo pipefail
order=${1:?usage: customer-token.sh ORDER_NUMBER EMAIL}
email=${2:?usage: customer-token.sh ORDER_NUMBER EMAIL}
url=${RETURNS_URL:-http://localhost:8081}
answer=$(curl -sS -XPOST "$url/customer-tokens" -H 'content-type: application/json' \
  -d "$(printf '{"orderId": "%s", "email": "%s"}' "$order" "$email")" -w '\n%{http_code}')
status=${answer##*$'\n'}
body=${answer%$'\n'*}
if [ "$status" != 200 ]; then
  echo "returns-service answered $status: $body" >&2
  exit 1
fi
printf '%s\n' "$body" | sed -E 's/.*"token":"([^"]+)".*/\1/'
