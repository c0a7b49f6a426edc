package com.invoicedelivery.mail.settings.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;

import com.invoicedelivery.mail.settings.domain.InvalidSmtpSettingsException.Violation;
import com.invoicedelivery.mail.smtp.domain.SmtpSecurity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SmtpSettingsChangeTest {

    private static final String PASSWORD = "pw-Ёж-42";

    @Test
    void completeSettingsPass() {
        SmtpSettingsChange change = new SmtpSettingsChange(" smtp.acme.bg ", 587, "starttls", " mailer ", PASSWORD,
                "fakturi@acme.bg");

        assertThatCode(() -> change.validate(false)).doesNotThrowAnyException();
        assertThat(change.hostName()).isEqualTo("smtp.acme.bg");
        assertThat(change.user()).isEqualTo("mailer");
        assertThat(change.securityValue()).isEqualTo(SmtpSecurity.STARTTLS);
    }

    @Test
    void aServerWithoutLoginNeedsNoPassword() {
        assertThatCode(() -> new SmtpSettingsChange("10.0.0.25", 25, "NONE", null, null, "a@acme.bg").validate(false))
                .doesNotThrowAnyException();
    }

    @Test
    void everyWrongFieldIsNamedAndThePasswordNeverRepeated() {
        List<Violation> violations = violations(new SmtpSettingsChange("smtp..acme", 70000, "SSL",
                "x".repeat(257), PASSWORD, "not an address"), false);

        assertThat(violations).extracting(Violation::field)
                .containsExactly("host", "port", "security", "username", "fromAddress");
        assertThat(violations).extracting(Violation::message).noneMatch(message -> message.contains(PASSWORD));
    }

    @Test
    void missingFieldsAreRequired() {
        assertThat(violations(new SmtpSettingsChange(null, null, null, null, null, null), false))
                .extracting(Violation::field).containsExactly("host", "port", "security", "fromAddress");
    }

    @Test
    void aUserNameNeedsAPasswordUnlessOneIsStored() {
        SmtpSettingsChange keepStored = new SmtpSettingsChange("smtp.acme.bg", 465, "TLS", "mailer", null,
                "fakturi@acme.bg");

        assertThat(violations(keepStored, false)).extracting(Violation::field).containsExactly("password");
        assertThatCode(() -> keepStored.validate(true)).doesNotThrowAnyException();
    }

    @Test
    void aPasswordNeedsAUserNameAndNoLineBreaksOrExcessLength() {
        assertThat(violations(new SmtpSettingsChange("smtp.acme.bg", 25, "NONE", null, PASSWORD, "a@acme.bg"), false))
                .extracting(Violation::field).containsExactly("username");
        assertThat(violations(new SmtpSettingsChange("smtp.acme.bg", 25, "NONE", "u", "a\r\nQUIT", "a@acme.bg"),
                false)).extracting(Violation::message).containsExactly("must not contain line breaks or NUL"
                + " characters");
        assertThat(violations(new SmtpSettingsChange("smtp.acme.bg", 25, "NONE", "u", "p".repeat(257), "a@acme.bg"),
                false)).extracting(Violation::message).containsExactly("must be at most 256 characters");
        assertThat(violations(new SmtpSettingsChange("smtp.acme.bg", 25, "NONE", "u\r\nRSET", "p", "a@acme.bg"),
                false)).extracting(Violation::field).containsExactly("username");
    }

    @ParameterizedTest
    @ValueSource(strings = {"smtp.example.com", "localhost", "mail-1.acme.bg", "192.168.1.20", "xn--80ak6aa92e.com"})
    void hostNamesAndAddressesAreHosts(String host) {
        assertThat(NetworkNames.isHost(host)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "smtp .acme.bg", "-smtp.acme.bg", "smtp.acme.bg.", "300.1.1.1", "1.2.3", "smtp:25",
            "http://smtp.acme.bg"})
    void otherTextsAreNot(String host) {
        assertThat(NetworkNames.isHost(host)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Acme <a@acme.bg>", "a@acme", "@acme.bg", "a b@acme.bg", "a@@acme.bg", "a.@acme.bg"})
    void onlyPlainAddressesAreFromAddresses(String address) {
        assertThat(NetworkNames.isMailAddress(address)).isFalse();
    }

    @Test
    void itsTextNeverShowsThePassword() {
        assertThat(new SmtpSettingsChange("h.bg", 25, "NONE", "u", PASSWORD, "a@acme.bg").toString())
                .doesNotContain(PASSWORD).contains("password given");
    }

    private static List<Violation> violations(SmtpSettingsChange change, boolean passwordStored) {
        InvalidSmtpSettingsException invalid = catchThrowableOfType(InvalidSmtpSettingsException.class,
                () -> change.validate(passwordStored));
        assertThat(invalid).as("the change is refused").isNotNull();
        return invalid.violations();
    }
}
