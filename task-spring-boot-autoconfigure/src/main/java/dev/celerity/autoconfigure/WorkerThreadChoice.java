package dev.celerity.autoconfigure;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.system.JavaVersion;
import org.springframework.boot.thread.Threading;
import org.springframework.core.env.Environment;

/**
 * Decides whether worker pools run tasks on virtual threads: {@code celerity.worker.virtual-threads} when set,
 * otherwise {@code spring.threads.virtual.enabled}. On a JVM without virtual threads an explicit {@code true} is
 * passed on (the pools fall back to platform threads themselves) with a warning.
 */
final class WorkerThreadChoice {

	private static final Logger logger = LoggerFactory.getLogger(WorkerThreadChoice.class);

	private WorkerThreadChoice() {
	}

	static boolean virtual(@Nullable Boolean configured, Environment environment) {
		if (configured == null) {
			// Boot's own switch already answers false on a JVM without virtual threads
			return Threading.VIRTUAL.isActive(environment);
		}
		if (configured && !JavaVersion.getJavaVersion().isEqualOrNewerThan(JavaVersion.TWENTY_ONE)) {
			// asked for by name, so falling back silently would hide why the pools behave as platform pools
			logger.warn("celerity.worker.virtual-threads=true, but this JVM (Java {}) has no virtual threads "
					+ "(Java 21 or later): worker pools run tasks on platform threads",
					Runtime.version().feature());
		}
		return configured;
	}

}
