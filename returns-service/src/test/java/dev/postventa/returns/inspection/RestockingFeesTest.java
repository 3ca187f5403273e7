package dev.postventa.returns.inspection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.postventa.events.Money;
import dev.postventa.events.returns.InspectedLine;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Restocking fees: a percentage of the accepted value, by category or grade, the larger when both apply. */
class RestockingFeesTest {

    private static final Money PHONE = Money.of("1000.00", "MXN");
    private final RestockingFees fees = new RestockingFees(Map.of("electronics", "10%"),
            Map.of(InspectedLine.DAMAGED, "15%", InspectedLine.WRONG_ITEM, "5"));

    @Test
    void theCategoryFeeIsAPercentageOfTheAcceptedUnits() {
        assertThat(fees.fee("electronics", InspectedLine.RESELLABLE, PHONE, 2)).isEqualTo(Money.of("200.00", "MXN"));
    }

    @Test
    void whenCategoryAndGradeBothApplyTheLargerIsDeducted() {
        assertThat(fees.fee("electronics", InspectedLine.DAMAGED, PHONE, 1)).isEqualTo(Money.of("150.00", "MXN"));
        assertThat(fees.fee("electronics", InspectedLine.WRONG_ITEM, PHONE, 1)).isEqualTo(Money.of("100.00", "MXN"));
    }

    @Test
    void noFeeWithoutARuleOrWithoutAcceptedUnits() {
        assertThat(fees.fee("apparel", InspectedLine.RESELLABLE, PHONE, 1)).isEqualTo(Money.of("0.00", "MXN"));
        assertThat(fees.fee(null, InspectedLine.RESELLABLE, PHONE, 1)).isEqualTo(Money.of("0.00", "MXN"));
        assertThat(fees.fee("electronics", InspectedLine.MISSING, PHONE, 0)).isEqualTo(Money.of("0.00", "MXN"));
    }

    @Test
    void feesAreRoundedToTheCurrencyAndNeverExceedTheAcceptedValue() {
        assertThat(fees.fee("electronics", InspectedLine.DAMAGED, Money.of("0.05", "MXN"), 1))
                .isEqualTo(Money.of("0.01", "MXN"));
        RestockingFees all = new RestockingFees(Map.of("gift", "100%"), Map.of());
        assertThat(all.fee("gift", InspectedLine.RESELLABLE, Money.of("59.95", "EUR"), 1))
                .isEqualTo(Money.of("59.95", "EUR"));
    }

    @Test
    void aSettingThatIsNotAPercentageFailsNamingIt() {
        assertThatThrownBy(() -> new RestockingFees(Map.of("electronics", "ten"), Map.of()))
                .hasMessageContaining("electronics").hasMessageContaining("ten");
        assertThatThrownBy(() -> new RestockingFees(Map.of(), Map.of(InspectedLine.DAMAGED, "150%")))
                .hasMessageContaining("between 0% and 100%");
    }
}
