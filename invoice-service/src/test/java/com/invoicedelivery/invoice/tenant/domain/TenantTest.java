package com.invoicedelivery.invoice.tenant.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;

import com.invoicedelivery.events.DeliveryMode;
import com.invoicedelivery.invoice.shared.domain.PartyDetails;
import com.invoicedelivery.invoice.shared.domain.RuleViolation;
import com.invoicedelivery.invoice.shared.domain.RuleViolationException;
import com.invoicedelivery.invoice.shared.domain.StateConflictException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TenantTest {

    private static final Company COMPANY = new Company(new PartyDetails(" Акме ООД ", "ул. Витоша 1", "София",
            "България", "201234567", "BG201234567", null), "office@acme.example",
            new BankAccount("Банка", "BG80 BNBG 9661 1020 3456 78", "BNBGBGSD"));

    @Test
    void attachmentsNeedTheSettingAndThePaidPlan() {
        assertThat(tenant(Plan.PAID, true).deliveryMode()).isEqualTo(DeliveryMode.ATTACHMENT);
        assertThat(tenant(Plan.PAID, false).deliveryMode()).isEqualTo(DeliveryMode.LINK);
        assertThat(tenant(Plan.TRIAL, true).deliveryMode()).isEqualTo(DeliveryMode.LINK);
        assertThat(tenant(Plan.TRIAL, false).deliveryMode()).isEqualTo(DeliveryMode.LINK);
    }

    @Test
    void aTrialTenantCannotTurnAttachmentsOnButEveryTenantCanTurnThemOff() {
        StateConflictException refused = catchThrowableOfType(StateConflictException.class,
                () -> tenant(Plan.TRIAL, false).withAttachInvoices(true));

        assertThat(refused.violations()).extracting(RuleViolation::field).containsExactly("attachInvoices");
        assertThat(tenant(Plan.TRIAL, true).withAttachInvoices(false).attachInvoices()).isFalse();
        assertThat(tenant(Plan.PAID, false).withAttachInvoices(true).deliveryMode()).isEqualTo(DeliveryMode.ATTACHMENT);
    }

    @Test
    void operationsCannotRegisterATrialTenantThatAttachesInvoicesEither() {
        StateConflictException refused = catchThrowableOfType(StateConflictException.class,
                () -> Tenant.registered("acme", "Акме", "acme", Plan.TRIAL, COMPANY, true));

        assertThat(refused.violations()).extracting(RuleViolation::field).containsExactly("attachInvoices");
        assertThat(Tenant.registered("acme", "Акме", "acme", Plan.PAID, COMPANY, true).attachInvoices()).isTrue();
    }

    @Test
    void aRegisteredTenantIsCleanedUp() {
        Tenant tenant = tenant(Plan.PAID, false);

        assertThat(tenant.company().details().name()).isEqualTo("Акме ООД");
        assertThat(tenant.company().bank().iban()).isEqualTo("BG80BNBG96611020345678");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Acme", "-acme", "acme-", "ac_me", "acme.bg", ""})
    void theSubdomainIsALowerCaseDnsLabel(String subdomain) {
        assertThat(fields("acme", subdomain, COMPANY)).containsExactly("subdomain");
    }

    @Test
    void everyBrokenRuleIsNamedWithItsPath() {
        Company broken = new Company(new PartyDetails("", "ул. 1", "София", "България", "12345", "bg123", null),
                "office", new BankAccount("Банка", "not-an-iban", "x"));

        assertThat(fields("bad id!", "acme", broken)).containsExactly("tenantId", "company.name", "company.uic",
                "company.vatNumber", "company.email", "company.bank.iban", "company.bank.bic");
        assertThat(fields("acme", "acme", null)).containsExactly("company");
    }

    @Test
    void linksWorkFromOneDayToTwoYears() {
        Tenant tenant = tenant(Plan.PAID, false);

        assertThat(tenant.linkValidityDays()).isNull();
        assertThat(tenant.withLinkValidityDays(1).linkValidityDays()).isEqualTo(1);
        assertThat(tenant.withLinkValidityDays(730).linkValidityDays()).isEqualTo(730);
        for (Integer refused : new Integer[] {null, 0, -5, 731}) {
            assertThat(catchThrowableOfType(RuleViolationException.class, () -> tenant.withLinkValidityDays(refused))
                    .violations()).extracting(RuleViolation::field).containsExactly("validityDays");
        }
    }

    private static Tenant tenant(Plan plan, boolean attach) {
        Tenant registered = Tenant.registered("acme", "Акме", "acme", plan, COMPANY, false);
        // a Trial tenant with the setting on, as stored before operations were held to the plan's rule
        return new Tenant(registered.id(), registered.name(), registered.subdomain(), plan, registered.company(),
                attach, registered.linkValidityDays());
    }

    private static List<String> fields(String id, String subdomain, Company company) {
        return catchThrowableOfType(RuleViolationException.class,
                () -> Tenant.registered(id, "Акме", subdomain, Plan.PAID, company, false))
                .violations().stream().map(RuleViolation::field).toList();
    }
}
