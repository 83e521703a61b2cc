package org.teletherapy.crypto;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.r2dbc.core.DatabaseClient;

import java.nio.file.Path;

/**
 * A service that has this module and a {@link DatabaseClient} gets a {@link SubjectKeyring} over the table named
 * by {@code teletherapy.crypto.keyring-table}, master keys from a local keyset file unless it declares its own
 * {@link MasterKeyProvider} (a KMS, Vault), and the background {@link MasterKeyRewrapper}.
 */
@AutoConfiguration(afterName = {
        "org.springframework.boot.r2dbc.autoconfigure.R2dbcAutoConfiguration",
        "org.springframework.boot.data.r2dbc.autoconfigure.DataR2dbcAutoConfiguration",
        "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration"})
@ConditionalOnBean(DatabaseClient.class)
@EnableConfigurationProperties(CryptoProperties.class)
public class CryptoAutoConfiguration {

    private static final Logger log = LoggerFactory.getLogger(CryptoAutoConfiguration.class);

    @Bean
    @ConditionalOnMissingBean
    MasterKeyProvider masterKeyProvider(CryptoProperties properties, Environment environment) {
        Path file = properties.masterKeyFile() != null ? properties.masterKeyFile()
                : Path.of(".devstack", "data", "keys", environment.getProperty("spring.application.name", "service") + "-master.json");
        LocalKeysetMasterKeyProvider provider = LocalKeysetMasterKeyProvider.loadOrCreate(file);
        log.info("master keys: {} (for development; production plugs in a KMS-backed MasterKeyProvider)", provider.describe());
        return provider;
    }

    @Bean
    @ConditionalOnMissingBean
    SubjectKeyring subjectKeyring(DatabaseClient database, CryptoProperties properties, MasterKeyProvider masterKeys,
                                  ObjectProvider<MeterRegistry> meters) {
        return new SubjectKeyring(database, properties.keyringTable(), masterKeys,
                meters.getIfAvailable(SimpleMeterRegistry::new), properties.cacheSize());
    }

    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnProperty(name = "teletherapy.crypto.rewrap.enabled", matchIfMissing = true)
    MasterKeyRewrapper masterKeyRewrapper(SubjectKeyring keyring, CryptoProperties properties) {
        return new MasterKeyRewrapper(keyring, properties.rewrap().interval(), properties.rewrap().batchSize());
    }
}
