package com.invoicedelivery.mail;

import static com.invoicedelivery.kit.testing.ApiAccessContract.PathAccess.get;
import static com.invoicedelivery.kit.testing.ApiAccessContract.PathAccess.post;
import static com.invoicedelivery.kit.testing.ApiAccessContract.PathAccess.put;
import static java.util.Map.entry;

import java.util.List;
import java.util.Map;
import java.util.Set;

import com.invoicedelivery.kit.testing.ApiAccessContract;
import com.invoicedelivery.mail.testdata.WholeServiceTest;

/**
 * Who may call which path of mail-dispatch: the e-mail log is the tenant's (a token with a tenant but no tenant
 * role sees nothing), the SMTP settings are read by the tenant's users and changed or tried by its admins, the
 * notification settings read by its users and changed by its admins, and only a tenant's admin (or operations, for
 * any tenant) asks for waiting e-mails to be retried now.
 */
class ApiAccessIntegrationTest extends WholeServiceTest implements ApiAccessContract {

    @Override
    public Map<String, Set<Caller>> documentedOperations() {
        return Map.ofEntries(
                entry("DELETE /api/smtp-settings", Set.of(Caller.TENANT_ADMIN)),
                entry("GET /api/emails", TENANT),
                entry("GET /api/emails/{id}", TENANT),
                entry("GET /api/emails/{id}/source", TENANT),
                entry("GET /api/operations/dead-letters", Set.of(Caller.OPERATIONS)),
                entry("GET /api/notification-settings", TENANT),
                entry("GET /api/smtp-settings", TENANT),
                entry("POST /api/operations/dead-letters/{binding}/replay", Set.of(Caller.OPERATIONS)),
                entry("POST /api/smtp-settings/test", Set.of(Caller.TENANT_ADMIN)),
                entry("PUT /api/notification-settings", Set.of(Caller.TENANT_ADMIN)),
                entry("PUT /api/smtp-settings", Set.of(Caller.TENANT_ADMIN)),
                entry("POST /api/dispatch/own-server/retry", Set.of(Caller.TENANT_ADMIN)),
                entry("POST /api/dispatch/sends/{sendId}/retry", Set.of(Caller.TENANT_ADMIN)),
                entry("POST /api/dispatch/sends/{sendId}/recipients/{recipientId}/retry", Set.of(Caller.TENANT_ADMIN)),
                entry("POST /api/operations/dispatch/tenants/{tenantId}/own-server/retry", Set.of(Caller.OPERATIONS)),
                entry("POST /api/operations/dispatch/tenants/{tenantId}/sends/{sendId}/retry",
                        Set.of(Caller.OPERATIONS)),
                entry("POST /api/operations/dispatch/tenants/{tenantId}/sends/{sendId}/recipients/{recipientId}/retry",
                        Set.of(Caller.OPERATIONS)));
    }

    @Override
    public List<PathAccess> accessContract() {
        return List.of(
                get("/api/emails").allows(TENANT).answering(200),
                get("/api/emails/no-such-email").allows(TENANT).answering(404),
                get("/api/emails/no-such-email/source").allows(TENANT).answering(404),
                put("/api/smtp-settings").allows(Caller.TENANT_ADMIN).answering(400),
                get("/api/notification-settings").allows(TENANT).answering(200),
                put("/api/notification-settings").allows(Caller.TENANT_ADMIN).answering(400),
                get("/api/operations/dead-letters").allows(Caller.OPERATIONS).answering(200),
                post("/api/dispatch/sends/no-such-send/retry").allows(Caller.TENANT_ADMIN).answering(404),
                post("/api/operations/dispatch/tenants/acme/own-server/retry").allows(Caller.OPERATIONS)
                        .answering(200),
                get("/internal/nothing-here").allows(Caller.SERVICE).answering(404),
                get("/actuator/health/readiness").open().answering(200),
                get("/not-an-api").closed());
    }
}
