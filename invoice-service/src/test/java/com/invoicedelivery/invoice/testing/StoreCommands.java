package com.invoicedelivery.invoice.testing;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import org.bson.BsonValue;
import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;

/**
 * Counts the commands the service sends its store while answering HTTP requests, by command and collection
 * ("update invoices"), to show how many round trips a request costs. Only request threads count: the outbox relay
 * and the event consumers talk to the store on their own threads, at their own times.
 */
public final class StoreCommands implements CommandListener {

    private static final String REQUEST_THREADS = "http-nio";

    private final Map<String, AtomicInteger> counts = new ConcurrentHashMap<>();
    private volatile boolean recording;

    /**
     * Gives every test context of this service a counter, registered with its MongoDB client (listed in
     * {@code META-INF/spring.factories}). Every context, not only those that count: a context of its own would
     * start a second embedded Kafka broker and point the shared context's tests at it.
     */
    public static final class Registration implements ContextCustomizerFactory, ContextCustomizer {

        @Override
        public ContextCustomizer createContextCustomizer(Class<?> testClass,
                                                         List<ContextConfigurationAttributes> configAttributes) {
            return this;
        }

        @Override
        public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration config) {
            StoreCommands commands = new StoreCommands();
            context.getBeanFactory().registerSingleton("storeCommands", commands);
            context.getBeanFactory().registerSingleton("countStoreCommands",
                    (MongoClientSettingsBuilderCustomizer) settings -> settings.addCommandListener(commands));
        }

        /** All alike, so that the contexts they customize stay one cached context. */
        @Override
        public boolean equals(Object other) {
            return other instanceof Registration;
        }

        @Override
        public int hashCode() {
            return Registration.class.hashCode();
        }
    }

    /** The commands sent while {@code action} ran, e.g. {@code {"find invoices"=1, "insert sends"=1}}. */
    public synchronized Map<String, Integer> during(Runnable action) {
        counts.clear();
        recording = true;
        try {
            action.run();
        } finally {
            recording = false;
        }
        Map<String, Integer> sent = new TreeMap<>();
        counts.forEach((command, count) -> sent.put(command, count.get()));
        return sent;
    }

    @Override
    public void commandStarted(CommandStartedEvent event) {
        if (!recording || !Thread.currentThread().getName().startsWith(REQUEST_THREADS)) {
            return;
        }
        String command = event.getCommandName();
        BsonValue target = event.getCommand().get(command);
        String collection = target != null && target.isString() ? target.asString().getValue() : "-";
        counts.computeIfAbsent(command + " " + collection, key -> new AtomicInteger()).incrementAndGet();
    }
}
