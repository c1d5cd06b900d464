package dev.celerity.api;

import java.lang.reflect.Method;
import java.util.List;

/**
 * One run of a task, as seen by {@link TaskInterceptor}s.
 *
 * @param taskId the task's id
 * @param taskName the task's name
 * @param method the task method
 * @param args the bound arguments
 * @param retries how many times the task has been retried so far
 */
public record TaskInvocation(String taskId, String taskName, Method method, List<Object> args, int retries) {

}
