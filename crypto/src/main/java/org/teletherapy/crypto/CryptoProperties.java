package org.teletherapy.crypto;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.core.env.Environment;

import java.nio.file.Path;
import java.time.Duration;

/**
 * Settings of envelope encryption.
 *
 * @param masterKeyFile the local master keyset of {@link LocalKeysetMasterKeyProvider}, created on first start;
 *                      defaults to {@code .devstack/data/keys/<spring.application.name>-master.json} under the
 *                      working directory. Unused when the service declares another {@link MasterKeyProvider} bean.
 * @param keyringTable  the table of wrapped data keys, in this module's schema {@code crypto} (created by its own
 *                      migration); fixed once the service is installed
 * @param cacheSize     unwrapped data keys kept in memory
 * @param rewrap        the background rewrap after a master key rotation
 * @param keyringCreatedBy the service's own migration that created the keyring table before this module had a schema
 *                      of its own, if it had one; unset for a service that never created it
 */
@ConfigurationProperties("teletherapy.crypto")
public record CryptoProperties(Path masterKeyFile, @DefaultValue("subject_keyset") String keyringTable,
                               @DefaultValue("10000") int cacheSize, @DefaultValue Rewrap rewrap,
                               KeyringCreatedBy keyringCreatedBy) {

    /** The master keyset file: the configured one, or the devstack's {@code <application name>-master.json}. */
    public Path masterKeyFile(Environment environment) {
        return masterKeyFile != null ? masterKeyFile
                : Path.of(".devstack", "data", "keys", applicationName(environment) + "-master.json");
    }

    private static String applicationName(Environment environment) {
        return environment.getRequiredProperty("spring.application.name");
    }

    /**
     * @param enabled   whether this instance rewraps in the background
     * @param interval  how often it looks for data keys under older master key versions
     * @param batchSize data keys per batch
     */
    public record Rewrap(@DefaultValue("true") boolean enabled, @DefaultValue("1m") Duration interval,
                         @DefaultValue("100") int batchSize) {
    }

    /**
     * @param version  the migration's version, e.g. {@code 2}
     * @param checksum its checksum as released, with the keyring's DDL (Flyway's {@code checksum} in the history of
     *                 a database that applied it then)
     */
    public record KeyringCreatedBy(String version, int checksum) {
    }
}
