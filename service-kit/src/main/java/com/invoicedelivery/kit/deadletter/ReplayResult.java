package com.invoicedelivery.kit.deadletter;

import io.swagger.v3.oas.annotations.media.Schema;

/** What one replay did: how many dead letters went to the binding's topic again, and how many still wait. */
public record ReplayResult(
        @Schema(description = "The consumer binding whose dead letters were replayed.",
                example = "renderDocument-in-0") String binding,
        @Schema(description = "How many dead letters this replay published to the binding's topic again.",
                example = "3")
        int replayed,
        @Schema(description = "How many dead letters still wait for a replay after this one.", example = "0")
        long waiting) {
}
