package dev.postventa.support.relay;

import static org.assertj.core.api.Assertions.assertThat;

import dev.postventa.support.relay.RelayState.Phase;
import org.junit.jupiter.api.Test;

/** The relay state an operator sees (postventa_relay_state) follows what the supervisor does. */
class RelayStatePhaseTest {

    @Test
    void aRelayThatHasNotStartedIsDown() {
        assertThat(new RelayState().phase()).isEqualTo(Phase.DOWN);
    }

    @Test
    void streamingThenFailingWhileHoldingTheLockIsRestartingAndStreamingAgainAfterwards() {
        RelayState state = new RelayState();
        state.streaming();
        assertThat(state.phase()).isEqualTo(Phase.STREAMING);
        state.down("task stopped");
        state.restarting();
        assertThat(state.phase()).isEqualTo(Phase.RESTARTING);
        state.streaming();
        assertThat(state.phase()).isEqualTo(Phase.STREAMING);
    }

    @Test
    void aStandbyIsStandbyAndALostSlotIsDownWhateverTheRole() {
        RelayState state = new RelayState();
        state.standby(true);
        assertThat(state.phase()).isEqualTo(Phase.STANDBY);
        state.active();
        state.slotLost("slot dropped");
        assertThat(state.phase()).isEqualTo(Phase.DOWN);
    }

    @Test
    void aStoppedRelayIsDown() {
        RelayState state = new RelayState();
        state.streaming();
        state.stopped();
        assertThat(state.phase()).isEqualTo(Phase.DOWN);
    }
}
