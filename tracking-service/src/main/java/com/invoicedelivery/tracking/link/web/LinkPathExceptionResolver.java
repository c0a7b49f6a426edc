package com.invoicedelivery.tracking.link.web;

import java.io.IOException;
import java.io.UncheckedIOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.web.ErrorResponse;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;

/**
 * Spring MVC's own refusals under {@code /l/} (no such page: 404; a POST-only page fetched: 405) would otherwise
 * be the kit's API problems. They go to the error dispatch instead, which shows the neutral page. The pages'
 * controller has its own handlers ({@link LinkPageErrors}), left to them.
 */
class LinkPathExceptionResolver implements HandlerExceptionResolver, Ordered {

    @Override
    public ModelAndView resolveException(HttpServletRequest request, HttpServletResponse response, Object handler,
                                         Exception exception) {
        if (!LinkPaths.under(LinkPaths.path(request)) || !(exception instanceof ErrorResponse refusal)
                || handler instanceof HandlerMethod method && method.getBeanType() == LinkPageController.class) {
            return null;
        }
        try {
            refusal.getHeaders().forEach((name, values) -> values.forEach(value -> response.addHeader(name, value)));
            response.sendError(refusal.getStatusCode().value());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new ModelAndView();
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }
}
