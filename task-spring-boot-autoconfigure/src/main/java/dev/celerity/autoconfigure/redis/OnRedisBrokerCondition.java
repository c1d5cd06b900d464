package dev.celerity.autoconfigure.redis;

import java.util.Optional;

import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Matches when Celerity should run on Redis (see {@link RedisBrokerSelection}).
 */
class OnRedisBrokerCondition extends SpringBootCondition {

	@Override
	public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
		Optional<String> reason = RedisBrokerSelection.reason(context.getEnvironment());
		return reason.map(ConditionOutcome::match)
			.orElseGet(() -> ConditionOutcome.noMatch("celerity.broker.type is not redis and no Redis connection "
					+ "(spring.data.redis.host, url, sentinel, cluster) is configured"));
	}

}
