package org.caseshare.system;

import java.time.Clock;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

@Configuration
@ConfigurationPropertiesScan("org.caseshare")
class SystemConfiguration implements WebMvcConfigurer {

    /** Time is injected so that tests can move it (invitation expiry, session limits, clocks on incidents). */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    /** Every word shown, in English and Welsh: see {@link Catalogue}. */
    @Bean
    MessageSource messageSource() {
        return Catalogue.source();
    }

    @Bean(DispatcherServlet.LOCALE_RESOLVER_BEAN_NAME)
    LocaleResolver localeResolver(ObjectProvider<AccountLanguages> accounts) {
        return new LanguageResolver(accounts);
    }

    /** The language switcher's links carry {@code ?lang=en} or {@code ?lang=cy}; anything else is ignored. */
    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        LocaleChangeInterceptor switcher = new LocaleChangeInterceptor();
        switcher.setParamName("lang");
        switcher.setHttpMethods("GET");
        switcher.setIgnoreInvalidLocale(true);
        registry.addInterceptor(switcher);
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
