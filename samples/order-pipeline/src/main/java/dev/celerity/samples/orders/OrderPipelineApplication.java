package dev.celerity.samples.orders;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * A web shop back end that processes orders as Celerity tasks.
 */
@SpringBootApplication
public class OrderPipelineApplication {

	public static void main(String[] args) {
		SpringApplication.run(OrderPipelineApplication.class, args);
	}

}
