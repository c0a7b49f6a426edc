package com.invoicedelivery.invoice.tenant.domain;

import java.util.regex.Pattern;

import com.invoicedelivery.events.DeliveryMode;
import com.invoicedelivery.invoice.shared.domain.RuleViolationException;
import com.invoicedelivery.invoice.shared.domain.StateConflictException;
import com.invoicedelivery.invoice.shared.domain.Violations;

/**
 * A company that issues invoices on the platform.
 *
 * @param id             the tenant id the identity provider puts in its users' tokens
 * @param subdomain      the tenant's own sub-domain (a lower-case DNS label); the default sender address is
 *                       {@code invoices@<subdomain>.<platform-domain>}; unique across tenants
 * @param attachInvoices the setting "Invoices as attached files"; honoured on the paid plan only
 * @param linkValidityDays how many days the personal links of this tenant's sends work; null: the platform's default
 * @param clientPage     what its clients' link pages show besides the invoice (privacy notice, contact); null: nothing
 */
public record Tenant(String id, String name, String subdomain, Plan plan, Company company, boolean attachInvoices,
                     Integer linkValidityDays, ClientPage clientPage) {

    /** A tenant without client-page settings. */
    public Tenant(String id, String name, String subdomain, Plan plan, Company company, boolean attachInvoices,
                  Integer linkValidityDays) {
        this(id, name, subdomain, plan, company, attachInvoices, linkValidityDays, null);
    }

    /** The longest a tenant may keep its links working: two years covers any payment term and dispute. */
    public static final int MAX_LINK_VALIDITY_DAYS = 730;

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,63}");
    private static final Pattern DNS_LABEL = Pattern.compile("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");

    /**
     * A tenant as registered or updated by operations.
     *
     * @throws com.invoicedelivery.invoice.shared.domain.RuleViolationException naming every field that breaks a rule
     * @throws StateConflictException naming {@code attachInvoices} for a TRIAL tenant that would attach invoices:
     *                                the rule the tenant's own setting obeys ({@link #withAttachInvoices})
     */
    public static Tenant registered(String id, String name, String subdomain, Plan plan, Company company,
                                    boolean attachInvoices) {
        Violations violations = new Violations();
        violations.check(id != null && ID.matcher(id).matches(), "tenantId",
                "must be 1 to 64 letters, digits, '-' or '_'");
        if (violations.requireText(name, "name", 200)) {
            violations.displayable(name, "name");
        }
        if (violations.requirePresent(subdomain, "subdomain")) {
            violations.check(DNS_LABEL.matcher(subdomain).matches(), "subdomain", "must be a lower-case DNS label:"
                    + " letters a-z, digits and '-', at most 63, not starting or ending with '-'");
        }
        violations.requirePresent(plan, "plan");
        Company cleaned = company == null ? null : company.cleaned();
        if (violations.requirePresent(cleaned, "company")) {
            cleaned.validate(violations.nested("company"));
        }
        violations.throwIfAny();
        if (attachInvoices && plan == Plan.TRIAL) {
            throw noAttachmentsOnTrial();
        }
        return new Tenant(id, name.strip(), subdomain, plan, cleaned, attachInvoices, null);
    }

    /**
     * The tenant with the setting "Invoices as attached files" turned on or off.
     *
     * @throws StateConflictException naming {@code attachInvoices} when turning it on for a TRIAL tenant
     */
    public Tenant withAttachInvoices(boolean attach) {
        if (attach && plan == Plan.TRIAL) {
            throw noAttachmentsOnTrial();
        }
        return new Tenant(id, name, subdomain, plan, company, attach, linkValidityDays, clientPage);
    }

    private static StateConflictException noAttachmentsOnTrial() {
        return new StateConflictException("attachInvoices", "invoices as attached files are not available on the Trial"
                + " plan: a Trial tenant always sends links; a paid plan can send attachments");
    }

    /**
     * The tenant with its personal links working this many days after each send.
     *
     * @throws RuleViolationException naming {@code validityDays} outside 1 to {@value #MAX_LINK_VALIDITY_DAYS}
     */
    public Tenant withLinkValidityDays(Integer days) {
        if (days == null || days < 1 || days > MAX_LINK_VALIDITY_DAYS) {
            throw new RuleViolationException("validityDays", "must be a number of days from 1 to "
                    + MAX_LINK_VALIDITY_DAYS);
        }
        return new Tenant(id, name, subdomain, plan, company, attachInvoices, days, clientPage);
    }

    /**
     * The same tenant with the tenant's own settings of {@code stored} (links, client page): operations' profile
     * updates do not carry them.
     */
    public Tenant keepingLinkSettingOf(Tenant stored) {
        return new Tenant(id, name, subdomain, plan, company, attachInvoices, stored.linkValidityDays,
                stored.clientPage);
    }

    /** The tenant with what its clients' pages show besides the invoice (already validated, see ClientPage#of). */
    public Tenant withClientPage(ClientPage page) {
        return new Tenant(id, name, subdomain, plan, company, attachInvoices, linkValidityDays, page);
    }

    /** How this tenant's invoices travel: as a link, unless it chose attachments and its plan allows them. */
    public DeliveryMode deliveryMode() {
        return attachInvoices && plan == Plan.PAID ? DeliveryMode.ATTACHMENT : DeliveryMode.LINK;
    }
}
