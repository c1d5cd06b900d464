package dev.celerity.autoconfigure.schedule;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.aop.support.AopUtils;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.core.MethodIntrospector;
import org.springframework.core.annotation.AnnotationUtils;
import org.springframework.core.annotation.MergedAnnotation;
import org.springframework.core.annotation.MergedAnnotations;
import org.springframework.core.annotation.MergedAnnotations.SearchStrategy;

import dev.celerity.api.Periodic;

/**
 * Finds {@code @Periodic} methods (direct, repeated or through a composed annotation) on every bean. It only
 * collects them: the {@link ScheduleRegistrar} validates and registers them once every singleton exists.
 */
public class PeriodicAnnotationBeanPostProcessor implements BeanPostProcessor {

	private final Set<Class<?>> classesWithoutSchedules = ConcurrentHashMap.newKeySet();

	private final List<PeriodicMethod> methods = new ArrayList<>();

	@Override
	public Object postProcessAfterInitialization(Object bean, String beanName) {
		Class<?> targetClass = AopUtils.getTargetClass(bean);
		if (this.classesWithoutSchedules.contains(targetClass)
				|| !AnnotationUtils.isCandidateClass(targetClass, Periodic.class)) {
			return bean;
		}
		Map<Method, List<MergedAnnotation<Periodic>>> found = MethodIntrospector.selectMethods(targetClass,
				(MethodIntrospector.MetadataLookup<List<MergedAnnotation<Periodic>>>) (method) -> {
					List<MergedAnnotation<Periodic>> schedules = MergedAnnotations
						.from(method, SearchStrategy.TYPE_HIERARCHY)
						.stream(Periodic.class)
						.toList();
					return schedules.isEmpty() ? null : schedules;
				});
		if (found.isEmpty()) {
			this.classesWithoutSchedules.add(targetClass);
			return bean;
		}
		synchronized (this.methods) {
			found.forEach((method, schedules) -> this.methods.add(new PeriodicMethod(beanName, method, schedules)));
		}
		return bean;
	}

	/**
	 * Hands over the methods found so far, forgetting them.
	 * @return the methods
	 */
	List<PeriodicMethod> drain() {
		synchronized (this.methods) {
			List<PeriodicMethod> drained = List.copyOf(this.methods);
			this.methods.clear();
			return drained;
		}
	}

}
