package com.invoicedelivery.kit.security;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.springframework.core.MethodParameter;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/** Lets a controller method declare a {@link Caller} parameter. */
public class CallerArgumentResolver implements HandlerMethodArgumentResolver {

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return Caller.class.equals(parameter.getParameterType());
    }

    @Override
    public Caller resolveArgument(MethodParameter parameter, ModelAndViewContainer mavContainer,
                                  NativeWebRequest webRequest, WebDataBinderFactory binderFactory) {
        return current();
    }

    /** The caller of the request being served. */
    public static Caller current() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (!(authentication instanceof JwtAuthenticationToken token)) {
            throw new IllegalStateException("no bearer token authenticated this request");
        }
        return fromJwt(token.getToken());
    }

    static Caller fromJwt(Jwt jwt) {
        List<String> roles = jwt.getClaimAsStringList(Roles.CLAIM);
        Set<String> roleSet = roles == null ? Set.of() : new HashSet<>(roles);
        return new Caller(jwt.getClaimAsString(Caller.TENANT_CLAIM), jwt.getSubject(), roleSet);
    }
}
