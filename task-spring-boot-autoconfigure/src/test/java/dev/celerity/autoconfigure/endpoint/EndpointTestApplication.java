package dev.celerity.autoconfigure.endpoint;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;

import dev.celerity.autoconfigure.control.MonitoredTasks;

/**
 * The application the endpoint tests run: auto-configuration and the monitoring tasks.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
class EndpointTestApplication {

	@Bean
	MonitoredTasks monitoredTasks() {
		return new MonitoredTasks();
	}

}
