package org.caseshare.system;

import org.springframework.boot.tomcat.TomcatConnectorCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Tomcat reads and writes sockets through 64 KiB buffers instead of its default 8 KiB.
 *
 * <p>Why: hub files are streamed through the request and response bodies, and Tomcat hands the
 * application at most one socket buffer per read, so with 8 KiB a 1 GiB upload is 131,072 reads,
 * each passing through the servlet stream, the size limit and the cipher's buffering. 64 KiB cuts
 * that eightfold. The buffers exist only while a connection is being served (about 128 KiB per busy
 * connection: 200 at once is 25 MiB), which is why this is not larger.
 */
@Configuration
class LargeBodyConnector {

    static final String BUFFER_BYTES = Integer.toString(64 * 1024);

    @Bean
    TomcatConnectorCustomizer largeSocketBuffers() {
        return connector -> {
            connector.setProperty("socket.appReadBufSize", BUFFER_BYTES);
            connector.setProperty("socket.appWriteBufSize", BUFFER_BYTES);
        };
    }
}
