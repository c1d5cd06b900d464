package dev.celerity.autoconfigure.worker;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import dev.celerity.autoconfigure.CelerityAutoConfiguration;

/**
 * The application the worker tests run: the auto-configuration, the recording tasks and interceptors.
 */
final class WorkerConfigurationTestSupport {

	private WorkerConfigurationTestSupport() {
	}

	static ApplicationContextRunner runner() {
		return new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(CelerityAutoConfiguration.class))
			.withBean("testTasks", WorkerTestTasks.class)
			.withBean(WorkerTestTasks.EventRecorder.class)
			.withBean("globalInterceptor", WorkerTestTasks.RecordingInterceptor.class)
			.withBean("auditInterceptor", WorkerTestTasks.RecordingInterceptor.class)
			.withPropertyValues("celerity.worker.concurrency=2", "celerity.worker.fetch-wait=200ms");
	}

}
