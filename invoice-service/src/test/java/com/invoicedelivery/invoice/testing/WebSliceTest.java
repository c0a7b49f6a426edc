package com.invoicedelivery.invoice.testing;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import com.invoicedelivery.events.DocumentKind;
import com.invoicedelivery.invoice.invoicing.domain.Invoice;
import com.invoicedelivery.invoice.invoicing.domain.InvoiceDraft;
import com.invoicedelivery.invoice.invoicing.domain.InvoiceLine;
import com.invoicedelivery.invoice.shared.web.ApiAccessConfiguration;
import com.invoicedelivery.invoice.shared.web.RequestProblemHandler;
import com.invoicedelivery.invoice.shared.web.StrictJsonConfiguration;
import com.invoicedelivery.kit.problem.ApiProblemHandler;
import com.invoicedelivery.kit.security.PlatformSecurityConfiguration;
import com.invoicedelivery.kit.testing.TestIdentityProvider;
import com.invoicedelivery.kit.testing.TestTokens;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A web slice that answers as the service does: the kit's token validation and problem answers, this API's own
 * problems (limits), its access rules and its strict JSON. Subclasses are {@code @WebMvcTest}s of one controller.
 */
@Import({PlatformSecurityConfiguration.class, ApiProblemHandler.class, RequestProblemHandler.class,
        ApiAccessConfiguration.class, StrictJsonConfiguration.class})
public abstract class WebSliceTest {

    protected static final String TENANT = "acme";

    @Autowired
    protected MockMvc mvc;

    @DynamicPropertySource
    static void trustTheIdentityProvider(DynamicPropertyRegistry registry) {
        TestIdentityProvider.trustIn(registry);
    }

    /** A draft invoice of {@link #TENANT} for client {@code c1}, numbered 0000000042, with one 20 % line. */
    protected static Invoice draftInvoice(String id) {
        LocalDate day = LocalDate.of(2026, 11, 28);
        InvoiceDraft draft = new InvoiceDraft("c1", null, DocumentKind.INVOICE, day, day, null, null, null,
                List.of(new InvoiceLine(1, "Услуга", BigDecimal.ONE, null, BigDecimal.TEN, BigDecimal.valueOf(20), null)),
                null).validated();
        return Invoice.draft(id, TENANT, "0000000042", draft, Instant.parse("2026-11-28T10:00:00Z"));
    }

    protected static String userToken() {
        return "Bearer " + TestTokens.user(TENANT);
    }

    protected static String adminToken() {
        return "Bearer " + TestTokens.admin(TENANT);
    }
}
