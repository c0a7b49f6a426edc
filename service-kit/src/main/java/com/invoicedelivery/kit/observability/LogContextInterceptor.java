package com.invoicedelivery.kit.observability;

import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;

/**
 * Puts the send and the recipient a request is about in the logging context, where its path names them
 * ({@code /api/sends/{sendId}}, {@code …/recipients/{recipientId}}): known only once the handler is chosen, so an
 * interceptor rather than a filter. Only these ids: never a path's token (the personal link's is a credential).
 */
public class LogContextInterceptor implements HandlerInterceptor {

    private static final String CONTEXT = LogContextInterceptor.class.getName() + ".context";

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE) instanceof Map<?, ?> variables
                && (variables.containsKey(LogContext.SEND) || variables.containsKey(LogContext.RECIPIENT))) {
            request.setAttribute(CONTEXT, LogContext.open()
                    .with(LogContext.SEND, text(variables.get(LogContext.SEND)))
                    .with(LogContext.RECIPIENT, text(variables.get(LogContext.RECIPIENT))));
        }
        return true;
    }

    @Override
    public void afterCompletion(HttpServletRequest request, HttpServletResponse response, Object handler,
                                Exception failure) {
        if (request.getAttribute(CONTEXT) instanceof LogContext context) {
            context.close();
            request.removeAttribute(CONTEXT);
        }
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }
}
