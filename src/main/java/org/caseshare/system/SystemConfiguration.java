package org.caseshare.system;

import java.time.Clock;

import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

@Configuration
@ConfigurationPropertiesScan("org.caseshare")
class SystemConfiguration implements WebMvcConfigurer {

    /** Time is injected so that tests can move it (invitation expiry, session limits, clocks on incidents). */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    /**
     * GOV.UK Frontend's stylesheet refers to {@code /assets/fonts/…} and {@code /assets/images/…}
     * absolutely, so its assets folder is served there.
     */
    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        registry.addResourceHandler("/assets/**")
                .addResourceLocations("classpath:/META-INF/resources/webjars/govuk-frontend/5.14.0/dist/govuk/assets/");
    }
}
