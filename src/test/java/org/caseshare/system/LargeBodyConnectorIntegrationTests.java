package org.caseshare.system;

import static org.assertj.core.api.Assertions.assertThat;

import org.caseshare.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.tomcat.TomcatWebServer;
import org.springframework.boot.web.server.context.WebServerApplicationContext;

/** The running Tomcat really has the larger socket buffers (a customizer bean that is never applied does nothing). */
class LargeBodyConnectorIntegrationTests extends IntegrationTest {

    @Autowired
    WebServerApplicationContext context;

    @Test
    void theRunningConnectorReadsAndWritesThroughSixtyFourKibibyteBuffers() {
        var connector = ((TomcatWebServer) context.getWebServer()).getTomcat().getConnector();
        assertThat(connector.getProperty("socket.appReadBufSize")).hasToString("65536");
        assertThat(connector.getProperty("socket.appWriteBufSize")).hasToString("65536");
    }
}
