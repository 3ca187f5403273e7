#!/usr/bin/env bash
# Plays a carrier: posts one scan to tracking-service, signed with Standard Webhooks
# (webhook-signature: v1,base64(HMAC-SHA256(secret, "id.timestamp.body"))).
# Usage: scripts/signed-scan.sh TRACKING_NUMBER CARRIER_STATUS [LOCATION] [EVENT_ID]
#   CARRIER_STATUS e.g. picked_up, in_transit, out_for_delivery, delivered, exception
# Env: TRACKING_URL (default http://localhost:8082), CARRIER (default simulated),
#      WEBHOOK_SECRET (default: the local dev secret of the simulated carrier, which the local stack passes to
#      tracking-service as SIMULATED_CARRIER_WEBHOOK_SECRETS; the packaged service has no default secret).
set -euo pipefail
tracking=${1:?usage: signed-scan.sh TRACKING_NUMBER CARRIER_STATUS [LOCATION] [EVENT_ID]}
status=${2:?usage: signed-scan.sh TRACKING_NUMBER CARRIER_STATUS [LOCATION] [EVENT_ID]}
location=${3:-Ciudad de México}
event_id=${4:-scan-$(date +%s%N)}
url=${TRACKING_URL:-http://localhost:8082}
carrier=${CARRIER:-simulated}
secret=${WEBHOOK_SECRET:-whsec_cG9zdHZlbnRhLWxvY2FsLWRldi1zZWNyZXQtMQ==}

body=$(printf '{"eventId": "%s", "trackingNumber": "%s", "carrierStatus": "%s", "scannedAt": "%s", "location": "%s"}' \
  "$event_id" "$tracking" "$status" "$(date -u +%Y-%m-%dT%H:%M:%SZ)" "$location")
msg_id="msg_$(date +%s%N)"
timestamp=$(date +%s)
key_hex=$(printf '%s' "${secret#whsec_}" | base64 -d | od -An -v -tx1 | tr -d ' \n')
signature=$(printf '%s.%s.%s' "$msg_id" "$timestamp" "$body" \
  | openssl dgst -sha256 -mac HMAC -macopt "hexkey:$key_hex" -binary | base64)

curl -sS -XPOST "$url/webhooks/carriers/$carrier/scans" -H 'content-type: application/json' \
  -H "webhook-id: $msg_id" -H "webhook-timestamp: $timestamp" -H "webhook-signature: v1,$signature" \
  -d "$body"
echo
