package com.invoicedelivery.kit.web;

import java.time.Duration;

import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.web.client.RestClient;

/** The HTTP client one service uses to call another: its base URL and both timeouts (every network call has one). */
public final class ServiceRestClients {

    private ServiceRestClients() {
    }

    public static RestClient to(RestClient.Builder builder, String baseUrl, Duration connectTimeout,
                                Duration readTimeout) {
        return withTimeouts(builder, connectTimeout, readTimeout).baseUrl(baseUrl).build();
    }

    /** A copy of {@code builder} whose requests time out, for clients that need more settings of their own. */
    public static RestClient.Builder withTimeouts(RestClient.Builder builder, Duration connectTimeout,
                                                  Duration readTimeout) {
        return builder.clone()
                .requestFactory(ClientHttpRequestFactoryBuilder.jdk()
                        .build(HttpClientSettings.defaults().withTimeouts(connectTimeout, readTimeout)));
    }
}
