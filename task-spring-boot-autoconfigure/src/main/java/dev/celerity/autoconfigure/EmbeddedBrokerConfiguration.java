package dev.celerity.autoconfigure;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.celerity.backend.ResultBackend;
import dev.celerity.backend.memory.InMemoryResultBackend;
import dev.celerity.broker.Broker;
import dev.celerity.broker.memory.InMemoryBroker;
import dev.celerity.message.MessageCodec;

/**
 * The embedded broker and result backend, used when nothing else (Redis, the application) supplies them.
 */
@Configuration(proxyBeanMethods = false)
class EmbeddedBrokerConfiguration {

	private static final Logger logger = LoggerFactory.getLogger(EmbeddedBrokerConfiguration.class);

	@Bean
	@ConditionalOnMissingBean
	Broker celerityBroker(CelerityProperties properties) {
		logger.info("Celerity broker: embedded in-memory (celerity.broker.type={}{}); tasks stay in this JVM",
				properties.getBroker().getType().name().toLowerCase(java.util.Locale.ROOT),
				(properties.getBroker().getType() == CelerityProperties.BrokerType.AUTO)
						? ", no Redis connection configured" : "");
		return new InMemoryBroker();
	}

	@Bean
	@ConditionalOnMissingBean
	ResultBackend celerityResultBackend(MessageCodec codec) {
		return new InMemoryResultBackend(codec);
	}

}
