package dev.postventa.returns.request;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.util.List;

/** Body of {@code POST /returns}: which lines of which order the customer sends back, and why. */
public record CreateReturnRequest(
        @NotBlank(message = "must name the order")
        @Size(max = CreateReturnRequest.MAX_ID, message = "must be at most 100 characters") String orderId,
        @NotEmpty(message = "must list at least one line")
        @Size(max = 100, message = "must list at most 100 lines") List<@Valid @NotNull RequestedLine> lines,
        @Size(max = 2000, message = "must be at most 2000 characters") String comment) {

    /** Longest order or line id taken: storefront ids are short; anything longer is not one of them. */
    public static final int MAX_ID = 100;

    /**
     * One line to return, and what the customer wants for it: {@code resolution} REFUND (when left out),
     * STORE_CREDIT or EXCHANGE; an EXCHANGE also names the {@code replacementSku} and the {@code fallback} (REFUND or
     * STORE_CREDIT) that applies when the replacement cannot be reserved. The resolution fields are left out of the
     * JSON when null, so that the Idempotency-Key fingerprint of a request without them is the same as before them.
     */
    public record RequestedLine(
            @NotBlank(message = "must name the order line")
            @Size(max = CreateReturnRequest.MAX_ID, message = "must be at most 100 characters") String lineId,
            @NotNull(message = "is required") @Positive(message = "must be at least 1") @Max(1000) Integer quantity,
            @NotNull(message = "is required; one of DAMAGED, DEFECTIVE, WRONG_ITEM, NOT_AS_DESCRIBED, "
                    + "SIZE_TOO_SMALL, SIZE_TOO_LARGE, CHANGED_MIND, ARRIVED_LATE, OTHER") ReasonCode reason,
            @JsonInclude(JsonInclude.Include.NON_NULL) Resolution resolution,
            @JsonInclude(JsonInclude.Include.NON_NULL)
            @Size(max = CreateReturnRequest.MAX_ID, message = "must be at most 100 characters") String replacementSku,
            @JsonInclude(JsonInclude.Include.NON_NULL) Fallback fallback) {

        /** A line to refund (the request before resolutions). */
        public RequestedLine(String lineId, Integer quantity, ReasonCode reason) {
            this(lineId, quantity, reason, null, null, null);
        }

        /** The resolution asked for: REFUND when left out. */
        public Resolution resolutionOrRefund() {
            return resolution == null ? Resolution.REFUND : resolution;
        }
    }

    /** What the customer gets for a returned line (the constants of {@code ReturnedLine}). */
    public enum Resolution { REFUND, STORE_CREDIT, EXCHANGE }

    /** What applies to an exchanged line when its replacement cannot be reserved. */
    public enum Fallback { REFUND, STORE_CREDIT }
}
