package dev.celerity.autoconfigure.schedule;

import java.lang.reflect.Method;
import java.util.List;

import org.springframework.core.annotation.MergedAnnotation;

import dev.celerity.api.Periodic;

/**
 * A bean method carrying one or more {@code @Periodic} annotations, waiting to be registered once every singleton
 * (and every task) exists.
 *
 * @param beanName the bean's name
 * @param method the annotated method of the bean's user class
 * @param schedules the merged annotations, in declaration order
 */
record PeriodicMethod(String beanName, Method method, List<MergedAnnotation<Periodic>> schedules) {

}
