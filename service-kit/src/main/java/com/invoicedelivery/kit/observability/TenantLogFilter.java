package com.invoicedelivery.kit.observability;

import java.io.IOException;

import com.invoicedelivery.kit.security.Caller;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Puts the caller's tenant (the bearer token's tenant claim) in the logging context of the request, beside the trace
 * id Boot's HTTP observation put there. Neither the token nor its subject: the tenant id is all a line needs.
 */
public class TenantLogFilter extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try (LogContext ignored = LogContext.open().with(LogContext.TENANT, tenant())) {
            chain.doFilter(request, response);
        }
    }

    private static String tenant() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication instanceof JwtAuthenticationToken jwt
                ? jwt.getToken().getClaimAsString(Caller.TENANT_CLAIM) : null;
    }
}
