package org.teletherapy.web.api;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.client.ReactiveOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.web.reactive.function.client.ServerOAuth2AuthorizedClientExchangeFilterFunction;
import org.springframework.web.reactive.function.client.WebClient;
import org.teletherapy.web.WebProperties;

/** The API as the signed-in user: each call carries their access token, refreshed on the server when it expires. */
@Configuration(proxyBeanMethods = false)
class ApiClientConfiguration {

    @Bean
    WebClient apiClient(WebClient.Builder builder, WebProperties properties,
                        ReactiveOAuth2AuthorizedClientManager authorizedClients) {
        ServerOAuth2AuthorizedClientExchangeFilterFunction userToken =
                new ServerOAuth2AuthorizedClientExchangeFilterFunction(authorizedClients);
        userToken.setDefaultOAuth2AuthorizedClient(true);
        return builder.baseUrl(properties.apiUri().toString()).filter(userToken).build();
    }
}
