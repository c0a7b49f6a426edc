package com.invoicedelivery.kit.config;

import java.util.Locale;

/**
 * The {@code sasl.jaas.config} line a Kafka client logs in with, built from a user name and password rather than
 * written by hand into an environment variable: each value is quoted and escaped, so a password with a quote,
 * a backslash or a semicolon stays one value and cannot add options to the line.
 */
public final class KafkaSasl {

    private KafkaSasl() {
    }

    /** {@code PLAIN} and {@code SCRAM-SHA-256/512}; other mechanisms (OAUTHBEARER, GSSAPI) need a line of their own. */
    public static String jaasConfig(String mechanism, String username, String password) {
        if (username == null || username.isBlank()) {
            throw new IllegalArgumentException("a Kafka user name is required");
        }
        if (password == null || password.isEmpty()) {
            throw new IllegalArgumentException("Kafka user " + username + " has no password");
        }
        return loginModule(mechanism) + " required username=" + quoted(username) + " password=" + quoted(password) + ";";
    }

    private static String loginModule(String mechanism) {
        String name = mechanism == null ? "" : mechanism.trim().toUpperCase(Locale.ROOT);
        if (name.equals("PLAIN")) {
            return "org.apache.kafka.common.security.plain.PlainLoginModule";
        }
        if (name.startsWith("SCRAM-SHA-")) {
            return "org.apache.kafka.common.security.scram.ScramLoginModule";
        }
        throw new IllegalArgumentException("no login line for SASL mechanism " + mechanism
                + ": set spring.cloud.stream.kafka.binder.configuration.sasl.jaas.config instead");
    }

    /** Kafka reads the line with a {@link java.io.StreamTokenizer}: inside quotes, backslash escapes. */
    private static String quoted(String value) {
        if (value.indexOf('\n') >= 0 || value.indexOf('\r') >= 0) {
            throw new IllegalArgumentException("a Kafka user name or password cannot span lines");
        }
        return '"' + value.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }
}
