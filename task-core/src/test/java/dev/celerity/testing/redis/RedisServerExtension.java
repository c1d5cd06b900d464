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

	private final String fixedUrl;

	private final boolean onCi;

	/**
	 * Creates the extension for the server a class's {@link RequiresRedis} names ({@link RedisTestServer#url()} or
	 * {@link RedisTestServer#clusterNodes()}), failing rather than skipping when {@code CI=true}.
	 */
	public RedisServerExtension() {
		this(null, "true".equalsIgnoreCase(System.getenv("CI")));
	}

	/**
	 * Creates the extension for a given server, so that its own tests need not change the environment.
	 * @param url the Redis URL to probe, or {@code null} for the server the class's annotation names
	 * @param onCi whether a missing Redis fails the class rather than skipping it
	 */
	RedisServerExtension(String url, boolean onCi) {
		this.fixedUrl = url;
		this.onCi = onCi;
	}

	@Override
	public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
		Target target = target(context);
		Reachability reachability = reachability(context, target);
		if (reachability.server() != null) {
			return ConditionEvaluationResult.enabled(target.describe());
		}
		String message = "No " + target.describe() + " (" + reachability.failure() + "); "
				+ (target.cluster() ? "set REDIS_CLUSTER_NODES or start a local cluster as .ci/run does"
						: "set REDIS_URL or start redis-server");
		if (this.onCi) {
			throw new IllegalStateException(message + ": Redis tests must run on CI (CI=true)");
		}
		return ConditionEvaluationResult.disabled(message);
	}

	@Override
	public void beforeAll(ExtensionContext context) {
		Target target = target(context);
		RedisTestServer server = reachability(context, target).server();
		if (server == null) {
			// only reachable if a condition of higher precedence enabled the class explicitly
			throw new IllegalStateException("No " + target.describe());
		}
		String prefix = "celerity-test-" + UUID.randomUUID().toString().substring(0, 8);
		context.getStore(NAMESPACE).put(RedisTestContext.class, new ClassKeys(new RedisTestContext(server, prefix)));
	}

	private Target target(ExtensionContext context) {
		if (this.fixedUrl != null) {
			return new Target(this.fixedUrl, false);
		}
		// the nearest declaration wins, so that a subclass can move its superclass's tests to the cluster
		for (Class<?> type = context.getRequiredTestClass(); type != null; type = type.getSuperclass()) {
			RequiresRedis requires = type.getDeclaredAnnotation(RequiresRedis.class);
			if (requires != null && requires.cluster()) {
				return new Target(RedisTestServer.clusterNodes(), true);
			}
			if (requires != null) {
				break;
			}
		}
		return new Target(RedisTestServer.url(), false);
	}

	// probed once per run and server: the root store lives as long as the run and closes the connection at its end
	private Reachability reachability(ExtensionContext context, Target target) {
		Store root = context.getRoot().getStore(NAMESPACE);
		return root.computeIfAbsent(target, Reachability::probe, Reachability.class);
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

		static Reachability probe(Target target) {
			try {
				return new Reachability(target.cluster() ? RedisTestServer.connectCluster(target.address())
						: RedisTestServer.connect(target.address()), null);
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

	/**
	 * The server a class runs against.
	 */
	private record Target(String address, boolean cluster) {

		String describe() {
			return (this.cluster ? "Redis Cluster" : "Redis") + " reachable at " + this.address;
		}

	}

}
