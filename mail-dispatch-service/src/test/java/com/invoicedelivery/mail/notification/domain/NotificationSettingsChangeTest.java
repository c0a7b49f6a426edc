package com.invoicedelivery.mail.notification.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Collections;
import java.util.List;

import com.invoicedelivery.events.ClientActivity;
import com.invoicedelivery.events.Language;
import org.junit.jupiter.api.Test;

class NotificationSettingsChangeTest {

    private static final Instant NOW = Instant.parse("2026-12-06T10:00:00Z");

    @Test
    void addressesAreStrippedAndEachKeptOnceWhateverTheirLetterCase() {
        NotificationSettings settings = new NotificationSettingsChange(List.of(" Boss@Acme.bg ", "boss@acme.bg",
                "office@acme.bg"), "EN", true, false).validated("acme", NOW);

        assertThat(settings.addresses()).containsExactly("Boss@Acme.bg", "office@acme.bg");
        assertThat(settings.language()).isEqualTo(Language.EN);
        assertThat(settings.notifies(ClientActivity.ACCEPTED)).isTrue();
        assertThat(settings.notifies(ClientActivity.RETURNED)).isFalse();
        assertThat(settings.recipients("company@acme.bg")).containsExactly("Boss@Acme.bg", "office@acme.bg");
    }

    @Test
    void noAddressesMeanTheCompanyEmailAndTheDefaultsNotifyBothAnswersInBulgarian() {
        NotificationSettings defaults = NotificationSettings.defaults("acme");

        assertThat(defaults.recipients("company@acme.bg")).containsExactly("company@acme.bg");
        assertThat(defaults.recipients(null)).isEmpty();
        assertThat(defaults.language()).isEqualTo(Language.BG);
        assertThat(defaults.notifies(ClientActivity.ACCEPTED)).isTrue();
        assertThat(defaults.notifies(ClientActivity.RETURNED)).isTrue();
        assertThat(defaults.notifies(ClientActivity.OPENED)).isFalse();
    }

    @Test
    void everyBrokenRuleIsNamedByItsField() {
        assertThatThrownBy(() -> new NotificationSettingsChange(null, "de", null, null).validated("acme", NOW))
                .isInstanceOfSatisfying(InvalidNotificationSettingsException.class, e ->
                        assertThat(e.violations()).extracting(InvalidNotificationSettingsException.Violation::field)
                                .containsExactly("addresses", "language", "onAccept", "onReturn"));
        assertThatThrownBy(() -> new NotificationSettingsChange(Collections.nCopies(11, "a@b.bg"), "BG", true, true)
                .validated("acme", NOW)).isInstanceOfSatisfying(InvalidNotificationSettingsException.class, e ->
                        assertThat(e.violations()).extracting(InvalidNotificationSettingsException.Violation::field)
                                .containsExactly("addresses"));
        assertThatThrownBy(() -> new NotificationSettingsChange(java.util.Arrays.asList("ok@acme.bg", null,
                "x@localhost", "a@b.bg\r\nBcc: c@d.bg"), "BG", true, true).validated("acme", NOW))
                .isInstanceOfSatisfying(InvalidNotificationSettingsException.class, e ->
                        assertThat(e.violations()).extracting(InvalidNotificationSettingsException.Violation::field)
                                .containsExactly("addresses[1]", "addresses[2]", "addresses[3]"));
    }
}
