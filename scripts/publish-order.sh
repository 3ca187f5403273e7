#!/usr/bin/env bash
# Plays the storefront: publishes order.placed and order.delivered for ORDER_ID (delivered two days ago) through the
# local stack's console, which writes them to the storefront.orders topic.
# Usage: scripts/publish-order.sh MX-1001 [console-url]
#        GUEST=1 scripts/publish-order.sh MX-1002   a guest checkout: customerId and locale null (locale becomes es-MX)
set -euo pipefail
order_id=${1:?usage: publish-order.sh ORDER_ID [console-url]}
console=${2:-http://localhost:${CONSOLE_PORT:-8025}}
placed=$(date -u -d '-5 days' +%Y-%m-%dT%H:%M:%SZ)
delivered=$(date -u -d '-2 days' +%Y-%m-%dT%H:%M:%SZ)
if [[ -n "${GUEST:-}" ]]; then customer='null' locale='null'; else customer='"cust-4711"' locale='"es-MX"'; fi

order() { # $1 = deliveredAt JSON value
  cat <<JSON
{"orderId": "$order_id", "customerId": $customer, "email": "ana.lopez@example.mx", "locale": $locale,
 "country": "MX", "currency": "MXN", "placedAt": "$placed", "deliveredAt": $1, "cancelledAt": null,
 "lines": [
  {"lineId": "L1", "sku": "SKU-SHIRT-M", "name": "Camisa de lino", "category": "apparel", "quantity": 2,
   "unitPrice": {"amount": "499.90", "currency": "MXN"}, "finalSale": false},
  {"lineId": "L2", "sku": "SKU-SNK-27", "name": "Tenis urbanos", "category": "footwear", "quantity": 1,
   "unitPrice": {"amount": "1299.00", "currency": "MXN"}, "finalSale": false},
  {"lineId": "L3", "sku": "SKU-GIFT", "name": "Tarjeta de regalo", "category": "gift", "quantity": 1,
   "unitPrice": {"amount": "500.00", "currency": "MXN"}, "finalSale": true}]}
JSON
}

curl -sS -XPOST "$console/storefront/orders" -H 'content-type: application/json' \
  -d "{\"eventId\": \"$order_id-placed\", \"type\": \"order.placed\", \"occurredAt\": \"$placed\", \"order\": $(order null)}"
echo
curl -sS -XPOST "$console/storefront/orders" -H 'content-type: application/json' \
  -d "{\"eventId\": \"$order_id-delivered\", \"type\": \"order.delivered\", \"occurredAt\": \"$delivered\", \"order\": $(order "\"$delivered\"")}"
echo
