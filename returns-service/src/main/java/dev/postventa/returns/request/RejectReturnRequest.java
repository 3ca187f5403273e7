package dev.postventa.returns.request;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Body of {@code POST /returns/{id}/reject}: why operations refuse the return (kept in its history). */
public record RejectReturnRequest(
        @NotBlank(message = "is required: say why the return is rejected")
        @Size(max = RejectReturnRequest.MAX_REASON, message = "must be at most 500 characters") String reason) {

    public static final int MAX_REASON = 500;
}
