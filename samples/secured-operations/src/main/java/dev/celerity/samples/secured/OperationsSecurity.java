package dev.celerity.samples.secured;

import org.springframework.boot.security.autoconfigure.actuate.web.servlet.EndpointRequest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Who may do what with Celerity's actuator endpoint: health is open (for probes), reads need the {@code VIEWER} or
 * {@code OPERATOR} role, and writes (POST: purge, replay, pause, resume, revoke, terminate, rate limits) the
 * {@code OPERATOR} role. Scripts call the endpoint with HTTP Basic and no session, so CSRF tokens are not asked of
 * them; a browser-facing page with sessions keeps CSRF protection on.
 */
@Configuration(proxyBeanMethods = false)
class OperationsSecurity {

	@Bean
	SecurityFilterChain operationsFilterChain(HttpSecurity http) throws Exception {
		http.securityMatcher(EndpointRequest.toAnyEndpoint())
			.authorizeHttpRequests((requests) -> requests.requestMatchers(EndpointRequest.to("health"))
				.permitAll()
				.requestMatchers(EndpointRequest.to("celerity").withHttpMethod(HttpMethod.GET))
				.hasAnyRole("VIEWER", "OPERATOR")
				.requestMatchers(EndpointRequest.to("celerity"))
				.hasRole("OPERATOR")
				.anyRequest()
				.hasRole("OPERATOR"))
			.httpBasic(Customizer.withDefaults())
			.csrf((csrf) -> csrf.ignoringRequestMatchers(EndpointRequest.toAnyEndpoint()))
			.sessionManagement((sessions) -> sessions
				.sessionCreationPolicy(org.springframework.security.config.http.SessionCreationPolicy.STATELESS));
		return http.build();
	}

	/**
	 * The dashboard at {@code /celerity}: its pages and JSON for viewers and operators, its write actions (every
	 * {@code POST}) for operators only. A browser uses it, so sessions and Spring Security's CSRF protection stay on;
	 * the dashboard hands its pages the token and hides the actions a viewer may not use.
	 */
	@Bean
	SecurityFilterChain dashboardFilterChain(HttpSecurity http) throws Exception {
		http.securityMatcher("/celerity/**")
			.authorizeHttpRequests((requests) -> requests.requestMatchers(HttpMethod.GET, "/celerity/**")
				.hasAnyRole("VIEWER", "OPERATOR")
				.anyRequest()
				.hasRole("OPERATOR"))
			.httpBasic(Customizer.withDefaults());
		return http.build();
	}

	/**
	 * Two users for the sample, their passwords from {@code sample.viewer-password} and
	 * {@code sample.operator-password}; a real application takes its users from its identity provider.
	 */
	@Bean
	UserDetailsService operationsUsers(Environment environment) {
		PasswordEncoder encoder = PasswordEncoderFactories.createDelegatingPasswordEncoder();
		return new InMemoryUserDetailsManager(
				User.withUsername("viewer")
					.password(encoder.encode(environment.getRequiredProperty("sample.viewer-password")))
					.roles("VIEWER")
					.build(),
				User.withUsername("operator")
					.password(encoder.encode(environment.getRequiredProperty("sample.operator-password")))
					.roles("OPERATOR")
					.build());
	}

}
