package org.teletherapy.crypto;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.nio.file.Path;
import java.time.Duration;

/**
 * Settings of envelope encryption.
 *
 * @param masterKeyFile the local master keyset of {@link LocalKeysetMasterKeyProvider}, created on first start;
 *                      defaults to {@code .devstack/data/keys/<spring.application.name>-master.json} under the
 *                      working directory. Unused when the service declares another {@link MasterKeyProvider} bean.
 * @param keyringTable  the table of wrapped data keys, created by the service's migration
 * @param cacheSize     unwrapped data keys kept in memory
 * @param rewrap        the background rewrap after a master key rotation
 */
@ConfigurationProperties("teletherapy.crypto")
public record CryptoProperties(Path masterKeyFile, @DefaultValue("subject_keyset") String keyringTable,
                               @DefaultValue("10000") int cacheSize, @DefaultValue Rewrap rewrap) {

    /**
     * @param enabled   whether this instance rewraps in the background
     * @param interval  how often it looks for data keys under older master key versions
     * @param batchSize data keys per batch
     */
    public record Rewrap(@DefaultValue("true") boolean enabled, @DefaultValue("1m") Duration interval,
                         @DefaultValue("100") int batchSize) {
    }
}
