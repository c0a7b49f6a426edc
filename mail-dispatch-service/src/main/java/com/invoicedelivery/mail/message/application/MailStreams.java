package com.invoicedelivery.mail.message.application;

/**
 * Jakarta Mail (2.1.x) looks up its StreamProvider for every header word it encodes or decodes, with a ServiceLoader
 * scan of the whole class path each time: in the benchmark that scan was most of the cost of composing a message.
 * The lookup first reads a system property naming the provider; naming Angus Mail's there turns the scan into a
 * class lookup. An existing setting is left alone.
 */
final class MailStreams {

    private static final String PROPERTY = "jakarta.mail.util.StreamProvider";
    private static final String ANGUS_PROVIDER = "org.eclipse.angus.mail.util.MailStreamProvider";

    static {
        if (System.getProperty(PROPERTY) == null) {
            System.setProperty(PROPERTY, ANGUS_PROVIDER);
        }
    }

    private MailStreams() {
    }

    /** Makes sure the provider is named (the work is done once, when this class is loaded). */
    static void named() {
        // loading the class ran the static initializer
    }
}
