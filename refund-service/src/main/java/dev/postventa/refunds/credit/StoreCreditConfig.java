package dev.postventa.refunds.credit;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;
import java.math.BigDecimal;
import java.time.Duration;

/** Store credit: the shop's bonus, how long credit lasts and how its expiry is swept. */
@ConfigMapping(prefix = "postventa.store-credit")
public interface StoreCreditConfig {

    /** Added to every credit issued for a return, in percent of the credit owed (0 disables the bonus). */
    @WithDefault("10")
    @DecimalMin("0")
    BigDecimal bonusPercent();

    /** How long an issued credit can be spent, counted from its issue (refund-service's clock). */
    @WithDefault("365d")
    Duration validity();

    /** How often the expiry sweep looks for credit past its expiry. */
    @WithDefault("1m")
    Duration expiryInterval();

    /** Accounts expired per sweep round (the rest wait for the next round). */
    @WithDefault("100")
    @Min(1)
    int expiryBatchSize();
}
