package com.invoicedelivery.mail.emaillog.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verifyNoInteractions;

import java.time.Instant;
import java.util.List;

import com.invoicedelivery.kit.problem.FieldViolation;
import com.invoicedelivery.kit.problem.InvalidInputException;
import com.invoicedelivery.mail.emaillog.domain.LoggedEmail;
import com.invoicedelivery.mail.emaillog.persistence.EmailStore;
import org.junit.jupiter.api.Test;

class EmailLogTest {

    private final EmailStore store = mock(EmailStore.class);
    private final EmailLog log = new EmailLog(store);

    @Test
    void aPageIsTheTenantsEmailsFromTheOffsetWithBlankFiltersIgnored() {
        given(store.list("acme", "client-1", null, 4, 2)).willReturn(List.of(email("5"), email("6")));

        List<LoggedEmail> page = log.list("acme", "client-1", " ", 2, 4);

        assertThat(page).extracting(LoggedEmail::id).containsExactly("5", "6");
    }

    @Test
    void anOutOfRangeLimitOrOffsetIsRefusedNamingTheFieldsAndReadsNothing() {
        assertThatThrownBy(() -> log.list("acme", null, null, 0, -1))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.violations())
                        .extracting(FieldViolation::field).containsExactly("limit", "offset"));
        assertThatThrownBy(() -> log.list("acme", null, null, EmailLog.MAX_LIMIT + 1, 0))
                .isInstanceOf(InvalidInputException.class);
        verifyNoInteractions(store);
    }

    private static LoggedEmail email(String id) {
        return new LoggedEmail(id, "acme", "client-1", "inv-1", "send-1", "r-" + id, "invoices@acme.example",
                "klient@beta.bg", "Фактура", "<" + id + "@example>", Instant.now(), "SENT", "250 OK", 1, false,
                "00", 10, true);
    }
}
