package dev.celerity.testing.redis;

import org.springframework.data.redis.connection.RedisConnectionFactory;

/**
 * What a test class gets from {@link RequiresRedis}: the server and a key prefix of its own, whose keys are deleted
 * after the class.
 *
 * @param server the Redis under test
 * @param keyPrefix a random prefix unique to the test class
 */
public record RedisTestContext(RedisTestServer server, String keyPrefix) {

	/**
	 * Returns the shared connection factory.
	 * @return the factory
	 */
	public RedisConnectionFactory connectionFactory() {
		return this.server.connectionFactory();
	}

	/**
	 * Returns the Spring Boot properties that connect an application to the server under test.
	 * @return {@code name=value} pairs
	 */
	public java.util.List<String> connectionProperties() {
		return this.server.connectionProperties();
	}

}
