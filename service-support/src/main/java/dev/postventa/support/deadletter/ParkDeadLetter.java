package dev.postventa.support.deadletter;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Body of {@code POST /ops/dead-letters/{id}/park}: why the message needs no replay. */
public record ParkDeadLetter(
        @NotBlank(message = "is required") @Size(max = 500, message = "must be at most 500 characters") String note) {
}
