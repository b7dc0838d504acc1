package org.caseshare.system;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.info.BuildProperties;
import org.springframework.stereotype.Component;

/**
 * The version of Caseshare that is running, for the page footer ({@code @release.version()} in the
 * layout) so that a person reporting a problem can say which version they saw.
 */
@Component("release")
public class Release {

    private final String version;

    Release(ObjectProvider<BuildProperties> build) {
        BuildProperties properties = build.getIfAvailable();
        String fromBuild = properties == null ? null : properties.getVersion();
        String fromJar = Release.class.getPackage().getImplementationVersion();
        this.version = fromBuild != null ? fromBuild : fromJar != null ? fromJar : "development";
    }

    public String version() {
        return version;
    }
}
