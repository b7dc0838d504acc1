package org.caseshare.system;

import org.apache.catalina.valves.RemoteIpValve;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Behind a reverse proxy every connection comes from the proxy. Tomcat's {@link RemoteIpValve}
 * takes the client's address from {@code X-Forwarded-For} (and the scheme and port from
 * {@code X-Forwarded-Proto} and {@code X-Forwarded-Port}), but only when the connection comes from one of
 * {@code caseshare.proxy.trusted-addresses}; from anyone else both headers are ignored. The valve
 * reads the list right to left and stops at the first address that is not a trusted proxy, so a
 * client that puts addresses of its own at the front of the header gains nothing.
 *
 * <p>The RFC 7239 {@code Forwarded} header is never read (no part of the stack is configured to):
 * HAProxy, nginx and the cloud load balancers all send {@code X-Forwarded-For}.
 */
@Configuration
class ForwardedHeaders {

    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> trustedProxies(ProxyProperties proxies) {
        return factory -> {
            if (proxies.trustedAddresses().isEmpty()) {
                return;
            }
            RemoteIpValve valve = new RemoteIpValve();
            valve.setInternalProxies(String.join(",", proxies.trustedAddresses()));
            valve.setTrustedProxies("");
            valve.setRemoteIpHeader("X-Forwarded-For");
            valve.setProtocolHeader("X-Forwarded-Proto");
            // Without the port, an https request is taken to be on 443, and any absolute URL the
            // service builds (a saved request's redirect) points there: behind a proxy on another
            // port the browser's CSP (form-action 'self') then blocks the redirect after sign-in.
            valve.setPortHeader("X-Forwarded-Port");
            factory.addEngineValves(valve);
        };
    }
}
