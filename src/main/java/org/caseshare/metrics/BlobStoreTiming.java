package org.caseshare.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import org.caseshare.storage.BlobStore;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wraps the blob store bean in {@link TimedBlobStore}, so storage itself knows nothing of metrics. */
@Configuration(proxyBeanMethods = false)
class BlobStoreTiming {

    @Bean
    static BeanPostProcessor timedBlobStore(ObjectProvider<MeterRegistry> registry) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String name) {
                return bean instanceof BlobStore store && !(bean instanceof TimedBlobStore) ? new TimedBlobStore(store, registry.getObject()) : bean;
            }
        };
    }
}
