package org.caseshare.system;

import javax.sql.DataSource;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.transaction.autoconfigure.TransactionManagerCustomizers;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The one transaction manager, in place of Boot's, with Boot's customisations (timeouts, execution listeners). */
@Configuration(proxyBeanMethods = false)
class TransactionConfiguration {

    @Bean
    ReleasingTransactionManager transactionManager(DataSource dataSource, ObjectProvider<TransactionManagerCustomizers> customizers) {
        ReleasingTransactionManager manager = new ReleasingTransactionManager(dataSource);
        customizers.ifAvailable(c -> c.customize(manager));
        return manager;
    }
}
