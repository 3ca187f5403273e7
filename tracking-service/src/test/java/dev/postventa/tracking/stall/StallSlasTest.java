package dev.postventa.tracking.stall;

import static dev.postventa.events.shipments.ShipmentStatus.IN_TRANSIT;
import static dev.postventa.events.shipments.ShipmentStatus.LABEL_CREATED;
import static dev.postventa.events.shipments.ShipmentStatus.OUT_FOR_DELIVERY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Stall SLA rules: how they are read, which one wins, and that a bad one is named. */
class StallSlasTest {

    static final Duration LABEL_UNUSED = Duration.ofDays(7);
    static final Duration IN_TRANSIT_SLA = Duration.ofHours(72);

    @Test
    void withoutRulesTheGlobalSlaOfTheStatusApplies() {
        StallSlas slas = StallSlas.of(LABEL_UNUSED, IN_TRANSIT_SLA, List.of());
        assertThat(slas.of("estafeta", "MX", LABEL_CREATED)).isEqualTo(LABEL_UNUSED);
        assertThat(slas.of("estafeta", "MX", IN_TRANSIT)).isEqualTo(IN_TRANSIT_SLA);
        assertThat(slas.of("estafeta", "MX", OUT_FOR_DELIVERY)).isEqualTo(IN_TRANSIT_SLA);
    }

    @Test
    void carrierAndCountryBeatCarrierWhichBeatsCountryWhichBeatsTheGlobalSla() {
        StallSlas slas = StallSlas.of(LABEL_UNUSED, IN_TRANSIT_SLA, List.of(
                "*:MX:IN_TRANSIT=PT48H", "estafeta:*:IN_TRANSIT=PT60H", "estafeta:MX:IN_TRANSIT=PT96H"));
        assertThat(slas.of("estafeta", "MX", IN_TRANSIT)).isEqualTo(Duration.ofHours(96));
        assertThat(slas.of("estafeta", "BR", IN_TRANSIT)).isEqualTo(Duration.ofHours(60));
        assertThat(slas.of("dhl", "MX", IN_TRANSIT)).isEqualTo(Duration.ofHours(48));
        assertThat(slas.of("dhl", "BR", IN_TRANSIT)).isEqualTo(IN_TRANSIT_SLA);
        // A rule is for its status only.
        assertThat(slas.of("estafeta", "MX", OUT_FOR_DELIVERY)).isEqualTo(IN_TRANSIT_SLA);
        assertThat(slas.of("estafeta", "MX", LABEL_CREATED)).isEqualTo(LABEL_UNUSED);
    }

    @Test
    void rulesAreReadFromTheEnvVarShapeWhateverTheCaseAndDurationForm() {
        StallSlas slas = StallSlas.of(LABEL_UNUSED, IN_TRANSIT_SLA,
                List.of(" Estafeta : mx : in_transit = 96h ", "*:BR:LABEL_CREATED=P10D", ""));
        assertThat(slas.of("estafeta", "MX", IN_TRANSIT)).isEqualTo(Duration.ofHours(96));
        assertThat(slas.of("correios", "br", LABEL_CREATED)).isEqualTo(Duration.ofDays(10));
        // A shipment without a known country gets carrier rules and the global SLAs only.
        assertThat(slas.of("correios", null, LABEL_CREATED)).isEqualTo(LABEL_UNUSED);
    }

    @Test
    void aBadRuleIsRefusedNamingIt() {
        assertThatThrownBy(() -> StallSlas.of(LABEL_UNUSED, IN_TRANSIT_SLA,
                List.of("estafeta:MX:IN_TRANSIT=PT96H", "estafeta:MX=PT96H")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'estafeta:MX=PT96H'").hasMessageContaining("carrier:country:STATUS=duration")
                .hasMessageContaining("STALL_SLAS");
        assertThatThrownBy(() -> StallSlas.of(LABEL_UNUSED, IN_TRANSIT_SLA, List.of("dhl:MEX:IN_TRANSIT=PT1H")))
                .hasMessageContaining("'dhl:MEX:IN_TRANSIT=PT1H'").hasMessageContaining("country 'MEX'");
        assertThatThrownBy(() -> StallSlas.of(LABEL_UNUSED, IN_TRANSIT_SLA, List.of("dhl:MX:MOVING=PT1H")))
                .hasMessageContaining("status 'MOVING'");
        assertThatThrownBy(() -> StallSlas.of(LABEL_UNUSED, IN_TRANSIT_SLA, List.of("dhl:MX:IN_TRANSIT=soon")))
                .hasMessageContaining("duration 'soon'");
        assertThatThrownBy(() -> StallSlas.of(LABEL_UNUSED, IN_TRANSIT_SLA, List.of("dhl:MX:IN_TRANSIT=PT0S")))
                .hasMessageContaining("not positive");
        assertThatThrownBy(() -> StallSlas.of(LABEL_UNUSED, IN_TRANSIT_SLA,
                List.of("dhl:MX:DELIVERED_TO_WAREHOUSE=PT1H"))).hasMessageContaining("never stalls");
        assertThatThrownBy(() -> StallSlas.of(LABEL_UNUSED, IN_TRANSIT_SLA,
                List.of("dhl:MX:IN_TRANSIT=PT1H", "DHL:mx:IN_TRANSIT=PT2H"))).hasMessageContaining("given twice");
    }
}
