package dev.celerity.samples.secured;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * A worker whose {@code celerity} actuator endpoint is exposed with its write operations on, behind Spring Security:
 * viewers read, operators also purge, replay, pause, revoke and change rate limits.
 */
@SpringBootApplication
public class SecuredOperationsApplication {

	public static void main(String[] args) {
		SpringApplication.run(SecuredOperationsApplication.class, args);
	}

}
