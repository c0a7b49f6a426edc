package com.invoicedelivery.invoice.client.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Instant;
import java.util.Collections;
import java.util.List;

import com.invoicedelivery.events.Language;
import com.invoicedelivery.invoice.shared.domain.PartyDetails;
import com.invoicedelivery.invoice.shared.domain.RuleViolation;
import com.invoicedelivery.invoice.shared.domain.RuleViolationException;
import org.junit.jupiter.api.Test;

class ClientTest {

    private static final PartyDetails BETA = new PartyDetails("Бета ЕАД", "ул. Шипка 4", "Пловдив", "България",
            null, null, null);

    @Test
    void anAddressGivenTwiceInAnotherLetterCaseIsKeptOnce() {
        Client client = create(BETA, List.of(" b@beta.example", "B@Beta.Example", "c@beta.example"), Language.BG);

        assertThat(client.emails()).containsExactly("b@beta.example", "c@beta.example");
    }

    @Test
    void aClientHasOneToTenValidAddressesAndALanguage() {
        assertThat(fields(BETA, List.of(), Language.BG)).containsExactly("emails");
        assertThat(fields(BETA, Collections.nCopies(11, "a@b.bg"), Language.BG)).containsExactly("emails");
        assertThat(fields(BETA, List.of("a@b.bg", "nope"), null)).containsExactly("emails[1]", "language");
        assertThat(create(BETA, Collections.nCopies(10, "a@b.bg"), Language.EN).emails()).hasSize(1);
    }

    @Test
    void theClientsDetailsAreCheckedButItsUicIsOptional() {
        PartyDetails broken = new PartyDetails(" ", null, "Пловдив", "България", "12", null, null);

        assertThat(fields(broken, List.of("a@b.bg"), Language.BG)).containsExactly("name", "address", "uic");
    }

    @Test
    void aNameWithABidirectionalOverrideIsRefusedAndNamed() {
        for (String control : List.of("\u202E", "\u202A", "\u2066", "\u2069")) {
            PartyDetails reversed = new PartyDetails("Бета " + control + "fdp.exe", "ул. Шипка 4", "Пловдив",
                    "България", null, null, null);

            assertThat(fields(reversed, List.of("a@b.bg"), Language.BG)).as(control).containsExactly("name");
        }
    }

    @Test
    void aClientDescribedAnewDiffersInTheFieldsThatChangedAndAddressesCompareAsASetWithoutLetterCase() {
        Client stored = create(BETA, List.of("a@beta.example", "b@beta.example"), Language.BG);

        assertThat(stored.differences(create(BETA, List.of("B@beta.example", "a@beta.example"), Language.BG))).isEmpty();
        PartyDetails renamed = new PartyDetails("Бета Нова ЕАД", BETA.address(), BETA.city(), BETA.country(),
                BETA.uic(), BETA.vatNumber(), BETA.responsiblePerson());
        Client described = create(renamed, List.of("c@beta.example"), Language.EN);
        assertThat(stored.differences(described)).containsExactly("name", "emails", "language");
        Client updated = stored.describedAs(described);
        assertThat(updated.id()).isEqualTo(stored.id());
        assertThat(updated.createdAt()).isEqualTo(stored.createdAt());
        assertThat(updated.emails()).containsExactly("c@beta.example");
    }

    private static Client create(PartyDetails details, List<String> emails, Language language) {
        return Client.create("c-1", "acme", details, emails, language, Instant.EPOCH);
    }

    private static List<String> fields(PartyDetails details, List<String> emails, Language language) {
        return catchThrowableOfType(RuleViolationException.class, () -> create(details, emails, language))
                .violations().stream().map(RuleViolation::field).toList();
    }
}
