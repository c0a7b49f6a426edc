package com.invoicedelivery.events;

/**
 * What an import does when a row describes a client (by its UIC) that the tenant already has, with other details:
 * {@link #UPDATE} (the default) stores the row's description over the client's, {@link #CONFLICT} refuses the row
 * and names the fields that differ. Either way the send goes to the addresses the row gave, never to others.
 */
@Description("What an import row does with a client (by its UIC) the tenant already has with other details.")
public enum ClientPolicy {
    @Description("Store the row's description over the client's (the default).")
    UPDATE,
    @Description("Refuse the row, naming the fields that differ.")
    CONFLICT;

    /** A batch that names no policy updates the client from the row. */
    public static ClientPolicy orDefault(ClientPolicy policy) {
        return policy == null ? UPDATE : policy;
    }
}
