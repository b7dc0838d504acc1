/**
 * The command line of the same jar ({@code java -jar caseshare.jar admin …}): what a self-hoster
 * needs without a browser. It uses the server's configuration (database, data directory, keys) and
 * the modules' public APIs, and every change it makes is audited with the actor {@code cli}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Command line")
package org.caseshare.cli;
