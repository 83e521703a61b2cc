package org.teletherapy.crypto;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.flywaydb.core.api.callback.Callback;
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

/**
 * A service that has this module and a {@link DatabaseClient} gets a {@link SubjectKeyring} over the table named
 * by {@code teletherapy.crypto.keyring-table} (in this module's own schema, migrated here), master keys from a local
 * keyset file unless it declares its own {@link MasterKeyProvider} (a KMS, Vault), and the background
 * {@link MasterKeyRewrapper}.
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
        LocalKeysetMasterKeyProvider provider = LocalKeysetMasterKeyProvider.loadOrCreate(properties.masterKeyFile(environment));
        log.info("master keys: {} (for development; production plugs in a KMS-backed MasterKeyProvider)", provider.describe());
        return provider;
    }

    /** Over the service's Flyway connection, as eventing migrates its tables. */
    @Bean
    CryptoDatabase cryptoDatabase(Environment environment) {
        return new CryptoDatabase(environment.getRequiredProperty("spring.flyway.url"),
                environment.getProperty("spring.flyway.user"), environment.getProperty("spring.flyway.password"));
    }

    @Bean
    @ConditionalOnMissingBean
    SubjectKeyring subjectKeyring(DatabaseClient database, CryptoDatabase cryptoDatabase, CryptoProperties properties,
                                  MasterKeyProvider masterKeys, ObjectProvider<MeterRegistry> meters) {
        return new SubjectKeyring(database, cryptoDatabase.migrate(properties.keyringTable()), masterKeys,
                meters.getIfAvailable(SimpleMeterRegistry::new), properties.cacheSize());
    }

    /**
     * Lets a database that applied the service's migration as released (with the keyring's DDL) pass the service's
     * Flyway validation; Spring Boot hands every {@link Callback} bean to the service's Flyway.
     */
    @Bean
    @ConditionalOnProperty(name = "teletherapy.crypto.keyring-created-by.version")
    Callback formerKeyringMigration(CryptoProperties properties) {
        return new FormerKeyringMigration(properties.keyringCreatedBy());
    }

    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnProperty(name = "teletherapy.crypto.rewrap.enabled", matchIfMissing = true)
    MasterKeyRewrapper masterKeyRewrapper(SubjectKeyring keyring, CryptoProperties properties) {
        return new MasterKeyRewrapper(keyring, properties.rewrap().interval(), properties.rewrap().batchSize());
    }
}
