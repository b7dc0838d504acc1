package org.caseshare.identity;

import java.time.Duration;

import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestTemplate;

/**
 * Every call to an identity provider (discovery, token, keys) gives up after a few seconds, so a
 * provider that is down or hangs cannot hold sign-in threads: the person sees a clear page instead.
 */
final class SsoHttp {

    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(3);
    static final Duration READ_TIMEOUT = Duration.ofSeconds(5);

    private SsoHttp() {
    }

    static SimpleClientHttpRequestFactory requestFactory() {
        SimpleClientHttpRequestFactory factory = new SimpleClientHttpRequestFactory();
        factory.setConnectTimeout(CONNECT_TIMEOUT);
        factory.setReadTimeout(READ_TIMEOUT);
        return factory;
    }

    static RestClient.Builder restClient() {
        return RestClient.builder().requestFactory(requestFactory());
    }

    static RestTemplate restTemplate() {
        return new RestTemplate(requestFactory());
    }
}
