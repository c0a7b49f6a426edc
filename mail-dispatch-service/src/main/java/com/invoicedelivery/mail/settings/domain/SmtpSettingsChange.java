package com.invoicedelivery.mail.settings.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.invoicedelivery.mail.settings.domain.InvalidSmtpSettingsException.Violation;
import com.invoicedelivery.mail.smtp.domain.SmtpSecurity;

/**
 * Settings for a tenant's own SMTP server as a tenant admin sends them (to store, or to try). The password is
 * write-only: left out, the stored one is kept. Nothing here ever prints the password.
 *
 * @param security NONE, STARTTLS (required) or TLS (implicit); any case
 * @param username left out for a server that takes mail without logging in
 */
public record SmtpSettingsChange(String host, Integer port, String security, String username, String password,
                                 String fromAddress) {

    public static final int MAX_USERNAME = 256;
    public static final int MAX_PASSWORD = 256;
    private static final int MAX_HOST = 253;
    private static final int MAX_ADDRESS = 254;

    /**
     * A body without any field: "the stored settings" where that means something (the connection test). Not named
     * {@code isEmpty}: a getter's name would put an "empty" property in the request body's OpenAPI schema.
     */
    public boolean namesNothing() {
        return host == null && port == null && security == null && username == null && password == null
                && fromAddress == null;
    }

    /**
     * @param passwordStored whether a password is stored already (and may be kept by leaving it out)
     * @throws InvalidSmtpSettingsException naming every field that is wrong; messages never repeat the password
     */
    public void validate(boolean passwordStored) {
        List<Violation> violations = new ArrayList<>();
        checkHost(violations);
        if (port == null || port < 1 || port > 65535) {
            violations.add(new Violation("port", "must be a port number between 1 and 65535"));
        }
        if (securityValue() == null) {
            violations.add(new Violation("security", "must be one of NONE, STARTTLS, TLS"));
        }
        checkLogin(violations, passwordStored);
        String from = strip(fromAddress);
        if (from == null) {
            violations.add(new Violation("fromAddress", "is required"));
        } else if (from.length() > MAX_ADDRESS || !NetworkNames.isMailAddress(from)) {
            violations.add(new Violation("fromAddress", "must be a plain e-mail address such as"
                    + " invoices@example.com"));
        }
        if (!violations.isEmpty()) {
            throw new InvalidSmtpSettingsException(violations);
        }
    }

    /** The security asked for; null when it is missing or not one of the three. */
    public SmtpSecurity securityValue() {
        if (security == null) {
            return null;
        }
        try {
            return SmtpSecurity.valueOf(security.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            return null;
        }
    }

    public String hostName() {
        return strip(host);
    }

    public String user() {
        return strip(username);
    }

    public String from() {
        return strip(fromAddress);
    }

    private void checkHost(List<Violation> violations) {
        String name = strip(host);
        if (name == null) {
            violations.add(new Violation("host", "is required"));
        } else if (name.length() > MAX_HOST || !NetworkNames.isHost(name)) {
            violations.add(new Violation("host", "must be a host name such as smtp.example.com, or an IPv4"
                    + " address"));
        }
    }

    private void checkLogin(List<Violation> violations, boolean passwordStored) {
        String user = strip(username);
        if (user != null && user.length() > MAX_USERNAME) {
            violations.add(new Violation("username", "must be at most " + MAX_USERNAME + " characters"));
        } else if (user != null && user.chars().anyMatch(Character::isISOControl)) {
            violations.add(new Violation("username", "must not contain control characters"));
        }
        if (password != null) {
            checkPassword(violations, user);
        } else if (user != null && !passwordStored) {
            violations.add(new Violation("password", "is required with a user name"));
        }
    }

    private void checkPassword(List<Violation> violations, String user) {
        if (password.isEmpty()) {
            violations.add(new Violation("password", "must not be empty; leave it out to keep the stored one"));
        } else if (password.length() > MAX_PASSWORD) {
            violations.add(new Violation("password", "must be at most " + MAX_PASSWORD + " characters"));
        } else if (password.indexOf('\0') >= 0 || password.indexOf('\r') >= 0 || password.indexOf('\n') >= 0) {
            violations.add(new Violation("password", "must not contain line breaks or NUL characters"));
        }
        if (user == null) {
            violations.add(new Violation("username", "is required when a password is given"));
        }
    }

    private static String strip(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    /** Never shows the password: records print themselves into logs and exception messages. */
    @Override
    public String toString() {
        return "SmtpSettingsChange[" + host + ":" + port + " " + security + (username == null ? "" : " user "
                + username) + (password == null ? "" : " password given") + " from " + fromAddress + "]";
    }
}
