package dev.celerity.broker.redis;

import java.time.Clock;

import dev.celerity.broker.AbstractBrokerContractTests;
import dev.celerity.broker.Broker;
import dev.celerity.message.MessageCodec;
import dev.celerity.testing.redis.RedisTestContext;
import dev.celerity.testing.redis.RequiresRedis;

/**
 * Runs the broker contract against the Redis broker on a real Redis.
 */
@RequiresRedis
class RedisBrokerTests extends AbstractBrokerContractTests {

	private final RedisTestContext redis;

	RedisBrokerTests(RedisTestContext redis) {
		this.redis = redis;
	}

	@Override
	protected Broker createBroker() {
		return new RedisBroker(this.redis.connectionFactory(),
				RedisBrokerOptions.defaults().withKeyPrefix(this.redis.keyPrefix()), new MessageCodec(),
				Clock.systemUTC());
	}

	@Override
	protected void closeBroker(Broker broker) {
		((RedisBroker) broker).close();
	}

}
