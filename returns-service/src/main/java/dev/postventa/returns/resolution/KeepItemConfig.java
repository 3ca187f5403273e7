package dev.postventa.returns.resolution;

import io.smallrye.config.ConfigMapping;
import java.math.BigDecimal;
import java.util.Map;

/**
 * Keep-the-item thresholds: a returned line whose value (quantity × unit price) is below the threshold for its
 * currency is kept by the customer and settled without being shipped back. No threshold for a currency: disabled.
 * A category's threshold wins over a country's, which wins over the currency's default.
 */
@ConfigMapping(prefix = "postventa.keep-item")
public interface KeepItemConfig {

    /** Default threshold per currency code, e.g. {@code postventa.keep-item.threshold.MXN=150}. */
    Map<String, BigDecimal> threshold();

    /** Per product category, per currency: {@code postventa.keep-item.category.<category>.<CUR>=..}. */
    Map<String, Map<String, BigDecimal>> category();

    /** Per shipping country (ISO 3166 code), per currency: {@code postventa.keep-item.country.<CC>.<CUR>=..}. */
    Map<String, Map<String, BigDecimal>> country();
}
