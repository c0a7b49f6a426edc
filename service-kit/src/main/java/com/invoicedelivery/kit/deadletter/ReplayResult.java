package com.invoicedelivery.kit.deadletter;

/** What one replay did: how many dead letters went to the binding's topic again, and how many still wait. */
public record ReplayResult(String binding, int replayed, long waiting) {
}
