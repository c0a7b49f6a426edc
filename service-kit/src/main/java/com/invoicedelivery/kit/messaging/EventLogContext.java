package com.invoicedelivery.kit.messaging;

import java.lang.reflect.RecordComponent;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.invoicedelivery.events.IntegrationEvent;
import com.invoicedelivery.kit.observability.LogContext;

/**
 * The ids of an event in the logging context: tenant, event, and the send and recipient it is about where it names
 * them. Events are records whose send id is a {@code sendId} component or, for the events that carry the whole send
 * ({@code send}), their key; read by the component's name, so a new event needs nothing here.
 */
final class EventLogContext {

    private record Ids(RecordComponent sendId, RecordComponent recipientId, boolean keyedBySend) {
    }

    private static final Map<Class<?>, Ids> IDS = new ConcurrentHashMap<>();

    private EventLogContext() {
    }

    /**
     * Never throws: a record that lacks what the handler needs (no send at all, say) must reach the handler, which
     * refuses it with its own reason.
     */
    static LogContext of(IntegrationEvent event) {
        LogContext context = LogContext.open().with(LogContext.TENANT, event.tenantId())
                .with(LogContext.EVENT, event.eventId())
                .with(LogContext.EVENT_TYPE, event.getClass().getSimpleName());
        Ids ids = IDS.computeIfAbsent(event.getClass(), EventLogContext::idsOf);
        String sendId = ids.sendId() != null ? value(ids.sendId(), event) : ids.keyedBySend() ? key(event) : null;
        return context.with(LogContext.SEND, sendId)
                .with(LogContext.RECIPIENT, ids.recipientId() == null ? null : value(ids.recipientId(), event));
    }

    private static String key(IntegrationEvent event) {
        try {
            return event.key();
        } catch (RuntimeException e) {
            return null; // e.g. the send is missing: the handler says so
        }
    }

    private static Ids idsOf(Class<?> type) {
        RecordComponent sendId = null;
        RecordComponent recipientId = null;
        boolean keyedBySend = false;
        RecordComponent[] components = type.getRecordComponents();
        for (RecordComponent component : components == null ? new RecordComponent[0] : components) {
            if (component.getType() == String.class && component.getName().equals("sendId")) {
                sendId = component;
            } else if (component.getType() == String.class && component.getName().equals("recipientId")) {
                recipientId = component;
            } else if (component.getName().equals("send")) {
                keyedBySend = true;
            }
        }
        return new Ids(sendId, recipientId, keyedBySend);
    }

    private static String value(RecordComponent component, Object event) {
        try {
            return (String) component.getAccessor().invoke(event);
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null; // a log context is never worth failing the record for
        }
    }
}
