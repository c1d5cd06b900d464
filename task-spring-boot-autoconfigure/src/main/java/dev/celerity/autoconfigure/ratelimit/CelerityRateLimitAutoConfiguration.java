package dev.celerity.autoconfigure.ratelimit;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

import dev.celerity.autoconfigure.CelerityAutoConfiguration;
import dev.celerity.ratelimit.InvalidRateLimitException;
import dev.celerity.ratelimit.RateLimit;
import dev.celerity.ratelimit.RateLimitChannel;
import dev.celerity.ratelimit.RateLimitKeyResolver;
import dev.celerity.ratelimit.RateLimiter;
import dev.celerity.ratelimit.RateLimits;
import dev.celerity.registry.TaskDefinition;
import dev.celerity.registry.TaskRegistry;
import dev.celerity.worker.AdmissionControl;
import dev.celerity.worker.RateLimitAdmission;

/**
 * Rate limits: the limits in force ({@code celerity.rate-limits.<task>} over {@code @Task(rateLimit)}, changeable at
 * run time through {@link RateLimits}), their Bucket4j buckets (cluster-wide on Redis, local otherwise) and the
 * worker's admission control that defers tasks over their limit.
 */
@AutoConfiguration(before = CelerityAutoConfiguration.class,
		afterName = "org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration")
@EnableConfigurationProperties(CelerityRateLimitProperties.class)
@Import({ RedisRateLimitConfiguration.class, LocalRateLimitConfiguration.class })
public final class CelerityRateLimitAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	RateLimits celerityRateLimits(TaskRegistry registry, CelerityRateLimitProperties properties,
			RateLimitChannel channel) {
		return new RateLimits((task) -> registry.find(task).map(TaskDefinition::rateLimit).orElse(null),
				() -> registry.all().stream().map(TaskDefinition::name).toList(), configuredLimits(properties), channel);
	}

	@Bean
	@ConditionalOnMissingBean
	RateLimitKeyResolver celerityRateLimitKeyResolver() {
		return new RateLimitKeyResolver();
	}

	@Bean
	RateLimitKeyValidation celerityRateLimitKeyValidation(TaskRegistry registry, RateLimitKeyResolver keys) {
		return new RateLimitKeyValidation(registry, keys);
	}

	@Bean
	@ConditionalOnMissingBean
	AdmissionControl celerityAdmissionControl(RateLimits limits, RateLimiter limiter, RateLimitKeyResolver keys,
			@Qualifier("celerityClock") Clock clock) {
		return new RateLimitAdmission(limits, limiter, keys, clock);
	}

	private static Map<String, RateLimit> configuredLimits(CelerityRateLimitProperties properties) {
		Map<String, RateLimit> limits = new LinkedHashMap<>();
		properties.getRateLimits().forEach((task, text) -> {
			try {
				limits.put(task, RateLimit.parse(text));
			}
			catch (InvalidRateLimitException ex) {
				throw new InvalidConfigurationPropertyValueException("celerity.rate-limits." + task, text,
						"Invalid rate limit '" + text + "' for task '" + task
								+ "': expected N/s, N/m, N/h or a plain number per second.");
			}
		});
		return limits;
	}

}
