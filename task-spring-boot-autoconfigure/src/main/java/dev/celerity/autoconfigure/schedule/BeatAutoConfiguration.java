package dev.celerity.autoconfigure.schedule;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Import;

import dev.celerity.autoconfigure.CelerityAutoConfiguration;

/**
 * Auto-configuration of periodic tasks: {@code @Periodic} and {@code celerity.beat.schedules} discovery, the tick
 * claims (Redis when the application has a Redis connection and does not force the memory broker, memory otherwise),
 * the read API and, unless {@code celerity.beat.enabled=false}, the scheduler.
 */
@AutoConfiguration(after = CelerityAutoConfiguration.class,
		afterName = "org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration")
@EnableConfigurationProperties(BeatProperties.class)
@Import({ ScheduleDiscoveryConfiguration.class, RedisScheduleClaimsConfiguration.class,
		MemoryScheduleClaimsConfiguration.class, BeatSchedulerConfiguration.class })
public final class BeatAutoConfiguration {

}
