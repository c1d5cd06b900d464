package dev.celerity.testing.redis;

import java.util.UUID;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;
import org.junit.jupiter.api.extension.ExtensionContext.Store;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * The extension behind {@link RequiresRedis}: one connection for the whole run, one key prefix per test class.
 *
 * <p>Without a reachable Redis, a class is disabled with the reason, so that the build reports it skipped; when the
 * environment variable {@code CI} is {@code true} the same finding fails the class instead, because CI must run the
 * Redis tests.
 */
public final class RedisServerExtension implements ExecutionCondition, BeforeAllCallback, ParameterResolver {

	private static final Namespace NAMESPACE = Namespace.create(RedisServerExtension.class);

	private final String url;

	private final boolean onCi;

	/**
	 * Creates the extension for {@link RedisTestServer#url()}, failing rather than skipping when {@code CI=true}.
	 */
	public RedisServerExtension() {
		this(RedisTestServer.url(), "true".equalsIgnoreCase(System.getenv("CI")));
	}

	/**
	 * Creates the extension for a given server, so that its own tests need not change the environment.
	 * @param url the Redis URL to probe
	 * @param onCi whether a missing Redis fails the class rather than skipping it
	 */
	RedisServerExtension(String url, boolean onCi) {
		this.url = url;
		this.onCi = onCi;
	}

	@Override
	public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
		Reachability reachability = reachability(context);
		if (reachability.server() != null) {
			return ConditionEvaluationResult.enabled("Redis reachable at " + this.url);
		}
		String message = "No Redis reachable at " + this.url + " (" + reachability.failure()
				+ "); set REDIS_URL or start redis-server";
		if (this.onCi) {
			throw new IllegalStateException(message + ": Redis tests must run on CI (CI=true)");
		}
		return ConditionEvaluationResult.disabled(message);
	}

	@Override
	public void beforeAll(ExtensionContext context) {
		RedisTestServer server = reachability(context).server();
		if (server == null) {
			// only reachable if a condition of higher precedence enabled the class explicitly
			throw new IllegalStateException("No Redis reachable at " + this.url);
		}
		String prefix = "celerity-test-" + UUID.randomUUID().toString().substring(0, 8);
		context.getStore(NAMESPACE).put(RedisTestContext.class, new ClassKeys(new RedisTestContext(server, prefix)));
	}

	// probed once per run and URL: the root store lives as long as the run and closes the connection at its end
	private Reachability reachability(ExtensionContext context) {
		Store root = context.getRoot().getStore(NAMESPACE);
		return root.computeIfAbsent(this.url, (url) -> Reachability.probe(url), Reachability.class);
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

		static Reachability probe(String url) {
			try {
				return new Reachability(RedisTestServer.connect(url), null);
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
