package org.caseshare;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class CaseshareApplication {
    public static void main(String[] args) {
        SpringApplication.run(CaseshareApplication.class, args);
    }
}
