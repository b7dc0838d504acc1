package org.caseshare;

import org.caseshare.cli.CaseshareCommandLine;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class CaseshareApplication {

    public static void main(String[] args) {
        if (CaseshareCommandLine.handles(args)) {
            System.exit(CaseshareCommandLine.run(CaseshareApplication.class, args));
        }
        SpringApplication.run(CaseshareApplication.class, args);
    }
}
