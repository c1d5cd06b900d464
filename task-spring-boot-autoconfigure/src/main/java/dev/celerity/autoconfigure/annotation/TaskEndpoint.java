package dev.celerity.autoconfigure.annotation;

import java.lang.reflect.Method;

import org.springframework.core.annotation.MergedAnnotation;

import dev.celerity.api.Task;

/**
 * A {@code @Task} method found on a bean, waiting to be registered once every singleton exists.
 *
 * @param beanName the bean's name
 * @param bean the bean (possibly a proxy)
 * @param method the annotated method of the bean's user class
 * @param task the merged annotation
 */
record TaskEndpoint(String beanName, Object bean, Method method, MergedAnnotation<Task> task) {

}
