package dev.celerity.redis;

import java.util.concurrent.ExecutionException;

import io.lettuce.core.RedisFuture;

import org.springframework.data.redis.connection.lettuce.LettuceExceptionConverter;

/**
 * Waits for a reply of a command sent on Lettuce's asynchronous API, with Redis failures translated to Spring's
 * data-access exceptions as the synchronous API would throw them; shared by every pipelined Redis writer.
 */
public final class LettuceReplies {

	private static final LettuceExceptionConverter EXCEPTIONS = new LettuceExceptionConverter();

	private LettuceReplies() {
	}

	/**
	 * Waits for one reply.
	 * @param <T> the reply type
	 * @param future the pending reply
	 * @param doing what the command was for, named in the exception when the wait is interrupted
	 * @return the reply
	 */
	public static <T> T await(RedisFuture<T> future, String doing) {
		try {
			return future.get();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while " + doing, ex);
		}
		catch (ExecutionException ex) {
			Throwable cause = (ex.getCause() != null) ? ex.getCause() : ex;
			RuntimeException translated = (cause instanceof Exception exception) ? EXCEPTIONS.convert(exception) : null;
			throw (translated != null) ? translated : new IllegalStateException(cause.getMessage(), cause);
		}
	}

}
