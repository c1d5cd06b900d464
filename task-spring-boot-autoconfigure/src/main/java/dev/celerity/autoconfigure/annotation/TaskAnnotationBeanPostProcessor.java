package dev.celerity.autoconfigure.annotation;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.aop.support.AopUtils;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.BeanFactoryAware;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.beans.factory.config.ConfigurableBeanFactory;
import org.springframework.core.MethodIntrospector;
import org.springframework.core.annotation.AnnotationUtils;
import org.springframework.core.annotation.MergedAnnotation;
import org.springframework.core.annotation.MergedAnnotations;
import org.springframework.core.annotation.MergedAnnotations.SearchStrategy;

import dev.celerity.api.Task;

/**
 * Finds {@code @Task} methods (directly annotated or through a composed annotation) on every bean and hands them to
 * the {@link TaskRegistrar} once all singletons exist; it registers nothing while beans are still being created.
 */
public class TaskAnnotationBeanPostProcessor implements BeanPostProcessor, BeanFactoryAware, SmartInitializingSingleton {

	private final Set<Class<?>> classesWithoutTasks = ConcurrentHashMap.newKeySet();

	private final List<TaskEndpoint> endpoints = new ArrayList<>();

	private ConfigurableBeanFactory beanFactory;

	@Override
	public void setBeanFactory(BeanFactory beanFactory) {
		this.beanFactory = (ConfigurableBeanFactory) beanFactory;
	}

	@Override
	public Object postProcessAfterInitialization(Object bean, String beanName) {
		Class<?> targetClass = AopUtils.getTargetClass(bean);
		if (this.classesWithoutTasks.contains(targetClass) || !AnnotationUtils.isCandidateClass(targetClass, Task.class)) {
			return bean;
		}
		Map<Method, MergedAnnotation<Task>> tasks = MethodIntrospector.selectMethods(targetClass,
				(MethodIntrospector.MetadataLookup<MergedAnnotation<Task>>) (method) -> {
					MergedAnnotation<Task> task = MergedAnnotations.from(method, SearchStrategy.TYPE_HIERARCHY)
						.get(Task.class);
					return task.isPresent() ? task : null;
				});
		if (tasks.isEmpty()) {
			this.classesWithoutTasks.add(targetClass);
			return bean;
		}
		synchronized (this.endpoints) {
			tasks.forEach((method, task) -> this.endpoints.add(new TaskEndpoint(beanName, bean, method, task)));
		}
		return bean;
	}

	@Override
	public void afterSingletonsInstantiated() {
		List<TaskEndpoint> found;
		synchronized (this.endpoints) {
			found = List.copyOf(this.endpoints);
			this.endpoints.clear();
		}
		new TaskRegistrar(this.beanFactory).registerAll(found);
	}

}
