# syntax=docker/dockerfile:1
# Caseshare in a container. Built with the Maven wrapper on a JDK 17 image, run on a JRE 17 image as
# a non-root user. Works with a read-only root filesystem (docker run --read-only, compose read_only):
# it writes only /var/lib/caseshare (a volume) and /tmp (mount a tmpfs). The keyset is not written
# by the image: give it as CASESHARE_CRYPTO_KEYSET or mount the file at CASESHARE_KEYSET_FILE
# (compose.yaml keeps it in a volume of its own). Not built in CI: no container registry is reachable
# there; ConfigurationReferenceTests checks that every variable set here exists and is documented.

FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY .mvn/ .mvn/
COPY mvnw pom.xml ./
RUN ./mvnw -B -q dependency:go-offline
COPY src/ src/
COPY LICENSE SECURITY.md CHANGELOG.md README.md ./
# The Debian package is for servers, not this image.
RUN ./mvnw -B -q package -DskipTests -Djdeb.skip=true

FROM eclipse-temurin:17-jre
RUN groupadd --system caseshare \
    && useradd --system --gid caseshare --home-dir /var/lib/caseshare --no-create-home --shell /usr/sbin/nologin caseshare \
    && install -d -o caseshare -g caseshare -m 0750 /var/lib/caseshare \
    && install -d -o caseshare -g caseshare -m 0700 /etc/caseshare/keys
COPY --from=build /src/target/caseshare.jar /usr/share/caseshare/caseshare.jar
COPY --from=build /src/target/bom.json /src/LICENSE /src/SECURITY.md /usr/share/doc/caseshare/

ENV CASESHARE_DATA_DIR=/var/lib/caseshare \
    CASESHARE_KEYSET_FILE=/etc/caseshare/keys/master-keyset.json \
    PORT=8080
VOLUME ["/var/lib/caseshare"]
WORKDIR /var/lib/caseshare
USER caseshare:caseshare
EXPOSE 8080

# No curl in the image: bash's /dev/tcp asks the health endpoint.
HEALTHCHECK --interval=15s --timeout=5s --start-period=120s --retries=3 \
    CMD bash -c 'exec 3<>/dev/tcp/127.0.0.1/${PORT} && printf "GET /actuator/health HTTP/1.0\r\nHost: localhost\r\n\r\n" >&3 && grep -q "\"UP\"" <&3'

# The heap follows the container's memory limit, leaving room for the JVM's own memory.
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-XX:+ExitOnOutOfMemoryError", "-jar", "/usr/share/caseshare/caseshare.jar"]
