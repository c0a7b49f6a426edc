package com.invoicedelivery.events;

/**
 * How a tenant's clients reach it, as the tenant set it for its client pages; each part optional (null).
 *
 * @param email   a plain e-mail address
 * @param phone   a telephone number as the tenant writes it (digits, spaces, {@code + - ( ) /})
 * @param address the postal address, one or more lines
 */
@Description("How a tenant's clients reach it, as the tenant set it for its client pages; each part optional.")
public record TenantContact(@OptionalField String email,
                            @Description("As the tenant writes it (digits, spaces, + - ( ) /).") @OptionalField String phone,
                            @Description("The postal address, one or more lines.") @OptionalField String address) {

    /** Whether no part is given (not a bean property: the record's JSON is its three fields). */
    public boolean namesNothing() {
        return email == null && phone == null && address == null;
    }
}
