package com.invoicedelivery.mail;

import static com.invoicedelivery.kit.testing.ApiAccessContract.PathAccess.delete;
import static com.invoicedelivery.kit.testing.ApiAccessContract.PathAccess.get;
import static com.invoicedelivery.kit.testing.ApiAccessContract.PathAccess.post;
import static com.invoicedelivery.kit.testing.ApiAccessContract.PathAccess.put;

import java.util.List;

import com.invoicedelivery.kit.testing.ApiAccessContract;
import com.invoicedelivery.mail.testdata.WholeServiceTest;

/**
 * Who may call which path of mail-dispatch: the e-mail log is the tenant's (a token with a tenant but no tenant
 * role sees nothing), the SMTP settings are read by the tenant's users and changed or tried by its admins.
 */
class ApiAccessIntegrationTest extends WholeServiceTest implements ApiAccessContract {

    @Override
    public int serverPort() {
        return port;
    }

    @Override
    public List<PathAccess> accessContract() {
        return List.of(
                get("/api/emails").allows(TENANT).answering(200),
                get("/api/emails/no-such-email").allows(TENANT).answering(404),
                get("/api/emails/no-such-email/source").allows(TENANT).answering(404),
                get("/api/smtp-settings").allows(TENANT),
                put("/api/smtp-settings").allows(Caller.TENANT_ADMIN).answering(400),
                post("/api/smtp-settings/test").allows(Caller.TENANT_ADMIN),
                delete("/api/smtp-settings").allows(Caller.TENANT_ADMIN),
                get("/api/operations/dead-letters").allows(Caller.OPERATIONS).answering(200),
                get("/internal/nothing-here").allows(Caller.SERVICE).answering(404),
                get("/actuator/health/readiness").open().answering(200),
                get("/not-an-api").closed());
    }
}
