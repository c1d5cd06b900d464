package dev.celerity.autoconfigure.schedule;

import java.util.Map;
import java.util.function.UnaryOperator;

import org.springframework.beans.factory.SmartInitializingSingleton;

import dev.celerity.message.MessageCodec;
import dev.celerity.registry.TaskRegistry;
import dev.celerity.schedule.ScheduleFactory;
import dev.celerity.schedule.ScheduleOrigin;
import dev.celerity.schedule.ScheduleRegistry;
import dev.celerity.schedule.ScheduleSpec;

/**
 * Registers the schedules once every singleton exists (and with them every {@code @Task}): those of
 * {@code @Periodic} methods first, then those of {@code celerity.beat.schedules}. Any invalid schedule fails
 * start-up, naming its method or property.
 */
class ScheduleRegistrar implements SmartInitializingSingleton {

	private final PeriodicAnnotationBeanPostProcessor discovery;

	private final ScheduleRegistry registry;

	private final TaskRegistry tasks;

	private final MessageCodec codec;

	private final BeatProperties properties;

	private final UnaryOperator<String> valueResolver;

	ScheduleRegistrar(PeriodicAnnotationBeanPostProcessor discovery, ScheduleRegistry registry, TaskRegistry tasks,
			MessageCodec codec, BeatProperties properties, UnaryOperator<String> valueResolver) {
		this.discovery = discovery;
		this.registry = registry;
		this.tasks = tasks;
		this.codec = codec;
		this.properties = properties;
		this.valueResolver = valueResolver;
	}

	@Override
	public void afterSingletonsInstantiated() {
		ScheduleFactory factory = new ScheduleFactory(this.tasks, this.codec, this.properties.getZone(),
				this.properties.getMissedTicks());
		PeriodicAnnotationReader reader = new PeriodicAnnotationReader(this.tasks, this.valueResolver);
		for (PeriodicMethod method : this.discovery.drain()) {
			for (ScheduleSpec spec : reader.read(method)) {
				factory.create(spec).ifPresent(this.registry::register);
			}
		}
		for (Map.Entry<String, BeatProperties.Schedule> entry : this.properties.getSchedules().entrySet()) {
			factory.create(spec(entry.getKey(), entry.getValue())).ifPresent(this.registry::register);
		}
	}

	private static ScheduleSpec spec(String name, BeatProperties.Schedule schedule) {
		BeatProperties.Options options = schedule.getOptions();
		return new ScheduleSpec(ScheduleOrigin.property("celerity.beat.schedules." + name), name, schedule.getTask(),
				schedule.getCron(), schedule.getZone(), schedule.getEvery(), schedule.getInitialDelay(),
				schedule.getArgs(), schedule.getKwargs(), options.getQueue(), options.getPriority(),
				options.getExpires(), schedule.getMissedTicks());
	}

}
