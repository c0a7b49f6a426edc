package com.invoicedelivery.mail.settings.web;

import java.util.HashMap;
import java.util.Map;

import com.invoicedelivery.kit.openapi.SchemaDescriptions;
import com.invoicedelivery.kit.openapi.SchemaExamples;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What each field of the tenant's SMTP settings means, for the OpenAPI document: the request body is a domain
 * record (no Swagger annotations there), and the view shares most of its fields.
 */
@Configuration(proxyBeanMethods = false)
class SmtpSettingsSchemaDescriptions {

    @Bean
    SchemaDescriptions smtpSettingsDescriptions() {
        Map<String, String> common = new HashMap<>();
        common.put("host", "The SMTP server's host name or IP address.");
        common.put("port", "The SMTP server's port, 1 to 65535 (usually 587 with STARTTLS, 465 with TLS).");
        common.put("security", "How the connection is protected: NONE, STARTTLS (required) or TLS (implicit).");
        common.put("username", "The user name to log in with; left out for a server that takes mail without"
                + " logging in.");
        common.put("fromAddress", "The From address of the tenant's e-mails sent through this server.");

        Map<String, String> change = new HashMap<>(common);
        change.put("password", "The password to log in with (write-only, never answered); left out, the stored one"
                + " is kept.");

        Map<String, String> view = new HashMap<>(common);
        view.put("configured", "Whether the tenant has its own SMTP server; false: e-mails go through the"
                + " platform's, and the other fields are null.");
        view.put("passwordSet", "Whether a password is stored (the password itself is never answered).");
        view.put("updatedAt", "When an admin last saved the settings (ISO 8601 instant).");

        return new SchemaDescriptions(Map.of(
                "SmtpSettingsChange", change,
                "SmtpSettingsView", view,
                "ConnectionTestAnswer", Map.of(
                        "ok", "Whether the test connected, logged in and said QUIT without an error.",
                        "stage", "The step that failed (CONNECT, TLS, GREETING, AUTH), or DONE when all went"
                                + " through.",
                        "message", "How the test ended, for a person to read, with the server's reply when it gave"
                                + " one.",
                        "durationMillis", "How long the test took, in milliseconds.")));
    }

    /** The server of the SMTP settings tests, and a connection test the server's login refused. */
    @Bean
    SchemaExamples smtpSettingsExamples() {
        Map<String, Object> common = new HashMap<>();
        common.put("host", "smtp.acme.bg");
        common.put("port", 587);
        common.put("security", "STARTTLS");
        common.put("username", "mailer");
        common.put("fromAddress", "fakturi@acme.bg");

        Map<String, Object> change = new HashMap<>(common);
        change.put("password", "s3cret-Пароль");

        Map<String, Object> view = new HashMap<>(common);
        view.put("configured", true);
        view.put("passwordSet", true);
        view.put("updatedAt", "2026-12-07T08:15:00Z");

        return new SchemaExamples(Map.of(
                "SmtpSettingsChange", change,
                "SmtpSettingsView", view,
                "ConnectionTestAnswer", Map.of(
                        "ok", false,
                        "stage", "AUTH",
                        "message", "The server refused the user name or password (535 5.7.8 Authentication"
                                + " credentials invalid)",
                        "durationMillis", 42)));
    }
}
