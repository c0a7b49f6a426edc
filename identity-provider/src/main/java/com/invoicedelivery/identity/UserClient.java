package com.invoicedelivery.identity;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * A client that stands for a user in the local run (the demo tenant's admin, operations, the end-to-end tests'
 * users). In production a user's token comes from the company's provider by the authorization-code flow; here a
 * client-credentials grant without scope returns a token with the same claims.
 *
 * @param subject   the client id, which is the token's {@code sub}
 * @param secret    its client secret (kept hashed by the provider)
 * @param tenant    the tenant the user works for, or null (operations)
 * @param roles     the token's {@code roles}
 * @param audiences the token's {@code aud}: the services the user may call
 * @param validity  how long its tokens live
 */
public record UserClient(String subject, String secret, String tenant, List<String> roles, List<String> audiences,
                         Duration validity) {

    /** The services a user works with; pdf-service is called only by other services. */
    public static final List<String> DEFAULT_AUDIENCES =
            List.of("invoice-service", "mail-dispatch-service", "tracking-service");

    public UserClient {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(secret, "secret");
        roles = List.copyOf(roles);
        audiences = List.copyOf(audiences);
        Objects.requireNonNull(validity, "validity");
        if (audiences.isEmpty()) {
            throw new IllegalArgumentException("a user client needs at least one audience");
        }
    }

    /** A user of the default services. */
    public static UserClient of(String subject, String secret, String tenant, List<String> roles, Duration validity) {
        return new UserClient(subject, secret, tenant, roles, DEFAULT_AUDIENCES, validity);
    }
}
