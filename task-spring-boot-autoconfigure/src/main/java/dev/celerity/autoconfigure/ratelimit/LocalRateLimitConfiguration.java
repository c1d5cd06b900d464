package dev.celerity.autoconfigure.ratelimit;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.celerity.ratelimit.LocalRateLimitChannel;
import dev.celerity.ratelimit.LocalRateLimiter;
import dev.celerity.ratelimit.RateLimitChannel;
import dev.celerity.ratelimit.RateLimiter;

/**
 * Rate limiting inside one JVM (the embedded broker): local Bucket4j buckets in Caffeine, changes applied locally.
 */
@Configuration(proxyBeanMethods = false)
class LocalRateLimitConfiguration {

	@Bean
	@ConditionalOnMissingBean
	RateLimiter celerityRateLimiter(CelerityRateLimitProperties properties) {
		CelerityRateLimitProperties.RateLimiting settings = properties.getRateLimiting();
		return new LocalRateLimiter(settings.getMaxReservation(), settings.getMaxLocalBuckets(),
				settings.getLocalBucketIdleTimeout());
	}

	@Bean
	@ConditionalOnMissingBean
	RateLimitChannel celerityRateLimitChannel() {
		return new LocalRateLimitChannel();
	}

}
