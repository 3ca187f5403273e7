-- What operators did with a dead-lettered message (GET/POST /ops/dead-letters): the message stays on the service's
-- dead-letter topic, so it is named by its position there; the newest action per message gives its state.
CREATE TABLE dead_letter_action (
    id            BIGSERIAL   PRIMARY KEY,
    dlq_partition INT         NOT NULL,
    dlq_offset    BIGINT      NOT NULL,
    action        TEXT        NOT NULL CHECK (action IN ('REPLAYED', 'PARKED')),
    -- Why a message was parked (required then); null for a replay.
    note          TEXT,
    -- The subject of the operator's access token.
    actor         TEXT        NOT NULL,
    at            TIMESTAMPTZ NOT NULL
);

CREATE INDEX dead_letter_action_message ON dead_letter_action (dlq_partition, dlq_offset);
