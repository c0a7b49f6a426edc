package com.invoicedelivery.mail.settings.web;

import java.time.Instant;

import com.invoicedelivery.kit.security.Caller;
import com.invoicedelivery.mail.settings.application.SmtpSettingsService;
import com.invoicedelivery.mail.settings.domain.SmtpSettings;
import com.invoicedelivery.mail.settings.domain.SmtpSettingsChange;
import com.invoicedelivery.mail.smtp.domain.ProbeResult;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The tenant's own SMTP server: read by the tenant's users, changed and tested by its admins (see
 * {@link SmtpSettingsAccessConfiguration}). The password is write-only: no answer ever carries it.
 */
@RestController
@RequestMapping("/api/smtp-settings")
public class SmtpSettingsController {

    private final SmtpSettingsService settings;

    public SmtpSettingsController(SmtpSettingsService settings) {
        this.settings = settings;
    }

    @Operation(summary = "The tenant's own SMTP server, if it has one (never the password)")
    @GetMapping
    public SmtpSettingsView get(Caller caller) {
        return settings.find(caller.requireTenant()).map(SmtpSettingsView::of).orElse(SmtpSettingsView.NONE);
    }

    @Operation(summary = "Send through the tenant's own SMTP server; a password left out keeps the stored one")
    @ApiResponse(responseCode = "503", description = "Passwords cannot be stored: the platform's key is not "
            + "configured; nothing was changed.")
    @ResponseStatus(HttpStatus.OK)
    @PutMapping
    public SmtpSettingsView put(Caller caller, @RequestBody SmtpSettingsChange change) {
        return SmtpSettingsView.of(settings.save(caller.requireTenant(), change));
    }

    @Operation(summary = "Back to the platform's SMTP server")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @DeleteMapping
    public ResponseEntity<Void> delete(Caller caller) {
        settings.delete(caller.requireTenant());
        return ResponseEntity.noContent().build();
    }

    @Operation(summary = "Connect, TLS as configured, EHLO, log in, QUIT: the stored settings, or those in the body")
    @ApiResponse(responseCode = "409", description = "There is nothing to test: no settings in the body and none "
            + "stored.")
    @ApiResponse(responseCode = "429", description = "The tenant has tested as often as it may this minute "
            + "(`Retry-After` says when to try again).")
    @ApiResponse(responseCode = "503", description = "The stored password cannot be read: the platform's key is not "
            + "configured.")
    @ResponseStatus(HttpStatus.OK)
    @PostMapping("/test")
    public ConnectionTestAnswer test(Caller caller, @RequestBody(required = false) SmtpSettingsChange candidate) {
        return ConnectionTestAnswer.of(settings.test(caller.requireTenant(), candidate));
    }

    /** The settings as shown: {@code passwordSet} instead of the password. */
    public record SmtpSettingsView(boolean configured, String host, Integer port, String security, String username,
                                   boolean passwordSet, String fromAddress, Instant updatedAt) {

        static final SmtpSettingsView NONE = new SmtpSettingsView(false, null, null, null, null, false, null, null);

        static SmtpSettingsView of(SmtpSettings settings) {
            return new SmtpSettingsView(true, settings.host(), settings.port(), settings.security().name(),
                    settings.username(), settings.passwordSet(), settings.fromAddress(), settings.updatedAt());
        }
    }

    /** @param stage the step that failed, or DONE */
    public record ConnectionTestAnswer(boolean ok, String stage, String message, long durationMillis) {

        static ConnectionTestAnswer of(ProbeResult result) {
            return new ConnectionTestAnswer(result.ok(), result.stage().name(), result.message(),
                    result.duration().toMillis());
        }
    }
}
