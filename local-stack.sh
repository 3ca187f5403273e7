#!/usr/bin/env bash
# Builds what is needed and runs the whole Postventa platform on embedded defaults until Ctrl-C:
# a real Kafka broker (KRaft), a real PostgreSQL (one database per service), an SMTP server with a web mailbox,
# and the four services. Data is kept under .postventa/.
set -euo pipefail
cd "$(dirname "$0")"
mvn -B -q -DskipTests install
exec java -Dpostventa.root="$PWD" -cp "local-stack/target/local-stack.jar:local-stack/target/lib/*" \
  dev.postventa.localstack.PostventaLocalStack
