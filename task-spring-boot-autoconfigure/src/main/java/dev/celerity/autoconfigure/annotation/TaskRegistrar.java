package dev.celerity.autoconfigure.annotation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.beans.factory.config.ConfigurableBeanFactory;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.core.annotation.AnnotationAwareOrderComparator;

import dev.celerity.api.TaskInterceptor;
import dev.celerity.registry.InvalidTaskDefinitionException;
import dev.celerity.registry.TaskDefaults;
import dev.celerity.registry.TaskDefinitionFactory;
import dev.celerity.registry.TaskRegistry;

/**
 * Registers discovered task methods once all singletons exist: builds and validates each definition, resolves its
 * interceptors and adds it to the {@link TaskRegistry}.
 *
 * <p>Interceptor beans named by some {@code @Task(interceptors = ...)} run only around the tasks that name them;
 * every other {@link TaskInterceptor} bean is global and runs around every task it {@linkplain
 * TaskInterceptor#appliesTo applies to}. All run in {@code @Order}.
 */
class TaskRegistrar {

	private final ConfigurableBeanFactory beanFactory;

	TaskRegistrar(ConfigurableBeanFactory beanFactory) {
		this.beanFactory = beanFactory;
	}

	void registerAll(List<TaskEndpoint> endpoints) {
		if (endpoints.isEmpty()) {
			return;
		}
		TaskRegistry registry = this.beanFactory.getBean(TaskRegistry.class);
		TaskDefinitionFactory factory = new TaskDefinitionFactory(this.beanFactory.getBean(TaskDefaults.class),
				this.beanFactory::resolveEmbeddedValue);
		Map<String, TaskInterceptor> interceptors = orderedInterceptors();
		Set<String> selected = new HashSet<>();
		endpoints.forEach((endpoint) -> selected.addAll(Arrays.asList(endpoint.task().getStringArray("interceptors"))));
		for (TaskEndpoint endpoint : endpoints) {
			List<String> named = Arrays.asList(endpoint.task().getStringArray("interceptors"));
			for (String name : named) {
				if (!interceptors.containsKey(name)) {
					throw new InvalidTaskDefinitionException(endpoint.beanName(), endpoint.method().getName(),
							"interceptors", name, "no TaskInterceptor bean has that name; known: "
									+ interceptors.keySet(), null);
				}
			}
			String taskName = factory.create(endpoint.beanName(), endpoint.bean(), endpoint.method(), endpoint.task(),
					List.of()).name();
			List<TaskInterceptor> chosen = new ArrayList<>();
			interceptors.forEach((name, interceptor) -> {
				boolean global = !selected.contains(name) && interceptor.appliesTo(taskName);
				if (global || named.contains(name)) {
					chosen.add(interceptor);
				}
			});
			registry.register(factory.create(endpoint.beanName(), endpoint.bean(), endpoint.method(), endpoint.task(),
					chosen));
		}
	}

	private Map<String, TaskInterceptor> orderedInterceptors() {
		Map<String, TaskInterceptor> byName = ((ListableBeanFactory) this.beanFactory)
			.getBeansOfType(TaskInterceptor.class);
		List<Map.Entry<String, TaskInterceptor>> entries = new ArrayList<>(byName.entrySet());
		entries.sort((a, b) -> AnnotationAwareOrderComparator.INSTANCE.compare(a.getValue(), b.getValue()));
		Map<String, TaskInterceptor> ordered = new LinkedHashMap<>();
		entries.forEach((entry) -> ordered.put(entry.getKey(), entry.getValue()));
		return ordered;
	}

}
