package dev.postventa.returns.access;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * Body of {@code POST /customer-tokens}: the order number and the email the order was placed with. The storefront's
 * servers (role storefront) may leave the email out.
 */
public record CustomerTokenRequest(
        @NotBlank(message = "must name the order") @Size(max = 100, message = "must be at most 100 characters")
        String orderId,
        @Size(max = 320, message = "must be at most 320 characters") String email) {
}
