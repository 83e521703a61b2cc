package org.teletherapy.web.console;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

import java.net.URI;

/**
 * Where the deployment's monitoring tools are, as an operator's browser reaches them; the console links only to
 * those that are set.
 */
@ConfigurationProperties("teletherapy.web.console")
record ConsoleProperties(@Nullable URI grafana, @Nullable URI prometheus, @Nullable URI zipkin) {
}
