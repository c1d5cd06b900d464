package dev.celerity.testing.redis;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import org.springframework.data.redis.connection.RedisConnection;
import org.springframework.data.redis.connection.RedisConnectionFactory;

/**
 * Wraps a connection factory and counts the commands its connections send, by method name ({@code evalSha},
 * {@code bZPopMin} ...): what one client does, whatever other clients of a shared Redis do meanwhile.
 */
public final class CountingConnectionFactory {

	private final Map<String, AtomicLong> calls = new ConcurrentHashMap<>();

	private final RedisConnectionFactory factory;

	/**
	 * Wraps a factory.
	 * @param target the real factory
	 */
	public CountingConnectionFactory(RedisConnectionFactory target) {
		this.factory = (RedisConnectionFactory) Proxy.newProxyInstance(getClass().getClassLoader(),
				new Class<?>[] { RedisConnectionFactory.class }, (proxy, method, args) -> {
					Object result = invoke(target, method, args);
					return (result instanceof RedisConnection connection)
							? wrap(connection, RedisConnection.class, false) : result;
				});
	}

	/**
	 * Returns the counting factory.
	 * @return the factory to hand to the code under test
	 */
	public RedisConnectionFactory factory() {
		return this.factory;
	}

	/**
	 * Returns the calls so far.
	 * @return calls by method name
	 */
	public Map<String, Long> calls() {
		Map<String, Long> snapshot = new ConcurrentHashMap<>();
		this.calls.forEach((name, count) -> snapshot.put(name, count.get()));
		return snapshot;
	}

	/**
	 * Forgets the calls so far.
	 */
	public void reset() {
		this.calls.clear();
	}

	private Object wrap(Object target, Class<?> type, boolean count) {
		InvocationHandler handler = (proxy, method, args) -> {
			Object result = invoke(target, method, args);
			if (method.getName().endsWith("Commands") && method.getReturnType().isInterface() && result != null) {
				return wrap(result, method.getReturnType(), true);
			}
			if (count || !isHousekeeping(method)) {
				this.calls.computeIfAbsent(method.getName(), (name) -> new AtomicLong()).incrementAndGet();
			}
			return result;
		};
		return Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] { type }, handler);
	}

	private static boolean isHousekeeping(Method method) {
		return switch (method.getName()) {
			case "close", "isClosed", "getNativeConnection", "isQueueing", "isPipelined", "toString", "hashCode",
					"equals" ->
				true;
			default -> false;
		};
	}

	private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
		try {
			return method.invoke(target, args);
		}
		catch (InvocationTargetException ex) {
			throw ex.getCause();
		}
	}

}
