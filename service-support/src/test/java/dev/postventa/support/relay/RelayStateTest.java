package dev.postventa.support.relay;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RelayStateTest {

    private final RelayState state = new RelayState();

    @Test
    void beforeTheFirstStreamNoWriteIsAccepted() {
        assertThat(state.isStreaming()).isFalse();
        assertThat(state.acceptsWrites()).isFalse();

        state.down("connector failed to start");

        assertThat(state.acceptsWrites()).isFalse();
        assertThat(state.lastError()).isEqualTo("connector failed to start");
    }

    @Test
    void streamingAcceptsWritesAndClearsTheLastError() {
        state.down("connector failed to start");

        state.streaming();

        assertThat(state.isStreaming()).isTrue();
        assertThat(state.acceptsWrites()).isTrue();
        assertThat(state.lastError()).isNull();
    }

    @Test
    void onceTheSlotExistsWritesAreAcceptedWhileTheEngineRestarts() {
        state.streaming();

        state.down("task stopped");
        state.restarting();

        assertThat(state.isStreaming()).isFalse();
        assertThat(state.acceptsWrites()).isTrue();
        assertThat(state.lastError()).isEqualTo("task stopped");
        assertThat(state.restarts()).isEqualTo(1);
    }

    @Test
    void aLostSlotRefusesWritesAndIsNotReadyUntilTheRelayStreamsAgain() {
        state.streaming();

        state.slotLost("replication slot returns_outbox this relay streamed from no longer exists");

        assertThat(state.acceptsWrites()).isFalse();
        assertThat(state.isReady()).isFalse();
        assertThat(state.slotLost()).contains("no longer exists");

        state.streaming();

        assertThat(state.acceptsWrites()).isTrue();
        assertThat(state.isReady()).isTrue();
        assertThat(state.slotLost()).isNull();
    }

    @Test
    void aStandbyIsReadyAndAcceptsWritesOnlyWhileTheActiveReplicasSlotExists() {
        state.standby(false);

        assertThat(state.role()).isEqualTo(RelayState.Role.STANDBY);
        assertThat(state.acceptsWrites()).isFalse();
        assertThat(state.isReady()).isFalse();

        state.standby(true);

        assertThat(state.isStreaming()).isFalse();
        assertThat(state.acceptsWrites()).isTrue();
        assertThat(state.isReady()).isTrue();
    }

    @Test
    void anActiveRelayThatDoesNotStreamIsNotReady() {
        state.active();
        state.down("engine failed");

        assertThat(state.role()).isEqualTo(RelayState.Role.ACTIVE);
        assertThat(state.isReady()).isFalse();
    }
}
