package dev.postventa.returns.request;

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

    /** One line to return. */
    public record RequestedLine(
            @NotBlank(message = "must name the order line")
            @Size(max = CreateReturnRequest.MAX_ID, message = "must be at most 100 characters") String lineId,
            @NotNull(message = "is required") @Positive(message = "must be at least 1") @Max(1000) Integer quantity,
            @NotNull(message = "is required; one of DAMAGED, DEFECTIVE, WRONG_ITEM, NOT_AS_DESCRIBED, "
                    + "SIZE_TOO_SMALL, SIZE_TOO_LARGE, CHANGED_MIND, ARRIVED_LATE, OTHER") ReasonCode reason) {
    }
}
