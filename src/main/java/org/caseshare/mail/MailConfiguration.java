package org.caseshare.mail;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableAsync;

/**
 * Email is delivered on Spring Boot's task executor ({@code spring.task.execution.*}), never on the
 * thread that answers a request: {@link MailDelivery} is an asynchronous listener.
 */
@Configuration(proxyBeanMethods = false)
@EnableAsync
class MailConfiguration {
}
