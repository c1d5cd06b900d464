package dev.celerity.worker;

import java.lang.reflect.Method;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Creates the threads of a pool: platform threads, or virtual threads when asked for and the JVM has them.
 */
final class WorkerThreads {

	private WorkerThreads() {
	}

	static boolean virtualThreadsAvailable() {
		return Runtime.version().feature() >= 21;
	}

	static ThreadFactory factory(String prefix, boolean virtual) {
		if (virtual && virtualThreadsAvailable()) {
			return virtualFactory(prefix);
		}
		AtomicInteger counter = new AtomicInteger();
		return (runnable) -> {
			Thread thread = new Thread(runnable, prefix + counter.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		};
	}

	// compiled for Java 17, so the Java 21 builder API is reached reflectively
	private static ThreadFactory virtualFactory(String prefix) {
		try {
			Object builder = Thread.class.getMethod("ofVirtual").invoke(null);
			Class<?> builderType = Class.forName("java.lang.Thread$Builder");
			Method name = builderType.getMethod("name", String.class, long.class);
			builder = name.invoke(builder, prefix, 1L);
			return (ThreadFactory) builderType.getMethod("factory").invoke(builder);
		}
		catch (ReflectiveOperationException ex) {
			throw new IllegalStateException("Virtual threads are not available on this JVM", ex);
		}
	}

}
