package dev.celerity.control;

import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.UUID;

import org.springframework.util.Assert;

/**
 * Who an application instance is in the cluster: the target of control commands and the author of heartbeats and
 * replies.
 *
 * @param id unique among live instances: {@code application@host-pid-suffix}
 * @param host the host name
 * @param pid the process id
 * @param application the application name
 */
public record InstanceIdentity(String id, String host, long pid, String application) {

	public InstanceIdentity {
		Assert.hasText(id, "Instance id must not be empty");
	}

	/**
	 * Describes this JVM; a random suffix keeps two application contexts of one JVM apart.
	 * @param application the application name
	 * @return the identity
	 */
	public static InstanceIdentity local(String application) {
		String host = hostName();
		long pid = ManagementFactory.getRuntimeMXBean().getPid();
		String suffix = UUID.randomUUID().toString().substring(0, 6);
		return new InstanceIdentity(application + "@" + host + "-" + pid + "-" + suffix, host, pid, application);
	}

	private static String hostName() {
		try {
			return InetAddress.getLocalHost().getHostName();
		}
		catch (UnknownHostException ex) {
			return "unknown-host";
		}
	}

}
