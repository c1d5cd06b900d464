package dev.celerity.testing.redis;

import java.util.UUID;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;
import org.junit.jupiter.api.extension.ExtensionContext.Store;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.opentest4j.TestAbortedException;

/**
 * The extension behind {@link RequiresRedis}: one connection for the whole run, one key prefix per test class.
 */
public final class RedisServerExtension implements BeforeAllCallback, ParameterResolver {

	private static final Namespace NAMESPACE = Namespace.create(RedisServerExtension.class);

	@Override
	public void beforeAll(ExtensionContext context) {
		Store root = context.getRoot().getStore(NAMESPACE);
		Reachability reachability = root.computeIfAbsent(Reachability.class, (key) -> Reachability.probe(),
				Reachability.class);
		if (reachability.server() == null) {
			String message = "No Redis reachable at " + RedisTestServer.url() + " (" + reachability.failure()
					+ "); set REDIS_URL or start redis-server";
			if ("true".equalsIgnoreCase(System.getenv("CI"))) {
				throw new IllegalStateException(message + ": Redis tests must run on CI");
			}
			throw new TestAbortedException(message);
		}
		String prefix = "celerity-test-" + UUID.randomUUID().toString().substring(0, 8);
		context.getStore(NAMESPACE)
			.put(RedisTestContext.class, new ClassKeys(new RedisTestContext(reachability.server(), prefix)));
	}

	@Override
	public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
		return parameterContext.getParameter().getType() == RedisTestContext.class;
	}

	@Override
	public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
		ClassKeys keys = extensionContext.getStore(NAMESPACE).get(RedisTestContext.class, ClassKeys.class);
		if (keys == null) {
			throw new ParameterResolutionException("No Redis test context: is the class annotated @RequiresRedis?");
		}
		return keys.context();
	}

	/**
	 * The outcome of the one connection attempt of a run.
	 */
	private record Reachability(RedisTestServer server, String failure) implements AutoCloseable {

		static Reachability probe() {
			try {
				return new Reachability(RedisTestServer.connect(), null);
			}
			catch (RuntimeException ex) {
				return new Reachability(null, ex.getMessage());
			}
		}

		@Override
		public void close() {
			if (this.server != null) {
				this.server.close();
			}
		}

	}

	/**
	 * A test class's prefix; its keys are deleted when the class's store closes.
	 */
	private record ClassKeys(RedisTestContext context) implements AutoCloseable {

		@Override
		public void close() {
			this.context.server().deleteKeys(this.context.keyPrefix());
		}

	}

}
