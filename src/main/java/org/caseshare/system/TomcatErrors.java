package org.caseshare.system;

import org.apache.catalina.Container;
import org.apache.catalina.Valve;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

/**
 * Puts {@link PlainErrorReportValve} in place of Tomcat's error report valve. Tomcat answers a
 * malformed request itself, outside the Spring Security filter chain that sets every other answer's
 * headers, so the headers have to be added in Tomcat too.
 */
@Configuration
class TomcatErrors {

    @Bean
    @Order(Ordered.LOWEST_PRECEDENCE) // after Boot's own customizer, which adds its error report valve
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> plainErrorReports() {
        return factory -> factory.addContextCustomizers(context -> {
            Container host = context.getParent();
            for (Valve valve : host.getPipeline().getValves()) {
                if (valve instanceof ErrorReportValve) {
                    host.getPipeline().removeValve(valve);
                }
            }
            host.getPipeline().addValve(new PlainErrorReportValve());
            if (host instanceof StandardHost standard) {
                // Otherwise the host adds Tomcat's own valve when it starts, not finding one of its class.
                standard.setErrorReportValveClass(PlainErrorReportValve.class.getName());
            }
        });
    }
}
